"""Read a goal spreadsheet, CSV or XLSX, into blocks: one table per sheet.

CSV is read exactly as ``sip progress-import`` reads it (`monitor.progress_import.read_csv`:
comma, semicolon or tab, a byte-order mark, any line ends); a number is read in the file's
convention, so 38,4 in a semicolon CSV is 38.4. XLSX is read with openpyxl (the ``xlsx``
extra, imported only here): each cell's text is what the sheet shows (0.23 formatted as a
percentage shows "23%"), its number the value stored, a date as ISO text, a formula as the
value the spreadsheet last saved. Merged cells are resolved into `Cell` spans.

What both do to a real progress sheet: fully blank rows and columns are dropped (spacers);
leading rows holding one cell only (a merged title above the header) become the table's
title; every other row is kept as it is, legend rows included: the mapper decides what they
are. Hidden rows, columns and sheets are read like the others, with a note saying so.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import warnings
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sipcli.errors import SipError
from sipcli.importing.blocks import Cell, Origin, SourceDocument, Table
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.monitor.progress_import import (
    NumberFormatError,
    csv_delimiter,
    decode_csv,
    parse_number,
    read_csv,
)

#: The kinds of file `read_sheet` reads.
SHEET_KINDS = ("csv", "xlsx")
MISSING_OPENPYXL = (
    "reading .xlsx needs sip's xlsx extra: pip install 'sipcli[xlsx]'; or save the sheet as CSV"
)
#: An XLSX is a zip of XML; unpacked, its parts may hold this many times the plan size limit,
#: as `sniff` allows (markup is bulky; a zip bomb inflates thousands of times).
MAX_EXPANSION = 50
#: The cells a sheet's used range may span: goal sheets hold hundreds; a stray value or
#: format in row 1,048,576 makes millions of empty ones, slow to read and holding nothing.
MAX_CELLS = 1_000_000
#: The start of an OLE compound file: an encrypted workbook, or an old binary .xls.
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def read_sheet(data: bytes, file: str, kind: str) -> SourceDocument:
    """Return the tables of a goal sheet: ``kind`` is "csv" or "xlsx".

    Raises:
        SipError: when the file cannot be read as that kind, naming the file and what to do.
    """
    if kind == "csv":
        return _read_csv(data, file)
    if kind == "xlsx":
        return _read_xlsx(data, file)
    raise SipError(f"{file}: sip reads goal sheets saved as {' or '.join(SHEET_KINDS)}, not {kind}")


# --- the grid both formats become before it is a table -----------------------------------


@dataclass(frozen=True)
class _Raw:
    """One cell as read, before blank rows and columns are dropped."""

    text: str
    origin: Origin
    number: float | None = None
    percent: bool = False
    span: int = 1
    rows: int = 1
    merged: bool = False


#: A grid of raw cells: its rows, each keyed by its row number, holding its cells by column.
_Grid = dict[int, dict[int, _Raw]]


def _table(grid: _Grid, origin: Origin, title: str | None) -> Table | None:
    """Make the table of a grid: blank rows and columns dropped, leading title rows lifted.

    Every row of the grid holds a cell for every column any row has.

    A cell's ``span`` and ``rows`` count the columns and rows it covers that are kept.
    """
    rows = [number for number in sorted(grid) if any(c.text for c in grid[number].values())]
    titles, rows = _title_rows(grid, rows)
    columns = sorted({col for number in rows for col, cell in grid[number].items() if cell.text})
    if not rows:
        return None
    kept_rows, kept_columns = set(rows), set(columns)
    table_rows = tuple(
        tuple(_cell(grid[number][col], number, col, kept_rows, kept_columns) for col in columns)
        for number in rows
    )
    return Table(table_rows, origin, "\n".join(titles) if titles else title)


def _title_rows(grid: _Grid, rows: list[int]) -> tuple[list[str], list[int]]:
    """Split off the leading rows that hold one cell only, while the table is wider than that.

    A sheet's title (often merged across the header) and a subtitle ("Updated January") sit
    there; a header row names several columns. At least one row is always left.
    """
    widths = [sum(1 for c in grid[n].values() if c.text and not c.merged) for n in rows]
    if max(widths, default=0) < 2:
        return [], rows
    titles: list[str] = []
    while len(rows) > 1 and widths[len(titles)] == 1:
        titles.append(next(c.text for c in grid[rows[0]].values() if c.text and not c.merged))
        rows = rows[1:]
    return titles, rows


def _cell(raw: _Raw, row: int, col: int, rows: set[int], cols: set[int]) -> Cell:
    span = sum(1 for c in range(col, col + raw.span) if c in cols)
    height = sum(1 for r in range(row, row + raw.rows) if r in rows)
    return Cell(raw.text, raw.origin, span, height, raw.merged, raw.number, raw.percent)


def _letter(col: int) -> str:
    """The spreadsheet letter of a 1-based column: 1 is A, 28 is AB."""
    letters = ""
    while col:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


# --- CSV ---------------------------------------------------------------------------------

_PERCENT = re.compile(r"^(?P<number>.*\d)\s*%$")


def _read_csv(data: bytes, file: str) -> SourceDocument:
    """Read a CSV goal sheet, its dialect found as `sip progress-import` finds it."""
    text = decode_csv(data, file)
    delimiter, records = read_csv(text, file, _sheet_delimiter(text))
    decimal_comma = delimiter == ";"
    texts = {record.number: [cell.strip() for cell in record.cells] for record in records}
    header = _csv_header(texts)
    width = max((len(cells) for cells in texts.values()), default=0)
    grid: _Grid = {}
    for number, cells in texts.items():
        grid[number] = {}
        for col in range(1, width + 1):
            text = cells[col - 1] if col <= len(cells) else ""
            name = header.get(col)
            where = f"{file}, row {number}, column " + (f"'{name}'" if name else _letter(col))
            value, percent = _csv_number(text, decimal_comma)
            grid[number][col] = _Raw(text, Origin(where), value, percent)
    table = _table(grid, Origin(file), None)
    notes = []
    if delimiter != ",":
        separator = "semicolons" if delimiter == ";" else "tabs"
        mark = "; numbers were read with a decimal comma (38,4 is 38.4)" if decimal_comma else ""
        notes.append(f"{file}: the cells are separated by {separator}{mark}")
    return SourceDocument(file, (table,) if table else (), tuple(notes))


#: How many lines `_sheet_delimiter` looks at: a title, a header and some goals.
_SNIFFED_LINES = 20


def _sheet_delimiter(text: str) -> str | None:
    """The delimiter of a sheet whose first line misleads, else None (progress-import's rule).

    `csv_delimiter` judges by the first line, a progress CSV's header; a goal sheet may start
    with a title ("Goals, spring 2026;;;") whose comma is not its delimiter. A delimiter
    appears the same number of times on most lines (the table's width): the one that does
    so on more lines than the first line's choice is taken instead.
    """
    lines = [line for line in text.splitlines()[:_SNIFFED_LINES] if line.strip()]

    def steady(candidate: str) -> int:
        counts = Counter(line.count(candidate) for line in lines)
        counts.pop(0, None)
        return max(counts.values(), default=0)

    usual = csv_delimiter(text)
    best = max((",", ";", "\t"), key=steady)
    return best if steady(best) > steady(usual) else None


def _csv_header(texts: dict[int, list[str]]) -> dict[int, str]:
    """The header's names by column: the first row naming more than one column."""
    for cells in texts.values():
        named = {col: text for col, text in enumerate(cells, start=1) if text}
        if len(named) > 1:
            return named
    return {}


def _csv_number(text: str, decimal_comma: bool) -> tuple[float | None, bool]:
    """A CSV cell's number in the file's convention, and whether it is written as a percent.

    "23%" is stored as 0.23, as a spreadsheet stores what is typed so; a cell that is not a
    number, or one that could be read two ways (45,000), has none: its text is kept.
    """
    match = _PERCENT.match(text)
    try:
        if match:
            return parse_number(match["number"], decimal_comma=decimal_comma) / 100, True
        return (parse_number(text, decimal_comma=decimal_comma), False) if text else (None, False)
    except NumberFormatError:
        return None, False


# --- XLSX --------------------------------------------------------------------------------


def _read_xlsx(data: bytes, file: str) -> SourceDocument:
    """Read every non-empty sheet of a workbook into a table, with notes on hidden parts."""
    sheets_xml = _check_package(data, file)
    workbook = _load_workbook(data, file)
    tables: list[Table] = []
    notes = _uncached_note(sheets_xml, file)
    for sheet in workbook.worksheets:
        name = str(sheet.title)
        grid = _sheet_grid(sheet, file)
        table = _table(grid, Origin(f"sheet '{name}'"), name)
        if table is None:
            notes.append(f"{file}: sheet '{name}' is empty; nothing was read from it")
            continue
        tables.append(table)
        notes += _hidden_notes(sheet, file, grid)
    return SourceDocument(file, tuple(tables), tuple(notes))


def _check_package(data: bytes, file: str) -> list[bytes]:
    """Refuse what is not a plain workbook before openpyxl reads it: say what it is instead.

    Returns the XML of its worksheets.
    """
    if data.startswith(_OLE_MAGIC):
        raise SipError(
            f"{file} is password-protected or an old Excel 97-2003 workbook (.xls); sip cannot "
            "read it: open it in the spreadsheet, remove the password if it has one, and save "
            "it as an Excel Workbook (.xlsx) or as CSV"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            parts = package.infolist()
    except zipfile.BadZipFile:
        raise _not_a_workbook(file, "it is not a zip package, as every .xlsx is") from None
    names = {part.filename for part in parts}
    if "xl/workbook.xml" not in names:
        raise _not_a_workbook(file, "it holds no workbook (perhaps another Office document)")
    if "xl/vbaProject.bin" in names:
        raise SipError(
            f"{file} holds macros (a macro-enabled workbook); sip does not read those: save a "
            "copy as an Excel Workbook (.xlsx) or as CSV and import the copy"
        )
    if sum(part.file_size for part in parts) > MAX_EXPANSION * DEFAULT_MAX_BYTES:
        raise SipError(
            f"{file} expands to far more data than a goal sheet holds; sip stopped reading it: "
            "save the sheets with the goals as CSV and import that"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as package:
            sheets = [package.read(name) for name in names if name.startswith("xl/worksheets/")]
    except (zipfile.BadZipFile, zlib.error, EOFError):
        # a directory that reads but a part that does not: cut short or damaged in copying
        raise _not_a_workbook(file, "a part of it is damaged") from None
    # openpyxl makes an object for every cell a merge covers: a merge over a whole sheet
    # would take it minutes and gigabytes, so the merges are measured first.
    if sum(_merged_area(part) for part in sheets) > MAX_CELLS:
        raise SipError(
            f"{file} merges cells over far more of its sheets than a goal sheet holds; unmerge "
            "the cells outside the table, or save the goals as CSV"
        )
    return sheets


#: A cell's element in a worksheet's XML (not a self-closing one) and what it holds.
_CELL = re.compile(rb"<c(?:\s[^>]*)?(?<!/)>(.*?)</c>", re.DOTALL)
_SAVED_VALUE = re.compile(rb"<v>[^<]+</v>")


def _uncached_note(sheets_xml: list[bytes], file: str) -> list[str]:
    """A note when formulas have no value saved with them: they read as blank cells.

    A spreadsheet program saves each formula's value; a file written by a script often
    does not, and sip does not calculate formulas.
    """
    count = sum(
        1
        for xml in sheets_xml
        for inner in _CELL.findall(xml)
        if b"<f" in inner and not _SAVED_VALUE.search(inner)
    )
    if not count:
        return []
    formulas = "a formula has" if count == 1 else f"{count} formulas have"
    return [
        f"{file}: {formulas} no value saved with {'it' if count == 1 else 'them'}, so "
        f"{'its cell reads' if count == 1 else 'their cells read'} as blank; open the file "
        "in the spreadsheet and save it again to keep the values"
    ]


_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _merged_area(sheet_xml: bytes) -> int:
    """How many cells the merged ranges of a worksheet's XML cover."""
    return sum(
        (int(bottom) - int(top) + 1) * (_column(right) - _column(left) + 1)
        for left, top, right, bottom in _MERGE.findall(sheet_xml)
    )


def _column(letters: bytes) -> int:
    """The 1-based number of a column's letters: b"A" is 1, b"AB" is 28."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _not_a_workbook(file: str, why: str) -> SipError:
    return SipError(
        f"{file} cannot be read as an Excel workbook: {why}; open it in the spreadsheet and "
        "save it again as an Excel Workbook (.xlsx), or as CSV"
    )


def _load_workbook(data: bytes, file: str) -> Any:
    """Open the workbook with openpyxl: not read-only, so merged ranges and hidden rows are known."""
    try:
        import openpyxl  # noqa: PLC0415  (an optional extra: only `sip import` of .xlsx needs it)
    except ImportError:
        raise SipError(MISSING_OPENPYXL) from None
    try:
        # openpyxl warns of the parts it drops (data validation, conditional formatting):
        # they hold no values, and the core never prints.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(io.BytesIO(data), data_only=True)
    except Exception as error:  # openpyxl raises many kinds (KeyError, ValueError, lxml's)
        raise _not_a_workbook(file, f"a part of it is damaged ({type(error).__name__})") from None


def _sheet_grid(sheet: Any, file: str) -> _Grid:
    """Every cell of a sheet that holds something, merged ranges resolved."""
    name = str(sheet.title)
    rows, columns = int(sheet.max_row), int(sheet.max_column)
    if rows * columns > MAX_CELLS:
        raise SipError(
            f"{file}: sheet '{name}' spans {rows:,} rows and {columns:,} columns, far more than "
            "a goal sheet holds; delete the rows and columns below and right of the table, or "
            "save the goals as CSV"
        )
    grid: _Grid = {}
    spans, covered = _merges(sheet)
    for row in sheet.iter_rows():
        for cell in row:
            at = (int(cell.row), int(cell.column))
            if cell.value is None or at in covered:
                continue
            span, height = spans.get(at, (1, 1))
            raw = _xlsx_cell(cell.value, str(cell.number_format), name, cell.coordinate)
            grid.setdefault(at[0], {})[at[1]] = _with_span(raw, span, height)
    for (row, col), top in covered.items():
        source = grid.get(top[0], {}).get(top[1])
        if source is not None:
            grid.setdefault(row, {})[col] = _Raw(
                source.text, source.origin, source.number, source.percent, merged=True
            )
    _fill_blanks(grid, name)
    return grid


_Place = tuple[int, int]


def _merges(sheet: Any) -> tuple[dict[_Place, tuple[int, int]], dict[_Place, _Place]]:
    """A sheet's merged ranges: each top-left's (columns, rows), and each covered place's top-left."""
    spans: dict[_Place, tuple[int, int]] = {}
    covered: dict[_Place, _Place] = {}
    for merged in sheet.merged_cells.ranges:
        top = (int(merged.min_row), int(merged.min_col))
        spans[top] = (int(merged.max_col) - top[1] + 1, int(merged.max_row) - top[0] + 1)
        for row in range(top[0], int(merged.max_row) + 1):
            for col in range(top[1], int(merged.max_col) + 1):
                if (row, col) != top:
                    covered[(row, col)] = top
    return spans, covered


def _with_span(raw: _Raw, span: int, height: int) -> _Raw:
    return _Raw(raw.text, raw.origin, raw.number, raw.percent, span, height)


def _fill_blanks(grid: _Grid, name: str) -> None:
    """Give every position of the grid a cell, so each blank cell names its place too."""
    columns = {col for cells in grid.values() for col in cells}
    for number, cells in grid.items():
        for col in columns:
            cells.setdefault(col, _Raw("", Origin(f"sheet '{name}', cell {_letter(col)}{number}")))


def _xlsx_cell(value: object, number_format: str, sheet: str, coordinate: str) -> _Raw:
    """A cell's text as the sheet shows it and, for a number, the value stored."""
    origin = Origin(f"sheet '{sheet}', cell {coordinate}")
    if isinstance(value, bool):
        return _Raw("TRUE" if value else "FALSE", origin)
    if isinstance(value, int | float):
        percent = _format(number_format).percent
        return _Raw(_shown(float(value), number_format), origin, float(value), percent)
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(" ")
        return _Raw(text, origin)
    if isinstance(value, dt.date | dt.time):
        return _Raw(value.isoformat(), origin)
    return _Raw(str(value).strip(), origin)


#: What a number format's first section may hold that `_shown` does not render: quoted or
#: escaped text, colours and conditions in brackets, padding and alignment marks.
_FORMAT_NOISE = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')


#: A format with a digit placeholder, which `_shown` renders; else General's way is used.
_PLAIN_FORMAT = re.compile(r"[0#?]")
#: Scientific and fraction formats: shown as General shows the number.
_OTHER_FORMAT = re.compile(r"[eE][+-]|/")


@dataclass(frozen=True)
class _Format:
    """What `_shown` needs of a number format; ``None`` places mean: show it as General does."""

    places: int | None
    percent: bool = False
    grouping: str = ""
    prefix: str = ""


@functools.lru_cache(maxsize=256)
def _format(number_format: str) -> _Format:
    """Read a number format's first section (for positive numbers): a sheet uses a few only."""
    first = number_format.split(";", maxsplit=1)[0]
    section = _FORMAT_NOISE.sub("", first)
    percent = "%" in section
    if _PLAIN_FORMAT.search(section) is None or _OTHER_FORMAT.search(section):
        return _Format(None, percent)
    places = re.search(r"\.([0#?]*)", section)
    grouping = "," if re.search(r"[0#?],[0#?]", section) else ""
    return _Format(len(places[1]) if places else 0, percent, grouping, "$" if "$" in first else "")


def _shown(value: float, number_format: str) -> str:
    """Return a number as a sheet with this format shows it: 0.23 with 0% is "23%".

    Decimal places, thousands separators, percentages and a currency sign are rendered; a
    format beyond those (fractions, scientific, dates on a number) shows as General does.
    """
    form = _format(number_format)
    if form.places is None:
        return _general(value)
    # Excel rounds half away from zero, on the decimal number it stored: 0.365 shows 37%.
    scaled = Decimal(repr(value)).scaleb(2 if form.percent else 0)
    rounded = scaled.quantize(Decimal(1).scaleb(-form.places), rounding=ROUND_HALF_UP)
    text = f"{rounded:{form.grouping}f}"
    sign = "-" if text.startswith("-") else ""
    return f"{sign}{form.prefix}{text.removeprefix('-')}{'%' if form.percent else ''}"


def _general(value: float) -> str:
    """A number as the General format shows it: no trailing zeros, up to 10 significant digits."""
    if value.is_integer() and abs(value) < 1e11:
        return str(int(value))
    return f"{value:.10g}".replace("e", "E")


def _hidden_notes(sheet: Any, file: str, grid: _Grid) -> list[str]:
    """Say which of the table's rows and columns, or the sheet itself, the spreadsheet hides.

    They were read like the others; a hidden spacer row or empty column is not worth a note.
    """
    name = str(sheet.title)
    notes = []
    if sheet.sheet_state != "visible":
        notes.append(
            f"{file}: sheet '{name}' is hidden in the workbook; it was read like the others"
        )
    kept_rows = {number for number, cells in grid.items() if any(c.text for c in cells.values())}
    kept_columns = {col for cells in grid.values() for col, cell in cells.items() if cell.text}
    rows = sorted(int(n) for n, d in sheet.row_dimensions.items() if d.hidden and n in kept_rows)
    columns = sorted(
        col
        for dimension in sheet.column_dimensions.values()
        if dimension.hidden and dimension.min
        for col in range(int(dimension.min), int(dimension.max or dimension.min) + 1)
        if col in kept_columns
    )
    if rows:
        notes.append(
            f"{file}: sheet '{name}' hides {_plural(rows, 'row', str)}; "
            f"{_they(rows)} read like the others"
        )
    if columns:
        notes.append(
            f"{file}: sheet '{name}' hides {_plural(columns, 'column', _letter)}; "
            f"{_they(columns)} read like the others"
        )
    return notes


def _plural(items: Iterable[int], noun: str, name: Callable[[int], str]) -> str:
    names = [name(item) for item in items]
    return f"{noun} {names[0]}" if len(names) == 1 else f"{noun}s {', '.join(names)}"


def _they(items: list[int]) -> str:
    return "it was" if len(items) == 1 else "they were"
