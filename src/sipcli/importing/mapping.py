"""Place a source document's blocks into a plan, by their wording: pure functions, no output.

`place` walks the blocks in reading order. A heading chooses the section the blocks below it
belong to (``data/import_map.yaml``); a labelled paragraph or sub-heading chooses a text
field; a table is matched to a kind of item (goal, challenge, ...) by its header rows, one
item per row. Every value keeps the `Origin` it came from and, when sip worked it out rather
than reading it in a cell, how (``inferred``). What cannot be placed is a `Leftover` with the
section it most likely belongs to: the section of the nearest heading above it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from sipcli.errors import SipError
from sipcli.importing.blocks import Block, Cell, Heading, Origin, Paragraph, SourceDocument, Table
from sipcli.model.labels import label_table
from sipcli.model.types import normalise_school_year
from sipcli.periods import PeriodContext, PeriodError, read_when
from sipcli.statement.amounts import find_amounts
from sipcli.statement.deadlines import find_deadline

Path = tuple[str, ...]

#: The fields whose cells hold a number (the rest is kept as a leftover).
_NUMBER_FIELDS = frozenset({"baseline.value", "target.value", "cost"})
#: The fields whose cells hold a date or a period.
_WHEN_FIELDS = frozenset({"target.by", "start", "end"})
#: Text fields that hold one value: a second one found is kept as a leftover.
_SINGLE = ("school", "plan")
_NUMBER = re.compile(r"[-+]?\$?\d[\d,]*(?:\.\d+)?")
#: A cell that holds a figure and nothing else: "23%", "19 %", "$12,000", "1,142".
_WHOLE_NUMBER = re.compile(r"^\s*([-+]?\$?\d[\d,]*(?:\.\d+)?)\s*%?\s*$")
#: An id written where the goal's text would be (a sheet's "Goal" column of G1, G2.B1).
_ID_ONLY = re.compile(r"^[A-Z]{1,3}\d+(?:\.[A-Z]{1,3}\d+)?$")
_LEGEND = re.compile(r"^\s*(?:key|legend|notes?|source)\s*:", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"\b(?:SY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\b", re.IGNORECASE)
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")
_BENCHMARK_ID = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\.[A-Za-z][A-Za-z0-9_-]*$")
#: Words in a period column's header that say nothing about the period itself.
_RESULT_WORDS = re.compile(r"\b(?:results?|actuals?|data|scores?|status|check)\b")


@dataclass(frozen=True)
class Value:
    """One value placed in the plan, where it came from, and how sip read it.

    ``inferred`` is None when the value was written as is in a cell or a paragraph, else the
    words that say how it was worked out ("read from the statement in").
    """

    value: Any
    origin: Origin
    inferred: str | None = None


@dataclass
class Item:
    """One list item placed in the plan (a goal, a benchmark, a challenge...): a table row."""

    kind: str
    origin: Origin
    fields: dict[str, Value] = field(default_factory=dict)
    """Dotted field (``baseline.value``) -> value."""
    children: dict[str, list[Item]] = field(default_factory=dict)
    """Nested lists: ``benchmarks``, ``status_updates``, ``initiatives``."""
    note: str | None = None
    """How sip placed it, when that was a guess ("under the goal above it")."""


@dataclass(frozen=True)
class Leftover:
    """Source text that could not be placed, kept verbatim with where it was."""

    text: str
    origin: Origin
    section: str | None
    """The section it most likely belongs to (None: before any section heading)."""


@dataclass
class Placement:
    """A source placed into a plan: values by path, items by list, and what was left over."""

    file: str
    texts: dict[Path, list[Value]] = field(default_factory=dict)
    lists: dict[Path, list[Value]] = field(default_factory=dict)
    items: dict[Path, list[Item]] = field(default_factory=dict)
    sections: dict[str, Origin] = field(default_factory=dict)
    """Each section found, with the heading that chose it."""
    leftovers: list[Leftover] = field(default_factory=list)
    kind: Value | None = None
    """The kind of plan, when a heading only one kind of plan uses says it."""
    school_year: int | None = None
    """The first calendar year of the plan's school year, when the source says it."""
    school_year_text: Value | None = None
    """The school year as the plan writes it (SY2025-26), read from the first text naming one."""
    notes: tuple[str, ...] = ()


# --- the map ------------------------------------------------------------------------------


