"""Paragraphs that say what they are: labelled lines, sub-headings' lists, item headings and their lines."""

from __future__ import annotations

import re

from sipcli.importing.blocks import Cell, Heading, Origin, Paragraph
from sipcli.importing.cells import ITEM_HEADING, Column, cell_value
from sipcli.importing.cover import read_submission
from sipcli.importing.placed import (
    SINGLE,
    Item,
    Leftover,
    Placement,
    Value,
    WalkState,
    add_text,
    id_of,
)
from sipcli.importing.readback import evidence_entry, practice_heading
from sipcli.importing.values import choice, label_value, when_text
from sipcli.importing.wording import Path, import_map, match_label, normalise

#: List fields a sub-heading names, whose bullets are its entries: the table of
#: ``data/labels.yaml`` naming each entry's code, or None for entries kept as written.
LIST_LABELS: dict[Path, str | None] = {
    ("vision", "core_values"): None,
    ("vision", "desired_state"): None,
    ("vision", "developed_with"): "stakeholder_group",
}


def labelled_paragraph(block: Paragraph, state: WalkState, placement: Placement) -> bool:
    """A paragraph that says what it is: True when it was placed or kept because of that.

    A marker ("Phase II") is kept; a line under an item's heading ("Owner: Principal") goes
    to the item; a labelled paragraph ("Mission. We teach ...") to its field.
    """
    text = block.text.strip()
    if normalise(text) in import_map().markers:
        placement.leftovers.append(Leftover(text, block.origin, state.section))
        return True
    if state.items and _item_line(block, state.items[-1], placement, state.section):
        return True
    if state.label in import_map().routine_headings:
        _routine_line(block, state.label, placement)
        return True
    if state.label == _KEY_STRATEGIES and block.list_level is not None:
        _key_strategy(block, placement)
        return True
    if state.label is not None and state.label[1:] == ("evidence",):
        _evidence_line(block, state.label, placement, state.section)
        return True
    if state.section is None and read_submission(block, placement):
        return True
    labelled, rest = _labelled(text, state.section)
    if labelled is None:
        return False
    if not _add_labelled(placement, labelled, rest, block.origin, state.section):
        placement.leftovers.append(Leftover(text, block.origin, state.section))
    return True


_KEY_STRATEGIES: Path = ("executive_summary", "key_strategies")


#: A key strategy as sip writes it: its text, then its objective's id and title in parentheses.
_STRATEGY = re.compile(r"^(.*?)\s+\(([A-Z]{1,3}\d+(?:\.\d+)*): .*\)$")


def _key_strategy(block: Paragraph, placement: Placement) -> None:
    """A bullet under "Key strategies": "Weekly data teams. (O1: Build a team ...)"."""
    text = block.text.strip()
    item = Item("key_strategy", block.origin)
    match = _STRATEGY.match(text)
    item.fields["text"] = Value(match.group(1) if match else text, block.origin)
    if match is not None:
        how = "read from the objective named in"
        item.fields["objective_ref"] = Value(match.group(2), block.origin, how)
    placement.items.setdefault(_KEY_STRATEGIES, []).append(item)


def _evidence_line(block: Paragraph, path: Path, placement: Placement, section: str | None) -> None:
    """A bullet under "Evidence": "Family forum slides · Presentation · 2026-02-05"."""
    text = block.text.strip()
    item = evidence_entry(text, block.origin, placement.school_year)
    if block.list_level is None or item is None:
        placement.leftovers.append(Leftover(text, block.origin, section))
    else:
        placement.items.setdefault(path, []).append(item)


def _routine_line(block: Paragraph, routine: Path, placement: Placement) -> None:
    """A line under "School level": "How often: Monthly", "Who: A, B", or its description."""
    text = block.text.strip()
    head, colon, rest = text.partition(":")
    words = normalise(head) if colon else ""
    name = next((f for f, ws in import_map().routine_lines.items() if words in ws), None)
    origin, section = block.origin, routine[0]
    path: Path = (*routine, name or "description")
    if name is None:
        add_text(placement, path, Value(text, origin), section)
    elif name == "cadence":
        code = choice(rest, "cadence")
        if code is None:
            placement.leftovers.append(Leftover(text, origin, section))
        else:
            placement.texts[path] = [Value(code, origin)]
    elif name == "forum":
        placement.texts[path] = [Value(rest.strip(), origin)]
    else:  # "Principal, Assistant principal": one entry each
        entries = [Value(part.strip(), origin) for part in rest.split(",") if part.strip()]
        placement.lists[path] = entries


def list_entry(block: Paragraph, path: Path, section: str | None, placement: Placement) -> None:
    """A bullet under "Core values": one entry of the list (a code, where the list has codes)."""
    text = block.text.strip()
    table = LIST_LABELS[path]
    entry = choice(text, table) if table else text
    if entry is None:
        placement.leftovers.append(Leftover(text, block.origin, section))
    else:
        placement.lists.setdefault(path, []).append(Value(entry, block.origin))


