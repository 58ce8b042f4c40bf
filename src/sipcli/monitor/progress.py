"""Progress against the plan: for each goal and benchmark, where it stands at a date.

Pure: no printing, no exiting. The rules, documented in the README:

- a goal's path runs from its baseline (at the date of the baseline's period, else the start
  of the plan's first school year) through each of its ``interim_targets`` to
  ``target.value`` at ``target.by``, in straight lines between those days (one straight line
  when it has no interim targets); before the baseline date it is the baseline, after
  ``target.by`` the target. A goal with interim targets is thus judged, on each interim
  target's day, against that interim target;
- once a goal's target day has passed, it is judged on the target itself: ``met`` when the
  latest actual reaches it, else ``off track`` (not met), whatever share of the path it covers;
- a benchmark's expected value is its ``target.value`` at each due date. Before its first due
  date has passed, a result that misses the target is judged by its share; once a due date
  has passed, a result that misses the target (below it, or above it for ``comparison:
  at_most``) is not met: at best ``at risk``, and ``off track`` below the at-risk share;
- dates may be periods of the school calendar (``Q2``, ``spring 2027 MCAS``): a period counts
  as the day it is settled (its end; for an assessment, the day results are known, or for a
  ``preliminary`` result the day preliminary results arrive), and is printed as written (a
  reason never prints a day sip worked out, such as the end of the baseline's school year);
- the latest actual is the last status update with an ``actual`` dated on or before the date,
  of kind actual (the default) or preliminary (marked so); a ``projected`` value (predicted
  from a diagnostic) never sets the status: it is shown beside the actual (``projected``),
  and only while it is for the same or a later period than the latest actual;
- the status is, in this order of precedence: ``overdue`` (the last due date that has passed,
  for a goal its interim targets' and target's days, has no actual since the due date before
  it), ``no data`` (no actual yet), ``met`` (the
  actual reaches the target), then ``on track`` / ``at risk`` / ``off track`` by the share of
  the expected progress the actual covers (see `Thresholds`), or by the school's own levels
  (`StatusScale`, from ``status-scale:`` in ``.sip.yaml``), which also name each status
  (``Progress.label``).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from sipcli.diagnostics import FileResult
from sipcli.errors import SipError
from sipcli.load.config import StatusScaleSettings
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.index import plan_year_bounds
from sipcli.model.reference import Reference
from sipcli.periods import PeriodContext, PeriodError, When, read_when
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
class Level:
    """One level of a status scale: its name, the least share it needs, the status it counts as."""

    name: str
    at_least: float | None
    """The least share of the expected progress (0.9 is 90%); None for the last level."""
    status: Status


@dataclass(frozen=True)
class StatusScale:
    """The names and thresholds statuses are given in: the default scale or the school's own.

    ``levels`` is the annual standing, best first; ``names`` renames the other statuses
    (met, overdue, no data); ``multi_year_met`` names a goal whose actual already reaches
    its final target.
    """

    levels: tuple[Level, ...]
    names: dict[str, str] = field(default_factory=dict)
    multi_year_met: str | None = None
    custom: bool = False
    """True when the school's ``status-scale:`` set it (the CLI thresholds then do not apply)."""

    @classmethod
    def from_thresholds(cls, thresholds: Thresholds) -> StatusScale:
        """Return the default scale: on track, at risk, off track at these thresholds."""
        return cls(
            (
                Level("on track", thresholds.on_track, "on track"),
                Level("at risk", thresholds.at_risk, "at risk"),
                Level("off track", None, "off track"),
            )
        )

    @classmethod
    def from_settings(cls, settings: StatusScaleSettings) -> StatusScale:
        """Return the school's scale (``status-scale:`` in ``.sip.yaml``)."""
        last = len(settings.levels) - 1
        levels = tuple(
            Level(
                level.name,
                None if level.at_least is None else level.at_least / 100,
                level.counts_as
                or ("on track" if index == 0 else "off track" if index == last else "at risk"),
            )
            for index, level in enumerate(settings.levels)
        )
        names = {"met": settings.met, "overdue": settings.overdue, "no data": settings.no_data}
        return cls(
            levels,
            {status: name for status, name in names.items() if name},
            settings.multi_year_met,
            custom=True,
        )

    def level_for(self, share: float) -> Level:
        """Return the level a share of the expected progress stands at."""
        for level in self.levels:
            if level.at_least is None or share >= level.at_least:
                return level
        return self.levels[-1]

    def status_for(self, share: float) -> Status:
        """Return the status (on track, at risk or off track) a share counts as."""
        return self.level_for(share).status

    def label(self, item: Progress) -> str:
        """Return the name this scale gives the item's standing."""
        if item.status in ("on track", "at risk", "off track"):
            level = self.level_for(item.share) if item.share is not None else None
            if level is not None and level.status == item.status:
                return level.name
            # The team's own judgement, a missed check or target: the first level of that status.
            return next((lv.name for lv in self.levels if lv.status == item.status), item.status)
        if item.status == "met" and item.kind == "goal" and self.multi_year_met:
            return self.multi_year_met
        return self.names.get(item.status, item.status)

    def to_dict(self) -> dict[str, object]:
        """Return the scale as the JSON output's ``scale`` object."""
        return {
            "levels": [
                {"name": level.name, "at_least": level.at_least, "status": level.status}
                for level in self.levels
            ],
            "names": dict(self.names),
            "multi_year_met": self.multi_year_met,
        }


