"""Everything done to a rendered Word document's tables, so that they read as designed.

`finish_tables` applies it all, to the plan and to the progress report alike:

- no row breaks across a page, and a table's header row keeps with its first body row;
- the heading above a table (and what stands between them) keeps with the table, so a
  heading is never left alone at the foot of a page;
- a table too wide for a portrait page (its unbreakable words do not fit, or it has many
  columns) goes on landscape pages, with the tables near it in the same stage;
- each page-wide table's columns get widths for their content: no id, date, sum of money,
  code or header word breaks inside itself, and the long text columns get the rest;
- the hyphens inside ids, dates and codes ("2026-27", "i-Ready") do not break a line, in
  tables or anywhere else in the body.

A template's own fixed-width tables keep their widths; only the row and heading rules
apply to them.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Tbl, CT_Tc
from docx.oxml.xmlchemy import BaseOxmlElement

from sipcli.render.docx_columns import Cell, Need, share
from sipcli.render.docx_sections import (
    is_portrait,
    landscape,
    sections_of,
    text_of,
    text_width,
)
from sipcli.render.docx_styles import StyleBook, table_style
from sipcli.render.docx_widths import (
    fixed_hyphens,
    least_width,
    line_width,
    measure,
    space,
    words,
)

#: A table with this many columns goes on a landscape page even when its words would fit
#: a portrait one: nine columns on 6.9 inches leave the goal statement a sliver.
LANDSCAPE_COLUMNS = 8
#: How far above a table its heading is looked for, in paragraphs (a goal's heading, its
#: statement and its labelled details: priority, grades, subject, direction, baseline note,
#: target period, interim targets and SMART score).
LEAD_PARAGRAPHS = 10
#: A paragraph this short between two headings (a stage's "Phase II") keeps with them.
SHORT_PARAGRAPH = 40

_P, _T, _BR, _TAB, _TBL = qn("w:p"), qn("w:t"), qn("w:br"), qn("w:tab"), qn("w:tbl")
_SECTPR, _HYPHEN = qn("w:sectPr"), qn("w:noBreakHyphen")
_PPR, _KEEP_NEXT, _TCPR, _TCW = qn("w:pPr"), qn("w:keepNext"), qn("w:tcPr"), qn("w:tcW")
#: The row properties that follow ``w:cantSplit`` in the schema's order (ECMA-376 17.4.82).
_AFTER_CANT_SPLIT = ("trHeight", "tblHeader", "tblCellSpacing", "jc", "hidden", "ins", "del")


@dataclass
class _Fitted:
    """A page-wide table, what each of its columns needs, and what a column loses to margins."""

    table: CT_Tbl
    needs: list[Need]
    overhead: int


def finish_tables(document: Document) -> None:
    """Apply every table treatment to ``document``: rows, headings, landscape, column widths."""
    styles = StyleBook(document)
    body = document.element.body
    tables = [child for child in body.iterchildren(_TBL)]
    keep_rows_whole(document)
    keep_tokens_whole(body)
    leads = {table: keep_with_table(table, styles) for table in tables}
    fitted = [found for table in tables if (found := _measure(table, styles)) is not None]
    sections = sections_of(body)
    wide = [found for found in fitted if _too_wide(found, sections[found.table])]
    for first, last in _landscape_parts(wide, leads, styles):
        landscape(first, last)
    sections = sections_of(body) if wide else sections
    for found in fitted:
        _set_widths(found, text_width(sections[found.table]))


def keep_rows_whole(document: Document) -> None:
    """Mark every table row as one that may not break across a page.

    A row split over two pages leaves its id and type on one page and the rest of its text
    on the next, which reads as two half-empty rows; a row that does not fit moves whole.
    """
    for table in document.tables:
        for row in table._tbl.tr_lst:
            properties = row.get_or_add_trPr()
            if properties.find(qn("w:cantSplit")) is not None:
                continue
            # Word checks the order of a row's properties: cantSplit comes before these.
            later = [properties.find(qn(f"w:{name}")) for name in _AFTER_CANT_SPLIT]
            following = next((element for element in later if element is not None), None)
            if following is None:
                properties.append(OxmlElement("w:cantSplit"))
            else:
                following.addprevious(OxmlElement("w:cantSplit"))


def keep_tokens_whole(element: BaseOxmlElement) -> None:
    """Make the hyphens inside the ids, dates and codes of ``element``'s text non-breaking.

    A column wide enough for "2026-27" still breaks it after the hyphen when it comes at
    the end of a line, and so does a paragraph ("grades 9-" / "12"); Word's non-breaking
    hyphen reads the same (and copies as a hyphen) and keeps the token whole.
    """
    for text in list(element.iter(_T)):
        pieces = fixed_hyphens(text.text or "")
        if len(pieces) == 1:
            continue
        text.text = pieces[0]
        _preserve_spaces(text)
        anchor = text
        for piece in pieces[1:]:
            hyphen = OxmlElement("w:noBreakHyphen")
            anchor.addnext(hyphen)
            anchor = OxmlElement("w:t")
            anchor.text = piece
            _preserve_spaces(anchor)
            hyphen.addnext(anchor)


def _preserve_spaces(text: BaseOxmlElement) -> None:
    """Keep a text's leading and trailing spaces, which Word drops unless told."""
    if text.text and text.text != text.text.strip():
        text.set(qn("xml:space"), "preserve")