def _labelled(text: str, section: str | None) -> tuple[Path | None, str]:
    """The field a paragraph's label names and the rest of it, or (None, "").

    Three forms: "Mission: We teach ...", "Mission. We teach ..." (a label as its own first
    sentence) and, before any section (a title page's details), "Principal Dana Okafor".
    """
    for separator in (":", ". "):
        head, found, rest = text.partition(separator)
        if found and rest.strip():
            path = (match_label(head, section) if section else None) or match_label(head)
            if path is not None:
                return path, rest.strip()
    if section is None:
        words = text.split()
        for count in range(min(len(words) - 1, 5), 0, -1):
            path = match_label(" ".join(words[:count]))
            if path is not None and path[0] in SINGLE:
                return path, " ".join(words[count:])
    return None, ""


def _add_labelled(
    placement: Placement, path: Path, text: str, origin: Origin, section: str | None
) -> bool:
    """Put a labelled value in its field; False when it does not read as the field needs."""
    value = label_value(path, text, placement.school_year)
    if value is None:
        return False
    if path[0] in SINGLE and path in placement.texts:
        return False  # a second value for a field of one: kept as it is written
    add_text(placement, path, Value(value, origin), section)
    if path == ("school", "snapshot", "enrollment"):  # "412 (October 1, 2025)"
        as_of = re.fullmatch(r"[\d,]+\s*\((.+)\)", text.strip())
        if as_of is not None:
            value = Value(as_of.group(1), origin, "read from the parentheses in")
            add_text(placement, ("school", "snapshot", "as_of"), value, section)
    return True


def named_item(block: Heading, state: WalkState, placement: Placement) -> bool:
    """A heading naming an item already read by its kind and id ("Goal G1"): True if it is one.

    The lines and tables below it are that item's (``named_items`` in the map).
    """
    head, _, ident = block.text.strip().rpartition(" ")
    words = normalise(head)
    for name, phrases in import_map().named_items.items():
        if words not in phrases:
            continue
        kind = next(table for table in import_map().tables if table.name == name)
        item = next(
            (one for one in placement.items.get(kind.path, []) if id_of(one) == ident), None
        )
        if item is not None:
            state.items, state.levels, state.label = [item], [block.level], None
            return True
    return False


def item_heading(block: Heading, state: WalkState, placement: Placement) -> bool:
    """A heading naming an item by its id ("O1: ...", "I1.1: ..."): True if it made one.

    Under a section whose list items are items of the plan (``list_items``), the first level
    of such headings is the section's items and the next their children (an objective's
    initiatives), each keeping the id the document shows.
    """
    practice = practice_heading(block.text) if state.section == "goals" else None
    if practice is not None:  # "TP2: Intentional practices ...": the goals below are under it
        marker = Item("practice", block.origin)
        marker.fields["turnaround_practice"] = Value(practice, block.origin)
        state.items, state.levels, state.label = [marker], [block.level], None
        return True
    match = ITEM_HEADING.match(block.text.strip())
    kinds = import_map().list_items.get(state.section or "", ())
    if match is None or not kinds:
        return False
    while state.items and state.levels[-1] >= block.level:  # a sibling or an uncle
        state.items.pop()
        state.levels.pop()
    depth = len(state.items)
    if depth >= len(kinds):
        return False
    kind = next(table for table in import_map().tables if table.name == kinds[depth])
    ident, title = match.group(1), match.group(2).strip()
    siblings = (
        state.items[-1].children.setdefault(kind.path[-1], [])
        if state.items
        else placement.items.setdefault(kind.path, [])
    )
    item = next((one for one in siblings if id_of(one) == ident), None)
    if item is None:
        item = Item(kind.name, block.origin)
        siblings.append(item)
    item.fields["id"] = Value(ident, block.origin)
    item.fields[kind.key] = Value(title, block.origin)
    state.items.append(item)
    state.levels.append(block.level)
    state.label = None
    return True


def _item_line(block: Paragraph, item: Item, placement: Placement, section: str | None) -> bool:
    """A line under an item's heading: "Owner: Principal" fills a field, body text describes it."""
    text = block.text.strip()
    kind = next(table for table in import_map().tables if table.name == item.kind)
    head, colon, rest = text.partition(":")
    if colon and rest.strip():
        words = normalise(head)
        name = next((f for f, phrases in kind.columns.items() if words in phrases), None)
        if name == "timeline":  # "2026-08-17 to 2029-06-30", or a start alone
            return _timeline(item, rest, block.origin, placement.school_year)
        if name is not None and name != kind.key:
            cell = Cell(rest.strip(), block.origin)
            cell_value(item, Column(0, head, name), cell, placement, section or kind.path[0])
            return True
    if item.kind in import_map().named_items:
        # under "Goal G1": its statement again (read from the goals table), else kept
        key = item.fields.get(kind.key)
        if key is None or str(key.value) != text:
            placement.leftovers.append(Leftover(text, block.origin, section))
        return True
    if block.list_level is None and "description" not in item.fields:
        item.fields["description"] = Value(text, block.origin)
        return True
    return False


def _timeline(item: Item, text: str, origin: Origin, school_year: int | None) -> bool:
    """An initiative's "start to end"; one date alone is read as its start (and says so)."""
    start, to, end = text.strip().partition(" to ")
    starts = when_text(start, school_year)
    ends = when_text(end, school_year) if to else None
    if starts is None or (to and ends is None):
        return False
    if ends is None:
        item.fields["start"] = Value(starts, origin, "read as the start from")
        return True
    item.fields["start"] = Value(starts, origin)
    item.fields["end"] = Value(ends, origin)
    return True
