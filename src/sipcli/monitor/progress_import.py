"""Merge status updates from a CSV file into a plan, keeping the plan's comments and layout.

A CSV comes in one of two layouts, told apart by its header row.

The long layout has one row per result, its columns in any order:

- ``id`` (required): the id of a goal or benchmark, e.g. G1 or G1.B2;
- ``date`` (required): when the result was observed, a date (YYYY-MM-DD) or a period of the
  school calendar (``Q2``, ``SY2026-27 Q2``, ``winter 2027 i-Ready``), written into the plan
  as it is written here; a bare term is read in the plan's school year;
- ``actual``: the value observed, a number (blank for none) written as the file's convention
  has it (see ``parse_number``): 38.4 in a comma CSV, 38,4 in a semicolon one;
- ``kind``: actual (the default when blank), preliminary or projected;
- ``source``: where the value comes from, e.g. "i-Ready winter diagnostic";
- ``status``: the team's judgement: not_started, on_track, at_risk, off_track, met, not_met;
- ``note``, ``period``: free text.

The wide layout is a progress sheet: one row per goal or benchmark, one column per check.
Its header has ``id``, optionally ``kind``, ``source`` and ``note`` (which apply to every
value of the row), and one column per period or date (``Q1,Q2,Q3,EOY``, ``SY2026-27 Q1``,
``winter 2027 i-Ready``); each non-blank cell is a value. A projected value goes on a row of
its own whose ``kind`` is projected (the same id may have an actual row and a projected row);
a value marked inside its cell ("p23", "23 (projected)") is refused, naming the row and column.

Every row is checked before anything changes; one bad row stops the whole import. A CSV
the csv module cannot read (a quote never closed, text after a closing quote, a cell too
long) is refused naming the row and column, and so is a quoted cell that holds what reads
like further rows, the trace of a quote left open and closed by chance. The new
updates are written as new lines into the plan's text by ``edit.insert`` (after the item's
last status update, or as a new ``status_updates:`` key at the end of the item), so every
existing line stays as it was. The merged text is validated again before it
is returned. An update whose id and date are already in the plan is reported, not added.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import functools
import io
import math
import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import cast, get_args

from ruamel.yaml.comments import CommentedMap

from sipcli.edit.insert import Entry, InsertionError, apply_insertions, list_insertion
from sipcli.errors import SipError
from sipcli.load.bounded import read_whole
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import UTF8_BOM, load_bytes
from sipcli.model import Plan
from sipcli.model.common import ResultKind, StatusUpdate, UpdateStatus
from sipcli.model.goals import Benchmark, Goal
from sipcli.periods import PeriodContext, PeriodError, When, read_when
from sipcli.validate.check import calendar_source
from sipcli.validate.document import CalendarSource, validate_document

#: The columns a progress CSV may have, in the order the model keeps a status update's keys.
COLUMNS = ("id", "date", "actual", "kind", "source", "status", "period", "note")
#: The columns of a wide progress sheet besides its period columns.
WIDE_COLUMNS = ("id", "kind", "source", "note")
KIND_VALUES: tuple[str, ...] = get_args(ResultKind)
REQUIRED_COLUMNS = ("id", "date")
STATUS_VALUES: tuple[str, ...] = get_args(UpdateStatus)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
#: The shape of a plan's ids (``model.types.Identifier``).
_ID = re.compile(r"[A-Za-z][A-Za-z0-9_.-]{0,39}")
_BOM = "\ufeff"


class ProgressImportError(InsertionError):
    """The CSV or the plan cannot be merged; nothing was changed. One problem per line."""


@dataclass(frozen=True)
class ImportRow:
    """One status update read from the CSV, with its row number (the header is row 1)."""

    row: int
    id: str
    update: StatusUpdate
    column: str | None = None
    """In the sheet layout, the column the value is in, as its header writes it: "Q1 (B)"."""
    recorded: float | None = None
    """When the plan already has this update: the value it records (set by `merge_updates`)."""

    def where(self) -> str:
        """Return "row 3" or, in the sheet layout, "row 3, column Q1 (B)"."""
        return f"row {self.row}" + (f", column {self.column}" if self.column else "")

    def conflict(self) -> str | None:
        """Return what to do when the plan holds another value for this update, else None."""
        if self.recorded is None or self.recorded == self.update.actual:
            return None
        return (
            f"{self.id} already has {_number_text(self.recorded)} for {self.update.date}; the "
            f"sheet says {_number_text(self.update.actual)}: change it in the plan if the "
            "sheet is right"
        )


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


#: What an update is for: its period's kind, start, end and settled day, and the kind of
#: result. Q1 and a day inside Q1 settle on different spans, Q4 and SY2026-27 too, though
#: each pair may settle on the same day.
UpdateKey = tuple[str, tuple[str, dt.date, dt.date, dt.date], str]


def period_identity(day: dt.date) -> tuple[str, dt.date, dt.date, dt.date]:
    """Return what a date or period is: its kind, start, end and settled day."""
    if isinstance(day, When):
        return day.kind, day.start, day.end, day.known
    return "date", day, day, day


@dataclass(frozen=True)
class MergeResult:
    """The merged plan text, the rows added and the rows skipped as already recorded."""

    text: str
    added: list[ImportRow]
    duplicates: list[ImportRow]

    def encoded(self, original: bytes) -> bytes:
        """Return the merged text as bytes with the original's byte-order mark and line ends."""
        text = self.text
        if b"\r\n" in original:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8")
        return UTF8_BOM + data if original.startswith(UTF8_BOM) else data


