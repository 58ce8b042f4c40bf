"""One table cell read into its item's field (a figure, a date, a code, a list), or kept as written."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sipcli.importing.blocks import Cell
from sipcli.importing.placed import Item, Leftover, Placement, Value
from sipcli.importing.readback import interim_targets_cell, readback_cell
from sipcli.importing.values import (
    NUMBER,
    cell_number,
    choice,
    read_status,
    unit_in,
    when_text,
)
from sipcli.importing.wording import import_map, normalise
from sipcli.model.labels import label_table

#: The fields whose cells hold a number (the rest is kept as a leftover).
_NUMBER_FIELDS = frozenset(
    {"baseline.value", "target.value", "cost", "priority", "participants", "value"}
)


#: The fields whose cells hold a date or a period.
_WHEN_FIELDS = frozenset({"target.by", "start", "end", "date"})


#: An id written where the goal's text would be (a sheet's "Goal" column of G1, G2.B1).
_ID_ONLY = re.compile(r"^[A-Z]{1,3}\d+(?:\.[A-Z]{1,3}\d+)?$")


_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")


#: A heading that names an item by its id: "O1: Build a leadership team", "I2.1: Coaching".
ITEM_HEADING = re.compile(r"^([A-Z]{1,3}\d+(?:\.\d+)*)\s*:\s+(\S.*)$")


@dataclass(frozen=True)
class Column:
    """A table column: where it is, its header, and the field (or the period) it fills."""

    index: int
    header: str
    field: str | None
    period: str | None = None
    result_kind: str | None = None


def cell_value(item: Item, column: Column, cell: Cell, placement: Placement, section: str) -> None:
    """Put a cell's text in its field, read as the field needs; what is not read is kept."""
    name = column.field or ""
    if name in _NUMBER_FIELDS:
        placed = _number_cell(item, name, cell, placement.school_year)
    elif name in _WHEN_FIELDS or name == "due":
        placed = _when_cell(item, name, cell, placement.school_year)
    elif name == "interim_targets":
        placed = interim_targets_cell(item, cell, placement.school_year)
    else:
        placed = _text_cell(item, name, cell)
    text = f"{column.header}: {cell.text.strip()}"
    if not placed and name == "student_group" and item.kind == "goal":
        # perhaps the label of a group the plan names, in a table further on: matched once
        # the whole document is read (readback.resolve_group_labels)
        label = Value(cell.text.strip(), cell.origin)
        placement.group_labels.append((item, label, text, section))
    elif not placed:
        placement.leftovers.append(Leftover(text, cell.origin, section))


def _number_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    """A figure ("31% (spring 2024)", "12% by June 2027": the when beside it is read too)."""
    text = cell.text.strip()
    number = cell_number(cell)
    if number is None and (found := NUMBER.search(text)) is not None:
        number = float(found.group(0).replace(",", "").replace("$", ""))
    if number is None:
        return False
    if item.kind == "benchmark" and name == "target.value":
        return _benchmark_target(item, number, cell)
    item.fields[name] = Value(number, cell.origin)
    if "%" in text or cell.percent:
        item.fields.setdefault("unit", Value("percent", cell.origin, "read from the % in"))
    unit = unit_in(text)
    if unit is not None and name != "cost":
        item.fields.setdefault("unit", Value(unit[0], cell.origin, f"read from the '{unit[1]}' in"))
        text = text.replace(unit[1], "")  # "45 (SGP)": the unit is read, not a leftover
    rest = NUMBER.sub("", text, count=1).replace("%", "").strip(" (),")
    if not rest:
        return True
    when_field = {"baseline.value": "baseline.period", "target.value": "target.by"}.get(name)
    # "37 (SGP, spring 2025)": the when is the whole rest, or its last part
    period = None
    if when_field:
        period = when_text(rest, school_year) or when_text(rest.rsplit(",", 1)[-1], school_year)
    if period is None and when_field == "baseline.period" and re.search(r"\(.+\)\s*$", text):
        period = rest  # "41% (end of year 2025)": a baseline's period is the team's words
    if when_field is None or period is None:
        return False  # the words beside the figure are kept
    item.fields.setdefault(when_field, Value(period, cell.origin))
    return True