def as_scale(thresholds: Thresholds | StatusScale) -> StatusScale:
    """Return ``thresholds`` as a scale (the default scale at those thresholds)."""
    if isinstance(thresholds, StatusScale):
        return thresholds
    return StatusScale.from_thresholds(thresholds)


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
    """The latest actual (or preliminary) result on or before the as-of date."""
    expected: float | None = None
    """The value expected at the as-of date, when there is a path to compare with."""
    target: float | None = None
    due: dt.date | None = None
    """The next due date on or after the as-of date, else the last one (a `When` if a period)."""
    share: float | None = None
    """The share of the expected progress covered (1.0 is exactly on the path)."""
    projected: StatusUpdate | None = None
    """The latest projected value on or before the as-of date: shown, never judged."""
    label: str = ""
    """The status as the school's scale names it (by default the status itself)."""
    unit: str | None = None
    """The unit of the values (percent prints with a % sign)."""

    def __post_init__(self) -> None:
        """Name the status by itself until a scale names it."""
        if not self.label:
            object.__setattr__(self, "label", self.status)

    def to_dict(self) -> dict[str, object]:
        """Return the item as the JSON output's ``items[]`` object."""
        return {
            "kind": self.kind,
            "id": self.id,
            "status": self.status,
            "label": self.label,
            "reason": self.reason,
            "latest": update_to_dict(self.latest),
            "projected": update_to_dict(self.projected),
            "expected": _rounded(self.expected),
            "target": self.target,
            "due": self.due.isoformat() if self.due else None,
            "due_period": period_text(self.due),
            "share": _rounded(self.share),
            "unit": self.unit,
        }


def period_text(day: dt.date | None) -> str | None:
    """Return the label of a period (``Q2 2026-27``), None for an exact date or none."""
    return str(day) if isinstance(day, When) and day.is_period else None


def value_text(value: float | None, unit: str | None = None) -> str:
    """Return a value as printed: 44.6, or 23% in a percent unit; empty for none."""
    if value is None:
        return ""
    return _number(value) + ("%" if unit == "percent" else "")


def describe_update(update: StatusUpdate | None, unit: str | None = None) -> str:
    """Return a result as printed: value, date or period as written, kind and source.

    For example "44.6 (2026-11-30)" or "41 (spring 2027 MCAS, preliminary; DESE release)".
    """
    if update is None or update.actual is None:
        return ""
    when = str(update.date)
    if update.kind == "preliminary":
        when += ", preliminary"
    if update.source:
        when += f"; {update.source}"
    return f"{value_text(update.actual, unit)} ({when})"


def describe_projection(item: Progress) -> str:
    """Return the projection beside the actual, marked: "projected 23% (winter 2027 i-Ready)"."""
    shown = describe_update(item.projected, item.unit)
    return f"projected {shown}" if shown else ""


def update_to_dict(update: StatusUpdate | None) -> dict[str, object] | None:
    """Return a status update as JSON: the date and, for a period, its label; kind and source."""
    if update is None:
        return None
    return {
        "date": update.date.isoformat(),
        "actual": update.actual,
        "period": period_text(update.date),
        "kind": update.kind or "actual",
        "source": update.source,
    }


