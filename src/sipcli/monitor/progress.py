"""Progress against the plan: for each goal and benchmark, where it stands at a date.

Pure: no printing, no exiting. The rules, documented in the README:

- a goal's expected value lies on the straight line from its baseline (at the date of the
  baseline's period, else the start of the plan's first school year) to ``target.value`` at
  ``target.by``; before the baseline date it is the baseline, after ``target.by`` the target;
- a benchmark's expected value is its ``target.value`` at each due date;
- the latest actual is the last status update with an ``actual`` dated on or before the date;
- the status is, in this order of precedence: ``overdue`` (the last due date that has passed
  has no actual since the due date before it), ``no data`` (no actual yet), ``met`` (the
  actual reaches the target), then ``on track`` / ``at risk`` / ``off track`` by the share of
  the expected progress the actual covers (see `Thresholds`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from sipcli.diagnostics import FileResult
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.index import plan_year_bounds
from sipcli.model.reference import Reference
from sipcli.score.facts import period_date

Status = Literal["met", "on track", "at risk", "off track", "no data", "overdue"]
#: Every status, best first: the order of the summary.
STATUSES: tuple[Status, ...] = ("met", "on track", "at risk", "off track", "overdue", "no data")
#: The team's own judgement (``status_updates[].status``), used when there is no line to compare.
_RECORDED: dict[str, Status] = {
    "met": "met",
    "on_track": "on track",
    "at_risk": "at risk",
    "off_track": "off track",
    "not_met": "off track",
}


@dataclass(frozen=True)
class Thresholds:
    """Where on track ends and off track begins, as shares of the expected progress.

    ``progress`` is how far the actual has moved from the baseline in the direction of
    improvement, divided by how far the straight path says it should have moved by the date
    (for a benchmark: the actual divided by the target, or the target by the actual when
    lower is better). ``on track`` at or above ``on_track`` (default 0.9, i.e. 90%), ``at
    risk`` at or above ``at_risk`` (default 0.7), ``off track`` below.
    """

    on_track: float = 0.9
    """The least share of the expected progress that is on track."""
    at_risk: float = 0.7
    """The least share that is at risk rather than off track."""

    def __post_init__(self) -> None:
        """Refuse thresholds that cannot order the statuses."""
        if not 0 <= self.at_risk <= self.on_track:
            raise ValueError(
                f"the at-risk threshold ({self.at_risk:.0%}) must be between 0 and the "
                f"on-track threshold ({self.on_track:.0%})"
            )

    def status_for(self, share: float) -> Status:
        """Return on track, at risk or off track for a share of the expected progress."""
        if share >= self.on_track:
            return "on track"
        return "at risk" if share >= self.at_risk else "off track"


@dataclass(frozen=True)
class Progress:
    """Where one goal or benchmark stands at the as-of date."""

    kind: Literal["goal", "benchmark"]
    id: str
    statement: str
    status: Status
    reason: str
    """Why this status, in a sentence."""
    latest: StatusUpdate | None = None
    expected: float | None = None
    """The value expected at the as-of date, when there is a path to compare with."""
    target: float | None = None
    due: dt.date | None = None
    """The next due date on or after the as-of date, else the last one."""
    share: float | None = None
    """The share of the expected progress covered (1.0 is exactly on the path)."""

    def to_dict(self) -> dict[str, object]:
        """Return the item as the JSON output's ``items[]`` object."""
        latest = self.latest
        return {
            "kind": self.kind,
            "id": self.id,
            "status": self.status,
            "reason": self.reason,
            "latest": None
            if latest is None
            else {"date": latest.date.isoformat(), "actual": latest.actual},
            "expected": _rounded(self.expected),
            "target": self.target,
            "due": self.due.isoformat() if self.due else None,
            "share": _rounded(self.share),
        }


@dataclass(frozen=True)
class PlanProgress:
    """The progress of every goal and benchmark of one plan."""

    file: str
    items: list[Progress] = field(default_factory=list)


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def plan_progress(
    plan: Plan, file: str, as_of: dt.date, reference: Reference, thresholds: Thresholds
) -> PlanProgress:
    """Return the status of every goal, then its benchmarks, at ``as_of``."""
    items: list[Progress] = []
    start, _ = plan_year_bounds(plan)
    for goal in plan.goals or []:
        higher = _higher_is_better(goal, reference)
        items.append(goal_progress(goal, as_of, start, higher, thresholds))
        items.extend(
            benchmark_progress(benchmark, as_of, thresholds) for benchmark in goal.benchmarks or []
        )
    return PlanProgress(file, items)


