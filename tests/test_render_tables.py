"""Word tables: widths for their content, landscape when wide, headings kept with them.

The unit tests build small documents on sip's own Word template and run `finish_tables`
on them; the layout tests render examples to PDF with LibreOffice and read the pages the
way a reader sees them.
"""

from __future__ import annotations

import io
import itertools
import json
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

import docx
import pytest
from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from sipcli.render.docx_columns import Cell, Need, share
from sipcli.render.docx_render import render_docx, shipped_template, stable_bytes
from sipcli.render.docx_styles import StyleBook
from sipcli.render.docx_tables import LEAD_PARAGRAPHS, finish_tables
from sipcli.render.docx_widths import (
    SLACK,
    Font,
    fixed_hyphens,
    least_width,
    line_width,
    measure,
    must_stay_whole,
    space,
    words,
)
from sipcli.render.view import build_view
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, REQUIRE_LIBREOFFICE, needs_libreoffice

ROOT = Path(__file__).resolve().parents[1]
#: The text of sip's table cells: the template's "Table Text", Calibri at 9 points.
CELL = Font("Calibri", 18)
HEADER = Font("Calibri", 18, bold=True)
#: A cell's margins in sip's "Plan Table" (80 twips a side) and its half-point border.
OVERHEAD = 160 + 10
STATEMENT = (
    "By spring 2029 the share of grade 3-8 students meeting or exceeding expectations in "
    "ELA will rise from 29% (spring 2026) to 38%, as measured by the spring MCAS."
)


def blank() -> Document:
    """sip's template with its body emptied: its styles, page setup, header and footer."""
    document = docx.Document(io.BytesIO(shipped_template()))
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
    return document


def add_table(document: Document, headers: list[str], rows: list[list[str]]) -> Table:
    """A page-wide table in the plan's style, its header row repeated, as sip writes them."""
    table = document.add_table(rows=1, cols=len(headers))
    table.style = document.styles["Plan Table"]
    for cell, text in zip(table.rows[0].cells, headers, strict=True):
        cell.text = text
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
    width = table._tbl.tblPr.find(qn("w:tblW"))
    width.set(qn("w:type"), "pct")
    width.set(qn("w:w"), "5000")
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text
            cell.paragraphs[0].style = document.styles["Table Text"]
    document.add_paragraph(style="Table Spacer")
    return table


def widths(table: Table) -> list[int]:
    return [int(column.get(qn("w:w"))) for column in table._tbl.tblGrid.findall(qn("w:gridCol"))]


def section_setups(document: Document) -> list:
    """Every section's page setup, in order (the body's own last)."""
    return document.element.body.findall(f".//{qn('w:sectPr')}")


def is_landscape(setup) -> bool:
    size = setup.find(qn("w:pgSz"))
    return int(size.get(qn("w:w"))) > int(size.get(qn("w:h")))


GOAL_HEADERS = ["Id", "Goal", "Measure", "Students", "Baseline", "Target", "By", "Owner"]
GOAL_ROW = [
    "G1",
    STATEMENT,
    "MCAS meeting or exceeding expectations (Spring MCAS grades 3-8 ELA)",
    "Special populations (IEPs, 504s, MLLs)",
    "29% (spring 2026)",
    "38%",
    "2029-09-30",
    "Special education team chair",
    "O1, O2",
]


# --- Measuring -------------------------------------------------------------------------


def test_words_are_measured_with_calibris_metrics() -> None:
    # Calibri's digits are 507 thousandths of an em; at 9 points an em is 180 twips.
    assert measure("0", CELL) == pytest.approx(507 * 180 / 1000)
    assert measure("2027-09-30", CELL) > measure("illicit", CELL)
    assert measure("Objectives", HEADER) > measure("Objectives", CELL)


def test_a_font_sip_does_not_know_is_measured_as_the_widest_it_knows() -> None:
    known = [Font(name, 18) for name in ("Calibri", "Cambria", "Arial", "Times New Roman")]
    unknown = measure("Benchmark 2026-27", Font("Garamond Premier", 18))
    assert unknown >= max(measure("Benchmark 2026-27", font) for font in known)
    assert measure("x", Font("Carlito", 18)) == measure("x", CELL)  # the same metrics