@dataclass(frozen=True)
class PlanProgress:
    """The progress of every goal and benchmark of one plan."""

    file: str
    items: list[Progress] = field(default_factory=list)
    as_of: dt.date | None = None
    """The plan's own as-of date when it differs by plan (a bare term read in its school year)."""
    scale: StatusScale | None = None
    """The scale its statuses are named in (None: the run's thresholds)."""


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 3)


def plan_progress(
    plan: Plan,
    file: str,
    as_of: dt.date,
    reference: Reference,
    thresholds: Thresholds | StatusScale,
) -> PlanProgress:
    """Return the status of every goal, then its benchmarks, at ``as_of``, named in the scale."""
    scale = as_scale(thresholds)
    items: list[Progress] = []
    bounds = plan_year_bounds(plan)
    start = bounds[0] if bounds else None
    for goal in plan.goals or []:
        higher = _higher_is_better(goal, reference)
        items.append(goal_progress(goal, as_of, start, higher, scale))
        items.extend(
            benchmark_progress(benchmark, as_of, scale) for benchmark in goal.benchmarks or []
        )
    return PlanProgress(file, items, scale=scale if scale.custom else None)


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


def observed_on(update: StatusUpdate) -> dt.date:
    """Return the day a result is known: its date, or a preliminary result's early day.

    A preliminary result of an assessment window is known when preliminary results arrive.
    """
    day = update.date
    if update.kind == "preliminary" and isinstance(day, When) and day.preliminary:
        return day.preliminary
    return day


def _results(updates: Iterable[StatusUpdate] | None, *, projected: bool) -> list[StatusUpdate]:
    # Projected values are predictions: they are kept apart from results.
    return [
        update
        for update in updates or []
        if update.actual is not None and (update.kind == "projected") == projected
    ]


def latest_actual(updates: list[StatusUpdate] | None, as_of: dt.date) -> StatusUpdate | None:
    """Return the last actual (or preliminary) result known on or before ``as_of``."""
    dated = [u for u in _results(updates, projected=False) if observed_on(u) <= as_of]
    return max(dated, key=observed_on) if dated else None


def latest_projected(
    updates: list[StatusUpdate] | None, as_of: dt.date, latest: StatusUpdate | None = None
) -> StatusUpdate | None:
    """Return the last projected value dated on or before ``as_of``, if still worth showing.

    A projection predicts a result: once an actual for its period or a later one is in
    (``latest``), it is dropped.
    """
    dated = [u for u in _results(updates, projected=True) if u.date <= as_of]
    shown = max(dated, key=lambda update: update.date) if dated else None
    if shown is None or (latest is not None and shown.date < latest.date):
        return None
    return shown


def overdue_date(
    due_dates: Sequence[dt.date],
    since: dt.date | None,
    updates: list[StatusUpdate] | None,
    as_of: dt.date,
) -> dt.date | None:
    """Return the last due date before ``as_of`` with no actual since the due date before it.

    ``since`` stands for the due date before the first (a goal's baseline date); None when
    any actual before the first due date counts. A due period counts as its end, and a
    projected value is not a result.
    """
    passed = sorted(day for day in due_dates if day < as_of)
    if not passed:
        return None
    previous = passed[-2] if len(passed) > 1 else since
    for update in _results(updates, projected=False):
        after_previous = previous is None or update.date > previous
        if after_previous and observed_on(update) <= as_of:
            return None
    return passed[-1]


def _next_due(due_dates: Sequence[dt.date], as_of: dt.date) -> dt.date | None:
    upcoming = sorted(day for day in due_dates if day >= as_of)
    return upcoming[0] if upcoming else max(due_dates, default=None)


def _recorded_or_no_data(latest: StatusUpdate | None, missing: str) -> tuple[Status, str]:
    # Without a path to compare with, the team's own judgement is the best sip can show.
    if latest is not None and latest.status in _RECORDED:
        return _RECORDED[latest.status], f"{missing}; the team's status of {_when(latest)}"
    return "no data", missing


def goal_progress(
    goal: Goal,
    as_of: dt.date,
    plan_start: dt.date | None,
    higher: bool,
    thresholds: Thresholds | StatusScale,
) -> Progress:
    """Return where ``goal`` stands at ``as_of`` against the straight path to its target."""
    scale = as_scale(thresholds)
    item = _goal_standing(goal, as_of, plan_start, higher, scale)
    return replace(item, label=scale.label(item))