def _higher_is_better(goal: Goal, reference: Reference) -> bool:
    # The goal's own direction wins; then what sip knows of the metric; then the sign of
    # the planned change; higher by default.
    if goal.direction in ("increase", "decrease"):
        return goal.direction == "increase"
    facts = reference.metrics.get(goal.metric or "")
    if facts is not None and facts.better is not None:
        return facts.better == "higher"
    if goal.baseline is not None and goal.target is not None:
        return goal.target.value >= goal.baseline.value
    return True


def latest_actual(updates: list[StatusUpdate] | None, as_of: dt.date) -> StatusUpdate | None:
    """Return the last update with an actual dated on or before ``as_of``."""
    dated = [u for u in updates or [] if u.actual is not None and u.date <= as_of]
    return max(dated, key=lambda update: update.date) if dated else None


def overdue_date(
    due_dates: list[dt.date],
    since: dt.date | None,
    updates: list[StatusUpdate] | None,
    as_of: dt.date,
) -> dt.date | None:
    """Return the last due date before ``as_of`` with no actual since the due date before it.

    ``since`` stands for the due date before the first (a goal's baseline date); None when
    any actual before the first due date counts.
    """
    passed = sorted(day for day in due_dates if day < as_of)
    if not passed:
        return None
    previous = passed[-2] if len(passed) > 1 else since
    for update in updates or []:
        after_previous = previous is None or update.date > previous
        if update.actual is not None and after_previous and update.date <= as_of:
            return None
    return passed[-1]


def _next_due(due_dates: list[dt.date], as_of: dt.date) -> dt.date | None:
    upcoming = sorted(day for day in due_dates if day >= as_of)
    return upcoming[0] if upcoming else max(due_dates, default=None)


def _recorded_or_no_data(latest: StatusUpdate | None, missing: str) -> tuple[Status, str]:
    # Without a path to compare with, the team's own judgement is the best sip can show.
    if latest is not None and latest.status in _RECORDED:
        return _RECORDED[latest.status], f"{missing}; the team's status of {latest.date}"
    return "no data", missing


def goal_progress(
    goal: Goal, as_of: dt.date, plan_start: dt.date, higher: bool, thresholds: Thresholds
) -> Progress:
    """Return where ``goal`` stands at ``as_of`` against the straight path to its target."""
    latest = latest_actual(goal.status_updates, as_of)
    base = Progress("goal", goal.id, goal.statement, "no data", "", latest=latest)
    if goal.target is None or goal.baseline is None:
        missing = "no target" if goal.target is None else "no baseline"
        status, reason = _recorded_or_no_data(latest, f"{missing}: no path to compare with")
        return replace(base, status=status, reason=reason)
    target, baseline = goal.target, goal.baseline
    start = period_date(baseline.period) or plan_start
    expected = _on_line(baseline.value, start, target.value, target.by, as_of)
    base = replace(base, expected=expected, target=target.value, due=target.by)
    # A result of the baseline's own administration (spring MCAS reported in the fall) says
    # nothing yet about progress along the path: it neither counts as progress nor as a result.
    fresh = [update for update in goal.status_updates or [] if not _of_baseline(update, start)]
    late = overdue_date([target.by], start, fresh, as_of)
    if late is not None:
        reason = f"no result recorded since {start} and the target date {late} has passed"
        return replace(base, status="overdue", reason=reason)
    if latest is not None and _of_baseline(latest, start):
        reason = f"no result since the baseline ({latest.period}); the next is due by {target.by}"
        return replace(base, reason=reason)
    if latest is None or latest.actual is None:
        return replace(base, reason="no result recorded yet")
    sign = 1.0 if higher else -1.0
    if (latest.actual - target.value) * sign >= 0:
        reason = f"{_number(latest.actual)} reaches the target of {_number(target.value)}"
        return replace(base, status="met", reason=reason)
    moved = (latest.actual - baseline.value) * sign
    planned = (expected - baseline.value) * sign
    # Before the path has moved (at the baseline date, or a goal to maintain), holding the
    # baseline is on the path and falling back is not.
    share = moved / planned + 0.0 if planned > 0 else (1.0 if moved >= 0 else 0.0)
    reason = (
        f"{_number(latest.actual)} against {_number(expected)} expected by {as_of}: "
        f"{share:.0%} of the expected progress from {_number(baseline.value)}"
    )
    return replace(base, status=thresholds.status_for(share), reason=reason, share=share)


def _of_baseline(update: StatusUpdate, start: dt.date) -> bool:
    """Whether ``update`` reports the baseline's own administration (its period is not later)."""
    measured = period_date(update.period) if update.period else None
    return measured is not None and measured <= start