def read_updates(text: str, csv_name: str, context: PeriodContext | None = None) -> list[ImportRow]:
    """Return the status updates of a progress CSV (long or wide layout), every row checked.

    Periods are read in ``context`` (the plan's calendar and school year).

    Raises:
        ProgressImportError: naming every bad row and column (nothing is returned half).
    """
    context = context or PeriodContext()
    delimiter, records = read_csv(text, csv_name)
    if not records or not any(cell.strip() for cell in records[0].cells):
        raise ProgressImportError(
            [f"{csv_name}: no header row; the first row names the columns: {', '.join(COLUMNS)}"]
        )
    header = _header(records[0].cells)
    if "date" not in header and "actual" not in header:
        sheet = _wide_sheet(records[0].cells, csv_name, context)
        return _checked(_wide_rows(sheet, records[1:], csv_name, delimiter), csv_name)
    problems = _header_problems(header, csv_name)
    if problems:
        raise ProgressImportError(problems)
    found: list[ImportRow] = []
    for record in records[1:]:
        number, raw_cells = record.number, record.cells
        if not any(cell.strip() for cell in raw_cells):
            continue  # spreadsheets leave blank rows at the end
        swallowed = _swallowed_row(record, header, csv_name, delimiter)
        if swallowed:
            problems.append(swallowed)
            continue
        cells = _trim(raw_cells) if len(raw_cells) > len(header) else raw_cells
        row, row_problems = _read_row(header, cells, number, csv_name, delimiter, context)
        problems += row_problems
        if row is not None:
            found.append(row)
    return _checked((found, problems), csv_name)


def read_csv(text: str, csv_name: str, delimiter: str | None = None) -> tuple[str, list[CsvRecord]]:
    """Return a CSV's delimiter and its records, read as ``sip progress-import`` reads them.

    A byte-order mark is dropped; the delimiter, unless given, is a comma, or the semicolon
    or tab of a first line that holds no comma (see `parse_number` for the decimal mark that
    goes with it). `sip import` reads goal sheets through this too, so both commands read
    the same dialects.

    Raises:
        ProgressImportError: naming the row and column the csv module cannot read.
    """
    text = text.removeprefix(_BOM)
    delimiter = delimiter or csv_delimiter(text)
    return delimiter, _records(text, csv_name, delimiter)


def decode_csv(data: bytes, csv_name: str) -> str:
    """Return a CSV file's bytes as text (UTF-8, a byte-order mark kept for `read_csv`).

    Raises:
        SipError: when the bytes are not UTF-8, saying how to save the file.
    """
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SipError(
            f"{csv_name} is not UTF-8 text (byte {error.start}); save it as 'CSV UTF-8'"
        ) from error


def _key(row: ImportRow) -> UpdateKey:
    """What one update is: its item, its period and its kind (an actual and a projection differ)."""
    return row.id, period_identity(row.update.date), row.update.kind or "actual"


