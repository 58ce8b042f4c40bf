"""Place a source document's blocks into a plan, by their wording: pure functions, no output.

`place` walks the blocks in reading order. A heading chooses the section the blocks below it
belong to (``data/import_map.yaml``); a labelled paragraph or sub-heading chooses a text
field; a table is matched to a kind of item (goal, challenge, ...) by its header rows, one
item per row. Every value keeps the `Origin` it came from and, when sip worked it out rather
than reading it in a cell, how (``inferred``). What cannot be placed is a `Leftover` with the
section it most likely belongs to: the section of the nearest heading above it. In a document
sip rendered, the leftovers of what sip derives from the plan are then set apart
(`importing.derived`).
"""

from __future__ import annotations

from collections.abc import Iterable

from sipcli.errors import SipError
from sipcli.importing.blocks import Block, Heading, Paragraph, SourceDocument, Table
from sipcli.importing.cover import read_cover
from sipcli.importing.derived import set_apart
from sipcli.importing.lines import (
    LIST_LABELS,
    item_heading,
    labelled_paragraph,
    list_entry,
    named_item,
)
from sipcli.importing.placed import Item, Leftover, Placement, Value, WalkState, add_text
from sipcli.importing.readback import infer_direction, resolve_group_labels
from sipcli.importing.rows import attach, infer_from_statement, is_title_row
from sipcli.importing.tables import place_table
from sipcli.importing.values import SCHOOL_YEAR
from sipcli.importing.wording import Path, import_map, match_label, match_section, normalise
from sipcli.model.types import normalise_school_year

__all__ = [
    "Item",
    "Leftover",
    "Path",
    "Placement",
    "Value",
    "import_map",
    "match_label",
    "match_section",
    "normalise",
    "parse_overrides",
    "place",
]


#: Fields several sections have ("Evidence"): their label is read only in one of those sections.
_OWN_SECTION_ONLY = frozenset({"evidence"})


def place(document: SourceDocument, overrides: dict[str, str] | None = None) -> Placement:
    """Place every block of ``document``; ``overrides`` maps a column header to a field."""
    placement = Placement(document.file, notes=document.notes)
    placement.school_year_text = _school_year_in(document.blocks)
    if placement.school_year_text is not None:
        placement.school_year = int(str(placement.school_year_text.value)[2:6])
    state = WalkState()
    wanted = {normalise(k): v for k, v in (overrides or {}).items()}
    read = read_cover(document.blocks, placement)
    for index, block in enumerate(document.blocks):
        if index in read:
            continue
        if isinstance(block, Heading):
            _heading(block, state, placement)
        elif isinstance(block, Paragraph):
            _paragraph(block, state, placement)
        else:
            place_table(block, state, placement, wanted)
    resolve_group_labels(placement)
    for goal in placement.items.get(("goals",), []):
        infer_direction(goal)  # once its lines ("Direction: Maintain") had their say
    set_apart(document, placement)  # last: a repeated value is one the draft already holds
    return placement


def _school_year_in(blocks: Iterable[Block]) -> Value | None:
    """The first school year a heading, paragraph or table title writes (SY2025-26)."""
    for block in blocks:
        if isinstance(block, Table):
            labelled = [r[1].text for r in block.rows if len(r) == 2 and _is_year_label(r[0].text)]
            titles = [" ".join(c.text for c in r) for r in block.rows[:1] if is_title_row(r)]
            text = " ".join([block.title or "", *titles, *labelled])
        else:
            text = block.text
        match = SCHOOL_YEAR.search(text)
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


def _heading(block: Heading, state: WalkState, placement: Placement) -> None:
    if item_heading(block, state, placement) or named_item(block, state, placement):
        return
    state.items, state.levels = [], []
    words = normalise(block.text)
    named = import_map().table_headings.items()
    state.table_kind = next((kind for kind, ws in named if words in ws), None)
    if state.table_kind is not None:
        return  # the table below says what it is: the heading is its title
    routine = next((p for p, ws in import_map().routine_headings.items() if words in ws), None)
    if routine is not None and state.section == routine[0]:
        state.label = routine  # "School level" under Monitoring: the lines below are its
        return
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
        if entry.kind and placement.kind is None and not placement.kind_on_cover:
            placement.kind = Value(entry.kind, block.origin, "chosen from")
        return
    anywhere = match_label(block.text)
    if anywhere is not None and anywhere[-1] not in _OWN_SECTION_ONLY:
        state.label = anywhere
        return
    # An unknown heading: what is under it is not guessed into a field, but kept, at the
    # end of the section above it.
    placement.leftovers.append(Leftover(block.text, block.origin, state.section))
    state.label = None
    state.placing = False


def _paragraph(block: Paragraph, state: WalkState, placement: Placement) -> None:
    text = block.text.strip()
    if not text or labelled_paragraph(block, state, placement):
        return
    map_ = import_map()
    if state.label in LIST_LABELS and block.list_level is not None:
        list_entry(block, state.label, state.section, placement)
    elif state.label is not None:
        add_text(placement, state.label, Value(text, block.origin), state.section)
    elif state.placing and block.list_level is not None and _list_item(block, state, placement):
        return
    elif state.placing and block.list_level is not None and state.section in map_.lists:
        placement.lists.setdefault(map_.lists[state.section], []).append(Value(text, block.origin))
    elif state.placing and block.list_level is None and state.section in map_.paragraphs:
        add_text(
            placement, map_.paragraphs[state.section], Value(text, block.origin), state.section
        )
    else:
        placement.leftovers.append(Leftover(text, block.origin, state.section))


def _list_item(block: Paragraph, state: WalkState, placement: Placement) -> bool:
    """A bullet that is an item of the plan (an objective, its initiative): True if placed."""
    kinds = import_map().list_items.get(state.section or "", ())
    level = block.list_level or 0
    if level >= len(kinds):
        return False
    kind = next(table for table in import_map().tables if table.name == kinds[level])
    item = Item(kind.name, block.origin)
    item.fields[kind.key] = Value(block.text.strip(), block.origin)
    if kind.name == "goal":
        infer_from_statement(item)
    attach(kind, item, placement, state.section or kind.path[0])
    return True


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
