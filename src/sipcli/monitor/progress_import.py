"""Merge status updates from a CSV file into a plan, keeping the plan's comments and layout.

The CSV has a header row naming its columns, in any order:

- ``id`` (required): the id of a goal or benchmark, e.g. G1 or G1.B2;
- ``date`` (required): when the result was observed, YYYY-MM-DD;
- ``actual``: the value observed, a number (blank for none);
- ``status``: the team's judgement: not_started, on_track, at_risk, off_track, met, not_met;
- ``note``, ``period``: free text.

Every row is checked before anything changes; one bad row stops the whole import. The new
updates are written as new lines into the plan's text by ``edit.insert`` (after the item's
last status update, or as a new ``status_updates:`` key at the end of the item), so every
existing line stays as it was. The merged text is validated again before it
is returned. An update whose id and date are already in the plan is reported, not added.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import get_args

from ruamel.yaml.comments import CommentedMap

from sipcli.edit.insert import Entry, InsertionError, apply_insertions, list_insertion
from sipcli.errors import SipError
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import UTF8_BOM, load_bytes
from sipcli.model import Plan
from sipcli.model.common import StatusUpdate, UpdateStatus
from sipcli.model.goals import Benchmark, Goal
from sipcli.validate.document import validate_document

#: The columns a progress CSV may have, in the order the model keeps a status update's keys.
COLUMNS = ("id", "date", "actual", "status", "period", "note")
REQUIRED_COLUMNS = ("id", "date")
STATUS_VALUES: tuple[str, ...] = get_args(UpdateStatus)
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_BOM = "\ufeff"


class ProgressImportError(InsertionError):
    """The CSV or the plan cannot be merged; nothing was changed. One problem per line."""


@dataclass(frozen=True)
class ImportRow:
    """One status update read from the CSV, with its row number (the header is row 1)."""

    row: int
    id: str
    update: StatusUpdate


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


def read_updates(text: str, csv_name: str) -> list[ImportRow]:
    """Return the status updates of a progress CSV, every row checked.

    Raises:
        ProgressImportError: naming every bad row and column (nothing is returned half).
    """
    text = text.removeprefix(_BOM)
    delimiter = _delimiter(text)
    rows = list(csv.reader(io.StringIO(text), delimiter=delimiter))
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ProgressImportError(
            [f"{csv_name}: no header row; the first row names the columns: {', '.join(COLUMNS)}"]
        )
    header = _trim([cell.strip().lower() for cell in rows[0]])
    problems = _header_problems(header, csv_name)
    if problems:
        raise ProgressImportError(problems)
    found: list[ImportRow] = []
    seen: dict[tuple[str, dt.date], int] = {}
    for number, raw_cells in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in raw_cells):
            continue  # spreadsheets leave blank rows at the end
        cells = _trim(raw_cells) if len(raw_cells) > len(header) else raw_cells
        row, row_problems = _read_row(header, cells, number, csv_name, delimiter=delimiter)
        problems += row_problems
        if row is None:
            continue
        key = (row.id, row.update.date)
        if key in seen:
            problems.append(
                f"{csv_name}: row {number}: {row.id} on {row.update.date} repeats row {seen[key]}; keep one"
            )
        seen.setdefault(key, number)
        found.append(row)
    if problems:
        raise ProgressImportError(problems)
    return found


def _delimiter(text: str) -> str:
    """The CSV's delimiter: a comma, or the semicolon or tab of a header that holds no comma.

    Spreadsheets set to a language that writes decimals with a comma (French, German,
    Portuguese...) save "CSV" with semicolons.
    """
    header = text.split("\n", 1)[0]
    if "," in header:
        return ","
    return next((candidate for candidate in (";", "\t") if candidate in header), ",")


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


def _read_row(
    header: list[str], cells: list[str], number: int, csv_name: str, *, delimiter: str
) -> tuple[ImportRow | None, list[str]]:
    if len(cells) > len(header):
        separator = {",": "a comma", ";": "a semicolon"}.get(delimiter, "a tab")
        return None, [
            f"{csv_name}: row {number}: {len(cells)} cells but {len(header)} columns; "
            f"quote text that holds {separator}"
        ]
    values = {name: (cells[i].strip() if i < len(cells) else "") for i, name in enumerate(header)}
    problems: list[str] = []

    def bad(column: str, message: str) -> None:
        letter = _column_letter(header.index(column))
        problems.append(f"{csv_name}: row {number}, column {column} ({letter}): {message}")

    if not values["id"]:
        bad("id", "the id is empty; give the id of a goal or benchmark, e.g. G1 or G1.B2")
    day = _date(values["date"])
    if day is None:
        bad("date", f"'{values['date']}' is not a date; write it YYYY-MM-DD, e.g. 2026-11-20")
    actual = _number(values.get("actual", ""), decimal_comma=delimiter == ";")
    if actual is False:
        bad("actual", f"'{values['actual']}' is not a number; write e.g. 86 or 38.4 (no % sign)")
    status = values.get("status", "").lower().replace(" ", "_").replace("-", "_") or None
    if status is not None and status not in STATUS_VALUES:
        bad(
            "status", f"'{values['status']}' is not a status; use one of {', '.join(STATUS_VALUES)}"
        )
    if problems or day is None or actual is False:
        return None, problems
    update = StatusUpdate(
        date=day,
        actual=actual,
        status=status,  # checked against STATUS_VALUES above
        period=values.get("period") or None,
        note=values.get("note") or None,
    )
    return ImportRow(number, values["id"], update), []


def _date(text: str) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


_GROUPED = re.compile(r"-?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")


def _number(text: str, *, decimal_comma: bool = False) -> float | bool | None:
    """Return the number, None for a blank cell, False when it is not a finite number.

    With ``decimal_comma`` (a semicolon CSV, written where decimals take a comma), 38,4 is
    38.4 and a dot groups thousands: 1.234 is 1234.
    """
    if not text:
        return None
    if decimal_comma and _GROUPED.fullmatch(text):
        text = text.replace(".", "")
    if decimal_comma and text.count(",") == 1 and "." not in text:
        text = text.replace(",", ".")
    try:
        value = float(text)
    except ValueError:
        return False
    return value if math.isfinite(value) else False


def merge_updates(
    plan_bytes: bytes, plan_name: str, rows: list[ImportRow], *, max_bytes: int = DEFAULT_MAX_BYTES
) -> MergeResult:
    """Return the plan's text with ``rows`` added to its goals' and benchmarks' status updates.

    Raises:
        ProgressImportError: when the plan is not valid, an id matches nothing, or an item
            cannot take new lines; nothing is merged then.
    """
    data, plan, lines = _load_valid(plan_bytes, plan_name, max_bytes)
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
    duplicates = [row for row in rows if row.update.date in recorded.get(row.id, set())]
    added = [row for row in rows if row not in duplicates]
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
    _check_merged(merged, plan_name, plan, by_id, max_bytes)
    return MergeResult(merged, added, duplicates)


def _did_you_mean(name: str, known: list[str]) -> str:
    close = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean '{close[0]}'?" if close else "; check the id in the plan"


def _load_valid(
    plan_bytes: bytes, plan_name: str, max_bytes: int
) -> tuple[CommentedMap, Plan, list[str]]:
    loaded = load_bytes(plan_bytes, file=plan_name, max_bytes=max_bytes)
    problems = [
        f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" for d in [loaded.diagnostic] if d
    ]
    if loaded.document is not None:
        validation = validate_document(loaded.document)
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


def _recorded_dates(plan: Plan) -> dict[str, set[dt.date]]:
    recorded: dict[str, set[dt.date]] = {}
    for goal in plan.goals or []:
        for item in _goal_and_benchmarks(goal):
            recorded[item.id] = {update.date for update in item.status_updates or []}
    return recorded


def _check_merged(
    text: str, plan_name: str, before: Plan, added: dict[str, list[ImportRow]], max_bytes: int
) -> None:
    try:
        _, after, _ = _load_valid(text.encode("utf-8"), plan_name, max_bytes)
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


def import_progress(
    plan_path: Path, csv_path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> tuple[MergeResult, bytes]:
    """Read both files and return the merge with the bytes to write (the plan is not written).

    Raises:
        ProgressImportError: for any bad row or a plan that cannot take the updates.
        SipError: when a file cannot be read.
    """
    try:
        plan_bytes = plan_path.read_bytes()
        csv_bytes = csv_path.read_bytes()
    except OSError as error:
        raise SipError(f"cannot read {error.filename}: {error.strerror or error}") from error
    try:
        csv_text = csv_bytes.decode("utf-8")
    except UnicodeDecodeError as error:
        raise SipError(
            f"{csv_path} is not UTF-8 text (byte {error.start}); save it as 'CSV UTF-8'"
        ) from error
    rows = read_updates(csv_text, str(csv_path))
    result = merge_updates(plan_bytes, str(plan_path), rows, max_bytes=max_bytes)
    return result, result.encoded(plan_bytes)
