"""The finish of a rendered Word document: logo, colours, linked contents and stage starts.

These run on the document docxtpl has filled in, and touch only what the template asks for
by its styles: a "Cover Logo" paragraph gets the logo, "toc 1" paragraphs become contents
entries (a link to the Heading 1 of the same text and its page number), and a long stage's
Heading 1 starts a new page. A firm's own template without those styles is left as it is;
its colours are changed only where ``.sip.yaml`` sets colours.

The page numbers are ``PAGEREF`` fields to a bookmark on each heading: LibreOffice computes
them when it lays the document out (its PDF shows them), and Word updates them on opening
(``w:updateFields``). A ``TOC`` field would not do: LibreOffice keeps its entries as written.
"""

from __future__ import annotations

import io
import math
import struct

from docx.document import Document
from docx.image.exceptions import (
    InvalidImageStreamError,
    UnexpectedEndOfFileError,
    UnrecognizedImageError,
)
from docx.image.image import Image
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Inches, Length

from sipcli.errors import SipError
from sipcli.render.docx_sections import text_of
from sipcli.render.viewmodel import Cover, Item, Section, Table

#: The style ids the finish looks for (Word's own ids for its built-in styles).
HEADING, CONTENTS_ENTRY, LOGO = "Heading1", "TOC1", "CoverLogo"
#: How the bookmarks on the stage headings are named: hidden (``_Toc``), numbered in order.
BOOKMARK = "_TocSip{:03d}"
#: The logo's height on the title page, and the widest it may be (a wide wordmark).
LOGO_HEIGHT, LOGO_WIDEST = Inches(0.9), Inches(3.0)
#: Roughly how many characters a line of body text holds, and how many lines make a stage
#: long enough to start on a new page (a page holds about 50).
LINE, LONG_STAGE = 100, 45
#: The elements of ``w:settings`` that come after ``w:updateFields`` (ECMA-376 17.15.1.78).
_AFTER_UPDATE_FIELDS = (
    "w:hdrShapeDefaults", "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids",
    "m:mathPr", "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats", "w:doNotAutoCompressPictures", "w:forceUpgrade",
    "w:captions", "w:readModeInkLockDown", "w:smartTagType", "sl:schemaLibrary",
    "w:shapeDefaults", "w:doNotEmbedSmartTags", "w:decimalSymbol", "w:listSeparator",
)  # fmt: skip


def finish_document(document: Document, sections: tuple[Section, ...], cover: Cover) -> None:
    """Give the filled-in document its logo, colours, linked contents and stage starts.

    Raises:
        SipError: when the configured logo is not an image Word can show.
    """
    place_logo(document, cover)
    apply_colours(document, cover.primary, cover.accent)
    headings = _paragraphs(document, HEADING)
    start_long_stages(headings, sections)
    link_contents(document, headings)


def place_logo(document: Document, cover: Cover) -> None:
    """Put the logo in the first "Cover Logo" paragraph (without one, it stays as a spacer).

    Raises:
        SipError: when the logo's bytes are not an image python-docx can read.
    """
    places = _paragraphs(document, LOGO)
    if not places or not cover.logo:
        return
    place = places[0]
    try:
        image = Image.from_blob(cover.logo)
    except (
        InvalidImageStreamError,
        UnexpectedEndOfFileError,
        UnrecognizedImageError,
        struct.error,
        ValueError,
        IndexError,
        KeyError,
        ZeroDivisionError,
    ) as error:
        raise SipError(
            "the logo named in .sip.yaml (render: logo:) could not be read as a PNG or JPEG "
            "image: open it in an image editor and export it again as PNG"
        ) from error
    width, height = _logo_size(image.px_width, image.px_height)
    paragraph = next(paragraph for paragraph in document.paragraphs if paragraph._p is place)
    paragraph.add_run().add_picture(io.BytesIO(cover.logo), width=width, height=height)