@pytest.mark.parametrize(
    ("token", "whole"),
    [
        ("G1.B1", True),
        ("D10", True),
        ("2027-09-30", True),
        ("$168,000", True),
        ("TP2", True),
        ("SY2026-27", True),
        ("MCAS", True),
        ("i-Ready", True),
        ("expectations", False),
        ("co-planning", False),
    ],
)
def test_ids_dates_money_and_codes_must_stay_whole(token: str, whole: bool) -> None:
    assert must_stay_whole(token) is whole


def test_a_tokens_least_width_is_never_less_than_its_measure() -> None:
    for token in ("G1.B1", "2027-09-30", "$168,000", "SY2026-27"):
        assert least_width(f"due {token}", CELL) >= measure(token, CELL) * SLACK
    # A long word of prose may wrap at its hyphen; a header word never wraps.
    long_word = "professional-development-coordination"
    assert least_width(long_word, CELL) < measure(long_word, CELL)
    assert least_width(long_word, HEADER, whole=True) >= measure(long_word, HEADER)


def test_hyphens_inside_dates_and_codes_are_cut_for_non_breaking_ones() -> None:
    assert fixed_hyphens("Q1, Q2 2026-27") == ["Q1, Q2 2026", "27"]
    assert fixed_hyphens("due 2027-09-30.") == ["due 2027", "09", "30."]
    assert fixed_hyphens("fall i-Ready") == ["fall i", "Ready"]
    assert fixed_hyphens("co-planning and grade-band teams") == ["co-planning and grade-band teams"]
    assert fixed_hyphens("-5% change") == ["-5% change"]


# --- Sharing the width ------------------------------------------------------------------


def need(text: str, header: str = "") -> Need:
    """A column holding one body cell of ``text`` under ``header``."""
    least = max(least_width(text, CELL), least_width(header, HEADER, whole=True))
    most = max(line_width(text, CELL), line_width(header, HEADER))
    cells = (
        Cell((words(header, HEADER),), space(HEADER)),
        Cell((words(text, CELL),), space(CELL)),
    )
    return Need(least, most, measure(text, CELL), cells)


def test_the_columns_share_exactly_the_room_and_each_gets_its_least() -> None:
    needs = [need("G1.B1", "Id"), need(STATEMENT * 2, "Benchmark"), need("2027-09-30", "Due")]
    shared = share(needs, 8000)
    assert sum(shared) == pytest.approx(8000)
    assert all(width >= column.least for width, column in zip(shared, needs, strict=True))
    # The short columns are set whole; the statement takes the rest.
    assert shared[0] >= needs[0].most and shared[2] >= needs[2].most
    assert shared[1] == max(shared)


def test_columns_that_all_fit_get_their_whole_text_and_share_the_rest() -> None:
    needs = [need("TP1", "Practice"), need("Leadership and shared responsibility", "Name")]
    shared = share(needs, 9000)
    assert sum(shared) == pytest.approx(9000)
    assert all(width >= column.most for width, column in zip(shared, needs, strict=True))


def test_when_even_the_least_does_not_fit_it_is_shared_in_proportion() -> None:
    needs = [need("2027-09-30"), need("$168,000")]
    shared = share(needs, 500)
    assert sum(shared) == pytest.approx(500)
    assert shared[0] / shared[1] == pytest.approx(needs[0].least / needs[1].least)


def test_a_row_takes_fewer_lines_after_the_widths_are_improved() -> None:
    dates = ", ".join(f"2027-0{month}-2{month}" for month in range(1, 10))
    needs = [need(STATEMENT, "Benchmark"), need(dates, "Due"), need(STATEMENT, "Why")]
    shared = share(needs, 7000)
    rows = [
        max(column.cells[1].lines_at(width) for column, width in zip(needs, shared, strict=True))
    ]
    even = [7000 / 3] * 3
    rows_even = [
        max(column.cells[1].lines_at(width) for column, width in zip(needs, even, strict=True))
    ]
    assert rows[0] <= rows_even[0]


