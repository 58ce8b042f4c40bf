"""`importing.sheet`: goal spreadsheets (CSV and XLSX) read into blocks, exactly."""

from __future__ import annotations

import datetime as dt
import io
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from sipcli.errors import SipError
from sipcli.importing import sheet
from sipcli.importing.blocks import Cell, Origin, SourceDocument, Table
from sipcli.importing.sheet import MISSING_OPENPYXL, read_sheet
from tests.sheet_fixtures import LEGEND, TITLE, progress_sheet_csv, progress_sheet_xlsx

openpyxl = pytest.importorskip("openpyxl")

MEASURE = "Grade 3 students at or above grade level in reading"


def at(ref: str, text: str, **fields: Any) -> Cell:
    """A cell of sheet 'Goals' at ``ref``."""
    return Cell(text, Origin(f"sheet 'Goals', cell {ref}"), **fields)


def covered(ref: str, text: str) -> Cell:
    """A position a merged cell covers: the merged cell's text, origin and value."""
    return at(ref, text, merged=True)


def pct(ref: str, text: str, number: float) -> Cell:
    return at(ref, text, number=number, percent=True)


def workbook_bytes(fill: Any, title: str = "Goals") -> bytes:
    """A one-sheet workbook that ``fill(sheet)`` writes."""
    workbook = openpyxl.Workbook()
    workbook.active.title = title
    fill(workbook.active)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def texts(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row] for row in table.rows]


# --- the progress sheet as XLSX --------------------------------------------------------------


def test_the_progress_sheet_becomes_one_table_per_sheet_with_its_merges_resolved() -> None:
    document = read_sheet(progress_sheet_xlsx(), "progress.xlsx", "xlsx")
    goals, key = document.blocks
    quarterly, projected = "Quarterly results", "Projected (i-Ready)"
    assert goals == Table(
        (
            (
                at("A3", "Goal", rows=2),
                at("B3", "Measure", rows=2),
                at("C3", "Baseline", rows=2),
                at("D3", "Target", rows=2),
                at("E3", quarterly, span=4),
                covered("E3", quarterly),
                covered("E3", quarterly),
                covered("E3", quarterly),
                at("I3", projected, rows=2),
                at("J3", "Data lead"),
            ),
            (
                covered("A3", "Goal"),
                covered("B3", "Measure"),
                covered("C3", "Baseline"),
                covered("D3", "Target"),
                at("E4", "Q1"),
                at("F4", "Q2"),
                at("G4", "Q3"),
                at("H4", "EOY"),
                covered("I3", projected),
                at("J4", ""),
            ),
            (
                at("A5", "G1"),
                at("B5", MEASURE),
                pct("C5", "23%", 0.23),
                pct("D5", "40%", 0.4),
                pct("E5", "26%", 0.26),
                pct("F5", "31.5%", 0.315),
                at("G5", "n/a"),
                at("H5", ""),
                # A formula: the value the spreadsheet saved, rounded as the sheet shows it.
                pct("I5", "37%", 0.365),
                at("J5", "R. Okafor"),
            ),
            (
                at("A7", "G2"),
                at("B7", "Chronic absenteeism"),
                # Typed as text: the text is kept, and no number is made up from it here.
                at("C7", "23%"),
                at("D7", "15%"),
                at("E7", "21%"),
                at("F7", "19 %"),
                at("G7", ""),
                at("H7", ""),
                at("I7", ""),
                at("J7", "T. Lind"),
            ),
            (
                at("A8", "G3"),
                at("B8", "Family conference attendance"),
                at("C8", "1,142", number=1142.0),
                at("D8", "1,500", number=1500.0),
                at("E8", "1,210", number=1210.0),
                at("F8", ""),
                at("G8", ""),
                at("H8", "2026-06-12"),
                at("I8", ""),
                at("J8", ""),
            ),
            (
                at("A11", LEGEND, span=9),
                *(covered("A11", LEGEND) for _ in range(8)),
                at("J11", ""),
            ),
        ),
        Origin("sheet 'Goals'"),
        TITLE,
    )
    assert key == Table(
        (
            (
                Cell("Colour", Origin("sheet 'Key', cell A1")),
                Cell("Meaning", Origin("sheet 'Key', cell B1")),
            ),
            (
                Cell("Green", Origin("sheet 'Key', cell A2")),
                Cell("On track", Origin("sheet 'Key', cell B2")),
            ),
        ),
        Origin("sheet 'Key'"),
        "Key",
    )
    assert document.file == "progress.xlsx"
    assert document.notes == (
        "progress.xlsx: sheet 'Goals' hides column J; it was read like the others",
        "progress.xlsx: sheet 'Key' is hidden in the workbook; it was read like the others",
        "progress.xlsx: sheet 'Sheet3' is empty; nothing was read from it",
    )