def keep_with_table(table: CT_Tbl, styles: StyleBook) -> list[BaseOxmlElement]:
    """Keep a table's heading, and what stands between them, with its first rows.

    The header rows keep with the first body row, and the paragraphs from the heading above
    the table down to it keep with the next, so Word and LibreOffice move them to the next
    page together. Returns those paragraphs (none when no heading is near).
    """
    headers = _header_rows(table) or table.tr_lst[:1]
    if len(table.tr_lst) > len(headers):
        for row in headers:
            for paragraph in row.iter(_P):
                _keep_with_next(paragraph)
    lead = _lead(table, styles)
    for paragraph in lead:
        if not styles.keeps_with_next(paragraph):
            _keep_with_next(paragraph)
    return lead


def _lead(table: CT_Tbl, styles: StyleBook) -> list[BaseOxmlElement]:
    """Return the paragraphs from the heading above ``table`` to it, in document order.

    The nearest heading within `LEAD_PARAGRAPHS`, with the headings right above it (a
    stage's Heading 1 and its short "Phase II" line above a table's Heading 2).
    """
    lead: list[BaseOxmlElement] = []
    node = table.getprevious()
    while node is not None and _plain_paragraph(node) and len(lead) < LEAD_PARAGRAPHS:
        lead.insert(0, node)
        if styles.is_heading(node):
            break
        node = node.getprevious()
    else:
        return []
    while (above := lead[0].getprevious()) is not None and _plain_paragraph(above):
        if styles.is_heading(above):
            lead.insert(0, above)
            continue
        higher = above.getprevious()
        short = len(text_of(above)) <= SHORT_PARAGRAPH
        if short and higher is not None and _plain_paragraph(higher) and styles.is_heading(higher):
            lead[:0] = [higher, above]
            continue
        break
    return lead


def _plain_paragraph(node: BaseOxmlElement) -> bool:
    """True for a paragraph that does not end a section."""
    return node.tag == _P and node.find(f"{qn('w:pPr')}/{_SECTPR}") is None


def _keep_with_next(paragraph: BaseOxmlElement) -> None:
    properties = paragraph.find(_PPR)
    if properties is None:
        properties = OxmlElement("w:pPr")
        paragraph.insert(0, properties)
    if properties.find(_KEEP_NEXT) is not None:
        return
    # Only a paragraph's style comes before keepNext in its properties (ECMA-376 17.3.1.26).
    style = properties.find(qn("w:pStyle"))
    properties.insert(0 if style is None else 1, OxmlElement("w:keepNext"))


def _header_rows(table: CT_Tbl) -> list[BaseOxmlElement]:
    """Return the table's header rows: those repeated on each page, from the top."""
    rows: list[BaseOxmlElement] = []
    for row in table.tr_lst:
        properties = row.trPr
        if properties is None or properties.find(qn("w:tblHeader")) is None:
            break
        rows.append(row)
    return rows


def _measure(table: CT_Tbl, styles: StyleBook) -> _Fitted | None:
    """Return what a page-wide table's columns need; None for a table sip leaves as it is.

    Tables of a fixed width, of one column, or with merged cells keep their template's grid.
    """
    width = table.tblPr.find(qn("w:tblW"))
    columns = table.tblGrid.findall(qn("w:gridCol"))
    if width is None or width.get(qn("w:type")) != "pct" or len(columns) < 2:
        return None
    rows = table.tr_lst
    if any(len(row.tc_lst) != len(columns) for row in rows):
        return None
    if table.find(f".//{qn('w:gridSpan')}") is not None:
        return None
    headers = len(_header_rows(table)) or 1
    bold = styles.header_bold(table)
    style = table_style(table)
    needs = []
    for index in range(len(columns)):
        cells = [row.tc_lst[index] for row in rows]
        needs.append(_need(cells, headers, bold, style, styles))
    overhead = styles.cell_margins(table) + styles.border(table)
    return _Fitted(table, needs, overhead)


def _need(
    cells: list[CT_Tc], headers: int, bold: bool, style: str | None, styles: StyleBook
) -> Need:
    """Return what one column needs: header words whole and bold, body tokens by kind."""
    least = most = 0.0
    body: list[float] = []
    measured: list[Cell] = []
    for number, cell in enumerate(cells):
        header = number < headers
        paragraph = next(cell.iter(_P), None)
        if paragraph is None:
            measured.append(Cell((), 0.0))
            continue
        font = styles.cell_font(paragraph, style, bold and header)
        lines = _cell_lines(cell)
        least = max([least, *(least_width(line, font, whole=header) for line in lines)])
        most = max([most, *(line_width(line, font) for line in lines)])
        measured.append(Cell(tuple(words(line, font) for line in lines), space(font)))
        if not header:
            body.append(sum(measure(line, font) for line in lines))
    weight = sum(body) / len(body) if body else 0.0
    return Need(least, most, weight, tuple(measured))


