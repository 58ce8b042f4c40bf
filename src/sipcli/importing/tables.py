"""A table matched to a kind of item by its header rows, and its body rows placed."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.importing.blocks import Cell, Table
from sipcli.importing.cells import Column
from sipcli.importing.placed import Item, Leftover, Placement, Value, WalkState, add_text
from sipcli.importing.readback import under_practice
from sipcli.importing.rows import is_title_row, place_row, row_origin
from sipcli.importing.values import cell_number, choice, read_period, result_kind
from sipcli.importing.wording import TableKind, best_match, import_map, match_label, normalise


def place_table(
    table: Table, state: WalkState, placement: Placement, wanted: dict[str, str]
) -> None:
    """Place a table's rows as items of the kind its header matches, or keep it as leftovers."""
    only, state.table_kind = state.table_kind, None  # a heading names one table, not more
    if only is None and _key_value(table, state, placement):
        return
    headers, body = _split_header(table)
    header_words = tuple(normalise(header) for header in headers)
    if header_words in import_map().restating:
        placement.leftovers.extend(_table_leftovers(table, state.section))
        return
    if header_words in import_map().demographics:
        _demographics(body, placement, state.section)
        return
    for row in table.rows:
        if not is_title_row(row):
            break
        text = next(cell.text.strip() for cell in row if cell.text.strip())
        placement.leftovers.append(Leftover(text, row_origin(row), state.section))
    # a header naming a period ("Q1", "Benchmarks: Mid-year") is a period column, whatever
    # other words it has; the rest are matched to fields
    period_columns = _period_columns(headers, wanted, placement.school_year)
    periods = {column.index for column in period_columns}
    named = ["" if index in periods else header for index, header in enumerate(headers)]
    within = state.items[-1].kind if state.items else None
    best = _choose_kind(named, state.section, wanted, within, only)
    if best is None:
        placement.leftovers.extend(_table_leftovers(table, state.section))
        return
    kind, columns = best
    placement.sections.setdefault(kind.path[0], table.origin)
    under = state.items[-1] if kind.within is not None and state.items else None
    if under is not None:
        _rows_under(under, kind, columns + period_columns, body, placement, state.section)
        return
    before = len(placement.items.get(kind.path, []))
    previous: Item | None = None
    for row in body:
        previous = place_row(
            kind, columns + period_columns, row, placement, state.section or kind.path[0], previous
        )
    if kind.name == "goal" and state.items and state.items[-1].kind == "practice":
        under_practice(placement.items.get(kind.path, [])[before:], state.items[-1])


def _demographics(
    body: tuple[tuple[Cell, ...], ...], placement: Placement, section: str | None
) -> None:
    """Rows of "High needs | 81.3%": the school's share of enrollment in each group."""
    for row in body:
        code = choice(row[0].text, "student_group")
        number = cell_number(row[1]) if len(row) > 1 else None
        if code is None or number is None:
            text = " | ".join(cell.text.strip() for cell in row)
            placement.leftovers.append(Leftover(text, row_origin(row), section))
            continue
        path = ("school", "snapshot", "demographics", code)
        placement.texts[path] = [Value(number, row[1].origin)]


def _rows_under(
    under: Item,
    kind: TableKind,
    columns: list[Column],
    body: tuple[tuple[Cell, ...], ...],
    placement: Placement,
    section: str | None,
) -> None:
    """A table under an item's heading (an initiative's milestones): its rows are that item's.

    The rows are read as if that item were the only one of its list.
    """
    saved = placement.items.get(kind.path[:-1])
    placement.items[kind.path[:-1]] = [under]
    previous: Item | None = None
    for row in body:
        previous = place_row(kind, columns, row, placement, section or kind.path[0], previous)
    if saved is None:
        del placement.items[kind.path[:-1]]
    else:
        placement.items[kind.path[:-1]] = saved
    rows = placement.items.pop(kind.path, [])
    under.children.setdefault(kind.path[-1], []).extend(rows)
    for row_item in under.children[kind.path[-1]]:
        row_item.note = None  # its heading says whose it is


def _key_value(table: Table, state: WalkState, placement: Placement) -> bool:
    """A two-column table of labels and values ("School name | Lincoln"): True if it was one."""
    if not table.rows or len(table.rows[0]) != 2:
        return False
    labels = [match_label(row[0].text) for row in table.rows]
    if not any(labels):
        return False
    for row, path in zip(table.rows, labels, strict=True):
        value = row[1].text.strip()
        if path is not None and value:
            add_text(placement, path, Value(value, row[1].origin), state.section)
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
    while rows and is_title_row(rows[0]):
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


def _choose_kind(
    headers: list[str],
    section: str | None,
    wanted: dict[str, str],
    within: str | None = None,
    only: str | None = None,
) -> tuple[TableKind, list[Column]] | None:
    """The kind of row whose columns the headers match best (it must have its key column).

    A kind read only under an item (``within``) is considered only under such an item; a
    heading naming the kind of table (``only``) leaves no other choice.
    """
    best: tuple[float, TableKind, list[Column]] | None = None
    for kind in import_map().tables:
        if (kind.within is not None and kind.within != within) or only not in {None, kind.name}:
            continue
        columns = _columns_for(kind, headers, wanted)
        fields = {column.field for column in columns}
        keyed = kind.key in fields
        if len(fields) < kind.min_columns:
            continue
        if not keyed and not (kind.name == "goal" and "benchmark" in fields):
            continue  # a goal sheet of benchmark rows has no goal column, only a benchmark one
        score = len(fields) + (0.5 if kind.path[0] == section else 0) - (0 if keyed else 0.75)
        if best is None or score > best[0]:
            best = (score, kind, columns)
    return (best[1], best[2]) if best else None


def _columns_for(kind: TableKind, headers: list[str], wanted: dict[str, str]) -> list[Column]:
    columns: list[Column] = []
    taken: set[str] = set()
    for index, header in enumerate(headers):
        words = normalise(header)
        if words in wanted:
            if wanted[words] in kind.columns and wanted[words] not in taken:
                columns.append(Column(index, header, wanted[words]))
                taken.add(wanted[words])
            continue
        found = best_match(
            words, ((p, f) for f, ps in kind.columns.items() for p in ps if f not in taken)
        )
        if found is not None:
            columns.append(Column(index, header, found))
            taken.add(found)
    return columns


def _period_columns(
    headers: list[str], wanted: dict[str, str], school_year: int | None
) -> list[Column]:
    """The columns whose header names a period: results ("Q1", "MOY i-Ready projected")."""
    found: list[Column] = []
    for index, header in enumerate(headers):
        if not header.strip() or normalise(header) in wanted:
            continue
        period = read_period(header, school_year)
        if period is None and " / " in header:
            period = read_period(header.rsplit(" / ", 1)[1], school_year)
        kind = result_kind(header)
        if period is None and kind in {"projected", "preliminary"}:
            # "Projected (i-Ready)": figures of a kind, for a period the header does not
            # name; the team writes it in (a placeholder), the figures are not left over
            period = f"<when: the header '{header}' names no period, e.g. winter 2026 i-Ready>"
        if period is not None:
            found.append(Column(index, header, None, period, kind))
    return found


def _table_leftovers(table: Table, section: str | None) -> Iterator[Leftover]:
    """A table sip could not match, kept row by row (cells joined by " | ")."""
    if table.title:
        yield Leftover(table.title, table.origin, section)
    for row in table.rows:
        texts = [cell.text.strip() for cell in row if not cell.merged]
        if any(texts):
            yield Leftover(" | ".join(texts), row_origin(row), section)