def test_a_sheet_without_a_title_row_is_titled_by_its_name() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Baseline"])
        ws.append(["G1", 41])

    (table,) = read_sheet(workbook_bytes(fill, "Spring data"), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert table.title == "Spring data"
    assert texts(table) == [["Goal", "Baseline"], ["G1", "41"]]


def test_a_title_and_a_subtitle_above_the_header_both_become_the_title() -> None:
    def fill(ws: Any) -> None:
        ws["B2"] = "Goal progress"
        ws["B3"] = "Updated January 2026"
        ws.append([None, "Goal", "Baseline", "Target"])
        ws.append([None, "G1", 41, 60])

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert table.title == "Goal progress\nUpdated January 2026"
    # Column A holds nothing: it is dropped, and the origins still name the real cells.
    assert texts(table) == [["Goal", "Baseline", "Target"], ["G1", "41", "60"]]
    assert table.rows[1][2].origin == Origin("sheet 'Goals', cell D5")


def test_a_single_column_sheet_has_no_title_row_taken_from_it() -> None:
    def fill(ws: Any) -> None:
        for text in ("Goals", "G1", "G2"):
            ws.append([text])

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert (table.title, texts(table)) == ("Goals", [["Goals"], ["G1"], ["G2"]])


def test_a_merge_over_a_dropped_blank_column_spans_the_columns_kept() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", None, "Results", None, None])
        ws.merge_cells("C1:E1")
        ws.append(["G1", None, 0.2, None, 0.3])
        ws.append(["G2", None, 0.1, 0.15, None])

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert [(cell.text, cell.span, cell.merged) for cell in table.rows[0]] == [
        ("Goal", 1, False),
        ("Results", 3, False),
        ("Results", 1, True),
        ("Results", 1, True),
    ]
    assert texts(table)[1:] == [["G1", "0.2", "", "0.3"], ["G2", "0.1", "0.15", ""]]


def test_a_row_only_a_merge_covers_is_kept_as_part_of_the_merge() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Measure"])
        ws["A2"] = "G1"
        ws.merge_cells("A2:A4")
        ws["B2"], ws["B4"] = "Reading", "Math"

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert [(row[0].text, row[0].rows, row[0].merged) for row in table.rows] == [
        ("Goal", 1, False),
        ("G1", 3, False),
        ("G1", 1, True),
        ("G1", 1, True),
    ]
    assert [(row[1].text, row[1].origin.where) for row in table.rows] == [
        ("Measure", "sheet 'Goals', cell B1"),
        ("Reading", "sheet 'Goals', cell B2"),
        ("", "sheet 'Goals', cell B3"),
        ("Math", "sheet 'Goals', cell B4"),
    ]


@pytest.mark.parametrize(
    ("value", "number_format", "shown", "percent"),
    [
        (0.23, "0%", "23%", True),
        (0.235, "0%", "24%", True),  # Excel rounds half away from zero
        (0.2345, "0.00%", "23.45%", True),
        (0.23, "0%;[Red]-0%", "23%", True),
        (-0.05, "0.0%", "-5.0%", True),
        (1234.5, "#,##0.00", "1,234.50", False),
        (1234.5, "#,##0", "1,235", False),
        (1234.5, '"$"#,##0', "$1,235", False),
        (2.5, "0", "3", False),
        (12, "General", "12", False),
        (0.1, "General", "0.1", False),
        (1 / 3, "General", "0.3333333333", False),
        (0.000123, "0.00E+00", "0.000123", False),  # scientific: shown as General
    ],
)
def test_a_number_shows_as_its_format_and_keeps_its_stored_value(
    value: float, number_format: str, shown: str, percent: bool
) -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Value"])
        ws.append(["G1", value])
        ws["B2"].number_format = number_format

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert table.rows[1][1] == Cell(
        shown, Origin("sheet 'Goals', cell B2"), number=float(value), percent=percent
    )


def test_dates_times_and_booleans_read_as_text() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Day", "When", "Time", "Met"])
        ws.append([dt.date(2026, 1, 15), dt.datetime(2026, 1, 15, 9, 30), dt.time(14, 5), True])

    (table,) = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx").blocks
    assert isinstance(table, Table)
    assert [(cell.text, cell.number) for cell in table.rows[1]] == [
        ("2026-01-15", None),
        ("2026-01-15 09:30:00", None),
        ("14:05:00", None),
        ("TRUE", None),
    ]


def test_hidden_rows_are_read_and_noted_but_hidden_spacers_are_not() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Baseline"])
        ws.append(["G1", 41])
        ws.append([])
        ws.append(["G9 (retired)", 12])
        for row in (3, 4):
            ws.row_dimensions[row].hidden = True
        ws.column_dimensions["F"].hidden = True

    document = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx")
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert texts(table) == [["Goal", "Baseline"], ["G1", "41"], ["G9 (retired)", "12"]]
    assert document.notes == ("s.xlsx: sheet 'Goals' hides row 4; it was read like the others",)


def test_formulas_without_a_saved_value_read_as_blank_and_are_noted() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Baseline", "Target"])
        ws.append(["G1", 0.2, "=B2+0.1"])
        ws.append(["G2", 0.3, "=B3+0.1"])

    document = read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx")
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert texts(table)[1:] == [["G1", "0.2", ""], ["G2", "0.3", ""]]
    assert document.notes == (
        "s.xlsx: 2 formulas have no value saved with them, so their cells read as blank; open "
        "the file in the spreadsheet and save it again to keep the values",
    )


def test_a_workbook_of_empty_sheets_has_no_blocks() -> None:
    document = read_sheet(workbook_bytes(lambda ws: None), "s.xlsx", "xlsx")
    assert document == SourceDocument(
        "s.xlsx", (), ("s.xlsx: sheet 'Goals' is empty; nothing was read from it",)
    )


# --- the progress sheet as CSV ---------------------------------------------------------------

CSV_TEXTS = [
    ["Goal", "Measure", "Baseline", "Target", "Q1", "Q2", "Q3", "EOY", "Projected (i-Ready)"],
    [
        "G1",
        MEASURE,
        "23%",
        "40%",
        "26%",
        "31.5%",
        "n/a",
        "",
        "36.5%",
    ],
    ["G2", "Chronic absenteeism, all grades", "23", "15", "21", "19", "", "", ""],
    ["G3", "Family conference attendance", "1142", "1500", "1210", "", "", "2026-06-12", ""],
    [LEGEND, "", "", "", "", "", "", "", ""],
]


def numbers(table: Table) -> list[list[tuple[float | None, bool]]]:
    return [[(cell.number, cell.percent) for cell in row] for row in table.rows]


def test_the_progress_sheet_as_csv_reads_into_the_same_table() -> None:
    document = read_sheet(progress_sheet_csv("comma"), "progress.csv", "csv")
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert (table.title, table.origin, document.notes) == (TITLE, Origin("progress.csv"), ())
    assert texts(table) == CSV_TEXTS
    assert table.rows[1][2] == Cell(
        "23%", Origin("progress.csv, row 4, column 'Baseline'"), number=0.23, percent=True
    )
    assert table.rows[3][7] == Cell("2026-06-12", Origin("progress.csv, row 7, column 'EOY'"))
    # The legend row is kept as a row; its empty cells are named by their header too.
    assert table.rows[4][1].origin == Origin("progress.csv, row 9, column 'Measure'")
    assert numbers(table)[1][2:] == [
        (0.23, True),
        (0.4, True),
        (0.26, True),
        (0.315, True),
        (None, False),
        (None, False),
        (0.365, True),
    ]
    assert numbers(table)[3][2:5] == [(1142.0, False), (1500.0, False), (1210.0, False)]


def test_a_bom_and_crlf_csv_reads_exactly_as_a_plain_one() -> None:
    plain = read_sheet(progress_sheet_csv("comma"), "progress.csv", "csv")
    windows = read_sheet(progress_sheet_csv("bom-crlf"), "progress.csv", "csv")
    assert windows == plain


def test_a_semicolon_csv_reads_its_decimal_commas_and_says_so() -> None:
    plain = read_sheet(progress_sheet_csv("comma"), "progress.csv", "csv").blocks[0]
    document = read_sheet(progress_sheet_csv("semicolon"), "progress.csv", "csv")
    (table,) = document.blocks
    assert isinstance(table, Table) and isinstance(plain, Table)
    assert numbers(table) == numbers(plain)
    assert table.rows[1][5].text == "31,5%"
    assert table.rows[2][1].text == "Chronic absenteeism, all grades"
    assert document.notes == (
        "progress.csv: the cells are separated by semicolons; numbers were read with a "
        "decimal comma (38,4 is 38.4)",
    )


def test_a_comma_in_the_title_of_a_semicolon_csv_does_not_decide_its_delimiter() -> None:
    data = b"Goals, spring 2026;;\nGoal;Baseline;Target\nG1;23,5;40\nG2;12;30\n"
    document = read_sheet(data, "g.csv", "csv")
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert table.title == "Goals, spring 2026"
    assert texts(table) == [
        ["Goal", "Baseline", "Target"],
        ["G1", "23,5", "40"],
        ["G2", "12", "30"],
    ]
    assert table.rows[1][1].number == 23.5
    assert "separated by semicolons" in document.notes[0]


def test_a_tab_separated_sheet_reads_its_cells_and_says_so() -> None:
    document = read_sheet(b"Goal\tBaseline\nG1\t23.5\n", "g.csv", "csv")
    (table,) = document.blocks
    assert isinstance(table, Table)
    assert [(cell.text, cell.number) for cell in table.rows[1]] == [("G1", None), ("23.5", 23.5)]
    assert document.notes == ("g.csv: the cells are separated by tabs",)


def test_a_csv_number_that_could_be_read_two_ways_keeps_only_its_text() -> None:
    data = b'Goal,Baseline,Target\nG1,"45,000",abc\n'
    (table,) = read_sheet(data, "g.csv", "csv").blocks
    assert isinstance(table, Table)
    assert [(cell.text, cell.number) for cell in table.rows[1]] == [
        ("G1", None),
        ("45,000", None),
        ("abc", None),
    ]


def test_short_csv_rows_are_padded_to_the_widest() -> None:
    (table,) = read_sheet(b"Goal,Baseline,Target\nG1,41\n", "g.csv", "csv").blocks
    assert isinstance(table, Table)
    assert table.rows[1][2] == Cell("", Origin("g.csv, row 2, column 'Target'"))


def test_a_csv_the_csv_module_cannot_read_is_refused_naming_the_cell() -> None:
    with pytest.raises(SipError, match=r"g\.csv: row 2, column .*never closed"):
        read_sheet(b'Goal,Baseline\nG1,"41\n', "g.csv", "csv")


def test_a_csv_that_is_not_utf8_is_refused() -> None:
    with pytest.raises(SipError, match=r"g\.csv is not UTF-8 text .*CSV UTF-8"):
        read_sheet("Goal,Measure\nG1,Lecture élève\n".encode("cp1252"), "g.csv", "csv")


# --- what is not a workbook ------------------------------------------------------------------


def _zip(parts: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for name, content in parts.items():
            package.writestr(name, content)
    return buffer.getvalue()


def _with_part(data: bytes, name: str, content: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    return _zip({**parts, name: content})


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"Goal,Baseline\n", r"s\.xlsx cannot be read as an Excel workbook: it is not a zip"),
        (
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512),
            r"s\.xlsx is password-protected or an old Excel 97-2003 workbook \(\.xls\)",
        ),
        (
            _zip({"word/document.xml": b"<w:document/>"}),
            r"it holds no workbook \(perhaps another Office document\)",
        ),
        (
            _with_part(progress_sheet_xlsx(), "xl/vbaProject.bin", b"\0" * 64),
            r"s\.xlsx holds macros .* save a copy as an Excel Workbook \(\.xlsx\) or as CSV",
        ),
        (
            _with_part(progress_sheet_xlsx(), "xl/workbook.xml", b"<not a workbook"),
            r"s\.xlsx cannot be read as an Excel workbook: a part of it is damaged",
        ),
        (progress_sheet_xlsx()[:2000], r"it is not a zip package"),
    ],
    ids=["text", "encrypted-or-xls", "docx", "macros", "damaged", "truncated"],
)
def test_what_is_not_a_plain_workbook_is_refused_saying_what_to_do(
    data: bytes, message: str
) -> None:
    with pytest.raises(SipError, match=message):
        read_sheet(data, "s.xlsx", "xlsx")