def _checked(read: tuple[list[ImportRow], list[str]], csv_name: str) -> list[ImportRow]:
    """Return the rows read, or raise every problem, and rows that repeat another."""
    found, problems = read
    seen: dict[UpdateKey, ImportRow] = {}
    for row in found:
        key = _key(row)
        if key in seen:
            kind = "" if key[2] == "actual" else f" ({key[2]})"
            problems.append(
                f"{csv_name}: {row.where()}: {row.id} on {row.update.date}{kind} repeats "
                f"{seen[key].where()}; keep one"
            )
        seen.setdefault(key, row)
    if problems:
        raise ProgressImportError(problems)
    return found


# --- the wide layout: one row per item, one column per period ------------------------------


@dataclass(frozen=True)
class _Sheet:
    """A wide sheet's header: its columns by name and its period columns by position."""

    header: list[str]
    periods: dict[int, When]
    names: dict[int, str] = field(default_factory=dict)
    """Each column as the header writes it, with its letter: "Q1 (B)"."""


def _wide_sheet(cells: list[str], csv_name: str, context: PeriodContext) -> _Sheet:
    """Read a wide sheet's header: id, kind, source, note and one column per period."""
    written = _trim([cell.strip() for cell in cells])
    header = [cell.lower() for cell in written]
    problems: list[str] = []
    periods: dict[int, When] = {}
    names = {index: f"{name} ({_column_letter(index)})" for index, name in enumerate(written)}
    for index, name in enumerate(written):
        where = f"{csv_name}: row 1, column {_column_letter(index)}"
        if not name:
            problems.append(f"{where}: the column has no name; name its period (Q1) or delete it")
        elif header[index] in WIDE_COLUMNS:
            continue
        else:
            try:
                periods[index] = read_when(name, context)
            except PeriodError as error:
                problems.append(
                    f"{where}: '{name}' is neither a column sip knows ({', '.join(WIDE_COLUMNS)}) "
                    f"nor a period of the school calendar: {error}"
                )
    if "id" not in header:
        problems.append(f"{csv_name}: row 1: the column 'id' is missing; add it to the header")
    if not periods and not problems:
        problems.append(
            f"{csv_name}: row 1: no column names a period or a date; a progress sheet has one "
            "column per check (Q1,Q2,Q3,EOY), or use the columns id,date,actual"
        )
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    problems += [f"{csv_name}: row 1: the column '{name}' appears twice" for name in duplicated]
    if problems:
        raise ProgressImportError(problems)
    return _Sheet(header, periods, names)


def _wide_rows(
    sheet: _Sheet, records: list[CsvRecord], csv_name: str, delimiter: str
) -> tuple[list[ImportRow], list[str]]:
    found: list[ImportRow] = []
    problems: list[str] = []
    for record in records:
        if not any(cell.strip() for cell in record.cells):
            continue
        cells = _trim(record.cells) if len(record.cells) > len(sheet.header) else record.cells
        if len(cells) > len(sheet.header):
            problems.append(_too_many(csv_name, record.number, cells, sheet.header, delimiter))
            continue
        rows, row_problems = _wide_row(sheet, cells, record.number, csv_name, delimiter)
        found += rows
        problems += row_problems
    return found, problems


def _wide_row(
    sheet: _Sheet, cells: list[str], number: int, csv_name: str, delimiter: str
) -> tuple[list[ImportRow], list[str]]:
    header = sheet.header
    values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
    problems: list[str] = []

    def bad(index: int, message: str) -> None:
        name = sheet.names.get(index, f"{header[index]} ({_column_letter(index)})")
        problems.append(f"{csv_name}: row {number}, column {name}: {message}")

    if not values["id"]:
        bad(header.index("id"), "the id is empty; give the id of a goal or benchmark, e.g. G1")
    kind = _kind(values.get("kind", ""), lambda message: bad(header.index("kind"), message))
    rows: list[ImportRow] = []
    for index, when in sheet.periods.items():
        cell = cells[index].strip() if index < len(cells) else ""
        if is_blank(cell):
            continue
        actual = _value(cell, delimiter, functools.partial(bad, index))
        if actual is None or problems:
            continue
        fields = {"kind": kind, "source": values.get("source"), "note": values.get("note")}
        update = _update(when, actual, fields)
        rows.append(ImportRow(number, values["id"], update, sheet.names.get(index)))
    return ([] if problems else rows), problems


#: Cells that say there is no value, as spreadsheets write it: read as blank.
NO_DATA = frozenset({"n/a", "na", "-", "\u2013", "\u2014"})


def is_blank(cell: str) -> bool:
    """Whether a value cell holds no value: empty, N/A, n/a or a dash."""
    return not cell.strip() or cell.strip().lower() in NO_DATA