def _logo_size(px_width: int, px_height: int) -> tuple[Length, Length]:
    """The logo's size: ``LOGO_HEIGHT`` tall unless that makes it wider than ``LOGO_WIDEST``."""
    ratio = px_width / px_height if px_height else 1.0
    height = LOGO_HEIGHT
    if height * ratio > LOGO_WIDEST:
        return Length(LOGO_WIDEST), Length(round(LOGO_WIDEST / ratio))
    return Length(round(height * ratio)), Length(height)


def apply_colours(document: Document, primary: str, accent: str) -> None:
    """Recolour the title, headings, rules and table header rows where colours are set.

    Only the styles are changed, so the document stays restylable in Word; nothing changes
    when ``.sip.yaml`` sets no colours, and a template's own look then stays.
    """
    styles = document.styles.element
    if primary:
        for style_id in ("Title", "Heading1", "CoverDetailsHeading"):
            _style_colour(styles, style_id, primary)
        for style_id in ("Title", "Heading1"):
            _style_border(styles, style_id, primary)
        for fill in styles.xpath(
            'w:style[@w:styleId="PlanTable"]/w:tblStylePr[@w:type="firstRow"]/w:tcPr/w:shd'
        ):
            fill.set(qn("w:fill"), primary[1:])
    if accent:
        for style_id in ("Subtitle", "Heading2", "Heading3"):
            _style_colour(styles, style_id, accent)
        _style_border(styles, "CoverRule", accent)


def _style_colour(styles: BaseOxmlElement, style_id: str, colour: str) -> None:
    """Set the text colour of the style ``style_id`` (if the document has it)."""
    for style in styles.xpath(f'w:style[@w:styleId="{style_id}"]'):
        element = style.get_or_add_rPr().get_or_add_color()
        # A theme colour wins over w:val in Word: drop it, or the user's colour would not show.
        for name in ("w:themeColor", "w:themeShade", "w:themeTint"):
            element.attrib.pop(qn(name), None)
        element.set(qn("w:val"), colour[1:])


def _style_border(styles: BaseOxmlElement, style_id: str, colour: str) -> None:
    """Set the colour of the line under paragraphs of the style ``style_id``, if it has one."""
    for border in styles.xpath(f'w:style[@w:styleId="{style_id}"]/w:pPr/w:pBdr/w:bottom'):
        border.set(qn("w:color"), colour[1:])


def start_long_stages(headings: list[BaseOxmlElement], sections: tuple[Section, ...]) -> None:
    """Start the first stage, and each long one, on a new page; short ones follow on.

    A page break before every stage left half-empty pages after short stages (a vision of
    three sentences); a long stage that starts low on a page would break at once.
    """
    remaining = list(headings)
    for index, section in enumerate(sections):
        heading = _take(remaining, section.title)
        if heading is not None and (index == 0 or stage_lines(section) > LONG_STAGE):
            _page_break_before(heading)


def _page_break_before(paragraph: BaseOxmlElement) -> None:
    """Start the paragraph on a new page (``w:pageBreakBefore``, in its schema place)."""
    paragraph.get_or_add_pPr().get_or_add_pageBreakBefore()


def stage_lines(section: Section) -> int:
    """Roughly how many lines of a page ``section`` fills."""
    lines = 3 + sum(2 + _text_lines(entry.value) for entry in section.paragraphs)
    lines += sum(1 + sum(_text_lines(line) for line in items) for _, items in section.lists)
    lines += sum(2 + _table_lines(table) for _, table in section.tables)
    return lines + sum(_item_lines(item) for item in section.items)


def _item_lines(item: Item) -> int:
    lines = 2 + _text_lines(item.body) + sum(_text_lines(entry.value) for entry in item.details)
    lines += sum(_table_lines(table) for table in item.tables)
    return lines + sum(_item_lines(child) for child in item.children)


def _table_lines(table: Table) -> int:
    rows = [*table.rows, *([table.footer] if table.footer else [])]
    # Table text is smaller than body text: a page-wide row holds about a fifth more.
    width = max(8, round(LINE * 1.2 / max(1, len(table.headers))))
    return 2 + sum(max([1, *(_text_lines(cell, width) for cell in row.cells)]) for row in rows)


def _text_lines(text: str, width: int = LINE) -> int:
    return sum(max(1, math.ceil(len(line) / width)) for line in text.splitlines()) if text else 0