def test_a_workbook_that_expands_past_the_limit_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet, "DEFAULT_MAX_BYTES", 1000)
    data = _with_part(progress_sheet_xlsx(), "xl/padding.xml", b" " * 2_000_000)
    assert len(data) < 40_000
    with pytest.raises(SipError, match=r"s\.xlsx expands to far more data than a goal sheet"):
        read_sheet(data, "s.xlsx", "xlsx")


def test_a_sheet_spanning_too_many_cells_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sheet, "MAX_CELLS", 100)

    def fill(ws: Any) -> None:
        ws["A1"], ws["B1"] = "Goal", "Baseline"
        ws["B60"] = "stray"

    with pytest.raises(SipError, match=r"s\.xlsx: sheet 'Goals' spans 60 rows and 2 columns"):
        read_sheet(workbook_bytes(fill), "s.xlsx", "xlsx")
    assert read_sheet(workbook_bytes(lambda ws: ws.append(["Goal", "G1"])), "s.xlsx", "xlsx")


def test_a_merge_over_a_whole_sheet_is_refused_before_openpyxl_reads_it() -> None:
    def fill(ws: Any) -> None:
        ws.append(["Goal", "Baseline"])
        ws.merge_cells("C1:D2")

    part = "xl/worksheets/sheet1.xml"
    data = workbook_bytes(fill)
    xml = zipfile.ZipFile(io.BytesIO(data)).read(part).replace(b"C1:D2", b"C1:XFD1048576")
    with pytest.raises(SipError, match=r"s\.xlsx merges cells over far more of its sheets"):
        read_sheet(_with_part(data, part, xml), "s.xlsx", "xlsx")