def _kind(cell: str, bad: Callable[[str], None]) -> str | None:
    kind = cell.strip().lower() or None
    if kind is not None and kind not in KIND_VALUES:
        bad(
            f"'{cell}' is not a kind of result; use one of {', '.join(KIND_VALUES)} (blank: actual)"
        )
        return None
    return None if kind == "actual" else kind


#: A value marked as projected inside its cell: "p23", "23 (projected)", "23p", "~23".
_MARKED = re.compile(
    r"^(?:p\s*[-+]?\d.*|.*\d\s*p|~.*|.*\b(?:proj|projected|predicted|pred)\b.*)$", re.I
)


def _value(cell: str, delimiter: str, bad: Callable[[str], None]) -> float | None:
    """Read a cell's value, refusing one whose cell marks it as projected."""
    if _MARKED.fullmatch(cell.strip()):
        bad(
            f"'{cell}' marks the value inside its cell; write the number alone and put "
            "projected values on a row of their own whose kind column says projected"
        )
        return None
    try:
        return parse_number(cell, decimal_comma=delimiter == ";")
    except NumberFormatError as error:
        bad(str(error))
        return None


def _update(when: When, actual: float | None, fields: dict[str, str | None]) -> StatusUpdate:
    """Make the status update, its date or period kept as written."""
    # Validating a When would read it back as a plain date; the values are checked already.
    return StatusUpdate.model_construct(
        date=when,
        actual=actual,
        kind=cast("ResultKind | None", fields.get("kind") or None),
        source=fields.get("source") or None,
        status=cast("UpdateStatus | None", fields.get("status") or None),
        period=fields.get("period") or None,
        note=fields.get("note") or None,
    )


def csv_delimiter(text: str) -> str:
    """The CSV's delimiter: a comma, or the semicolon or tab of a header that holds no comma.

    Spreadsheets set to a language that writes decimals with a comma (French, German,
    Portuguese...) save "CSV" with semicolons.
    """
    # Any line end counts: old Mac files end their lines in a lone carriage return.
    header = _LINE_BREAK.split(text, maxsplit=1)[0]
    if "," in header:
        return ","
    return next((candidate for candidate in (";", "\t") if candidate in header), ",")


def _header(cells: list[str]) -> list[str]:
    return _trim([cell.strip().lower() for cell in cells])


# --- reading the CSV's records ------------------------------------------------------------

#: The line ends the csv module ends a record on; NEL and U+2028 are text inside a cell.
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_QUOTE = '"'
_QUOTE_HINT = (
    "close the quote at the end of the cell's text, or, if the quote is part of the text, "
    'write it twice ("") and put the whole cell in quotes, e.g. "the ""new"" schedule"'
)


@dataclass(frozen=True)
class CsvRecord:
    """One record of the CSV: its row number (the first record is row 1) and its first line."""

    number: int
    cells: list[str]
    line: int


def _records(text: str, csv_name: str, delimiter: str) -> list[CsvRecord]:
    """Split the CSV into records, refusing any the csv module cannot read.

    ``newline=""`` keeps line ends inside quoted cells as they are and lets the reader
    end a record on a lone carriage return too. ``strict`` makes a quote that is never
    closed an error instead of a cell that silently swallows the rest of the file.
    """
    lines = io.StringIO(text, newline="").readlines()
    reader = csv.reader(lines, delimiter=delimiter, strict=True)
    records: list[CsvRecord] = []
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return records
        except csv.Error as error:
            header = _header(records[0].cells) if records else []
            where = _Where(csv_name, len(records) + 1, line, header)
            problem = _unreadable(where, "".join(lines[line - 1 :]), delimiter, str(error))
            raise ProgressImportError([problem]) from error
        records.append(CsvRecord(len(records) + 1, cells, line))


@dataclass(frozen=True)
class _Where:
    """Where a record starts, to name it in a message."""

    csv_name: str
    row: int
    line: int
    header: list[str]

    def cell(self, index: int, line: int) -> str:
        """Name the row, the column and, when it differs from the row, the file's line."""
        name = (
            f"{self.header[index]} ({_column_letter(index)})"
            if index < len(self.header)
            else _column_letter(index)
        )
        at_line = "" if line == self.row else f" (line {line} of the file)"
        return f"{self.csv_name}: row {self.row}, column {name}{at_line}"