# --- Whole documents --------------------------------------------------------------------


def test_no_id_date_money_or_header_column_is_narrower_than_its_longest_token() -> None:
    document = blank()
    document.add_paragraph("Costs", style="Heading 2")
    table = add_table(
        document,
        ["Initiative", "Resource", "Cost", "Funding source", "Fiscal year"],
        [
            ["I1.1: K-8 leadership team", "Substitutes for data days " * 4, "$168,000", "Title I", "FY27"],
            ["I2.1: WIN block", "Math interventionist (1.0 FTE)", "$18,000", "School Redesign Grant", "SY2026-27"],
        ],
    )  # fmt: skip
    finish_tables(document)
    grid = widths(table)
    assert sum(grid) == 12240 - 2 * 1152  # the page between its margins
    for index, token in ((2, "$168,000"), (4, "SY2026-27"), (0, "Initiative"), (4, "year")):
        font = HEADER if token in ("Initiative", "year") else CELL
        assert grid[index] - OVERHEAD >= measure(token, font) * SLACK
    assert grid[1] == max(grid)  # the long text column gets the width
    assert table._tbl.tblPr.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
    cell_widths = {int(cell.width.twips) for cell in table.columns[2].cells}
    assert cell_widths == {grid[2]}


def test_a_nine_column_table_goes_landscape_keeping_header_footer_and_page_numbers() -> None:
    document = blank()
    document.add_paragraph("Before the goals.")
    document.add_paragraph("Goals", style="Heading 2")
    add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW])
    document.add_paragraph("After the goals.")
    original = section_setups(document)[-1]
    references = [child.tag for child in original if "Reference" in child.tag]
    finish_tables(document)
    setups = section_setups(document)
    assert [is_landscape(setup) for setup in setups] == [False, True, False]
    for setup in setups:
        assert [child.tag for child in setup if "Reference" in child.tag] == references
    # Only the first part keeps the different first page (a title page); the others
    # continue its page numbering.
    assert setups[0].find(qn("w:titlePg")) is not None
    assert all(setup.find(qn("w:titlePg")) is None for setup in setups[1:])
    # The landscape part starts at the table's heading and ends right after the table.
    body = list(document.element.body)
    holder = setups[0].getparent().getparent()
    assert Paragraph(holder, None).text == "Before the goals."
    heading = body[body.index(holder) + 1]
    assert Paragraph(heading, None).text == "Goals"


def test_wide_tables_of_one_stage_share_one_landscape_part() -> None:
    document = blank()
    document.add_paragraph("Goals and benchmarks", style="Heading 1")
    for practice in ("TP1", "TP2"):
        document.add_paragraph(f"{practice}: goals", style="Heading 2")
        add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW])
        document.add_paragraph(f"Benchmarks under {practice}", style="Heading 3")
        add_table(document, ["Id", "Benchmark"], [["G1.B1", STATEMENT]])
    document.add_paragraph("Resources", style="Heading 1")
    add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW])
    finish_tables(document)
    # One landscape part for the goals stage, from its heading to its last wide table (TP1's
    # benchmarks between them included); TP2's benchmarks after it stay portrait; and one
    # landscape part for the resources stage.
    setups = section_setups(document)
    assert [is_landscape(setup) for setup in setups] == [True, False, True]
    holder = setups[0].getparent().getparent()
    body = list(document.element.body)
    part = body[: body.index(holder) + 1]
    texts = [Paragraph(node, None).text for node in part if node.tag == qn("w:p")]
    assert texts[0] == "Goals and benchmarks"
    assert "Benchmarks under TP1" in texts and "Benchmarks under TP2" not in texts
    assert sum(node.tag == qn("w:tbl") for node in part) == 3


