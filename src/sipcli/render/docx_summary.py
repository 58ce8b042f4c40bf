"""The family summary as a one-page Word document, in the styles of the plan's Word template.

Built with python-docx on a copy of the template whose body is emptied, as the progress
report is: its styles, page setup, header and footer stay, so a firm's template restyles the
summary too. The page must stay one page, so no paragraph here starts a new page, whatever
the template's heading styles say, and each heading keeps with the text under it.
"""

from __future__ import annotations

from pathlib import Path

from docx.document import Document as DocumentObject
from docx.shared import Pt
from docx.text.paragraph import Paragraph

from sipcli.errors import SipError
from sipcli.load.config import RenderLook
from sipcli.render.docx_render import stable_bytes, xml_safe
from sipcli.render.docx_report import blank_report
from sipcli.render.summary_view import SummaryView

#: The template's styles the summary uses (every Word document has them).
_HEADING = "Heading 2"
_BULLET = "List Bullet"
#: The size of the small print: what each status means, how many more goals the plan has.
_SMALL = Pt(9)
_HEADING_SPACE = Pt(10)


def render_summary_docx(
    view: SummaryView, template: Path | None = None, look: RenderLook | None = None
) -> bytes:
    """Return the family summary as DOCX bytes.

    Raises:
        SipError: when the template cannot be read or lacks the styles the summary uses.
    """
    document = blank_report(template, f"{view.title}: a summary for families", look)
    try:
        _write(document, view)
    except KeyError as error:
        raise SipError(f"the Word template lacks a style the summary uses: {error}") from error
    return stable_bytes(document)


def _write(document: DocumentObject, view: SummaryView) -> None:
    # The template's title may open a title page with space above it; here it heads a page.
    _add(document, view.title, "Title").paragraph_format.space_before = Pt(0)
    _add(document, view.subtitle, "Subtitle")
    _add(document, view.intro).runs[0].italic = True
    if view.vision:
        _heading(document, view.headings["vision"])
        _add(document, view.vision)
    if view.focus:
        _heading(document, view.headings["focus"])
        for item in view.focus:
            _add(document, item, _BULLET)
        _small(document, view.more_focus)
    if view.goals:
        _heading(document, view.headings["goals"])
        _small(document, view.as_of)
        for goal in view.goals:
            paragraph = _add(document, f"{goal.status}: ", _BULLET)
            paragraph.runs[0].bold = True
            paragraph.add_run(xml_safe(goal.text))
            standing = " ".join(line for line in (goal.standing, goal.checks) if line)
            if standing:
                paragraph.add_run().add_break()
                paragraph.add_run(xml_safe(standing)).italic = True
        _small(document, view.more_goals)
        _legend(document, view)
    _heading(document, view.headings["families"])
    for line in view.families:
        _add(document, line, _BULLET)


def _legend(document: DocumentObject, view: SummaryView) -> None:
    """What each status word means, in small print under the goals."""
    if not view.legend:
        return
    paragraph = _add(document, "")
    paragraph.paragraph_format.space_before = Pt(4)
    for index, entry in enumerate(view.legend):
        if index:
            paragraph.add_run("  ·  ").font.size = _SMALL
        label = paragraph.add_run(xml_safe(entry.label))
        label.bold = True
        label.font.size = _SMALL
        paragraph.add_run(xml_safe(f": {entry.value}.")).font.size = _SMALL


def _heading(document: DocumentObject, text: str) -> None:
    paragraph = _add(document, text, _HEADING)
    paragraph.paragraph_format.keep_with_next = True
    # A little tighter than the plan's headings, so that the page holds a fourth goal.
    paragraph.paragraph_format.space_before = _HEADING_SPACE


def _small(document: DocumentObject, text: str) -> None:
    if text:
        _add(document, text).runs[0].font.size = _SMALL


def _add(document: DocumentObject, text: str, style: str | None = None) -> Paragraph:
    """Add a paragraph that never starts a page of its own (one page is the point)."""
    paragraph = document.add_paragraph(xml_safe(text), style=style)
    paragraph.paragraph_format.page_break_before = False
    return paragraph