def _goal_standing(
    goal: Goal, as_of: dt.date, plan_start: dt.date | None, higher: bool, scale: StatusScale
) -> Progress:
    updates = goal.status_updates
    latest = latest_actual(updates, as_of)
    base = Progress(
        "goal",
        goal.id,
        goal.statement,
        "no data",
        "",
        latest=latest,
        projected=latest_projected(updates, as_of, latest),
        unit=goal.unit,
    )
    if goal.target is None or goal.baseline is None:
        missing = "no target" if goal.target is None else "no baseline"
        status, reason = _recorded_or_no_data(latest, f"{missing}: no path to compare with")
        return replace(base, status=status, reason=reason)
    target, baseline = goal.target, goal.baseline
    start = period_date(baseline.period) or plan_start
    if start is None:
        missing = (
            f"the baseline's period '{baseline.period}' names no year and plan.school_year "
            "is not set: no path to compare with (write the period like SY2025-26)"
        )
        status, reason = _recorded_or_no_data(latest, missing)
        return replace(base, status=status, reason=reason, target=target.value, due=target.by)
    path = goal_path(goal, start)
    milestones = [day for day, _ in path[1:]]
    base = replace(base, expected=_on_path(path, as_of), target=target.value, due=target.by)
    # A result of the baseline's own administration (spring MCAS reported in the fall) says
    # nothing yet about progress along the path: it neither counts as progress nor as a result.
    fresh = [update for update in updates or [] if not _of_baseline(update, start)]
    late = overdue_date(milestones, start, fresh, as_of)
    if late is not None:
        counted = latest is not None and not _of_baseline(latest, start)
        since = _when(latest) if latest and counted else f"the baseline ({baseline.period})"
        what = "target date" if late == target.by else "interim target date"
        reason = f"no result recorded since {since} and the {what} {late} has passed"
        return replace(base, status="overdue", reason=reason)
    if latest is not None and _of_baseline(latest, start):
        reason = f"no result since the baseline ({latest.period}); the next is due by {target.by}"
        return replace(base, reason=reason)
    if latest is None or latest.actual is None:
        return replace(base, reason="no result recorded yet")
    if as_of > target.by:
        return _judged_at_target(base, latest, target.value, target.by, higher)
    return _on_the_way(base, latest, path, baseline.value, higher, scale)


def goal_path(goal: Goal, start: dt.date) -> list[tuple[dt.date, float]]:
    """Return the goal's path: the baseline at ``start``, each interim target, the target.

    Interim targets are taken in order of their days; one dated on or before the baseline,
    or after the target, is not on the way and is left out. Empty without both ends.
    """
    if goal.baseline is None or goal.target is None:
        return []
    end = goal.target.by
    interim = sorted(
        (item.by, item.value) for item in goal.interim_targets or [] if start < item.by < end
    )
    return [(start, goal.baseline.value), *interim, (end, goal.target.value)]


def _judged_at_target(
    base: Progress, latest: StatusUpdate, target: float, by: dt.date, higher: bool
) -> Progress:
    """After the target's day the goal is met or not: no share of a path any more."""
    sign = 1.0 if higher else -1.0
    unit = base.unit
    actual = _result(latest, unit)
    if ((latest.actual or 0.0) - target) * sign >= 0:
        reason = f"{actual} reaches the target of {value_text(target, unit)}"
        return replace(base, status="met", reason=reason)
    reason = (
        f"the target date {by} has passed: {actual} against a target of "
        f"{value_text(target, unit)} (not met)"
    )
    return replace(base, status="off track", reason=reason)


def _on_the_way(
    base: Progress,
    latest: StatusUpdate,
    path: list[tuple[dt.date, float]],
    baseline: float,
    higher: bool,
    scale: StatusScale,
) -> Progress:
    """Before the target's day: the share of the path's progress, where the result was taken."""
    sign = 1.0 if higher else -1.0
    unit = base.unit
    actual, value, target = _result(latest, unit), latest.actual or 0.0, path[-1][1]
    if (value - target) * sign >= 0:
        reason = f"{actual} reaches the target of {value_text(target, unit)}"
        return replace(base, status="met", reason=reason)
    # The result is compared with the path on the day it stands for (its period's settled
    # day): a yearly result is measured against that year's interim target.
    expected = _on_path(path, latest.date)
    moved = (value - baseline) * sign
    planned = (expected - baseline) * sign
    # Before the path has moved (at the baseline date, or a goal to maintain), holding the
    # baseline is on the path and falling back is not.
    share = moved / planned + 0.0 if planned > 0 else (1.0 if moved >= 0 else 0.0)
    reason = (
        f"{actual} against {value_text(expected, unit)} expected by {latest.date}: "
        f"{share:.0%} of the expected progress from {value_text(baseline, unit)}"
    )
    return replace(
        base, status=scale.status_for(share), reason=reason, share=share, expected=expected
    )