@dataclass(frozen=True)
class _Cell:
    """A cell as the scan of a record found it: lines are counted from the record's first."""

    index: int
    first_line: int
    last_line: int
    length: int


@dataclass(frozen=True)
class _Scan:
    """A record's cells as far as they could be read, and what stopped the scan."""

    cells: list[_Cell]
    stop: str  # "end": the record ended; "open": a quote never closed; "after": text after one


def _unreadable(where: _Where, rest: str, delimiter: str, error: str) -> str:
    """Say what the csv module could not read in the record that starts ``rest``."""
    scan = _scan_record(rest, delimiter)
    if scan.stop in ("open", "after"):
        cell = scan.cells[-1]
        opened = where.cell(cell.index, where.line + cell.first_line)
        if scan.stop == "open":
            return (
                f"{opened}: the quote that opens this cell is never closed, so the rest of "
                f"the file would be read into it; {_QUOTE_HINT}"
            )
        closed_at = where.line + cell.last_line
        if cell.last_line == cell.first_line:
            return f"{opened}: text follows the quote that closes this cell; {_QUOTE_HINT}"
        return (
            f"{opened}: the quote that opens this cell is not closed on its line but only on "
            f"line {closed_at}, where text follows it; {_QUOTE_HINT}"
        )
    long = [cell for cell in scan.cells if cell.length > csv.field_size_limit()]
    if long:
        return (
            f"{where.cell(long[0].index, where.line + long[0].first_line)}: the cell holds "
            f"{long[0].length:,} characters, more than the {csv.field_size_limit():,} a cell "
            "may have; a status update's note is a sentence or two: shorten it"
        )
    return (
        f"{where.csv_name}: row {where.row} (line {where.line} of the file) cannot be read as CSV "
        f"({error}); check its quotes and separators, or save the file again from the spreadsheet"
    )


def _scan_record(text: str, delimiter: str) -> _Scan:
    """Follow the csv module's reading of the record at the start of ``text``, noting positions.

    Only for messages: the csv module reads the records; this finds where a quote opened.
    """
    cells: list[_Cell] = []
    position, line = 0, 0
    while True:
        first_line = line
        if text.startswith(_QUOTE, position):
            end, line, length, stop = _quoted_cell(text, position + 1, line, delimiter)
        else:
            end, stop = _plain_cell_end(text, position, delimiter), "end"
            length = end - position
        cells.append(_Cell(len(cells), first_line, line, length))
        if stop != "end":
            return _Scan(cells, stop)
        if end >= len(text) or text[end] != delimiter:
            return _Scan(cells, "end")
        position = end + 1


def _plain_cell_end(text: str, position: int, delimiter: str) -> int:
    # A quote inside an unquoted cell is text to the csv module, as here.
    end = position
    while end < len(text) and text[end] not in (delimiter, "\r", "\n"):
        end += 1
    return end


def _quoted_cell(text: str, position: int, line: int, delimiter: str) -> tuple[int, int, int, str]:
    """Scan a quoted cell from just after its opening quote: (end, line, length, stop)."""
    length = 0
    while position < len(text):
        char = text[position]
        if char == _QUOTE and text.startswith(_QUOTE * 2, position):
            position, length = position + 2, length + 1
            continue
        if char == _QUOTE:
            position += 1
            ends = position >= len(text) or text[position] in (delimiter, "\r", "\n")
            return position, line, length, "end" if ends else "after"
        if char == "\n" or (char == "\r" and not text.startswith("\r\n", position)):
            line += 1
        position, length = position + 1, length + 1
    return position, line, length, "open"


def _swallowed_row(record: CsvRecord, header: list[str], csv_name: str, delimiter: str) -> str:
    """A problem when a cell runs over lines of which one reads like a row of its own.

    A quote left open and closed by chance rows later turns those rows into text of one
    cell; the csv module cannot tell, but a line inside a cell that starts with an id and
    a date is almost surely a row that was swallowed.
    """
    id_at, date_at = header.index("id"), header.index("date")
    line = record.line
    for index, cell in enumerate(record.cells):
        parts = _LINE_BREAK.split(cell)
        for offset, part in enumerate(parts[1:], start=1):
            cells = part.split(delimiter)
            if (
                len(cells) > max(id_at, date_at)
                and _ID.fullmatch(cells[id_at].strip())
                and _DATE.fullmatch(cells[date_at].strip())
            ):
                where = _Where(csv_name, record.number, record.line, header)
                return (
                    f"{where.cell(index, line)}: line {line + offset} of the file, inside this quoted "
                    f"cell, reads like a row of its own ({cells[id_at].strip()}, "
                    f"{cells[date_at].strip()}): a quote was probably left open; {_QUOTE_HINT}"
                )
        line += len(parts) - 1
    return ""


