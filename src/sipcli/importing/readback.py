"""What only sip's own documents write, read back into the fields it was written from.

The current-state table's "Students" cell ("High needs · Grades 3-5"), a goal's "Interim
targets: 32% by spring 2027; 35% by spring 2028" line, a results table's figures, a student
group the plan names ("Special populations", cited by its label in the goals table) and an
"Evidence" bullet ("Family forum slides · Presentation · 2026-02-05"). Their words are those
of ``data/labels.yaml``, the file the renderer writes them from.
"""

from __future__ import annotations

import re

from sipcli.importing.blocks import Cell, Origin
from sipcli.importing.placed import Item, Leftover, Placement, Value, id_of
from sipcli.importing.values import NUMBER, choice, read_grades, unit_in, when_text

#: What joins a figure's parts in sip's cells and lines: "High needs · Grades 3-5".
_PARTS = " \u00b7 "
#: A grades part of a "Students" cell: "Grade 10", "Grades 3-5".
_GRADES = re.compile(r"^grades?\s+(.+)$", re.IGNORECASE)


def figure(text: str) -> float | None:
    """A figure as sip writes one with its unit ("30%", "38 (SGP)", "12 days"), or None."""
    text = text.strip()
    found = unit_in(text)
    if found is not None:
        text = text.replace(f"({found[1]})", "").replace(found[1], "")
    text = text.replace("%", "").strip()
    if NUMBER.fullmatch(text) is None:
        return None
    return float(text.replace(",", "").replace("$", ""))


def students_cell(item: Item, cell: Cell) -> bool:
    """A data point's "High needs · Grades 3-5": its student group and its grades, each must read."""
    for part in cell.text.strip().split(_PARTS):
        grades = _GRADES.fullmatch(part.strip())
        if grades is not None and (read := read_grades(grades.group(1))) is not None:
            item.fields["grades"] = Value(read, cell.origin)
            continue
        code = choice(part, "student_group")
        if code is None:
            return False
        item.fields["student_group"] = Value(code, cell.origin)
    return True


def result_cell(item: Item, cell: Cell) -> bool:
    """A results table's figure ("30%", "17.2%"): the result recorded, in its goal's unit."""
    number = figure(cell.text)
    if number is None:
        return False
    item.fields["actual"] = Value(number, cell.origin)
    return True


def interim_targets_cell(item: Item, cell: Cell, school_year: int | None) -> bool:
    """A goal's "32% by spring 2027 MCAS; 35% by spring 2028 MCAS": read whole or not at all."""
    targets: list[Item] = []
    for part in cell.text.split(";"):
        value, by, when = part.strip().partition(" by ")
        number = figure(value)
        period = when_text(when, school_year) if by else None
        if number is None or period is None:
            return False
        target = Item("interim_target", cell.origin)
        target.fields["value"] = Value(number, cell.origin)
        target.fields["by"] = Value(period, cell.origin)
        targets.append(target)
    item.children.setdefault("interim_targets", []).extend(targets)
    return True


def combines_cell(item: Item, cell: Cell) -> bool:
    """A student group's "Students with disabilities, English learners": the groups it unites."""
    codes = [choice(part, "student_group") for part in cell.text.split(",") if part.strip()]
    if not codes or None in codes:
        return False
    item.fields["combines"] = Value(codes, cell.origin)
    return True


def evidence_entry(text: str, origin: Origin, school_year: int | None) -> Item | None:
    """An evidence bullet, "Title · Format · date · location", or None when its format is not one.

    The title is its first part and the format the first part after it naming one
    (``evidence_format`` in data/labels.yaml); a date after the format, and the rest its
    location.
    """
    title, *parts = text.strip().split(_PARTS)
    code = choice(parts[0], "evidence_format") if parts else None
    if code is None or not title.strip():
        return None
    item = Item("evidence", origin)
    item.fields["title"] = Value(title.strip(), origin)
    item.fields["format"] = Value(code, origin)
    rest = parts[1:]
    if rest and (when := when_text(rest[0], school_year)) is not None:
        item.fields["date"] = Value(when, origin)
        rest = rest[1:]
    if rest:
        item.fields["location"] = Value(_PARTS.join(rest), origin)
    return item


def attach_result(item: Item, placement: Placement, section: str, written: str) -> None:
    """A results row: a status update of the goal or benchmark its first cell names (G1, G1.B2).

    A row naming no goal or benchmark read, or with no date, is kept as ``written``.
    """
    ref = item.fields.pop("ref")
    update = Item("status_update", item.origin, fields=item.fields)
    goal_id = str(ref.value).split(".", 1)[0]
    goal = next((g for g in placement.items.get(("goals",), []) if id_of(g) == goal_id), None)
    owner = goal
    if goal is not None and goal_id != ref.value:
        benchmarks = goal.children.get("benchmarks", [])
        owner = next((b for b in benchmarks if id_of(b) == ref.value), None)
    if owner is None or "date" not in update.fields:
        placement.leftovers.append(Leftover(written, item.origin, section))
        return
    owner.children.setdefault("status_updates", []).append(update)


def resolve_group_labels(placement: Placement) -> None:
    """A goal's student group written as the label of a group the plan names: its id.

    The goals table comes before the table of the plan's own groups, so the labels are
    matched once the whole document is read; a label no group has is kept as written.
    """
    groups = {
        str(group.fields["label"].value): group
        for group in placement.items.get(("student_groups",), [])
        if "label" in group.fields and id_of(group)
    }
    for item, value, text, section in placement.group_labels:
        group = groups.get(str(value.value))
        if group is None:
            placement.leftovers.append(Leftover(text, value.origin, section))
            continue
        how = f"read as the id of the student group '{value.value}' (the plan's own) in"
        item.fields["student_group"] = Value(id_of(group), value.origin, how)
    placement.group_labels.clear()


def infer_direction(goal: Item) -> None:
    """A goal's direction where its baseline and target show it and no line names it."""
    baseline, target = goal.fields.get("baseline.value"), goal.fields.get("target.value")
    if "direction" in goal.fields or baseline is None or target is None:
        return
    if float(target.value) == float(baseline.value):
        return  # "maintain" could as well be a typing slip: not guessed
    direction = "increase" if float(target.value) > float(baseline.value) else "decrease"
    how = "worked out from the baseline and the target in"
    goal.fields["direction"] = Value(direction, target.origin, how)