def _result(update: StatusUpdate, unit: str | None = None) -> str:
    """The value of a result for a reason: "44.6", or "44.6 (preliminary)"."""
    value = value_text(update.actual or 0.0, unit)
    return f"{value} (preliminary)" if update.kind == "preliminary" else value


def _when(update: StatusUpdate) -> str:
    return str(update.date)


def _of_baseline(update: StatusUpdate, start: dt.date) -> bool:
    """Whether ``update`` reports the baseline's own administration (its period is not later)."""
    measured = period_date(update.period) if update.period else None
    return measured is not None and measured <= start


def _on_path(path: Sequence[tuple[dt.date, float]], day: dt.date) -> float:
    """Return the path's value at ``day``: straight between its points, held at the ends."""
    if path[-1][0] <= path[0][0]:  # a target dated on or before its baseline
        return path[0][1] if day < path[-1][0] else path[-1][1]
    if day <= path[0][0]:
        return path[0][1]
    for (start, start_value), (end, end_value) in itertools.pairwise(path):
        if day < end:
            span = (end - start).days
            return start_value + (end_value - start_value) * (day - start).days / span
    return path[-1][1]


def benchmark_progress(
    benchmark: Benchmark, as_of: dt.date, thresholds: Thresholds | StatusScale
) -> Progress:
    """Return where ``benchmark`` stands at ``as_of`` against its target."""
    scale = as_scale(thresholds)
    item = _benchmark_standing(benchmark, as_of, scale)
    return replace(item, label=scale.label(item))


def _benchmark_standing(benchmark: Benchmark, as_of: dt.date, scale: StatusScale) -> Progress:
    updates = benchmark.status_updates
    latest = latest_actual(updates, as_of)
    base = Progress(
        "benchmark",
        benchmark.id,
        benchmark.statement,
        "no data",
        "",
        latest=latest,
        due=_next_due(benchmark.due, as_of),
        projected=latest_projected(updates, as_of, latest),
        unit=benchmark.target.unit if benchmark.target else None,
    )
    late = overdue_date(benchmark.due, None, updates, as_of)
    if late is not None:
        only_projected = " (only a projection; record the actual result)" if base.projected else ""
        return replace(
            base,
            status="overdue",
            reason=f"no result recorded for the check due {late}{only_projected}",
        )
    if benchmark.target is None:
        status, reason = _recorded_or_no_data(latest, "no target to compare with")
        return replace(base, status=status, reason=reason)
    goal_value = benchmark.target.value
    base = replace(base, expected=goal_value, target=goal_value)
    if latest is None or latest.actual is None:
        return replace(base, reason="no result recorded yet")
    actual, at_most = latest.actual, benchmark.target.comparison == "at_most"
    unit = benchmark.target.unit
    if (actual <= goal_value) if at_most else (actual >= goal_value):
        word = "at most" if at_most else "at least"
        reason = (
            f"{_result(latest, unit)} meets the target of {word} {value_text(goal_value, unit)}"
        )
        return replace(base, status="met", reason=reason)
    share = _benchmark_share(actual, goal_value, at_most)
    word = "at most " if at_most else ""
    reason = (
        f"{_result(latest, unit)} against a target of {word}{value_text(goal_value, unit)}: "
        f"{share:.0%} of it"
    )
    status = scale.status_for(share)
    checked = max((day for day in benchmark.due if day < as_of), default=None)
    if checked is not None:
        # A check that has come and gone with its target missed is not met: at best at risk.
        reason += f", not met at the check due {checked}"
        status = "at risk" if status == "on track" else status
    return replace(base, status=status, reason=reason, share=share)


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
    """The as-of day (a `When` when given as a period; per plan in ``plans[].as_of`` if it differs)."""
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

    def label_counts(self) -> dict[str, int]:
        """Return how many items have each name of the schools' scales, best status first."""
        items = sorted(
            (item for plan in self.plans for item in plan.items),
            key=lambda item: STATUSES.index(item.status),
        )
        counts: dict[str, int] = {}
        for item in items:
            counts[item.label] = counts.get(item.label, 0) + 1
        return counts

    def exit_code(self) -> int:
        """Return 1 when a plan is invalid or an item fails the ``fail_on`` gate, else 0."""
        return 1 if self.invalid or self.failing() else 0