def _benchmark_target(item: Item, number: float, cell: Cell) -> bool:
    """A benchmark's level to reach, "at least 90%" or "at most 15 days", read whole or not at all."""
    text = cell.text.strip()
    comparison = re.match(r"^(at least|at most)\s+", text, re.IGNORECASE)
    rest = text[comparison.end() :] if comparison else text
    unit = "percent" if "%" in rest or cell.percent else None
    found = unit_in(rest)
    if unit is None and found is not None:
        unit, words = found
        rest = rest.replace(words, "")
    if NUMBER.sub("", rest, count=1).replace("%", "").strip(" ()"):
        return False  # words sip does not read: the cell is kept as written
    item.fields["target.value"] = Value(number, cell.origin)
    if unit is not None:
        item.fields["target.unit"] = Value(unit, cell.origin)
    how = "at_most" if comparison and comparison.group(1).lower() == "at most" else "at_least"
    item.fields["target.comparison"] = Value(how, cell.origin)
    return True


def _when_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    # "Q1, Q2, EOY": a benchmark's checks, each must read (a milestone or a step has one)
    if name == "due" and item.kind not in {"milestone", "action_step"}:
        parts = [part for part in re.split(r"[,;]", cell.text) if part.strip()]
        periods = [when_text(part, school_year) for part in parts]
        if not periods or None in periods:
            return False
        item.fields[name] = Value([period for period in periods if period], cell.origin)
        return True
    period = when_text(cell.text, school_year)
    if period is None:
        return False
    item.fields[name] = Value(period, cell.origin)
    return True


def _text_cell(item: Item, name: str, cell: Cell) -> bool:
    text = cell.text.strip()
    shaped = _shaped_cell(item, name, cell)
    if shaped is not None:
        return shaped
    if name in _CHOICES:
        return _choice_cell(item, name, cell)
    if name in {"statement", "title"} and _ID_ONLY.match(text) and "id" not in item.fields:
        item.fields["id"] = Value(text, cell.origin)  # the column holds ids, not sentences
        return True
    if name == "id" and not _IDENTIFIER.match(text):
        return False
    if name.endswith("_refs"):  # "O1, O2": ids, each in the id form
        refs = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
        if not refs or not all(_IDENTIFIER.match(ref) for ref in refs):
            return False
        if name == "benchmark_refs":
            return _event_refs(item, refs, cell)
        item.fields[name] = Value(refs, cell.origin)
        return True
    item.fields[name] = Value(text, cell.origin)
    return True


def _shaped_cell(item: Item, name: str, cell: Cell) -> bool | None:
    """A cell whose text has a shape sip's documents write; None when ``name`` has none.

    "O1: Build a team" (an id and a title), "TP1, TP2" (a list), "Tier 2" (an ESSA tier),
    a stakeholder group's cells.
    """
    text = cell.text.strip()
    by_kind = _kind_cell(item, name, cell)
    if by_kind is not None:
        return by_kind
    shown = ITEM_HEADING.match(text)
    if name in {"statement", "title"} and shown and "id" not in item.fields:
        item.fields["id"] = Value(shown.group(1), cell.origin)  # "O1: Build a team ..."
        item.fields[name] = Value(shown.group(2).strip(), cell.origin)
        return True
    if name in _LIST_FIELDS:  # "TP1, TP2", "1, 2, 3"
        parts = [part.strip() for part in text.split(",")]
        if not all(re.fullmatch(_LIST_FIELDS[name], part) for part in parts):
            return False
        values = [int(part) if part.isdigit() else part for part in parts]
        item.fields[name] = Value(values, cell.origin)
        return True
    if name == "essa_tier":  # "Tier 2"
        tier = re.fullmatch(r"(?:tier\s*)?([1-4])", text, re.IGNORECASE)
        if tier is None:
            return False
        item.fields[name] = Value(int(tier.group(1)), cell.origin)
        return True
    return None


def _kind_cell(item: Item, name: str, cell: Cell) -> bool | None:
    """A cell one kind of row writes its own way; None when ``name`` is not one of them."""
    text = cell.text.strip()
    if item.kind == "stakeholder_group" and name in {"group", "methods", "dates"}:
        return _stakeholder_cell(item, name, cell)
    if item.kind == "goal" and name == "measure_source":
        return _measure_cell(item, cell)
    if item.kind == "roadmap" and name == "year":  # "Year 1"
        year = re.fullmatch(r"(?:year\s*)?(\d)", text, re.IGNORECASE)
        if year is not None:
            item.fields[name] = Value(int(year.group(1)), cell.origin)
        return year is not None
    by_readback = readback_cell(item, name, cell)
    if by_readback is not None:
        return by_readback
    if item.kind == "practice_rating" and name in _RATING_CHOICES:
        code = choice(text, _RATING_CHOICES[name])
        if code is not None:
            item.fields[name] = Value(code, cell.origin)
        return code is not None
    return None