def link_contents(document: Document, headings: list[BaseOxmlElement]) -> None:
    """Turn each "toc 1" paragraph into a contents entry: a link to its heading, a page number.

    Each Heading 1 gets a bookmark; an entry links to the first heading of the same text
    not yet linked. Word is asked to update the page numbers when it opens the document.
    """
    entries = _paragraphs(document, CONTENTS_ENTRY)
    if not entries:
        return
    body = document.element.body
    taken = [int(value) for value in body.xpath(".//w:bookmarkStart/@w:id") if value.isdigit()]
    first = max(taken, default=0) + 1
    names: dict[int, str] = {}
    for index, heading in enumerate(headings):
        names[id(heading)] = BOOKMARK.format(index + 1)
        _bookmark(heading, first + index, names[id(heading)])
    remaining = list(headings)
    for entry in entries:
        target = _take(remaining, text_of(entry))
        if target is not None:
            _contents_entry(entry, text_of(entry), names[id(target)])
    _update_fields_on_open(document)


def _bookmark(paragraph: BaseOxmlElement, number: int, name: str) -> None:
    """Wrap the paragraph's content in a bookmark named ``name``."""
    start = parse_xml(f'<w:bookmarkStart {nsdecls("w")} w:id="{number}" w:name="{name}"/>')
    properties = paragraph.find(qn("w:pPr"))
    if properties is None:
        paragraph.insert(0, start)
    else:
        properties.addnext(start)
    paragraph.append(parse_xml(f'<w:bookmarkEnd {nsdecls("w")} w:id="{number}"/>'))


def _contents_entry(paragraph: BaseOxmlElement, text: str, bookmark: str) -> None:
    """Make the paragraph a link to ``bookmark``: its text, a tab, and a PAGEREF field."""
    for child in list(paragraph):
        if child.tag != qn("w:pPr"):
            paragraph.remove(child)
    link = OxmlElement("w:hyperlink")
    link.set(qn("w:anchor"), bookmark)
    link.set(qn("w:history"), "1")
    link.append(_run(text=text))
    link.append(_run(OxmlElement("w:tab")))
    link.append(_run(_field_char("begin")))
    link.append(_run(_instruction(f" PAGEREF {bookmark} \\h ")))
    link.append(_run(_field_char("separate")))
    link.append(_run(text=""))
    link.append(_run(_field_char("end")))
    paragraph.append(link)


def _run(child: BaseOxmlElement | None = None, text: str | None = None) -> BaseOxmlElement:
    run = OxmlElement("w:r")
    if text is not None:
        child = OxmlElement("w:t")
        child.set(qn("xml:space"), "preserve")
        child.text = text
    if child is not None:
        run.append(child)
    return run


def _field_char(kind: str) -> BaseOxmlElement:
    element = OxmlElement("w:fldChar")
    element.set(qn("w:fldCharType"), kind)
    return element


def _instruction(text: str) -> BaseOxmlElement:
    element = OxmlElement("w:instrText")
    element.set(qn("xml:space"), "preserve")
    element.text = text
    return element


def _update_fields_on_open(document: Document) -> None:
    """Set ``w:updateFields`` in settings.xml, in its place in the schema's order."""
    settings = document.settings.element
    if settings.find(qn("w:updateFields")) is not None:
        return
    element = OxmlElement("w:updateFields")
    element.set(qn("w:val"), "true")
    settings.insert_element_before(element, *_AFTER_UPDATE_FIELDS)


def _paragraphs(document: Document, style_id: str) -> list[BaseOxmlElement]:
    """The body's paragraphs (outside tables) in the style ``style_id``, in order."""
    return list(document.element.body.xpath(f'w:p[w:pPr/w:pStyle/@w:val="{style_id}"]'))


def _take(paragraphs: list[BaseOxmlElement], text: str) -> BaseOxmlElement | None:
    """Remove and return the first paragraph whose text is ``text``, if any."""
    for index, paragraph in enumerate(paragraphs):
        if text_of(paragraph) == text:
            return paragraphs.pop(index)
    return None
