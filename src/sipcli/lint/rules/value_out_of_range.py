"""SIP207 value-out-of-range."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.index import Path
from sipcli.model.reference import TALLY_UNITS, Reference
from sipcli.statement.compare import format_number

Bounds = tuple[float | None, float | None]

#: How to name a measure's values in a message, by metric or unit.
_LABELS = {
    "mcas_meeting_exceeding": "Percentages meeting or exceeding expectations",
    "mcas_scaled_score": "MCAS scaled scores",
    "scaled_score": "MCAS scaled scores",
    "sgp_mean": "Student growth percentiles",
    "sgp_median": "Student growth percentiles",
    "sgp": "Student growth percentiles",
    "accountability_percentile": "Accountability percentiles",
    "chronic_absenteeism": "Chronic absenteeism rates",
    "attendance_rate": "Attendance rates",
    "graduation_rate": "Graduation rates",
    "dropout_rate": "Dropout rates",
    "suspension_rate": "Suspension rates",
    "advanced_coursework": "Advanced coursework completion rates",
    "access_progress": "Percentages of English learners making progress",
    "access_proficiency": "Percentages of English learners reaching proficiency",
    "survey": "Survey results",
    "percentile": "Percentiles",
    "percent": "Percentages",
    "count": "Counts",
    "days": "Numbers of days",
}


#: How a status update's value is named: a projection from a diagnostic is not a result.
_RESULT_WORDS = {
    "actual": "result",
    "preliminary": "preliminary result",
    "projected": "projected value",
}


class ValueOutOfRange(Rule[NoOptions]):
    """Every figure lies within what its measure allows: percentages 0-100, MCAS scaled scores 440-560.

    Why it matters: a percentage above 100, a growth percentile of 0 or a scaled score of 600
    cannot happen. It is a typo, a value entered in the wrong unit, or the wrong metric, and
    a reader who spots it stops trusting the rest of the plan's data.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, the mean grade 5 math scaled score will rise from 489 to 600.
            metric: mcas_scaled_score
            unit: scaled_score
            baseline: {value: 489, period: spring 2026}
            target: {value: 600, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, the mean grade 5 math scaled score will rise from 489 to 500.
            metric: mcas_scaled_score
            unit: scaled_score
            baseline: {value: 489, period: spring 2026}
            target: {value: 500, by: 2027-09-30}
    """

    code = "SIP207"
    name = "value-out-of-range"
    severity = Severity.ERROR

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal, benchmark and current-state figure outside its measure's range."""
        reference = context.reference
        for index, goal in enumerate(plan.goals or []):
            yield from _goal_findings(goal, ("goals", index), reference)
            for position, benchmark in enumerate(goal.benchmarks or []):
                path = ("goals", index, "benchmarks", position)
                yield from _benchmark_findings(benchmark, path, reference)
        current_state = plan.assessment.current_state if plan.assessment else None
        for position, point in enumerate(current_state or []):
            if point.value is None:
                continue
            yield from _judge(
                point.value,
                _bounds(reference, None, point.unit),
                ("assessment", "current_state", position, "value"),
                f"Data point {point.id}'s value",
            )


def _goal_findings(goal: Goal, path: Path, reference: Reference) -> Iterator[Finding]:
    bounds = _bounds(reference, goal.metric, goal.unit)
    if bounds is None:
        return
    named = f"Goal {goal.id}'s"
    if goal.baseline is not None:
        yield from _judge(
            goal.baseline.value, bounds, (*path, "baseline", "value"), f"{named} baseline"
        )
    if goal.target is not None:
        yield from _judge(goal.target.value, bounds, (*path, "target", "value"), f"{named} target")
    for position, interim in enumerate(goal.interim_targets or []):
        where = (*path, "interim_targets", position, "value")
        yield from _judge(interim.value, bounds, where, f"{named} interim target for {interim.by}")
    yield from _update_findings(goal.status_updates, bounds, path, named)


def _benchmark_findings(
    benchmark: Benchmark, path: Path, reference: Reference
) -> Iterator[Finding]:
    if benchmark.target is None:
        return
    bounds = _bounds(reference, None, benchmark.target.unit)
    named = f"Benchmark {benchmark.id}'s"
    yield from _judge(benchmark.target.value, bounds, (*path, "target", "value"), f"{named} target")
    yield from _update_findings(benchmark.status_updates, bounds, path, named)


def _update_findings(
    updates: list[StatusUpdate] | None, bounds: tuple[str, Bounds] | None, path: Path, named: str
) -> Iterator[Finding]:
    for position, update in enumerate(updates or []):
        if update.actual is not None:
            where = (*path, "status_updates", position, "actual")
            what = f"{named} {_RESULT_WORDS[update.kind or 'actual']} of {update.date}"
            yield from _judge(update.actual, bounds, where, what)


def _bounds(
    reference: Reference, metric: str | None, unit: str | None
) -> tuple[str, Bounds] | None:
    """Return the measure's range and the name of its values, or None when it has no range."""
    bounds = reference.range_for(metric, unit)
    if bounds is None or bounds == (None, None):
        return None
    facts = reference.metrics.get(metric or "")
    key = (
        metric
        if facts is not None and facts.range is not None and unit not in TALLY_UNITS
        else unit
    )
    label = _LABELS.get(key or "") or f"Values of {(key or '').replace('_', ' ')}"
    return label, bounds


def _judge(
    value: float, bounds: tuple[str, Bounds] | None, path: Path, what: str
) -> Iterator[Finding]:
    if bounds is None:
        return
    label, (low, high) = bounds
    if (low is None or value >= low) and (high is None or value <= high):
        return
    yield Finding(
        path,
        f"{what} is {format_number(value)}, which is not possible: {label} {_describe(low, high)}. "
        "Check the value, and that the unit and metric are the right ones.",
        anchor="value",
    )


def _describe(low: float | None, high: float | None) -> str:
    if low is None:
        return f"are never above {format_number(high or 0)}"
    if high is None:
        return f"are never below {format_number(low)}"
    return f"run from {format_number(low)} to {format_number(high)}"