def test_a_narrow_table_right_after_the_last_wide_one_shares_its_landscape_page() -> None:
    # A goal's results table follows its benchmarks table with no heading between: it belongs
    # with them, not alone on a portrait page after the landscape part.
    document = blank()
    document.add_paragraph("Goal G4", style="Heading 2")
    add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW])
    add_table(document, ["Result for", "Date", "Result"], [["G4", "2026-09-17", "34%"]])
    document.add_paragraph("From challenges to goals", style="Heading 1")
    document.add_paragraph("Closing words.")
    finish_tables(document)
    setups = section_setups(document)
    assert [is_landscape(setup) for setup in setups] == [True, False]
    holder = setups[0].getparent().getparent()
    body = list(document.element.body)
    part = body[: body.index(holder) + 1]
    assert sum(node.tag == qn("w:tbl") for node in part) == 2
    texts = [Paragraph(node, None).text for node in part if node.tag == qn("w:p")]
    assert "From challenges to goals" not in texts


def test_a_wide_table_at_the_end_turns_the_last_section_without_an_empty_page() -> None:
    document = blank()
    document.add_paragraph("Opening words.")
    document.add_paragraph("Goals", style="Heading 2")
    add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW])
    finish_tables(document)
    setups = section_setups(document)
    assert [is_landscape(setup) for setup in setups] == [False, True]
    assert setups[-1].getparent() is document.element.body


def test_a_narrow_table_stays_portrait() -> None:
    document = blank()
    document.add_paragraph("Root causes", style="Heading 2")
    add_table(document, ["Id", "Root cause", "Challenges"], [["RC1", STATEMENT, "C1, C2"]])
    finish_tables(document)
    assert [is_landscape(setup) for setup in section_setups(document)] == [False]


def test_headings_and_what_follows_them_keep_with_the_table() -> None:
    document = blank()
    document.add_paragraph("Goals and benchmarks", style="Heading 1")
    document.add_paragraph("Phase II", style="Plan Phase")
    document.add_paragraph("Goal G1", style="Heading 2")
    statement = document.add_paragraph(STATEMENT)
    details = document.add_paragraph("Interim targets: 32% by spring 2027", style="List Bullet")
    table = add_table(document, ["Id", "Benchmark"], [["G1.B1", STATEMENT], ["G1.B2", "x"]])
    finish_tables(document)
    styles = StyleBook(document)
    for paragraph in document.paragraphs[:5]:
        assert styles.keeps_with_next(paragraph._p), paragraph.text
    assert statement.paragraph_format.keep_with_next and details.paragraph_format.keep_with_next
    # The header row keeps with the first body row; the body rows do not chain.
    assert all(p.paragraph_format.keep_with_next for p in table.rows[0].cells[0].paragraphs)
    assert not table.rows[1].cells[0].paragraphs[0].paragraph_format.keep_with_next


def test_a_goal_with_every_detail_keeps_its_heading_with_its_benchmarks() -> None:
    """A goal's heading, statement and eight labelled details all keep with its table."""
    document = blank()
    document.add_paragraph("Goal G1", style="Heading 2")
    document.add_paragraph(STATEMENT)
    labels = ("Priority", "Grades", "Subject", "Direction", "Baseline note", "Target period")
    for label in (*labels, "Interim targets", "SMART score"):
        document.add_paragraph(f"{label}: something", style="List Bullet")
    add_table(document, ["Id", "Benchmark"], [["G1.B1", STATEMENT], ["G1.B2", "x"]])
    finish_tables(document)
    styles = StyleBook(document)
    above = document.paragraphs[:10]  # the heading, the statement and the details
    assert all(styles.keeps_with_next(p._p) for p in above), "the heading is left alone"


def test_a_table_far_below_any_heading_keeps_nothing_with_it() -> None:
    document = blank()
    document.add_paragraph("Vision", style="Heading 2")
    for number in range(LEAD_PARAGRAPHS + 2):
        document.add_paragraph(f"Paragraph {number} of the vision.")
    add_table(document, ["Id", "Asset"], [["A1", "Grade teams use data"]])
    finish_tables(document)
    assert not any(p.paragraph_format.keep_with_next for p in document.paragraphs)


def test_rows_may_not_split_and_hyphens_in_tokens_do_not_break() -> None:
    document = blank()
    table = add_table(document, ["Id", "Due"], [["G1.B1", "Q1, Q2, Q3 2026-27"]])
    finish_tables(document)
    for row in table.rows:
        assert row._tr.trPr.find(qn("w:cantSplit")) is not None
    cell = table.rows[1].cells[1]
    assert cell.text == "Q1, Q2, Q3 2026-27"  # reads (and copies) the same
    assert len(cell._tc.findall(f".//{qn('w:noBreakHyphen')}")) == 1