def _cell_lines(cell: CT_Tc) -> list[str]:
    """Return a cell's lines: each paragraph and each line break starts one."""
    lines: list[str] = []
    for node in cell.iter(_P, _T, _BR, _TAB, _HYPHEN):
        if node.tag in (_P, _BR) or not lines:
            lines.append("")
        if node.tag == _T:
            lines[-1] += node.text or ""
        elif node.tag == _TAB:
            lines[-1] += " "
        elif node.tag == _HYPHEN:
            lines[-1] += "-"
    return lines


def _room(found: _Fitted, width: int) -> float:
    """Return the text width a table's columns share on a page ``width`` twips wide."""
    return width - len(found.needs) * found.overhead


def _too_wide(found: _Fitted, section: BaseOxmlElement | None) -> bool:
    """True when a table in a portrait section belongs on a landscape page."""
    if not is_portrait(section):
        return False
    least = sum(need.least for need in found.needs)
    return len(found.needs) >= LANDSCAPE_COLUMNS or least > _room(found, text_width(section))


def _landscape_parts(
    wide: list[_Fitted], leads: dict[CT_Tbl, list[BaseOxmlElement]], styles: StyleBook
) -> list[tuple[BaseOxmlElement, BaseOxmlElement]]:
    """Return the stretches of the body to set landscape: each wide table with its heading.

    Wide tables in the same stage (no new page between them) share one stretch, with what
    lies between them, so that the pages do not turn back and forth.
    """
    parts: list[tuple[BaseOxmlElement, BaseOxmlElement]] = []
    for found in wide:
        lead = leads.get(found.table) or []
        first = lead[0] if lead else found.table
        last = _item_end(found.table, styles)
        if parts and not _page_starts_between(parts[-1][1], first, styles):
            parts[-1] = (parts[-1][0], last)
        else:
            parts.append((first, last))
    return parts


def _item_end(table: CT_Tbl, styles: StyleBook) -> BaseOxmlElement:
    """Return the last body child that belongs with ``table``: up to the next heading.

    A goal's results table follows its benchmarks table with no heading between; it belongs
    on the same landscape page, not alone on a portrait page after it.
    """
    end: BaseOxmlElement = table
    for node in table.itersiblings():
        if node.tag == _SECTPR or (node.tag == _P and _ends_item(node, styles)):
            break
        if node.tag == _TBL:
            end = node
    return end


def _ends_item(paragraph: BaseOxmlElement, styles: StyleBook) -> bool:
    """True when a paragraph starts something new: a heading, a page or a section break."""
    return (
        styles.is_heading(paragraph)
        or styles.starts_page(paragraph)
        or paragraph.find(f"{qn('w:pPr')}/{_SECTPR}") is not None
    )


def _page_starts_between(
    earlier: BaseOxmlElement, later: BaseOxmlElement, styles: StyleBook
) -> bool:
    """True when a new stage, page or section starts after ``earlier``, up to ``later``."""
    for node in earlier.itersiblings():
        if node.tag == _P and (
            styles.starts_stage(node) or node.find(f"{qn('w:pPr')}/{_SECTPR}") is not None
        ):
            return True
        if node is later or node.tag == _SECTPR:
            return False
    return False


def _set_widths(found: _Fitted, total: int) -> None:
    """Write a table's column widths into its grid and cells, and fix its layout.

    A fixed layout makes Word keep the widths instead of re-fitting the table when it opens
    the document, so Word shows what LibreOffice shows.
    """
    table = found.table
    contents = share(found.needs, _room(found, total))
    widths = [round(content + found.overhead) for content in contents]
    # Rounding may leave a few twips over or short: the widest column takes them.
    widths[widths.index(max(widths))] += total - sum(widths)
    for column, width in zip(table.tblGrid.findall(qn("w:gridCol")), widths, strict=True):
        column.set(qn("w:w"), str(width))
    for row in table.tr_lst:
        for cell, width in zip(row.tc_lst, widths, strict=True):
            _cell_width(cell, width)
    table.tblPr.autofit = False


def _cell_width(cell: CT_Tc, width: int) -> None:
    """Set a cell's preferred width, first in its properties but for a conditional format."""
    properties = cell.find(_TCPR)
    if properties is None:
        properties = OxmlElement("w:tcPr")
        cell.insert(0, properties)
    preferred = properties.find(_TCW)
    if preferred is None:
        preferred = OxmlElement("w:tcW")
        first = properties.find(qn("w:cnfStyle"))
        properties.insert(0 if first is None else 1, preferred)
    preferred.set(qn("w:w"), str(width))
    preferred.set(qn("w:type"), "dxa")