def _trim(cells: list[str]) -> list[str]:
    """Drop the empty cells at the end of a row, which spreadsheets often save."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def _header_problems(header: list[str], csv_name: str) -> list[str]:
    problems = []
    for index, name in enumerate(header):
        if not name:
            problems.append(
                f"{csv_name}: row 1, column {_column_letter(index)}: the column has no name; "
                f"name it (one of {', '.join(COLUMNS)}) or delete it"
            )
        elif name not in COLUMNS:
            close = difflib.get_close_matches(name, COLUMNS, n=1)
            hint = f"did you mean '{close[0]}'? " if close else ""
            problems.append(
                f"{csv_name}: row 1: unknown column '{name}'; {hint}the columns are {', '.join(COLUMNS)}"
            )
    for name in REQUIRED_COLUMNS:
        if name not in header:
            problems.append(
                f"{csv_name}: row 1: the column '{name}' is missing; add it to the header"
            )
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    problems += [f"{csv_name}: row 1: the column '{name}' appears twice" for name in duplicated]
    return problems


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _too_many(
    csv_name: str, number: int, cells: list[str], header: list[str], delimiter: str
) -> str:
    separator = {",": "a comma", ";": "a semicolon"}.get(delimiter, "a tab")
    return (
        f"{csv_name}: row {number}: {len(cells)} cells but {len(header)} columns; "
        f"quote text that holds {separator}"
    )


def _read_row(
    header: list[str],
    cells: list[str],
    number: int,
    csv_name: str,
    delimiter: str,
    context: PeriodContext,
) -> tuple[ImportRow | None, list[str]]:
    if len(cells) > len(header):
        return None, [_too_many(csv_name, number, cells, header, delimiter)]
    values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
    problems: list[str] = []

    def bad(column: str, message: str) -> None:
        letter = _column_letter(header.index(column))
        problems.append(f"{csv_name}: row {number}, column {column} ({letter}): {message}")

    if not values["id"]:
        bad("id", "the id is empty; give the id of a goal or benchmark, e.g. G1 or G1.B2")
    day = _when(values["date"], context, lambda message: bad("date", message))
    actual: float | None = None
    if not is_blank(values.get("actual", "")):
        actual = _value(values["actual"], delimiter, lambda message: bad("actual", message))
    kind = _kind(values.get("kind", ""), lambda message: bad("kind", message))
    status = values.get("status", "").lower().replace(" ", "_").replace("-", "_") or None
    if status is not None and status not in STATUS_VALUES:
        bad(
            "status", f"'{values['status']}' is not a status; use one of {', '.join(STATUS_VALUES)}"
        )
    if problems or day is None:
        return None, problems
    fields = {**values, "kind": kind, "status": status}
    return ImportRow(number, values["id"], _update(day, actual, fields)), []


def _when(text: str, context: PeriodContext, bad: Callable[[str], None]) -> When | None:
    if not text:
        bad("the date is empty; write a date (2026-11-20) or a period (Q2, SY2026-27 Q2)")
        return None
    try:
        return read_when(text, context)
    except PeriodError as error:
        bad(f"'{text}' is not a date or a period: {error}")
        return None


class NumberFormatError(ValueError):
    """A cell is not a number, or not one that can be read without guessing; says how to write it."""


#: A number whose integer part is grouped in threes by ``{group}`` with, maybe, a fraction after
#: ``{mark}``; a group never starts a number with 0, so 0.500 is not grouped.
_GROUPED = r"[1-9]\d{{0,2}}(?:{group}\d{{3}})+(?:{mark}\d*)?"


def parse_number(cell: str, *, decimal_comma: bool) -> float:
    """Read a CSV cell as a finite number in the file's convention, guessing nothing.

    ``decimal_comma`` is for a semicolon CSV, which spreadsheets write where decimals take a
    comma: 25,5 is 25.5 there (and, as people type it, 25.50 is too). A thousands separator
    is read only when it is proven: by the decimal mark after it (1.234,5 there, 1,234.5 in
    a comma CSV) or by several groups (1.234.567). A single group of three with no decimal
    mark, 25.500 there or 45,000 in a comma CSV, could be either, so it is refused.

    Raises:
        NumberFormatError: saying what is wrong with the cell and how to write it.
    """
    text = cell.strip()
    mark, group = (",", ".") if decimal_comma else (".", ",")
    digits = text.removeprefix("-").removeprefix("+")
    if group in digits:
        grouped = re.fullmatch(
            _GROUPED.format(group=re.escape(group), mark=re.escape(mark)), digits
        )
        if grouped and (mark in digits or digits.count(group) > 1):
            text = text.replace(group, "")
        elif grouped:
            whole, fraction = digits.split(group)
            raise NumberFormatError(
                f"'{cell}' could be read two ways, with '{group}' separating thousands or as the "
                f"decimal mark; write it without a thousands separator ({whole}{fraction}) or "
                f"with this file's decimal mark ({whole}{mark}{fraction.rstrip('0') or '0'})"
            )
        elif not decimal_comma or mark in digits:
            raise _not_a_number(cell, mark)
        # Else a semicolon CSV's lone dot that cannot group thousands: a decimal point.
    text = text.replace(mark, ".")
    try:
        value = float(text)
    except ValueError:
        raise _not_a_number(cell, mark) from None
    if not math.isfinite(value):
        raise _not_a_number(cell, mark)
    return value


def _not_a_number(cell: str, mark: str) -> NumberFormatError:
    return NumberFormatError(f"'{cell}' is not a number; write e.g. 86 or 38{mark}4 (no % sign)")


def merge_updates(
    plan_bytes: bytes,
    plan_name: str,
    rows: list[ImportRow],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    calendar: CalendarSource | None = None,
) -> MergeResult:
    """Return the plan's text with ``rows`` added to its goals' and benchmarks' status updates.

    Raises:
        ProgressImportError: when the plan is not valid, an id matches nothing, or an item
            cannot take new lines; nothing is merged then.
    """
    data, plan, lines = _load_valid(plan_bytes, plan_name, max_bytes, calendar)
    items = _items_by_id(data)
    recorded = _recorded_dates(plan)
    problems = [
        f"{plan_name}: row {row.row} of the CSV: no goal or benchmark has the id '{row.id}'"
        + _did_you_mean(row.id, list(items))
        for row in rows
        if row.id not in items
    ]
    if problems:
        raise ProgressImportError(problems)
    duplicates = [
        replace(row, recorded=recorded[row.id][_key(row)[1:]])
        for row in rows
        if _key(row)[1:] in recorded.get(row.id, {})
    ]
    added = [row for row in rows if _key(row)[1:] not in recorded.get(row.id, {})]
    by_id: dict[str, list[ImportRow]] = {}
    for row in added:
        by_id.setdefault(row.id, []).append(row)
    insertions = []
    for item_id, item_rows in by_id.items():
        updates = _in_date_order(item_rows)
        entries = [_fields(update) for update in updates]
        insertions.append(
            list_insertion(items[item_id], "status_updates", item_id, entries, lines, plan_name)
        )
    merged = apply_insertions(lines, insertions)
    _check_merged(merged, plan_name, plan, by_id, max_bytes, calendar)
    return MergeResult(merged, added, duplicates)


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else "; check the id in the plan"


def _load_valid(
    plan_bytes: bytes, plan_name: str, max_bytes: int, calendar: CalendarSource | None = None
) -> tuple[CommentedMap, Plan, list[str]]:
    loaded = load_bytes(plan_bytes, file=plan_name, max_bytes=max_bytes)
    problems = [
        f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in [loaded.diagnostic] if d
    ]
    if loaded.document is not None:
        validation = validate_document(loaded.document, calendar)
        if validation.plan is not None:
            text = plan_bytes.decode("utf-8").removeprefix(_BOM).replace("\r\n", "\n")
            if "\r" in text:
                raise ProgressImportError(
                    [
                        f"{plan_name}: lines end in a lone carriage return; save it with Unix or Windows line ends"
                    ]
                )
            return loaded.document.data, validation.plan, text.split("\n")
        problems += [
            f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in validation.diagnostics
        ]
    problems.append(
        f"{plan_name}: fix these first (sip validate {plan_name}); nothing was imported"
    )
    raise ProgressImportError(problems)


def _items_by_id(data: CommentedMap) -> dict[str, CommentedMap]:
    items: dict[str, CommentedMap] = {}
    for goal in data.get("goals") or []:
        items[str(goal["id"])] = goal
        for benchmark in goal.get("benchmarks") or []:
            items[str(benchmark["id"])] = benchmark
    return items


def _recorded_dates(plan: Plan) -> dict[str, dict[tuple[object, str], float | None]]:
    """Each item's recorded values by period and kind (an actual and a projection differ)."""
    recorded: dict[str, dict[tuple[object, str], float | None]] = {}
    for goal in plan.goals or []:
        for item in _goal_and_benchmarks(goal):
            recorded[item.id] = {
                (period_identity(update.date), update.kind or "actual"): update.actual
                for update in item.status_updates or []
            }
    return recorded


