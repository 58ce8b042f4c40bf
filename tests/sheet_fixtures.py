"""Goal spreadsheets shaped like the progress sheets schools keep, built for sip's tests.

The school, its goals and its numbers are made up for sip. The shape is what real sheets
have: a title merged across the top, a header of two rows (a merged "Quarterly results"
over the quarter columns), one row per goal, blank spacer rows, a colour key, percentages
stored both as numbers formatted as percentages and as typed text, a formula whose value
the spreadsheet saved, a hidden column and an empty sheet.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

TITLE = "Maple Street School - Goal Progress 2025-26"
LEGEND = "Key: green = on track, yellow = at risk, red = off track"


def progress_sheet_xlsx() -> bytes:
    """A workbook: sheet 'Goals' (the progress sheet), 'Key' (hidden) and an empty 'Sheet3'."""
    from openpyxl import Workbook

    workbook = Workbook()
    goals = workbook.active
    goals.title = "Goals"
    goals["A1"] = TITLE
    goals.merge_cells("A1:I1")
    # Row 2 is a blank spacer, as most sheets leave under their title.
    for column, name in zip("ABCD", ("Goal", "Measure", "Baseline", "Target"), strict=True):
        goals[f"{column}3"] = name
        goals.merge_cells(f"{column}3:{column}4")
    goals["E3"] = "Quarterly results"
    goals.merge_cells("E3:H3")
    for column, name in zip("EFGH", ("Q1", "Q2", "Q3", "EOY"), strict=True):
        goals[f"{column}4"] = name
    goals["I3"] = "Projected (i-Ready)"
    goals.merge_cells("I3:I4")
    goals["J3"] = "Data lead"
    # Goal 1: numbers stored as fractions, shown as percentages.
    _row(goals, 5, "G1", "Grade 3 students at or above grade level in reading", 0.23, 0.4)
    for column, value, number_format in (
        ("E", 0.26, "0%"),
        ("F", 0.315, "0.0%"),
        ("G", "n/a", None),
        ("I", None, "0%"),  # the projection is a formula, see below
    ):
        if value is not None:
            goals[f"{column}5"] = value
        if number_format:
            goals[f"{column}5"].number_format = number_format
    goals["I5"] = "=F5+0.05"
    goals["J5"] = "R. Okafor"
    # Row 6 is a blank spacer between goals.
    # Goal 2: percentages typed as text, as a sheet pasted from a report holds them.
    goals["A7"], goals["B7"], goals["C7"], goals["D7"] = "G2", "Chronic absenteeism", "23%", "15%"
    goals["E7"], goals["F7"] = "21%", "19 %"
    goals["J7"] = "T. Lind"
    # Goal 3: counts, a thousands separator in its format, the date the data was pulled.
    _row(goals, 8, "G3", "Family conference attendance", 1142, 1500)
    goals["C8"].number_format = goals["D8"].number_format = "#,##0"
    goals["E8"] = 1210
    goals["E8"].number_format = "#,##0"
    goals["H8"] = dt.datetime(2026, 6, 12)
    goals["H8"].number_format = "yyyy-mm-dd"
    # Rows 9 and 10 are spacers; then the colour key, merged across the table.
    goals["A11"] = LEGEND
    goals.merge_cells("A11:I11")
    goals.column_dimensions["J"].hidden = True

    key = workbook.create_sheet("Key")
    key["A1"], key["B1"] = "Colour", "Meaning"
    key["A2"], key["B2"] = "Green", "On track"
    key.sheet_state = "hidden"
    workbook.create_sheet("Sheet3")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return with_cached_values(buffer.getvalue(), "xl/worksheets/sheet1.xml", {"F5+0.05": "0.365"})


def _row(sheet: object, row: int, goal: str, measure: str, baseline: float, target: float) -> None:
    for column, value in zip("ABCD", (goal, measure, baseline, target), strict=True):
        sheet[f"{column}{row}"] = value  # type: ignore[index]
        if isinstance(value, float):
            sheet[f"{column}{row}"].number_format = "0%"  # type: ignore[index]


def with_cached_values(data: bytes, part: str, values: dict[str, str]) -> bytes:
    """Give formulas the values a spreadsheet saves with them (openpyxl saves none)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == part:
                text = content.decode("utf-8")
                for formula, value in values.items():
                    text = text.replace(
                        f"<f>{formula}</f><v></v>", f"<f>{formula}</f><v>{value}</v>"
                    )
                content = text.encode("utf-8")
            target.writestr(info, content)
    return buffer.getvalue()


#: The progress sheet as a spreadsheet saves it as CSV (comma, decimal point), without the
#: merges: the title and the key sit in their first cell, the rest of their row empty.
PROGRESS_ROWS = [
    [TITLE, "", "", "", "", "", "", "", ""],
    ["", "", "", "", "", "", "", "", ""],
    ["Goal", "Measure", "Baseline", "Target", "Q1", "Q2", "Q3", "EOY", "Projected (i-Ready)"],
    ["G1", "Grade 3 students at or above grade level in reading", "23%", "40%", "26%", "31.5%",
     "n/a", "", "36.5%"],
    ["", "", "", "", "", "", "", "", ""],
    ["G2", "Chronic absenteeism, all grades", "23", "15", "21", "19", "", "", ""],
    ["G3", "Family conference attendance", "1142", "1500", "1210", "", "", "2026-06-12", ""],
    ["", "", "", "", "", "", "", "", ""],
    [LEGEND, "", "", "", "", "", "", "", ""],
]  # fmt: skip


def progress_sheet_csv(dialect: str = "comma") -> bytes:
    """The progress sheet as CSV: "comma" (LF), "semicolon" (decimal comma) or "bom-crlf"."""
    if dialect == "semicolon":
        # A spreadsheet set to French or German: semicolons, and a comma for the decimal mark.
        rows = [[cell.replace(".", ",") for cell in row] for row in PROGRESS_ROWS]
        return _csv(rows, ";", "\n").encode("utf-8")
    if dialect == "bom-crlf":
        # Excel's "CSV UTF-8" on Windows: a byte-order mark and CRLF line ends.
        return b"\xef\xbb\xbf" + _csv(PROGRESS_ROWS, ",", "\r\n").encode("utf-8")
    return _csv(PROGRESS_ROWS, ",", "\n").encode("utf-8")


def _csv(rows: list[list[str]], delimiter: str, line_end: str) -> str:
    import csv

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return buffer.getvalue()
