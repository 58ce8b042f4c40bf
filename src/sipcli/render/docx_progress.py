"""The progress report as a Word document, in the styles of the plan's Word template.

The report is built with python-docx on a copy of the template whose body is emptied: its
styles, page setup, header and footer stay, so a firm's template restyles the report too.
Charts are embedded as PNG pictures. The bytes are stable, as for the plan.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx.document import Document as DocumentObject
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches
from docx.styles.style import ParagraphStyle
from docx.table import _Cell

from sipcli.errors import SipError
from sipcli.load.config import RenderLook
from sipcli.render.docx_render import stable_bytes, xml_safe
from sipcli.render.docx_report import blank_report
from sipcli.render.docx_tables import finish_tables
from sipcli.render.progress_view import Chart, ProgressView
from sipcli.render.viewmodel import Entry, Table

_TABLE_STYLE = "Plan Table"
#: The paragraph style of the plan's table cells: the smaller text its column fitting assumes.
_CELL_STYLE = "Table Text"
#: The small paragraph the plan puts after a table, so the next table does not touch it.
_SPACER_STYLE = "Table Spacer"


def render_progress_docx(
    view: ProgressView,
    charts: dict[str, Chart],
    template: Path | None = None,
    look: RenderLook | None = None,
) -> bytes:
    """Return the progress report as DOCX bytes.

    Raises:
        SipError: when the template cannot be read or lacks the styles the report uses.
    """
    document = blank_report(template, view.title, look)
    try:
        _write(document, view, charts)
    except KeyError as error:
        raise SipError(f"the Word template lacks a style the report uses: {error}") from error
    finish_tables(document)
    return stable_bytes(document)


def _write(document: DocumentObject, view: ProgressView, charts: dict[str, Chart]) -> None:
    """The title block, the as-of date and the legend on page one, then a page per goal."""
    document.add_paragraph(xml_safe(view.title), style="Title")
    document.add_paragraph(xml_safe(view.subtitle), style="Subtitle")
    _entries(document, view.details)
    # The goals at a glance and the legend belong under the title, not on pages of their own.
    for heading, table in (("At a glance", view.glance), ("What the statuses mean", view.legend)):
        document.add_paragraph(
            heading, style="Heading 1"
        ).paragraph_format.page_break_before = False
        _table(document, table)
    for goal in view.goals:
        document.add_paragraph(xml_safe(goal.title), style="Heading 1")
        statement = document.add_paragraph(xml_safe(goal.statement))
        statement.paragraph_format.keep_with_next = True
        if goal.chart:
            document.add_picture(io.BytesIO(charts[goal.chart].png), width=Inches(6.5))
            document.paragraphs[-1].paragraph_format.keep_with_next = True
        _entries(document, goal.standing)
        if goal.benchmarks.rows:
            document.add_paragraph("Benchmarks", style="Heading 2")
            _table(document, goal.benchmarks)


def _entries(document: DocumentObject, entries: tuple[Entry, ...]) -> None:
    """Labelled values as bullets: "Baseline: 24% (spring 2026)"."""
    for entry in entries:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(xml_safe(f"{entry.label}: "), style="Strong")
        paragraph.add_run(xml_safe(entry.value))


def _table(document: DocumentObject, table: Table) -> None:
    """Add a table in the template's table style, its header row repeated on each page."""
    word = document.add_table(rows=1, cols=len(table.headers))
    word.style = document.styles[_TABLE_STYLE]
    names = {style.name for style in document.styles}
    text_style = document.styles[_CELL_STYLE] if _CELL_STYLE in names else None
    for cell, text in zip(word.rows[0].cells, table.headers, strict=True):
        _fill(cell, text, text_style)
    header = word.rows[0]._tr.get_or_add_trPr()
    header.append(OxmlElement("w:tblHeader"))
    # Page-wide, so that `finish_tables` sizes each column by its text (a short status, a long why).
    width = word._tbl.tblPr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        word._tbl.tblPr.append(width)
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    for row in table.rows:
        for cell, text in zip(word.add_row().cells, row.cells, strict=True):
            _fill(cell, text, text_style)
    spacer = _SPACER_STYLE if _SPACER_STYLE in names else None
    document.add_paragraph(style=spacer)


def _fill(cell: _Cell, text: str, style: ParagraphStyle | None) -> None:
    """Write ``text`` into ``cell``, in ``style`` (the plan's table text) when there is one."""
    cell.text = xml_safe(text)
    if style is not None:
        for paragraph in cell.paragraphs:
            paragraph.style = style