#: What ``--as-of`` takes: a day, or the text of a period read in each plan's calendar.
AsOf = dt.date | str


def as_of_for(as_of: AsOf, context: PeriodContext) -> dt.date:
    """Return the day progress is judged at: a date, or the end of the period written.

    A bare term (``Q2``) is read in the plan's school year (``context.school_year``).

    Raises:
        SipError: when the text is not a date or a period, or a term needs a school year
            the plan does not give.
    """
    if isinstance(as_of, dt.date):
        return as_of
    try:
        when = read_when(as_of, context)
    except PeriodError as error:
        raise SipError(f"--as-of '{as_of}' is not a date or a period: {error}") from None
    if not when.is_period:
        return when
    # As of a period: its last day (for an assessment window too, not its results day).
    return When(
        when.end,
        text=when.text,
        label=when.label,
        kind=when.kind,
        start=when.start,
        end=when.end,
        preliminary=when.preliminary,
    )


def progress_files(
    paths: Sequence[Path],
    *,
    as_of: AsOf,
    thresholds: Thresholds,
    fail_on: str | None = None,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ProgressRun:
    """Validate each plan and compute its progress at ``as_of``, in its school's scale.

    ``as_of`` is a date or a period; a period is read in each plan's calendar and, for a bare
    term, in its school year.

    Raises:
        SipError: when a file cannot be read, the configuration is invalid, ``as_of`` cannot
            be read, or a scale is set together with thresholds other than the default.
    """
    from sipcli.validate.plans import read_plans  # noqa: PLC0415 - loads the model only when used

    plans: list[PlanProgress] = []
    invalid: list[FileResult] = []
    for source in read_plans(paths, config=config, max_bytes=max_bytes):
        if source.plan is None:
            invalid.append(source.result)
            continue
        day = plan_as_of(as_of, source.path, source.plan)
        scale = scale_for(source.path, config, thresholds)
        progress = plan_progress(source.plan, str(source.path), day, source.reference, scale)
        plans.append(replace(progress, as_of=day))
    return ProgressRun(
        common_as_of(as_of, (p.as_of for p in plans)), thresholds, plans, invalid, fail_on
    )


def common_as_of(as_of: AsOf, days: Iterable[dt.date | None]) -> dt.date:
    """Return the run's as-of day: the plans' one day, else ``as_of`` read in this school year.

    A bare term falls on a different day in each plan's school year; the run then names it
    as it is read in the current school year (each plan keeps its own).

    Raises:
        SipError: when ``as_of`` cannot be read.
    """
    found = {day for day in days if day is not None}
    if len(found) == 1:
        return found.pop()
    if isinstance(as_of, dt.date):
        return as_of
    from sipcli.periods import default_calendar  # noqa: PLC0415 - only for a bare term

    this_year = default_calendar().school_year_of(dt.date.today())
    return as_of_for(as_of, PeriodContext(school_year=this_year))


def plan_as_of(as_of: AsOf, path: Path, plan: Plan) -> dt.date:
    """Return `as_of_for` in the plan's calendar and school year, naming the plan if it cannot.

    Raises:
        SipError: when ``as_of`` cannot be read for this plan; the message starts with its path.
    """
    try:
        return as_of_for(as_of, plan.periods)
    except SipError as error:
        raise SipError(f"{path}: {error}") from None


def scale_for(path: Path, config: Path | None, thresholds: Thresholds) -> StatusScale:
    """Return the status scale of the plan's ``.sip.yaml``, else the default at ``thresholds``.

    Raises:
        SipError: when the configuration is invalid, or sets a scale while ``thresholds``
            are not the default (say which applies rather than mix them).
    """
    from sipcli.load.config import config_path_for, read_config  # noqa: PLC0415

    settings = read_config(config_path_for(path, config))[0].status_scale
    if settings is None:
        return StatusScale.from_thresholds(thresholds)
    if thresholds != Thresholds():
        raise SipError(
            f"{path}: --on-track and --at-risk set the default scale, but its .sip.yaml sets "
            "status-scale: change the levels' at-least there, or leave the options out"
        )
    return StatusScale.from_settings(settings)