def test_a_template_table_of_fixed_width_keeps_its_grid() -> None:
    document = blank()
    table = add_table(document, ["Id", "Goal"], [["G1", STATEMENT]])
    table._tbl.tblPr.find(qn("w:tblW")).set(qn("w:type"), "dxa")
    before = widths(table)
    finish_tables(document)
    assert widths(table) == before


def test_finishing_is_byte_identical_run_to_run() -> None:
    outputs = set()
    for _ in range(2):
        document = blank()
        document.add_paragraph("Goals", style="Heading 2")
        add_table(document, [*GOAL_HEADERS, "Objectives"], [GOAL_ROW, GOAL_ROW])
        finish_tables(document)
        outputs.add(stable_bytes(document))
    assert len(outputs) == 1


def test_the_font_widths_are_the_ones_the_build_script_makes(tmp_path: Path) -> None:
    fonts = Path("/usr/share/fonts/truetype")
    needed = ("crosextra/Carlito-Regular.ttf", "crosextra/Caladea-Regular.ttf")
    needed += ("liberation/LiberationSans-Regular.ttf", "liberation/LiberationSerif-Regular.ttf")
    missing = [name for name in needed if not (fonts / name).exists()]
    if missing and not REQUIRE_LIBREOFFICE:
        pytest.skip(
            "the metric-compatible fonts are not installed "
            "(fonts-crosextra-carlito fonts-crosextra-caladea fonts-liberation)"
        )
    pytest.importorskip("fontTools")
    output = tmp_path / "font_widths.json"
    subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build_font_widths.py"), str(output)], check=True
    )
    shipped = ROOT / "src" / "sipcli" / "data" / "font_widths.json"
    assert json.loads(output.read_text()) == json.loads(shipped.read_text())


# --- As a reader sees it: the examples as PDF pages -------------------------------------


def render_pdf(plan: Path, tmp_path: Path) -> tuple[Document, Path]:
    """Render ``plan`` to Word and the Word file to PDF with LibreOffice."""
    from sipcli.render.pdf import docx_to_pdf

    checked = validate_file(plan)
    assert checked.plan is not None
    data = render_docx(build_view(checked.plan))
    pdf = tmp_path / f"{plan.stem}.pdf"
    pdf.write_bytes(docx_to_pdf(data))
    return docx.Document(io.BytesIO(data)), pdf


