"""What is known about one goal, benchmark or statement: structured fields first, then prose.

A plan's goal has fields (metric, baseline, target, owner...) and a statement. Each fact is
taken from the field when it is filled, else from the statement, and remembers which, so
the scorer can show its evidence. Where both say something and they differ, that is a
disagreement the team should resolve.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from sipcli.model import Plan
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.groups import LocalStudentGroup
from sipcli.model.index import plan_years
from sipcli.model.labels import label
from sipcli.model.reference import MetricFacts, Reference
from sipcli.score.dates import describe, fits, measured_on, period_date
from sipcli.statement.amounts import percent_for_points
from sipcli.statement.elements import Elements, detect
from sipcli.statement.found import Found

__all__ = ["Facts", "Known", "facts_of_benchmark", "facts_of_goal", "facts_of_text", "period_date"]

Kind = Literal["goal", "benchmark", "statement"]


@dataclass(frozen=True)
class Known:
    """A fact and where it was found: a field of the plan, or words of the statement."""

    value: Any
    evidence: str
    field: str | None = None
    """The plan path of the field it came from (e.g. ``goals[0].unit``); None for words."""


@dataclass
class Facts:
    """Everything the criteria look at for one item."""

    kind: Kind
    label: str
    statement: str
    elements: Elements
    deadline: Known | None = None
    cadence: Known | None = None
    metric: Known | None = None
    baseline: Known | None = None
    target: Known | None = None
    unit: Known | None = None
    direction: Known | None = None
    population: Known | None = None
    measure_source: Known | None = None
    owner: Known | None = None
    objective: Known | None = None
    """The strategic objective it serves (None when not linked; unknown for free text)."""
    tracked: Known | None = None
    """Interim checks: dated benchmarks, or a cadence."""
    actions: Known | None = None
    """Initiatives with owners that carry it out (goals in a plan only)."""
    in_horizon: Known | None = None
    """Whether its date falls inside the plan's years (goals and benchmarks in a plan only)."""
    span_years: int | None = None
    metric_facts: MetricFacts | None = None
    structured: bool = False
    percent_for_points: Found | None = None
    disagreements: list[str] = field(default_factory=list)
    objective_ids: tuple[str, ...] = ()
    """The plan's strategic objectives, for suggestions that name one (empty for free text)."""
    unstated: tuple[str, ...] = ()
    """What a goal's fields give but its statement does not say: "deadline", "baseline",
    "target". The statement is what DESE, the committee and families read."""
    statement_quantified: bool = True
    """Whether the statement itself gives a level, a starting point or a change."""


def _from_text(found: Found | None, value: Any = None, unit: Found | None = None) -> Known | None:
    if found is None:
        return None
    quoted = f'"{found.text}" in the statement'
    if found.derived is not None:
        # "23%, from 30% minus 7 points ("by 7 percentage points to 30%" in the statement)"
        shown = _number(float(found.value)) + ("%" if unit and unit.value == "percent" else "")
        return Known(found.value, f"{shown}, {found.derived} ({quoted})")
    return Known(found.value if value is None else value, quoted)


def facts_of_text(text: str, label: str, reference: Reference) -> Facts:
    """Return the facts of a free-text statement, from its words alone."""
    elements = detect(text)
    metric = _from_text(elements.metric)
    return Facts(
        kind="statement",
        label=label,
        statement=text,
        elements=elements,
        deadline=_from_text(elements.deadline),
        cadence=_from_text(elements.cadence),
        metric=metric,
        baseline=_from_text(elements.baseline, unit=elements.unit),
        target=_from_text(elements.target),
        unit=_from_text(elements.unit),
        direction=_from_text(elements.direction),
        population=_from_text(elements.student_group),
        measure_source=_from_text(elements.measure_source),
        owner=_from_text(elements.owner),
        tracked=_from_text(elements.cadence),
        span_years=elements.span_years,
        metric_facts=reference.metrics.get(metric.value) if metric else None,
        percent_for_points=elements.percent_for_points,
    )


def _field(value: Any, path: str, label: str, shown: Any = None) -> Known | None:
    """A filled field as a fact: evidence in plain words ("28 (the goal's target)"), path kept."""
    if value is None or value == []:
        return None
    if shown is None:
        shown = f"{value:g}" if isinstance(value, float) else value
    return Known(value, f"{shown} ({label})", field=path)


def _label(table: str, code: str | None) -> str | None:
    """A stored code in the words the rendered plan uses ("English learners", not a code)."""
    return label(table, code) if code else None


def _either(structured: Known | None, prose: Known | None) -> Known | None:
    return structured if structured is not None else prose