def _on_line(
    start_value: float, start: dt.date, end_value: float, end: dt.date, day: dt.date
) -> float:
    """Return the value on the straight line through both points at ``day``, held at the ends."""
    if day <= start or end <= start:
        return start_value if day < end else end_value
    if day >= end:
        return end_value
    return start_value + (end_value - start_value) * (day - start).days / (end - start).days


def benchmark_progress(benchmark: Benchmark, as_of: dt.date, thresholds: Thresholds) -> Progress:
    """Return where ``benchmark`` stands at ``as_of`` against its target."""
    latest = latest_actual(benchmark.status_updates, as_of)
    due = _next_due(benchmark.due, as_of)
    base = Progress(
        "benchmark", benchmark.id, benchmark.statement, "no data", "", latest=latest, due=due
    )
    late = overdue_date(benchmark.due, None, benchmark.status_updates, as_of)
    if late is not None:
        return replace(
            base, status="overdue", reason=f"no result recorded for the check due {late}"
        )
    if benchmark.target is None:
        status, reason = _recorded_or_no_data(latest, "no target to compare with")
        return replace(base, status=status, reason=reason)
    goal_value = benchmark.target.value
    base = replace(base, expected=goal_value, target=goal_value)
    if latest is None or latest.actual is None:
        return replace(base, reason="no result recorded yet")
    actual, at_most = latest.actual, benchmark.target.comparison == "at_most"
    if (actual <= goal_value) if at_most else (actual >= goal_value):
        word = "at most" if at_most else "at least"
        reason = f"{_number(actual)} meets the target of {word} {_number(goal_value)}"
        return replace(base, status="met", reason=reason)
    share = _benchmark_share(actual, goal_value, at_most)
    reason = f"{_number(actual)} against a target of {_number(goal_value)}: {share:.0%} of it"
    return replace(base, status=thresholds.status_for(share), reason=reason, share=share)


def _benchmark_share(actual: float, target: float, at_most: bool) -> float:
    # A benchmark has no baseline: the share is the actual over the target (inverted when
    # lower is better), so 78 against at least 90 covers 87%.
    numerator, denominator = (target, actual) if at_most else (actual, target)
    if denominator <= 0 or numerator < 0:
        return 0.0
    return numerator / denominator


def _number(value: float) -> str:
    return f"{round(value, 2):g}"


#: What ``--fail-on`` counts: off-track fails on off track and overdue; at-risk adds at risk.
FAILING: dict[str, frozenset[Status]] = {
    "off-track": frozenset({"off track", "overdue"}),
    "at-risk": frozenset({"at risk", "off track", "overdue"}),
}


@dataclass(frozen=True)
class ProgressRun:
    """The progress of every plan read, and the results of the plans that are not valid."""

    as_of: dt.date
    thresholds: Thresholds
    plans: list[PlanProgress]
    invalid: list[FileResult]
    fail_on: str | None = None
    """The ``--fail-on`` gate (off-track or at-risk); None fails on invalid plans only."""

    def failing(self) -> list[tuple[str, Progress]]:
        """Return the (file, item) pairs whose status the ``fail_on`` gate counts as a failure."""
        counted = FAILING.get(self.fail_on or "", frozenset())
        return [(p.file, item) for p in self.plans for item in p.items if item.status in counted]

    def counts(self) -> dict[Status, int]:
        """Return how many items have each status, best first."""
        found = [item.status for plan in self.plans for item in plan.items]
        return {status: found.count(status) for status in STATUSES}

    def exit_code(self) -> int:
        """Return 1 when a plan is invalid or an item fails the ``fail_on`` gate, else 0."""
        return 1 if self.invalid or self.failing() else 0


def progress_files(
    paths: Sequence[Path],
    *,
    as_of: dt.date,
    thresholds: Thresholds,
    fail_on: str | None = None,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ProgressRun:
    """Validate each plan and compute its progress at ``as_of``.

    Raises:
        SipError: when a file cannot be read or the configuration is invalid.
    """
    from sipcli.validate.plans import read_plans  # noqa: PLC0415 - loads the model only when used

    plans: list[PlanProgress] = []
    invalid: list[FileResult] = []
    for source in read_plans(paths, config=config, max_bytes=max_bytes):
        if source.plan is None:
            invalid.append(source.result)
            continue
        plans.append(
            plan_progress(source.plan, str(source.path), as_of, source.reference, thresholds)
        )
    return ProgressRun(as_of, thresholds, plans, invalid, fail_on)