def test_an_unknown_kind_is_refused() -> None:
    with pytest.raises(SipError, match=r"g\.ods: sip reads goal sheets saved as csv or xlsx"):
        read_sheet(b"", "g.ods", "ods")


def test_without_openpyxl_xlsx_asks_for_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    workbook = progress_sheet_xlsx()
    monkeypatch.setitem(sys.modules, "openpyxl", None)
    with pytest.raises(SipError) as raised:
        read_sheet(workbook, "s.xlsx", "xlsx")
    assert str(raised.value) == MISSING_OPENPYXL
    assert "pip install 'sipcli[xlsx]'" in MISSING_OPENPYXL
    # CSV needs no extra.
    assert read_sheet(progress_sheet_csv(), "s.csv", "csv").blocks


def test_sip_validate_does_not_import_openpyxl(minimal_plan: Path) -> None:
    code = (
        "import sys; from sipcli.cli import main; sys.argv = ['sip', 'validate', sys.argv[1]]\n"
        "try:\n    main()\nexcept SystemExit as end:\n"
        "    print(end.code, 'openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, str(minimal_plan)], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip().splitlines()[-1] == "0 False"


def test_reading_sheets_imports_openpyxl_only_for_xlsx() -> None:
    code = (
        "import sys; from sipcli.importing.sheet import read_sheet; "
        "read_sheet(b'Goal,Baseline\\nG1,4\\n', 'g.csv', 'csv'); "
        "print('openpyxl' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"