def facts_of_goal(goal: Goal, index: int, plan: Plan, reference: Reference) -> Facts:
    """Return the facts of a plan's goal: its fields, completed and checked by its statement."""
    prose = facts_of_text(goal.statement, f"Goal {goal.id}", reference)
    at = f"goals[{index}]"
    metric = _field(goal.metric, f"{at}.metric", "the goal's metric", _label("metric", goal.metric))
    population = _population(goal, plan, at)
    facts = Facts(
        kind="goal",
        label=f"Goal {goal.id}",
        statement=goal.statement,
        elements=prose.elements,
        deadline=_either(
            _field(goal.target and goal.target.by, f"{at}.target.by", "the goal's target date"),
            prose.deadline,
        ),
        cadence=prose.cadence,
        metric=_either(metric, prose.metric),
        baseline=_either(
            _field(
                goal.baseline and goal.baseline.value, f"{at}.baseline.value", "the goal's baseline"
            ),
            prose.baseline,
        ),
        target=_either(
            _field(goal.target and goal.target.value, f"{at}.target.value", "the goal's target"),
            prose.target,
        ),
        unit=_either(_field(goal.unit, f"{at}.unit", "the goal's unit"), prose.unit),
        direction=_either(
            _field(goal.direction, f"{at}.direction", "the goal's direction"), prose.direction
        ),
        population=_either(
            _either(population, _group_label_in(goal.statement, plan, goal)), prose.population
        ),
        measure_source=_either(
            _field(goal.measure_source, f"{at}.measure_source", "the goal's data source"),
            prose.measure_source,
        ),
        owner=_either(_field(goal.owner, f"{at}.owner", "the goal's owner"), prose.owner),
        objective=_field(
            goal.objective_refs,
            f"{at}.objective_refs",
            "the goal's objectives",
            ", ".join(goal.objective_refs or []),
        ),
        objective_ids=_objective_ids(plan),
        tracked=_goal_tracking(goal, at),
        actions=_actions(goal, plan),
        in_horizon=_in_horizon([goal.target.by] if goal.target else [], plan, at, "goal"),
        span_years=_goal_span(goal) or prose.span_years,
        structured=True,
    )
    facts.metric_facts = reference.metrics.get(facts.metric.value) if facts.metric else None
    baseline = facts.baseline.value if facts.baseline else None
    target = facts.target.value if facts.target else None
    facts.percent_for_points = percent_for_points(prose.elements.change, baseline, target)
    facts.disagreements = _disagreements(goal, prose)
    facts.unstated = tuple(
        name
        for name, said in (
            ("deadline", prose.deadline),
            ("baseline", prose.baseline),
            ("target", prose.target),
        )
        if getattr(facts, name) is not None and said is None
    )
    elements = prose.elements
    facts.statement_quantified = bool(elements.target or elements.baseline or elements.change)
    return facts


def facts_of_benchmark(
    benchmark: Benchmark, where: tuple[int, int], goal: Goal, plan: Plan, reference: Reference
) -> Facts:
    """Return the facts of a benchmark: its fields, completed by its statement."""
    prose = facts_of_text(benchmark.statement, f"Benchmark {benchmark.id}", reference)
    at = f"goals[{where[0]}].benchmarks[{where[1]}]"
    due = ", ".join(str(date) for date in benchmark.due)
    target = benchmark.target
    unit_at, unit_label = f"{at}.target.unit", "the benchmark's target unit"
    dues = "due date" if len(benchmark.due) == 1 else "due dates"
    return Facts(
        kind="benchmark",
        label=f"Benchmark {benchmark.id}",
        statement=benchmark.statement,
        elements=prose.elements,
        deadline=Known(benchmark.due, f"{due} (the benchmark's {dues})", field=f"{at}.due"),
        cadence=_either(
            _field(benchmark.frequency, f"{at}.frequency", "the benchmark's frequency"),
            prose.cadence,
        ),
        # What a benchmark measures is its target's unit of practice or results, not its source.
        metric=_either(prose.metric, _field(target and target.unit, unit_at, unit_label)),
        target=_either(
            _field(target and target.value, f"{at}.target.value", "the benchmark's target"),
            prose.target,
        ),
        unit=_either(_field(target and target.unit, unit_at, unit_label), prose.unit),
        population=_either(
            _either(
                _field(benchmark.audience, f"{at}.audience", "the benchmark's audience"),
                _group_label_in(benchmark.statement, plan, goal),
            ),
            prose.population,
        ),
        measure_source=_either(
            _field(benchmark.data_source, f"{at}.data_source", "the benchmark's data source"),
            prose.measure_source,
        ),
        owner=_either(_field(benchmark.owner, f"{at}.owner", "the benchmark's owner"), prose.owner),
        objective=Known(goal.id, f"goal {goal.id}, which it belongs to", field=at),
        objective_ids=_objective_ids(plan),
        in_horizon=_in_horizon(benchmark.due, plan, at, "benchmark"),
        structured=True,
    )


def _goal_tracking(goal: Goal, at: str) -> Known | None:
    dated = [benchmark for benchmark in goal.benchmarks or [] if benchmark.due]
    if not dated:
        return None
    dates = sorted(date for benchmark in dated for date in benchmark.due)
    benchmarks = "1 benchmark" if len(dated) == 1 else f"{len(dated)} benchmarks"
    when = f"on {dates[0]}" if len(dates) == 1 else f"from {dates[0]} to {dates[-1]}"
    return Known(
        len(dates),
        f"{benchmarks}, checked {_times(len(dates))} {when}",
        field=f"{at}.benchmarks",
    )