def _measure_cell(item: Item, cell: Cell) -> bool:
    """A goal's measure: "MCAS meeting or exceeding expectations (Spring MCAS grades 3-5 ELA)".

    Where the words before the parentheses are a metric's name as sip writes it
    (``metric`` in data/labels.yaml), they are that metric and the parentheses its source;
    any other measure is kept whole as the goal's measure source.
    """
    text = cell.text.strip()
    source: str | None = text
    for code, words in label_table("metric").items():
        if text == words:
            source = None
        elif text.startswith(f"{words} (") and text.endswith(")"):
            source = text[len(words) + 2 : -1]
        else:
            continue
        item.fields["metric"] = Value(code, cell.origin, "read from the measure's name in")
        break
    else:
        if text.startswith("(") and text.endswith(")"):
            source = text[1:-1]  # a source with no metric named
    if source:
        item.fields["measure_source"] = Value(source, cell.origin)
    return True


def _event_refs(item: Item, refs: list[str], cell: Cell) -> bool:
    """A review's "G1.B1, G2": a benchmark's id has a dot, a goal's has none."""
    goals = [ref for ref in refs if "." not in ref]
    benchmarks = [ref for ref in refs if "." in ref]
    if goals:
        item.fields["goal_refs"] = Value(goals, cell.origin)
    if benchmarks:
        item.fields["benchmark_refs"] = Value(benchmarks, cell.origin)
    return True


def _stakeholder_cell(item: Item, name: str, cell: Cell) -> bool:
    """A stakeholder group's cells, each read as sip writes it.

    "Families: Parents and caregivers" is the group and who it is, "Survey, Forum" its
    methods, "2026-01-22, 2026-02-26" its dates.
    """
    text = cell.text.strip()
    if name == "group":
        head, colon, rest = text.partition(":")
        code = choice(head, "stakeholder_group")
        if code is None:
            return False
        item.fields["group"] = Value(code, cell.origin)
        if colon and rest.strip():
            item.fields["description"] = Value(rest.strip(), cell.origin)
        return True
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if name == "dates" and not all(when_text(part) for part in parts):
        return False
    item.fields[name] = Value(parts, cell.origin)
    return True


#: A Turnaround Practices rating's coded cells, and the table of data/labels.yaml naming them.
_RATING_CHOICES = {"rating": "rating", "source": "rating_source"}


#: List fields written as one cell ("TP1, TP2"): the form each entry must have.
_LIST_FIELDS = {"turnaround_practices": r"TP\d+", "years": r"\d"}


def _choice_cell(item: Item, name: str, cell: Cell) -> bool:
    """A code by its label ("All students") or itself; a student group also by a group's id."""
    text = cell.text.strip()
    code = choice(text, _CHOICES[name])
    if code is None and name == "student_group" and _GROUP_ID.match(text):
        # written as an id (special_populations): a group the plan defines, as written
        how = "read as the id of a group the plan defines under student_groups, from"
        item.fields[name] = Value(text, cell.origin, how)
        return True
    if code is None:
        return False
    item.fields[name] = Value(code, cell.origin)
    return True


#: A student group written as an id, lower case with underscores: a group the plan defines.
_GROUP_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")


#: Fields that hold a code, and the table of ``data/labels.yaml`` whose words name each code.
_CHOICES = {
    "type": "benchmark_type",
    "student_group": "student_group",
    "category": "support_category",
    "frequency": "cadence",
    "audience": "audience",
    "subject": "subject",
    "direction": "direction",
    "kind": "result_kind",
    "status": "update_status",
    "level": "monitoring_level",
}


def read_result(item: Item, column: Column, cell: Cell) -> bool:
    """A figure or status under a period column: a result of the row's goal or benchmark.

    Under a header saying it is a target ("Benchmarks: Mid-year"), a goal's figure is an
    interim target: the level to reach by then. A cell saying there is no result ("n/a",
    "-") gives none. A date in the cell (when the data was pulled?) is not a result sip can
    tell the meaning of: False, so it is kept verbatim.
    """
    header = f"period read from the header '{column.header}' in"
    if column.period and column.period.startswith("<"):
        header = f"the header '{column.header}' names no full period; write it in, for"
    number = cell_number(cell)
    if not re.search(r"\w", cell.text) or normalise(cell.text) in import_map().no_result:
        return True  # "n/a", "-": no result for that period
    if number is None and when_text(cell.text) is not None:
        return False
    if column.result_kind == "target" and number is not None and item.kind == "goal":
        target = Item("interim_target", cell.origin)
        target.fields["value"] = Value(number, cell.origin)
        target.fields["by"] = Value(column.period, cell.origin, header)
        item.children.setdefault("interim_targets", []).append(target)
        return True
    update = Item("status_update", cell.origin)
    update.fields["date"] = Value(column.period, cell.origin, header)
    status = read_status(cell.text)
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
    return True