def _check_merged(
    text: str,
    plan_name: str,
    before: Plan,
    added: dict[str, list[ImportRow]],
    max_bytes: int,
    calendar: CalendarSource | None,
) -> None:
    try:
        _, after, _ = _load_valid(text.encode("utf-8"), plan_name, max_bytes, calendar)
    except ProgressImportError as error:
        raise ProgressImportError(
            [
                f"{plan_name}: the merged plan would not be valid; nothing was written",
                *error.problems,
            ]
        ) from error
    old, new = _updates_by_id(before), _updates_by_id(after)
    wrong = [
        item_id
        for item_id in new
        if new[item_id] != old.get(item_id, []) + _in_date_order(added.get(item_id, []))
    ]
    if wrong:
        raise ProgressImportError(
            [
                f"{plan_name}: the updates of {', '.join(wrong)} did not land where expected; nothing was written"
            ]
        )
    if _without_updates(after) != _without_updates(before):
        raise ProgressImportError(
            [
                f"{plan_name}: adding the lines would change more than the updates; nothing was written"
            ]
        )


def _fields(update: StatusUpdate) -> Entry:
    return [(k, v) for k, v in update.model_dump().items() if v is not None]


def _in_date_order(rows: list[ImportRow]) -> list[StatusUpdate]:
    return [row.update for row in sorted(rows, key=lambda row: row.update.date)]


