"""One table row read into an item (a goal, its benchmark, a challenge) and attached to its list."""

from __future__ import annotations

import re
from typing import Any

from sipcli.importing.blocks import Cell, Origin
from sipcli.importing.cells import Column, cell_value, read_result
from sipcli.importing.placed import Item, Leftover, Placement, Value, id_of, merge_into
from sipcli.importing.readback import attach_result
from sipcli.importing.values import when_text
from sipcli.importing.wording import TableKind
from sipcli.statement.amounts import find_amounts
from sipcli.statement.deadlines import find_deadline

_LEGEND = re.compile(r"^\s*(?:key|legend|notes?|source)\s*:", re.IGNORECASE)


_BENCHMARK_ID = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\.[A-Za-z][A-Za-z0-9_-]*$")


def place_row(
    kind: TableKind,
    columns: list[Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
    previous: Item | None,
) -> Item | None:
    """Place one body row; return the item it made or added to (for the row below)."""
    if not any(cell.text.strip() for cell in row):
        return previous  # a blank spacer row
    origin = row_origin(row)
    if is_title_row(row):
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
            merge_into(previous, item)  # the item above runs down into this row
            return previous
        # a row with no statement: nothing to hang its cells on, so they are kept verbatim
        text = " | ".join(cell.text for cell in row if cell.text.strip() and not cell.merged)
        placement.leftovers.append(Leftover(text, origin, section))
        return previous
    if kind.name == "result":
        written = " | ".join(cell.text for cell in row if cell.text.strip() and not cell.merged)
        attach_result(item, placement, section, written)
        return previous
    if kind.name == "goal":
        _goal_row_extras(item, placement, section)
        infer_from_statement(item)
    if kind.name == "benchmark":
        _due_from_periods(item, columns)
    attach(kind, item, placement, section)
    return item


def _due_from_periods(benchmark: Item, columns: list[Column]) -> None:
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
    columns: list[Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
) -> Item:
    """The row's cells read into an item's fields and results."""
    item = Item(kind.name, row_origin(row))
    for column in columns:
        cell = row[column.index] if column.index < len(row) else None
        if cell is None or cell.merged or not cell.text.strip():
            continue  # a merged cell's text was read where the merge starts
        if column.field is None:
            if not read_result(item, column, cell):
                text = f"{column.header}: {cell.text.strip()}"
                placement.leftovers.append(Leftover(text, cell.origin, section))
        elif column.field != "benchmark":
            cell_value(item, column, cell, placement, section)
    _unplaced_cells(row, columns, placement, section)
    return item


def _continues(kind: TableKind, columns: list[Column], row: tuple[Cell, ...]) -> bool:
    """Whether the row's key cell is merged with the one above (one goal over two rows)."""
    return any(
        column.field == kind.key and column.index < len(row) and row[column.index].merged
        for column in columns
    )


def row_origin(row: tuple[Cell, ...]) -> Origin:
    """A row's origin: its first cell's, read as "table 3, row 2" where the reader says so."""
    where = row[0].origin.where
    if ", column" in where:
        where = where.split(", column")[0]
    return Origin(where)


def is_title_row(row: tuple[Cell, ...]) -> bool:
    """A row of one cell across the whole table: a title, not a header or an item."""
    written = [cell for cell in row if not cell.merged and cell.text.strip()]
    if len(row) < 2 or len(written) != 1:
        return False
    # a CSV has no merged cells: a lone "Key: ..." or "Note: ..." line is a legend
    return written[0].span > 1 or _LEGEND.match(written[0].text) is not None


def _benchmark_cell(columns: list[Column], row: tuple[Cell, ...]) -> Cell | None:
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
    item: Item, cell: Cell | None, placement: Placement, section: str, columns: list[Column]
) -> None:
    """Make a goal-sheet row a benchmark of its goal (by its id, else the goal above)."""
    benchmark = Item("benchmark", item.origin, children=item.children)
    for name, value in item.fields.items():
        field_name = _BENCHMARK_FIELDS.get(name)
        if field_name is not None:
            benchmark.fields[field_name] = value
        elif name not in {"target.by", "unit"}:
            # a goal's column a benchmark has no place for (its baseline): kept verbatim
            text = f"{name}: {_shown(value.value)}"
            placement.leftovers.append(Leftover(text, value.origin, section))
    unit = item.fields.get("unit")
    if unit is not None and "target.value" in item.fields:
        benchmark.fields["target.unit"] = unit
    by = item.fields.get("target.by")
    if by is not None and "due" not in benchmark.fields:
        benchmark.fields["due"] = Value([by.value], by.origin, by.inferred)
    elif by is not None:
        placement.leftovers.append(Leftover(f"target.by: {by.value}", by.origin, section))
    if cell is not None:
        benchmark.fields["statement"] = Value(cell.text.strip(), cell.origin)
    _due_from_periods(benchmark, columns)
    goals = placement.items.get(("goals",), [])
    parent_id = _BENCHMARK_ID.match(id_of(item))
    parent = next((goal for goal in goals if parent_id and id_of(goal) == parent_id.group(1)), None)
    if parent is None and goals:
        parent = goals[-1]
        benchmark.note = f"placed under {id_of(parent) or 'the goal'} above it"
    if parent is None or "statement" not in benchmark.fields:
        text = str(benchmark.fields.get("statement", Value("", item.origin)).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    parent.children.setdefault("benchmarks", []).append(benchmark)


#: A goal sheet's columns, as a benchmark row's fields (the rest has no place in a benchmark).
_BENCHMARK_FIELDS = {
    "id": "id",
    "statement": "statement",
    "owner": "owner",
    "type": "type",
    "due": "due",
    "measure_source": "data_source",
    "target.value": "target.value",
    "audience": "audience",
    "frequency": "frequency",
}


#: A goal sheet's columns only its benchmark rows use: on a goal's row, kept verbatim.
_BENCHMARK_ONLY = ("type", "due", "audience", "frequency")


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_shown(part) for part in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _goal_row_extras(item: Item, placement: Placement, section: str) -> None:
    """A goal's cells under a benchmark-only column (type, checkpoints): kept verbatim."""
    for name in _BENCHMARK_ONLY:
        value = item.fields.pop(name, None)
        if value is not None:
            text = f"{name}: {_shown(value.value)}"
            placement.leftovers.append(Leftover(text, value.origin, section))


def _unplaced_cells(
    row: tuple[Cell, ...], columns: list[Column], placement: Placement, section: str
) -> None:
    """Cells under no known column are kept verbatim."""
    known = {column.index for column in columns}
    for index, cell in enumerate(row):
        if index not in known and not cell.merged and cell.text.strip():
            placement.leftovers.append(Leftover(cell.text.strip(), cell.origin, section))


def infer_from_statement(item: Item) -> None:
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
        period = when_text(deadline.text) if deadline else None
        if period is not None:
            item.fields["target.by"] = Value(period, statement.origin, how)


def attach(kind: TableKind, item: Item, placement: Placement, section: str) -> None:
    """Add a row's item to its list, or to the item above it (a benchmark to its goal)."""
    parent_path, child = kind.path[:-1], kind.path[-1]
    if parent_path not in _ITEM_LISTS:
        siblings = placement.items.setdefault(kind.path, [])
        same = next((one for one in siblings if id_of(item) and id_of(one) == id_of(item)), None)
        if same is not None:  # O1 again, in a second table: one objective, not two
            merge_into(same, item)
            return
        siblings.append(item)
        return
    parents = placement.items.get(parent_path, [])
    if not parents:
        text = str(item.fields.get(kind.key, item.fields.get("id", Value("", item.origin))).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    match = _BENCHMARK_ID.match(id_of(item))
    parent = next((p for p in parents if match and id_of(p) == match.group(1)), None)
    if parent is None:
        parent = parents[-1]
        item.note = f"placed under {id_of(parent) or 'the ' + parent.kind} above it"
    parent.children.setdefault(child, []).append(item)


#: The lists whose items hold lists of their own (a goal's benchmarks, an objective's initiatives).
_ITEM_LISTS = frozenset({("goals",), ("strategic_objectives",)})
