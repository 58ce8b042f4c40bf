"""What only sip's own documents write, read back into the fields it was written from.

The current-state table's "Students" cell ("High needs · Grades 3-5"), a goal's "Interim
targets: 32% by spring 2027; 35% by spring 2028" line, a results table's figures, a student
group the plan names ("Special populations", cited by its label in the goals table) and an
"Evidence" bullet ("Family forum slides · Presentation · 2026-02-05"), a benchmark's
"Initiatives: I1.1" line, a goal's "Baseline data point: D1: ..." line and the Turnaround
Practice heading its goals sit under. Their words are those of ``data/labels.yaml``, the file
the renderer writes them from.
"""

from __future__ import annotations

import re

from sipcli.importing.blocks import Cell, Origin
from sipcli.importing.placed import Item, Leftover, Placement, Value, id_of
from sipcli.importing.values import NUMBER, choice, read_grades, unit_in, when_text
from sipcli.importing.wording import import_map, normalise
from sipcli.model.labels import label_table

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
        subject = choice(part, "subject")  # "High needs · Grade 4 · ELA"
        if subject is not None:
            item.fields["subject"] = Value(subject, cell.origin)
            continue
        code = choice(part, "student_group")
        if code is None:
            return False
        item.fields["student_group"] = Value(code, cell.origin)
    return True


def readback_cell(item: Item, name: str, cell: Cell) -> bool | None:
    """A cell of a table only sip's documents have (current state, results, student groups).

    None when the cell is not one of them, to be read as any other.
    """
    coded = _CODED_CELLS.get((item.kind, name))
    if coded is not None:  # "Other source", "In progress": by its label
        code = choice(cell.text, coded)
        if code is not None:
            item.fields[name] = Value(code, cell.origin)
        return code is not None
    if item.kind == "data_point" and name == "students":
        return students_cell(item, cell)
    if item.kind == "result" and name == "actual":
        return result_cell(item, cell)
    if item.kind == "local_group" and name == "combines":
        return combines_cell(item, cell)
    if item.kind == "goal" and name == "grades":  # "3-5", "4, 5"
        grades = read_grades(cell.text)
        if grades is not None:
            item.fields[name] = Value(grades, cell.origin)
        return grades is not None
    if item.kind == "goal" and name == "baseline.data_ref":
        return _data_ref_cell(item, cell)
    if item.kind == "benchmark" and name == "statement":
        return _benchmark_statement(item, cell)
    return None


#: Cells that name a code by its label, by item kind and field: the labels' table.
_CODED_CELLS = {
    ("data_point", "source"): "data_source",
    ("milestone", "status"): "milestone_status",
}


#: An id alone, or an id and the words that name it ("D1: Grade 4 readers at benchmark").
_NAMED_ID = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]{0,39})(?::\s+\S.*)?$", re.DOTALL)


def _data_ref_cell(item: Item, cell: Cell) -> bool:
    """A goal's "D1: Grade 4 readers at benchmark": the id of the data point its baseline cites."""
    match = _NAMED_ID.fullmatch(cell.text.strip())
    if match is None:
        return False
    item.fields["baseline.data_ref"] = Value(match.group(1), cell.origin)
    return True


def _benchmark_statement(item: Item, cell: Cell) -> bool | None:
    """A benchmark's sentence with an "Initiatives: I1.1, I2.1" line below it: both are read.

    None when its last line names no initiatives: the cell is read as any statement.
    """
    *lines, last = cell.text.strip().split("\n")
    head, colon, rest = last.partition(":")
    phrases = next(kind.columns for kind in import_map().tables if kind.name == "benchmark")
    if not lines or not colon or normalise(head) not in phrases.get("initiative_refs", ()):
        return None
    refs = [part.strip() for part in rest.split(",") if part.strip()]
    if not refs or not all(_NAMED_ID.fullmatch(ref) and ":" not in ref for ref in refs):
        return None
    item.fields["statement"] = Value("\n".join(lines).strip(), cell.origin)
    item.fields["initiative_refs"] = Value(refs, cell.origin)
    return True


def practice_heading(text: str) -> str | None:
    """The Turnaround Practice a heading names as sip writes it ("TP2: Intentional ..."), or None."""
    code, colon, words = text.strip().partition(":")
    shown = label_table("practice").get(code.strip())
    if not colon or shown is None or normalise(words) != normalise(shown):
        return None
    return code.strip()


def under_practice(goals: list[Item], practice: Item) -> None:
    """Goals read under a Turnaround Practice's heading: each sits under that practice."""
    code = practice.fields["turnaround_practice"]
    how = "read from the practice named in"
    for goal in goals:
        goal.fields.setdefault("turnaround_practice", Value(code.value, code.origin, how))


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