def _goal_and_benchmarks(goal: Goal) -> list[Goal | Benchmark]:
    return [goal, *(goal.benchmarks or [])]


def _updates_by_id(plan: Plan) -> dict[str, list[StatusUpdate]]:
    """Every goal's and benchmark's status updates, in the plan's order (a repeated id: all)."""
    found: dict[str, list[StatusUpdate]] = {}
    for goal in plan.goals or []:
        for item in _goal_and_benchmarks(goal):
            found.setdefault(item.id, []).extend(item.status_updates or [])
    return found


def _without_updates(plan: Plan) -> dict[str, object]:
    """The plan's data with every status update left out: what an import must not change."""
    data = plan.model_dump()
    for goal in data.get("goals") or []:
        goal.pop("status_updates", None)
        for benchmark in goal.get("benchmarks") or []:
            benchmark.pop("status_updates", None)
    return data


@dataclass(frozen=True)
class PlannedImport:
    """An import ready to write: the merge, the plan's new bytes, and the bytes it had."""

    result: MergeResult
    content: bytes
    original: bytes
    """The plan as read: it is replaced only if it still holds exactly this."""


def import_progress(
    plan_path: Path,
    csv_path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    config: Path | None = None,
) -> PlannedImport:
    """Read both files and return the merge with the bytes to write (the plan is not written).

    Both are read through the bounded reader: regular files only, within ``max_bytes``.

    Raises:
        ProgressImportError: for any bad row or a plan that cannot take the updates.
        SipError: when a file cannot be read or is too large.
    """
    plan_bytes = read_whole(plan_path, max_bytes)
    csv_text = decode_csv(read_whole(csv_path, max_bytes), str(csv_path))
    calendar = calendar_source(plan_path, config)
    _, plan, _ = _load_valid(plan_bytes, str(plan_path), max_bytes, calendar)
    # Periods in the CSV are read as the plan's are: its calendar, bare terms in its year.
    rows = read_updates(csv_text, str(csv_path), plan.periods)
    result = merge_updates(plan_bytes, str(plan_path), rows, max_bytes=max_bytes, calendar=calendar)
    return PlannedImport(result, result.encoded(plan_bytes), plan_bytes)
