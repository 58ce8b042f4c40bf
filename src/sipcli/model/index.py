"""Ids and references across a plan, with the plan path of each, for the traceability rules."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from sipcli.model import Plan
from sipcli.model.goals import Benchmark, Goal
from sipcli.periods import Calendar, school_year_label

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class IdEntry:
    """An item that carries an id: which section kind it is and where it is."""

    kind: str
    path: Path


#: The model fields that hold ids, by the kind of item they name.
_ID_KINDS = {
    "DataPoint": "data point",
    "Asset": "asset",
    "Challenge": "challenge",
    "RootCause": "root cause",
    "StrategicObjective": "strategic objective",
    "Initiative": "initiative",
    "Goal": "goal",
    "Benchmark": "benchmark",
}

#: Which kind of item each reference field must name.
REFERENCE_KINDS = {
    "data_refs": ("data point",),
    "data_ref": ("data point",),
    "challenge_refs": ("challenge",),
    "root_cause_refs": ("root cause",),
    "objective_refs": ("strategic objective",),
    "objective_ref": ("strategic objective",),
    "initiative_refs": ("initiative",),
    "initiative_ref": ("initiative",),
    "benchmark_refs": ("benchmark",),
    "goal_refs": ("goal",),
}


def walk_models(node: object, path: Path = ()) -> Iterator[tuple[BaseModel, Path]]:
    """Yield every model in the plan with its path, parents before children."""
    if isinstance(node, BaseModel):
        yield node, path
        for name in type(node).model_fields:
            yield from walk_models(getattr(node, name), (*path, name))
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from walk_models(item, (*path, index))


@dataclass(frozen=True)
class PlanIndex:
    """Every id in the plan (first occurrence wins) and every duplicate."""

    ids: dict[str, IdEntry]
    duplicates: list[tuple[str, IdEntry, IdEntry]]

    def kind_of(self, identifier: str) -> str | None:
        """Return the kind of item ``identifier`` names, or None if nothing has that id."""
        entry = self.ids.get(identifier)
        return entry.kind if entry else None


def build_index(plan: Plan) -> PlanIndex:
    """Collect the ids of a plan."""
    ids: dict[str, IdEntry] = {}
    duplicates: list[tuple[str, IdEntry, IdEntry]] = []
    for model, path in walk_models(plan):
        kind = _ID_KINDS.get(type(model).__name__)
        identifier = getattr(model, "id", None)
        if kind is None or not isinstance(identifier, str):
            continue
        entry = IdEntry(kind, (*path, "id"))
        if identifier in ids:
            duplicates.append((identifier, ids[identifier], entry))
        else:
            ids[identifier] = entry
    return PlanIndex(ids, duplicates)


def references(plan: Plan) -> Iterator[tuple[str, str, Path]]:
    """Yield ``(field, id, path)`` for every reference in the plan; path points at the id."""
    for model, path in walk_models(plan):
        for field in type(model).model_fields:
            if field not in REFERENCE_KINDS:
                continue
            value = getattr(model, field)
            if isinstance(value, str):
                yield field, value, (*path, field)
            elif isinstance(value, list):
                for position, item in enumerate(value):
                    yield field, item, (*path, field, position)


def benchmarks_of(plan: Plan) -> Iterator[tuple[Path, Goal, Benchmark]]:
    """Yield every benchmark in plan order with its path and the goal it belongs to."""
    for g, goal in enumerate(plan.goals or []):
        for b, benchmark in enumerate(goal.benchmarks or []):
            yield ("goals", g, "benchmarks", b), goal, benchmark


def plan_year_bounds(plan: Plan) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of the plan's first school year (July 1 to June 30).

    The fiscal and school year in Massachusetts runs July to June; benchmarks set for the
    plan's year fall inside it. None when the plan names no school year.
    """
    start_year = plan.plan.first_year
    if start_year is None:
        return None
    return dt.date(start_year, 7, 1), dt.date(start_year + 1, 6, 30)


@dataclass(frozen=True)
class PlanYears:
    """The school years a plan covers, as the district's calendar (`Plan.calendar`) sets them.

    A day belongs to the school year the calendar places it in: from the middle of the summer
    break on, a day of the break counts with the coming year. ``str()`` names the years.
    """

    calendar: Calendar
    first: int
    """The first calendar year of the plan's first school year (2026 for SY2026-27)."""
    last: int
    """The first calendar year of its last school year."""

    @property
    def first_day(self) -> dt.date:
        """The first day of school of the plan's first year."""
        return self.calendar.in_school_year(self.calendar.school_year.start, self.first)

    @property
    def last_day(self) -> dt.date:
        """The last day of school of the plan's last year."""
        return self.calendar.in_school_year(self.calendar.school_year.end, self.last)

    def year_of(self, day: dt.date) -> int:
        """Return the first calendar year of the school year ``day`` falls in."""
        return self.calendar.school_year_of(day)

    def __str__(self) -> str:
        """Return "SY2026-27 to SY2028-29 (2026-08-28 to 2029-06-20)"."""
        names = school_year_label(self.first)
        if self.last != self.first:
            names += f" to {school_year_label(self.last)}"
        return f"{names} ({self.first_day} to {self.last_day})"


def plan_years(plan: Plan, years: int | None = None) -> PlanYears | None:
    """Return the plan's first ``years`` school years (default: its horizon), None if it names none."""
    first = plan.plan.first_year
    if first is None:
        return None
    return PlanYears(plan.calendar, first, first + (years or plan.plan.horizon) - 1)