@dataclass(frozen=True)
class SectionEntry:
    """A group of heading wordings that start one plan section."""

    section: str
    headings: tuple[str, ...]
    kind: str | None


@dataclass(frozen=True)
class TableKind:
    """A kind of table row: the list it fills and its columns' wording."""

    name: str
    path: Path
    key: str
    id_prefix: str | None
    columns: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class ImportMap:
    """``data/import_map.yaml`` read: what wording means what."""

    sections: tuple[SectionEntry, ...]
    paragraphs: dict[str, Path]
    lists: dict[str, Path]
    list_items: dict[str, tuple[str, ...]]
    labels: dict[Path, tuple[str, ...]]
    tables: tuple[TableKind, ...]
    periods: dict[str, str]
    result_kinds: dict[str, tuple[str, ...]]
    statuses: dict[str, tuple[str, ...]]


def _path(dotted: str) -> Path:
    return tuple(dotted.split("."))


def _words(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(normalise(str(value)) for value in values)


@cache
def import_map() -> ImportMap:
    """Return the wording map, read once from ``sipcli/data/import_map.yaml``."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when importing

    text = files("sipcli").joinpath("data").joinpath("import_map.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    return ImportMap(
        sections=tuple(
            SectionEntry(
                str(entry.get("section", name)), _words(entry["headings"]), entry.get("kind")
            )
            for name, entry in data["sections"].items()
        ),
        paragraphs={str(k): _path(v) for k, v in data["paragraphs"].items()},
        lists={str(k): _path(v) for k, v in data["lists"].items()},
        list_items={str(k): tuple(map(str, v)) for k, v in data["list_items"].items()},
        labels={_path(k): _words(v) for k, v in data["labels"].items()},
        tables=tuple(
            TableKind(
                str(name),
                _path(entry["path"]),
                str(entry["key"]),
                entry.get("id_prefix"),
                {str(f): _words(words) for f, words in entry["columns"].items()},
            )
            for name, entry in data["tables"].items()
        ),
        periods={normalise(str(k)): str(v) for k, v in data["periods"].items()},
        result_kinds={str(k): _words(v) for k, v in data["result_kinds"].items()},
        statuses={str(k): _words(v) for k, v in data["statuses"].items()},
    )


# --- wording ------------------------------------------------------------------------------

_NUMBERING = re.compile(
    r"^(?:(?:section|part|stage|phase|step)\s+)?"
    r"(?:\d+(?:\.\d+)+\.?|\d+[.):]|[ivxlc]+[.):]|[a-z][.):])\s*",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Return the words of ``text``: lower case, no punctuation or leading numbering.

    "II. Measurable Annual Goals" and "3.2 measurable annual goals:" read the same.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    while True:
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w#]+", " ", text).split())


def _contains(words: str, phrase: str) -> bool:
    """Whether ``phrase``'s words appear in ``words`` in order, as whole words."""
    return bool(phrase) and f" {phrase} " in f" {words} "


def _best(words: str, candidates: Iterable[tuple[str, Any]]) -> Any | None:
    """The candidate whose phrase matches ``words`` with the most words (first on ties)."""
    best: tuple[int, Any] | None = None
    for phrase, what in candidates:
        if words == phrase:
            return what
        if _contains(words, phrase):
            size = len(phrase.split())
            if best is None or size > best[0]:
                best = (size, what)
    return best[1] if best else None


def match_section(text: str) -> SectionEntry | None:
    """Return the section a heading names, or None when its wording is not known."""
    words = normalise(text)
    return _best(words, ((p, e) for e in import_map().sections for p in e.headings))


def match_label(text: str, section: str | None = None) -> Path | None:
    """Return the field a label names ("Mission", "Theory of action"), within ``section`` if given.

    A label must be the whole text: "Mission" is a label, "Our mission is ..." is not.
    """
    words = normalise(text)
    for path, phrases in import_map().labels.items():
        if (section is None or path[0] == section) and words in phrases:
            return path
    return None


# --- walking the blocks -------------------------------------------------------------------


@dataclass
class _State:
    section: str | None = None
    """The section of the nearest section heading above (for leftovers)."""
    level: int = 0
    placing: bool = False
    """Whether unlabelled paragraphs may go to the section's text field."""
    label: Path | None = None
    """The field a sub-heading named, which the paragraphs below it fill."""


def place(document: SourceDocument, overrides: dict[str, str] | None = None) -> Placement:
    """Place every block of ``document``; ``overrides`` maps a column header to a field."""
    placement = Placement(document.file, notes=document.notes)
    placement.school_year_text = _school_year_in(document.blocks)
    if placement.school_year_text is not None:
        placement.school_year = int(str(placement.school_year_text.value)[2:6])
    state = _State()
    wanted = {normalise(k): v for k, v in (overrides or {}).items()}
    for block in document.blocks:
        if isinstance(block, Heading):
            _heading(block, state, placement)
        elif isinstance(block, Paragraph):
            _paragraph(block, state, placement)
        else:
            _table(block, state, placement, wanted)
    return placement


def _school_year_in(blocks: Iterable[Block]) -> Value | None:
    """The first school year a heading, paragraph or table title writes (SY2025-26)."""
    for block in blocks:
        if isinstance(block, Table):
            labelled = [r[1].text for r in block.rows if len(r) == 2 and _is_year_label(r[0].text)]
            titles = [" ".join(c.text for c in r) for r in block.rows[:1] if _is_title_row(r)]
            text = " ".join([block.title or "", *titles, *labelled])
        else:
            text = block.text
        match = _SCHOOL_YEAR.search(text)
        if match is None or int(match.group(1)) < 1900:
            continue
        try:
            year = normalise_school_year(match.group(0))
        except ValueError:
            continue
        return Value(year, block.origin, "read from")
    return None


def _is_year_label(text: str) -> bool:
    return match_label(text) == ("plan", "school_year")


def _heading(block: Heading, state: _State, placement: Placement) -> None:
    entry = match_section(block.text)
    label = match_label(block.text, state.section) if state.section else None
    if label is not None and (entry is None or block.level > state.level):
        state.label = label  # "Theory of Action" under the executive summary
        return
    if entry is not None:
        state.section, state.level, state.placing, state.label = (
            entry.section,
            block.level,
            True,
            None,
        )
        placement.sections.setdefault(entry.section, block.origin)
        if entry.kind and placement.kind is None:
            placement.kind = Value(entry.kind, block.origin, "chosen from")
        return
    anywhere = match_label(block.text)
    if anywhere is not None:
        state.label = anywhere
        return
    # An unknown heading: what is under it is not guessed into a field, but kept, at the
    # end of the section above it.
    placement.leftovers.append(Leftover(block.text, block.origin, state.section))
    state.label = None
    state.placing = False


def _paragraph(block: Paragraph, state: _State, placement: Placement) -> None:
    text = block.text.strip()
    if not text:
        return
    head, colon, rest = text.partition(":")
    labelled = match_label(head) if colon and rest.strip() else None
    if labelled is not None:
        _add_text(placement, labelled, Value(rest.strip(), block.origin), state.section)
        return
    map_ = import_map()
    if state.label is not None:
        _add_text(placement, state.label, Value(text, block.origin), state.section)
    elif state.placing and block.list_level is not None and _list_item(block, state, placement):
        return
    elif state.placing and block.list_level is not None and state.section in map_.lists:
        placement.lists.setdefault(map_.lists[state.section], []).append(Value(text, block.origin))
    elif state.placing and block.list_level is None and state.section in map_.paragraphs:
        _add_text(
            placement, map_.paragraphs[state.section], Value(text, block.origin), state.section
        )
    else:
        placement.leftovers.append(Leftover(text, block.origin, state.section))


def _list_item(block: Paragraph, state: _State, placement: Placement) -> bool:
    """A bullet that is an item of the plan (an objective, its initiative): True if placed."""
    kinds = import_map().list_items.get(state.section or "", ())
    level = block.list_level or 0
    if level >= len(kinds):
        return False
    kind = next(table for table in import_map().tables if table.name == kinds[level])
    item = Item(kind.name, block.origin)
    item.fields[kind.key] = Value(block.text.strip(), block.origin)
    if kind.name == "goal":
        _infer_from_statement(item)
    _attach(kind, item, placement, state.section or kind.path[0])
    return True


def _add_text(placement: Placement, path: Path, value: Value, section: str | None) -> None:
    """Add a paragraph to a text field; a field of one value keeps its first."""
    if path == ("plan", "school_year"):
        try:
            normalise_school_year(value.value)
        except ValueError:
            placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
            return
    values = placement.texts.setdefault(path, [])
    if values and path[0] in _SINGLE:
        placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
        return
    values.append(value)


# --- tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    field: str | None
    period: str | None = None
    result_kind: str | None = None


def _table(table: Table, state: _State, placement: Placement, wanted: dict[str, str]) -> None:
    if _key_value(table, state, placement):
        return
    headers, body = _split_header(table)
    for row in table.rows:
        if not _is_title_row(row):
            break
        text = next(cell.text.strip() for cell in row if cell.text.strip())
        placement.leftovers.append(Leftover(text, _row_origin(row), state.section))
    # a header naming a period ("Q1", "Benchmarks: Mid-year") is a period column, whatever
    # other words it has; the rest are matched to fields
    period_columns = _period_columns(headers, wanted, placement.school_year)
    periods = {column.index for column in period_columns}
    named = ["" if index in periods else header for index, header in enumerate(headers)]
    best = _choose_kind(named, state.section, wanted)
    if best is None:
        placement.leftovers.extend(_table_leftovers(table, state.section))
        return
    kind, columns = best
    placement.sections.setdefault(kind.path[0], table.origin)
    previous: Item | None = None
    for row in body:
        previous = _row(
            kind, columns + period_columns, row, placement, state.section or kind.path[0], previous
        )


def _key_value(table: Table, state: _State, placement: Placement) -> bool:
    """A two-column table of labels and values ("School name | Lincoln"): True if it was one."""
    if not table.rows or len(table.rows[0]) != 2:
        return False
    labels = [match_label(row[0].text) for row in table.rows]
    if not any(labels):
        return False
    for row, path in zip(table.rows, labels, strict=True):
        value = row[1].text.strip()
        if path is not None and value:
            _add_text(placement, path, Value(value, row[1].origin), state.section)
        elif row[0].text.strip() or value:
            text = " | ".join(cell.text for cell in row)
            placement.leftovers.append(Leftover(text, row[0].origin, state.section))
    return True


def _split_header(table: Table) -> tuple[list[str], tuple[tuple[Cell, ...], ...]]:
    """The header text per column (a multi-row header's words joined) and the body rows.

    A header row with a cell spanning several columns ("Results" over Q1..EOY) has a second
    header row below it; so does one whose cells run down into the next row.
    """
    rows = table.rows
    while rows and _is_title_row(rows[0]):
        rows = rows[1:]  # "Goals for 2025-26" across the whole table
    if not rows:
        return [], ()
    count = 1
    while count < min(len(rows), 3) and any(
        cell.span > 1 or cell.rows > 1 for cell in rows[count - 1] if not cell.merged
    ):
        count += 1
    headers: list[str] = []
    for index in range(len(rows[0])):
        words: list[str] = []
        for row in rows[:count]:
            text = row[index].text.strip() if index < len(row) else ""
            if text and text not in words:
                words.append(text)
        # the rows' words joined with " / " so the lowest row ("Q1") can be read alone
        headers.append(" / ".join(words))
    return headers, rows[count:]


def _is_title_row(row: tuple[Cell, ...]) -> bool:
    """A row of one cell across the whole table: a title, not a header or an item."""
    written = [cell for cell in row if not cell.merged and cell.text.strip()]
    if len(row) < 2 or len(written) != 1:
        return False
    # a CSV has no merged cells: a lone "Key: ..." or "Note: ..." line is a legend
    return written[0].span > 1 or _LEGEND.match(written[0].text) is not None


def _choose_kind(
    headers: list[str], section: str | None, wanted: dict[str, str]
) -> tuple[TableKind, list[_Column]] | None:
    """The kind of row whose columns the headers match best (it must have its key column)."""
    best: tuple[float, TableKind, list[_Column]] | None = None
    for kind in import_map().tables:
        columns = _columns_for(kind, headers, wanted)
        fields = {column.field for column in columns}
        keyed = kind.key in fields
        if not keyed and not (kind.name == "goal" and "benchmark" in fields):
            continue  # a goal sheet of benchmark rows has no goal column, only a benchmark one
        score = len(fields) + (0.5 if kind.path[0] == section else 0) - (0 if keyed else 0.75)
        if best is None or score > best[0]:
            best = (score, kind, columns)
    return (best[1], best[2]) if best else None


def _columns_for(kind: TableKind, headers: list[str], wanted: dict[str, str]) -> list[_Column]:
    columns: list[_Column] = []
    taken: set[str] = set()
    for index, header in enumerate(headers):
        words = normalise(header)
        if words in wanted:
            if wanted[words] in kind.columns and wanted[words] not in taken:
                columns.append(_Column(index, header, wanted[words]))
                taken.add(wanted[words])
            continue
        found = _best(
            words, ((p, f) for f, ps in kind.columns.items() for p in ps if f not in taken)
        )
        if found is not None:
            columns.append(_Column(index, header, found))
            taken.add(found)
    return columns


def _period_columns(
    headers: list[str], wanted: dict[str, str], school_year: int | None
) -> list[_Column]:
    """The columns whose header names a period: results ("Q1", "MOY i-Ready projected")."""
    found: list[_Column] = []
    for index, header in enumerate(headers):
        if not header.strip() or normalise(header) in wanted:
            continue
        period = read_period(header, school_year)
        if period is None and " / " in header:
            period = read_period(header.rsplit(" / ", 1)[1], school_year)
        if period is not None:
            found.append(_Column(index, header, None, period, result_kind(header)))
    return found


def result_kind(header: str) -> str | None:
    """What a period column's figures are: projected, preliminary, target, or None (actual)."""
    words = normalise(header)
    for kind, phrases in import_map().result_kinds.items():
        if any(_contains(words, phrase) for phrase in phrases):
            return kind
    return None


def read_period(header: str, school_year: int | None) -> str | None:
    """The period a column header names, written as sip reads it ("Q1 2025-26"), or None.

    Without the plan's school year a bare term ("Q1") cannot be dated: it is returned with a
    placeholder mark (``<Q1 ...>``) for the team to write its year.
    """
    words = normalise(header)
    for phrases in import_map().result_kinds.values():
        for phrase in phrases:
            words = f" {words} ".replace(f" {phrase} ", " ").strip()
    words = " ".join(_RESULT_WORDS.sub(" ", words).split())
    if not words:
        return None
    words = import_map().periods.get(words, words)
    context = PeriodContext(school_year=school_year if school_year is not None else 2000)
    try:
        when = read_when(words.replace(" i ready", " i-Ready"), context)
    except PeriodError:
        return None
    if school_year is None:
        try:
            return str(read_when(words, PeriodContext()))
        except PeriodError:
            return f"<{words.upper()} in which school year? e.g. SY2026-27 {words.upper()}>"
    return str(when)


def _row(
    kind: TableKind,
    columns: list[_Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
    previous: Item | None,
) -> Item | None:
    """Place one body row; return the item it made or added to (for the row below)."""
    if not any(cell.text.strip() for cell in row):
        return previous  # a blank spacer row
    origin = _row_origin(row)
    if _is_title_row(row):
        # a title across the table ("Turnaround Practice 1"): kept, not read as an item
        text = next(cell.text.strip() for cell in row if cell.text.strip())
        placement.leftovers.append(Leftover(text, origin, section))
        return previous
    item = _read_row(kind, columns, row, placement, section)
    benchmark_text = _benchmark_cell(columns, row)
    if kind.name == "goal" and _is_benchmark_row(item, benchmark_text):
        _benchmark_row(item, benchmark_text, placement, section, columns)
        return previous
    if benchmark_text is not None:
        child = Item("benchmark", benchmark_text.origin)
        child.fields["statement"] = Value(benchmark_text.text.strip(), benchmark_text.origin)
        item.children.setdefault("benchmarks", []).append(child)
    if kind.key not in item.fields and "id" not in item.fields:
        if previous is not None and _continues(kind, columns, row):
            _merge_into(previous, item)  # the item above runs down into this row
            return previous
        # a row with no statement: nothing to hang its cells on, so they are kept verbatim
        text = " | ".join(cell.text for cell in row if cell.text.strip() and not cell.merged)
        placement.leftovers.append(Leftover(text, origin, section))
        return previous
    if kind.name == "goal":
        _infer_from_statement(item)
    if kind.name == "benchmark":
        _due_from_periods(item, columns)
    _attach(kind, item, placement, section)
    return item


def _due_from_periods(benchmark: Item, columns: list[_Column]) -> None:
    """A benchmark with no due date is checked when the sheet's period columns say."""
    if "due" in benchmark.fields:
        return
    periods = [
        column.period
        for column in columns
        if column.period and column.result_kind != "target" and not column.period.startswith("<")
    ]
    if periods:
        how = "read from the period columns' headers for"
        benchmark.fields["due"] = Value(list(dict.fromkeys(periods)), benchmark.origin, how)


def _read_row(
    kind: TableKind,
    columns: list[_Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
) -> Item:
    """The row's cells read into an item's fields and results."""
    item = Item(kind.name, _row_origin(row))
    for column in columns:
        cell = row[column.index] if column.index < len(row) else None
        if cell is None or cell.merged or not cell.text.strip():
            continue  # a merged cell's text was read where the merge starts
        if column.field is None:
            _result(item, column, cell)
        elif column.field != "benchmark":
            _cell_value(item, column, cell, placement, section)
    _unplaced_cells(row, columns, placement, section)
    return item


def _continues(kind: TableKind, columns: list[_Column], row: tuple[Cell, ...]) -> bool:
    """Whether the row's key cell is merged with the one above (one goal over two rows)."""
    return any(
        column.field == kind.key and column.index < len(row) and row[column.index].merged
        for column in columns
    )


def _merge_into(previous: Item, item: Item) -> None:
    for name, value in item.fields.items():
        previous.fields.setdefault(name, value)
    for name, children in item.children.items():
        previous.children.setdefault(name, []).extend(children)


def _row_origin(row: tuple[Cell, ...]) -> Origin:
    """A row's origin: its first cell's, read as "table 3, row 2" where the reader says so."""
    where = row[0].origin.where
    if ", column" in where:
        where = where.split(", column")[0]
    return Origin(where)


def _benchmark_cell(columns: list[_Column], row: tuple[Cell, ...]) -> Cell | None:
    for column in columns:
        cell = row[column.index] if column.index < len(row) else None
        if column.field == "benchmark" and cell is not None and cell.text.strip():
            return None if cell.merged else cell
    return None


def _is_benchmark_row(item: Item, benchmark: Cell | None) -> bool:
    """A goal sheet's benchmark row: an id like G1.B2, or a benchmark and no goal statement."""
    ident = item.fields.get("id")
    if ident is not None and _BENCHMARK_ID.match(str(ident.value)):
        return True
    return benchmark is not None and "statement" not in item.fields


def _benchmark_row(
    item: Item, cell: Cell | None, placement: Placement, section: str, columns: list[_Column]
) -> None:
    """Make a goal-sheet row a benchmark of its goal (by its id, else the goal above)."""
    benchmark = Item("benchmark", item.origin, children=item.children)
    for name in ("id", "statement", "owner"):
        if name in item.fields:
            benchmark.fields[name] = item.fields[name]
    by = item.fields.get("target.by")
    if by is not None:
        benchmark.fields["due"] = Value([by.value], by.origin, by.inferred)
    if cell is not None:
        benchmark.fields["statement"] = Value(cell.text.strip(), cell.origin)
    if "measure_source" in item.fields:
        benchmark.fields["data_source"] = item.fields["measure_source"]
    _due_from_periods(benchmark, columns)
    goals = placement.items.get(("goals",), [])
    parent_id = _BENCHMARK_ID.match(_id_of(item))
    parent = next(
        (goal for goal in goals if parent_id and _id_of(goal) == parent_id.group(1)), None
    )
    if parent is None and goals:
        parent = goals[-1]
        benchmark.note = f"placed under {_id_of(parent) or 'the goal'} above it"
    if parent is None or "statement" not in benchmark.fields:
        text = str(benchmark.fields.get("statement", Value("", item.origin)).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    parent.children.setdefault("benchmarks", []).append(benchmark)


def _cell_value(
    item: Item, column: _Column, cell: Cell, placement: Placement, section: str
) -> None:
    """Put a cell's text in its field, read as the field needs; what is not read is kept."""
    name = column.field or ""
    if name in _NUMBER_FIELDS:
        placed = _number_cell(item, name, cell, placement.school_year)
    elif name in _WHEN_FIELDS or name == "due":
        placed = _when_cell(item, name, cell, placement.school_year)
    else:
        placed = _text_cell(item, name, cell)
    if not placed:
        text = f"{column.header}: {cell.text.strip()}"
        placement.leftovers.append(Leftover(text, cell.origin, section))


def _number_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    """A figure ("31% (spring 2024)", "12% by June 2027": the when beside it is read too)."""
    text = cell.text.strip()
    number = cell_number(cell)
    if number is None and (found := _NUMBER.search(text)) is not None:
        number = float(found.group(0).replace(",", "").replace("$", ""))
    if number is None:
        return False
    item.fields[name] = Value(number, cell.origin)
    if "%" in text or cell.percent:
        item.fields.setdefault("unit", Value("percent", cell.origin, "read from the % in"))
    rest = _NUMBER.sub("", text, count=1).replace("%", "").strip(" ()")
    if not rest:
        return True
    when_field = {"baseline.value": "baseline.period", "target.value": "target.by"}.get(name)
    # "37 (SGP, spring 2025)": the when is the whole rest, or its last part
    period = None
    if when_field:
        period = _when(rest, school_year) or _when(rest.rsplit(",", 1)[-1], school_year)
    if when_field is None or period is None:
        return False  # the words beside the figure are kept
    item.fields.setdefault(when_field, Value(period, cell.origin))
    return True


def _when_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    if name == "due":  # "Q1, Q2, EOY" or "2026-10-30; 2026-12-18": each must read
        parts = [part for part in re.split(r"[,;]", cell.text) if part.strip()]
        periods = [_when(part, school_year) for part in parts]
        if not periods or None in periods:
            return False
        item.fields[name] = Value([period for period in periods if period], cell.origin)
        return True
    period = _when(cell.text, school_year)
    if period is None:
        return False
    item.fields[name] = Value(period, cell.origin)
    return True


def _text_cell(item: Item, name: str, cell: Cell) -> bool:
    text = cell.text.strip()
    if name in _CHOICES:
        code = choice(text, _CHOICES[name])
        if code is None:
            return False
        item.fields[name] = Value(code, cell.origin)
        return True
    if name in {"statement", "title"} and _ID_ONLY.match(text) and "id" not in item.fields:
        item.fields["id"] = Value(text, cell.origin)  # the column holds ids, not sentences
        return True
    if name == "id" and not _IDENTIFIER.match(text):
        return False
    if name.endswith("_refs"):  # "O1, O2": ids, each in the id form
        refs = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
        if not refs or not all(_IDENTIFIER.match(ref) for ref in refs):
            return False
        item.fields[name] = Value(refs, cell.origin)
        return True
    item.fields[name] = Value(text, cell.origin)
    return True


#: Fields that hold a code, and the table of ``data/labels.yaml`` whose words name each code.
_CHOICES = {"type": "benchmark_type", "student_group": "student_group"}


def choice(text: str, table: str) -> str | None:
    """The code a cell names, by its label ("All students") or the code itself ("all")."""
    words = normalise(text)
    for code, shown in label_table(table).items():
        if words in {normalise(shown), normalise(code.replace("_", " "))}:
            return code
    return None


def _when(text: str, school_year: int | None = None) -> str | None:
    """A date or period sip reads, from a cell ("by June 2027" -> "June 2027"), or None.

    A term of the year ("Q2") is read in the plan's school year, when the source gives it.
    """
    text = re.sub(r"^(?:by|in|at|due|the end of)\s+", "", text.strip(), flags=re.IGNORECASE)
    try:
        read_when(text, PeriodContext(school_year=school_year))
    except PeriodError:
        return None
    return text


def cell_number(cell: Cell) -> float | None:
    """A cell's figure: a spreadsheet's stored number (0.23 shown as 23% is 23), else its text's."""
    if cell.number is not None:
        return round(cell.number * 100, 10) if cell.percent else cell.number
    match = _WHOLE_NUMBER.match(cell.text)
    if match is None:
        return None
    return float(match.group(1).replace(",", "").replace("$", ""))


def _result(item: Item, column: _Column, cell: Cell) -> None:
    """A figure or status under a period column: a result of the row's goal or benchmark.

    Under a header saying it is a target ("Benchmarks: Mid-year"), a goal's figure is an
    interim target: the level to reach by then.
    """
    header = f"period read from the header '{column.header}' in"
    number = cell_number(cell)
    if column.result_kind == "target" and number is not None and item.kind == "goal":
        target = Item("interim_target", cell.origin)
        target.fields["value"] = Value(number, cell.origin)
        target.fields["by"] = Value(column.period, cell.origin, header)
        item.children.setdefault("interim_targets", []).append(target)
        return
    update = Item("status_update", cell.origin)
    update.fields["date"] = Value(column.period, cell.origin, header)
    status = _status(cell.text)
    if number is not None:
        update.fields["actual"] = Value(number, cell.origin)
        if column.result_kind in {"projected", "preliminary"}:
            words = f"read from the header '{column.header}' in"
            update.fields["kind"] = Value(column.result_kind, cell.origin, words)
    elif status is not None:
        update.fields["status"] = Value(status, cell.origin)
    else:
        update.fields["note"] = Value(cell.text.strip(), cell.origin)
    item.children.setdefault("status_updates", []).append(update)


def _status(text: str) -> str | None:
    words = normalise(text)
    for status, phrases in import_map().statuses.items():
        if words in phrases:
            return status
    return None


def _unplaced_cells(
    row: tuple[Cell, ...], columns: list[_Column], placement: Placement, section: str
) -> None:
    """Cells under no known column are kept verbatim."""
    known = {column.index for column in columns}
    for index, cell in enumerate(row):
        if index not in known and not cell.merged and cell.text.strip():
            placement.leftovers.append(Leftover(cell.text.strip(), cell.origin, section))


def _infer_from_statement(item: Item) -> None:
    """A goal's baseline, target and deadline read from its sentence where no column gave them."""
    statement = item.fields.get("statement")
    if statement is None:
        return
    how = "read from the statement in"
    amounts = find_amounts(str(statement.value))
    if "baseline.value" not in item.fields and amounts.baseline is not None:
        item.fields["baseline.value"] = Value(amounts.baseline.value, statement.origin, how)
    if "target.value" not in item.fields and amounts.target is not None:
        item.fields["target.value"] = Value(amounts.target.value, statement.origin, how)
    percent = amounts.unit is not None and amounts.unit.value == "percent"
    if "unit" not in item.fields and percent and "target.value" in item.fields:
        item.fields["unit"] = Value("percent", statement.origin, how)
    if "target.by" not in item.fields and "target.value" in item.fields:
        deadline = find_deadline(str(statement.value))
        period = _when(deadline.text) if deadline else None
        if period is not None:
            item.fields["target.by"] = Value(period, statement.origin, how)


def _attach(kind: TableKind, item: Item, placement: Placement, section: str) -> None:
    """Add a row's item to its list, or to the item above it (a benchmark to its goal)."""
    parent_path, child = kind.path[:-1], kind.path[-1]
    if parent_path not in _ITEM_LISTS:
        placement.items.setdefault(kind.path, []).append(item)
        return
    parents = placement.items.get(parent_path, [])
    if not parents:
        text = str(item.fields.get(kind.key, item.fields.get("id", Value("", item.origin))).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    match = _BENCHMARK_ID.match(_id_of(item))
    parent = next((p for p in parents if match and _id_of(p) == match.group(1)), None)
    if parent is None:
        parent = parents[-1]
        item.note = f"placed under {_id_of(parent) or 'the ' + parent.kind} above it"
    parent.children.setdefault(child, []).append(item)


#: The lists whose items hold lists of their own (a goal's benchmarks, an objective's initiatives).
_ITEM_LISTS = frozenset({("goals",), ("strategic_objectives",)})


def _id_of(item: Item) -> str:
    ident = item.fields.get("id")
    return str(ident.value) if ident is not None else ""


def _table_leftovers(table: Table, section: str | None) -> Iterator[Leftover]:
    """A table sip could not match, kept row by row (cells joined by " | ")."""
    if table.title:
        yield Leftover(table.title, table.origin, section)
    for row in table.rows:
        texts = [cell.text.strip() for cell in row if not cell.merged]
        if any(texts):
            yield Leftover(" | ".join(texts), _row_origin(row), section)


def parse_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """Read ``--map COLUMN=FIELD`` pairs; a pair without ``=`` or a field no table has is refused."""
    known = {name for kind in import_map().tables for name in kind.columns}
    result: dict[str, str] = {}
    for pair in pairs:
        column, equals, name = pair.partition("=")
        if not equals or not column.strip() or not name.strip():
            raise SipError(
                f"--map '{pair}' should be COLUMN=FIELD, e.g. --map 'Goal text=statement'."
            )
        if name.strip() not in known:
            raise SipError(
                f"--map '{pair}': '{name.strip()}' is not a field sip imports; use one of "
                + ", ".join(sorted(known))
                + "."
            )
        result[column.strip()] = name.strip()
    return result