def _times(count: int) -> str:
    """How evidence says how often something is checked: "once", "twice", "3 times"."""
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


def _objective_ids(plan: Plan) -> tuple[str, ...]:
    """The ids of the plan's strategic objectives, so a suggestion names only real ones."""
    return tuple(objective.id for objective in plan.strategic_objectives or [])


def _actions(goal: Goal, plan: Plan) -> Known | None:
    wanted = set(goal.objective_refs or [])
    owned = [
        initiative.id
        for objective in plan.strategic_objectives or []
        if objective.id in wanted
        for initiative in objective.initiatives or []
        if initiative.owner
    ]
    if not owned:
        return None
    return Known(owned, f"initiatives with owners under its objectives: {', '.join(owned)}")


def _population(goal: Goal, plan: Plan, at: str) -> Known | None:
    """Whom the goal is about: its student group (by label when the plan defines it), or grades."""
    local = _local_group(goal.student_group, plan)
    if local is not None:
        return Known(local, f"{local.label} (the goal's student group)", f"{at}.student_group")
    grades = f"grades {', '.join(goal.grades)}" if goal.grades else None
    group = _field(
        goal.student_group,
        f"{at}.student_group",
        "the goal's student group",
        _label("student_group", goal.student_group),
    )
    return group or _field(grades, f"{at}.grades", "the goal's grades")


def _group_label_in(text: str, plan: Plan, goal: Goal) -> Known | None:
    """The plan's own group whose label the statement uses (the goal's group first), if any."""
    groups = list(plan.student_groups or [])
    groups.sort(key=lambda group: group.id != goal.student_group)
    for group in groups:
        if group.label and re.search(rf"(?<!\w){re.escape(group.label)}(?!\w)", text, re.I):
            return Known(group, f"the plan's student group: {group.label!r} in the statement")
    return None


def _local_group(group: str | None, plan: Plan) -> LocalStudentGroup | None:
    """The plan's own group a goal names by id (student_groups), if it names one."""
    if group is None:
        return None
    return next((local for local in plan.student_groups or [] if local.id == group), None)


def _in_horizon(dates: Sequence[dt.date], plan: Plan, at: str, kind: str) -> Known | None:
    """Whether every date falls within the plan's years; None when it has none or no year.

    The years are the district's school years (`Plan.calendar`), printed with their dates.
    """
    years = plan_years(plan)
    if not dates or years is None:
        return None
    outside = [day for day in dates if not fits(day, years)]
    # Show the date that is out of the plan, else the latest: the one nearest the edge.
    shown = outside[0] if outside else max(dates)
    return Known(not outside, f"the {kind}'s {describe(shown)}; the plan runs {years}", field=at)


def _goal_span(goal: Goal) -> int | None:
    if goal.baseline is None or goal.target is None:
        return None
    measured = period_date(goal.baseline.period)
    if measured is None:
        return None
    # A period target is measured at its end (spring 2027 MCAS: in May, not when results arrive).
    days = (measured_on(goal.target.by) - measured).days
    return max(1, round(days / 365.25))


def _disagreements(goal: Goal, prose: Facts) -> list[str]:
    """Return where the statement's words contradict the goal's fields."""
    found: list[str] = []
    # "by 3 percentage points" is a change, not a level: compare levels only.
    elements = prose.elements
    only_a_change = (
        elements.target is not None
        and elements.change is not None
        and elements.target.start == elements.change.start
        and elements.baseline is None
    )
    said_target = None if only_a_change else prose.target
    pairs = (
        ("target", goal.target.value if goal.target else None, said_target),
        ("baseline", goal.baseline.value if goal.baseline else None, prose.baseline),
    )
    for name, value, said in pairs:
        if value is not None and said is not None and abs(float(said.value) - value) > 0.05:
            found.append(
                f"the statement gives the {name} as {_number(said.value)} "
                f"({said.evidence}) but the goal's {name} is {_number(value)}"
            )
    wording = prose.direction
    moves = {"increase", "decrease"}
    if (
        wording is not None
        and goal.direction in moves
        and wording.value in moves
        and wording.value != goal.direction
    ):
        found.append(
            f"the statement says {wording.value} ({wording.evidence}) "
            f"but the goal's direction is {goal.direction}"
        )
    if goal.metric and prose.metric and _family(prose.metric.value) != _family(goal.metric):
        found.append(
            f"the statement names {label('metric', prose.metric.value)} "
            f"({prose.metric.evidence}) but the goal's metric is {label('metric', goal.metric)}"
        )
    return found


#: Measures that one statement may name interchangeably ("MCAS" for an SGP goal).
_FAMILIES = {
    "mcas_meeting_exceeding": "mcas",
    "mcas_scaled_score": "mcas",
    "sgp_mean": "mcas",
    "sgp_median": "mcas",
    "accountability_percentile": "mcas",
    "criterion_referenced_target": "mcas",
    "access_progress": "access",
    "access_proficiency": "access",
    "chronic_absenteeism": "attendance",
    "attendance_rate": "attendance",
}


def _family(metric: str) -> str:
    return _FAMILIES.get(metric, metric)


def _number(value: float) -> str:
    return f"{value:g}"