def pdf_lines(pdf: Path) -> list[tuple[int, list[list[str]]]]:
    """Each text block of the PDF with its page number: its lines, each a list of words."""
    result = subprocess.run(
        ["pdftotext", "-bbox-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    )
    root = ElementTree.fromstring(re.sub(r'xmlns="[^"]+"', "", result.stdout))
    blocks = []
    for number, page in enumerate(root.iter("page"), 1):
        for block in page.iter("block"):
            lines = [[word.text or "" for word in line.iter("word")] for line in block.iter("line")]
            blocks.append((number, lines))
    return blocks


def page_sizes(pdf: Path) -> list[tuple[float, float]]:
    output = subprocess.run(
        ["pdfinfo", "-f", "1", "-l", "999", str(pdf)], capture_output=True, text=True, check=True
    ).stdout
    return [
        (float(width), float(height))
        for width, height in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", output)
    ]


def unbreakable(document: Document) -> set[str]:
    """The tokens no line may break: ids, dates, money and codes, and the header words."""
    tokens: set[str] = set()
    for table in document.tables:
        for number, row in enumerate(table.rows):
            for cell in row.cells:
                tokens.update(w for w in cell.text.split() if number == 0 or must_stay_whole(w))
    for paragraph in document.paragraphs:
        tokens.update(word for word in paragraph.text.split() if must_stay_whole(word))
    return {token.strip(",;.()") for token in tokens if len(token.strip(",;.()")) > 1}


@needs_libreoffice
@pytest.mark.parametrize("name", ["k8/plan.yaml", "middle.yaml"])
def test_in_the_pdf_no_id_date_money_or_header_word_breaks(name: str, tmp_path: Path) -> None:
    document, pdf = render_pdf(EXAMPLES / name, tmp_path)
    tokens = unbreakable(document)
    broken = [
        (page, first[-1], second[0])
        for page, lines in pdf_lines(pdf)
        for first, second in itertools.pairwise(lines)
        if first and second and (first[-1] + second[0]).strip(",;.()") in tokens
    ]
    assert broken == []


@needs_libreoffice
def test_in_the_pdf_each_goals_benchmarks_start_on_its_headings_page(tmp_path: Path) -> None:
    document, pdf = render_pdf(EXAMPLES / "middle.yaml", tmp_path)
    pages = [set() for _ in page_sizes(pdf)]
    for page, lines in pdf_lines(pdf):
        pages[page - 1].update(" ".join(line) for line in lines)
    texts = "\f".join("\n".join(sorted(page)) for page in pages).split("\f")
    goals = [p.text for p in document.paragraphs if re.fullmatch(r"Goal G\d+", p.text)]
    assert goals
    for heading in goals:
        first_row = heading.split()[-1] + ".B1"
        where = [number for number, text in enumerate(texts) if heading in text.splitlines()]
        rows = [number for number, text in enumerate(texts) if first_row in text]
        assert where and rows and where[0] == rows[0], heading


@needs_libreoffice
def test_in_the_pdf_the_goals_table_is_on_a_landscape_page(tmp_path: Path) -> None:
    _, pdf = render_pdf(EXAMPLES / "k8" / "plan.yaml", tmp_path)
    sizes = page_sizes(pdf)
    wide = [number for number, (width, height) in enumerate(sizes, 1) if width > height]
    assert wide, "no landscape page"
    blocks = [" ".join(" ".join(line) for line in lines) for page, lines in pdf_lines(pdf)]
    pages = [page for page, _ in pdf_lines(pdf)]
    objectives = {page for page, text in zip(pages, blocks, strict=True) if "Objectives" in text}
    assert objectives & set(wide)
    # Everything else stays portrait, and no page is left blank by the turn.
    assert len(wide) < len(sizes) / 2
    filled = {page for page, text in zip(pages, blocks, strict=True) if text.strip()}
    assert filled == set(range(1, len(sizes) + 1))


def heading_at_the_foot(filler: int, finish: bool) -> bytes:
    """A heading and a line of text landing near a page's foot, then a benchmark table."""
    document = blank()
    for number in range(filler):
        document.add_paragraph(f"Filler line {number}: " + "words to fill the page " * 4)
    document.add_paragraph("Goal G1: benchmarks", style="Heading 2")
    document.add_paragraph("By spring 2029 more students meet expectations.")
    rows = [[f"G1.B{number}", STATEMENT, "2027-09-30"] for number in range(1, 5)]
    add_table(document, ["Id", "Benchmark", "Due"], rows)
    if finish:
        finish_tables(document)
    return stable_bytes(document)


@needs_libreoffice
def test_libreoffice_keeps_a_heading_with_its_table(tmp_path: Path) -> None:
    from sipcli.render.pdf import docxs_to_pdfs

    fillers = range(26, 40)
    documents = {
        f"{filler}-{finish}": heading_at_the_foot(filler, finish)
        for filler in fillers
        for finish in (False, True)
    }
    split: dict[str, bool] = {}
    for key, pdf in docxs_to_pdfs(documents).items():
        path = tmp_path / f"{key}.pdf"
        path.write_bytes(pdf)
        text = subprocess.run(
            ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = text.split("\f")
        heading = next(n for n, page in enumerate(pages) if "Goal G1: benchmarks" in page)
        first_row = next(n for n, page in enumerate(pages) if "G1.B1" in page)
        split[key] = heading != first_row
    # Left as python-docx writes it, the heading is stranded for some fillers: the test
    # would see it. Finished, it never is.
    assert any(split[f"{filler}-False"] for filler in fillers)
    assert not any(split[f"{filler}-True"] for filler in fillers)
