"""A draft's finish in Word: the Draft mark in every header, gaps highlighted, stage notes.

These run on the filled-in document, so they work with sip's Word template and with a
consultant's own: the Draft mark goes at the top of every section's header (its first-page
header too, where the section has one, so the title page carries it), each gap's words
(marked by `sipcli.render.draft`) become an italic, highlighted run, and each unfinished
stage's note goes under its "Heading 1" (and the phase line below it, when there is one).
"""

from __future__ import annotations

import copy
import re
from typing import Any

from docx.document import Document
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from sipcli.render.docx_sections import text_of
from sipcli.render.draft import DRAFT_MARK
from sipcli.render.escape import GAP_CLOSE, GAP_OPEN
from sipcli.render.viewmodel import PlanView, Section

#: The Draft mark's colour: a dark red that prints legibly in black and white too.
MARK_COLOUR = RGBColor(0xA0, 0x1C, 0x1C)
_HEADING = "Heading1"
_GAP = re.compile(f"({GAP_OPEN}[^{GAP_OPEN}{GAP_CLOSE}]*{GAP_CLOSE})")


def finish_draft(document: Document, view: PlanView) -> None:
    """Give a draft's Word document its Draft mark, highlighted gaps and stage notes."""
    if not view.draft:
        return
    mark_headers(document, view.draft_note)
    note_stages(document, view.sections)
    for part in _text_parts(document):
        style_gaps(part)


def mark_headers(document: Document, note: str) -> None:
    """Put the Draft mark at the top of every header the document's pages show.

    The first section's headers are made when it has none (a title page without a header
    still carries the mark); a later section without its own shows the one before it. The
    title page's header also gets the draft's note (how much is left).
    """
    marked: set[str] = set()
    for index, section in enumerate(document.sections):
        kinds = [("default", False)]
        if section.different_first_page_header_footer:
            kinds.append(("first", index == 0))
        for kind, is_title_page in kinds:
            if _reference(section._sectPr, "headerReference", kind) is None:
                if index > 0:
                    continue  # it shows the previous section's header, marked already
                made = section.header if kind == "default" else section.first_page_header
                made.is_linked_to_previous = False
            part = _part(document, section._sectPr, "headerReference", kind)
            if part is None or str(part.partname) in marked:
                continue
            marked.add(str(part.partname))
            _mark(part.element, note if is_title_page else "")


def _reference(sect_pr: BaseOxmlElement, tag: str, kind: str) -> str | None:
    """The relationship id of a section's header (or footer) of ``kind``, if it has one."""
    for reference in sect_pr.findall(qn(f"w:{tag}")):
        if reference.get(qn("w:type")) == kind:
            return str(reference.get(qn("r:id")))
    return None


def _part(document: Document, sect_pr: BaseOxmlElement, tag: str, kind: str) -> Any:
    """The header or footer part a section refers to.

    Looked up through the document's relationships, not python-docx's cache of them:
    docxtpl puts each rendered header in a new part behind the same relationship.
    """
    rid = _reference(sect_pr, tag, kind)
    return document.part.rels[rid].target_part if rid is not None else None


def _mark(header: BaseOxmlElement, note: str) -> None:
    """Add the Draft mark (or ``note``) as the header's first paragraph."""
    paragraphs = header.findall(qn("w:p"))
    if len(paragraphs) == 1 and not text_of(paragraphs[0]).strip():
        element = paragraphs[0]
    else:
        element = OxmlElement("w:p")
        if paragraphs:
            paragraphs[0].addprevious(element)
        else:
            header.append(element)
    run = Paragraph(element, None).add_run(note or DRAFT_MARK)  # type: ignore[arg-type]
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = MARK_COLOUR


def note_stages(document: Document, sections: tuple[Section, ...]) -> None:
    """Put each stage's note under its heading (after the phase line, when there is one)."""
    headings = [
        paragraph for paragraph in document.paragraphs if paragraph.style is not None
        and paragraph.style.style_id == _HEADING
    ]  # fmt: skip
    used: set[int] = set()
    for section in sections:
        if not section.note:
            continue
        heading = next(
            (
                paragraph
                for paragraph in headings
                if id(paragraph._p) not in used and paragraph.text == section.title
            ),
            None,
        )
        if heading is None:
            continue  # a template that does not show this stage's heading: nothing to note
        used.add(id(heading._p))
        anchor: BaseOxmlElement = heading._p
        following = anchor.getnext()
        if section.phase and following is not None and text_of(following) == section.phase:
            anchor = following
        _note_after(anchor, heading, section.note)


def _note_after(anchor: BaseOxmlElement, heading: Paragraph, note: str) -> None:
    element = OxmlElement("w:p")
    anchor.addnext(element)
    paragraph = Paragraph(element, heading._parent)
    run = paragraph.add_run(note)
    run.bold = True
    run.italic = True
    run.font.color.rgb = MARK_COLOUR
    run.font.highlight_color = WD_COLOR_INDEX.YELLOW


def _text_parts(document: Document) -> list[BaseOxmlElement]:
    """The body and every header and footer: where a gap may be."""
    parts: list[BaseOxmlElement] = [document.element.body]
    seen: set[str] = set()
    for section in document.sections:
        for tag in ("headerReference", "footerReference"):
            for kind in ("default", "first", "even"):
                part = _part(document, section._sectPr, tag, kind)
                if part is not None and str(part.partname) not in seen:
                    seen.add(str(part.partname))
                    parts.append(part.element)
    return parts


def style_gaps(root: BaseOxmlElement) -> None:
    """Split each run holding a gap so that the gap's words are italic and highlighted."""
    for run in list(root.iter(qn("w:r"))):
        if any(GAP_OPEN in (text.text or "") for text in run.iter(qn("w:t"))):
            _split(run)


def _split(run: BaseOxmlElement) -> None:
    """Replace ``run`` by runs of its pieces, each gap a run of its own."""
    properties = run.find(qn("w:rPr"))
    pieces: list[tuple[BaseOxmlElement, bool]] = []
    for child in list(run):
        if child.tag == qn("w:rPr"):
            continue
        if child.tag != qn("w:t") or GAP_OPEN not in (child.text or ""):
            pieces.append((child, False))
            continue
        for part in _GAP.split(child.text or ""):
            is_gap = part.startswith(GAP_OPEN)
            words = part.replace(GAP_OPEN, "").replace(GAP_CLOSE, "")
            if words:
                pieces.append((_text(words), is_gap))
    for content, is_gap in pieces:
        new = OxmlElement("w:r")
        if properties is not None:
            new.append(copy.deepcopy(properties))
        new.append(content)
        if is_gap:
            styled = Run(new, None)  # type: ignore[arg-type]  # only its font is set
            styled.italic = True
            styled.font.highlight_color = WD_COLOR_INDEX.YELLOW
        run.addprevious(new)
    run.getparent().remove(run)


def _text(words: str) -> BaseOxmlElement:
    element = OxmlElement("w:t")
    element.text = words
    element.set(qn("xml:space"), "preserve")
    return element
