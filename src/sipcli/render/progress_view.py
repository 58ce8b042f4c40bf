"""The progress report's view: per goal, its chart and where it and its benchmarks stand.

Built from `sipcli.monitor.progress` (statuses at a date) and `sipcli.render.charts` (one chart
per goal). The charts are returned beside the view, by file name, so each format can embed or
link them. Every figure carries the plan's unit; every status is named as the school's scale
names it, else from the ``progress_status`` label table, and explained in the legend.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass
from functools import cached_property

from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.labels import label
from sipcli.model.reference import Reference
from sipcli.monitor.progress import (
    STATUSES,
    Progress,
    Status,
    StatusScale,
    Thresholds,
    as_scale,
    plan_progress,
)
from sipcli.render.charts import can_chart, goal_chart
from sipcli.render.formatting import date, entries, number, value_at, with_unit
from sipcli.render.progress_checks import Check, benchmark_checks
from sipcli.render.viewmodel import Entry, Row, Table, table
from sipcli.score.facts import period_date

#: A benchmark's results are shown check by check ("Results by check"): the latest is the last.
_BENCHMARK_HEADERS = ("Benchmark", "Status", "Target", "Results by check", "Projected", "Why")
_LEGEND_HEADERS = ("Status", "What it means", "Goals and benchmarks")
_GLANCE_HEADERS = ("Goal", "Status", "Benchmarks")

#: What a check's state reads as in the Checks column.
_CHECK_WORDS = {
    "missed": "no result",
    "overdue": "overdue",
    "next": "next check",
}


@dataclass(frozen=True)
class GoalReport:
    """One goal in the progress report."""

    title: str
    """"Goal G1: On track": the id and the status, the statement below it."""
    statement: str
    status: str
    chart: str
    """The chart's file name beside the Markdown, empty when the goal cannot be charted."""
    chart_alt: str
    """The chart described in words, for a reader who cannot see it."""
    standing: tuple[Entry, ...]
    """Where the goal stands: baseline, latest result, expected now, target, why."""
    benchmarks: Table
    """Its benchmarks, each with its statement, status, results by check and why."""
    drawing: Chart | None = None
    """The chart itself, drawn when a format first asks for it."""

    @property
    def chart_data_uri(self) -> str:
        """The chart as an SVG data URI, for self-contained HTML; empty when there is none."""
        if self.drawing is None:
            return ""
        return "data:image/svg+xml;base64," + base64.b64encode(self.drawing.svg).decode("ascii")


@dataclass(frozen=True)
class ProgressView:
    """The whole progress report."""

    title: str
    subtitle: str
    details: tuple[Entry, ...]
    glance: Table
    """Every goal on one table: its statement, its status, how its benchmarks stand."""
    legend: Table
    """Each status, what it means and how many goals and benchmarks have it."""
    goals: tuple[GoalReport, ...]
    generator: str = "sip"


@dataclass(frozen=True)
class Chart:
    """A goal's chart to write or embed: SVG for Markdown and HTML, PNG for Word.

    Each is drawn the first time a format asks for it (matplotlib takes most of a report's
    time), then kept: a Markdown render draws no PNG, a Word render no SVG.
    """

    goal: Goal
    as_of: dt.date | None = None

    @cached_property
    def svg(self) -> bytes:
        """The chart as SVG."""
        return goal_chart(self.goal, "svg", self.as_of)

    @cached_property
    def png(self) -> bytes:
        """The chart as PNG."""
        return goal_chart(self.goal, "png", self.as_of)


def status_name(item: Progress, scale: StatusScale) -> str:
    """The item's status as the report prints it: the school's own name, else the label."""
    if scale.custom and item.label != item.status:
        return item.label
    return _default_name(item.status)


def _default_name(status: Status) -> str:
    return label("progress_status", status.replace(" ", "_"))


def figure(value: float | None, unit: str | None) -> str:
    """A figure as the report prints it: with its unit, to one decimal place (25.6%)."""
    return "" if value is None else with_unit(round(value, 1), unit)


def result_text(update: StatusUpdate | None, unit: str | None) -> str:
    """A result with its unit and when it was taken: "46% (2026-11-20)", marked if preliminary."""
    if update is None or update.actual is None:
        return ""
    when = date(update.date)
    if update.kind == "preliminary":
        when += ", preliminary"
    if update.source:
        when += f"; {update.source}"
    return value_at(update.actual, unit, when)


def _of_baseline(update: StatusUpdate | None, goal: Goal) -> bool:
    """Whether ``update`` reports the baseline's own administration (its period is no later).

    Such a result is the baseline itself: shown as the baseline, never as a new result.
    """
    if update is None or update.period is None or goal.baseline is None:
        return False
    measured, start = period_date(update.period), period_date(goal.baseline.period)
    return measured is not None and start is not None and measured <= start


def _goal_standing(goal: Goal, item: Progress | None, as_of: dt.date) -> tuple[Entry, ...]:
    """The goal's figures, each with its unit and date, and why it has its status."""
    unit = goal.unit
    baseline = goal.baseline
    latest = None if item is None or _of_baseline(item.latest, goal) else item.latest
    target = goal.target
    return entries(
        ("Baseline", value_at(baseline.value, unit, baseline.period) if baseline else None),
        ("Latest result", result_text(latest, unit) or "none since the baseline"),
        ("Projected", result_text(item.projected, unit) if item else None),
        (f"Expected by {date(as_of)}", figure(item.expected, unit) if item else None),
        ("Target", f"{with_unit(target.value, unit)} by {date(target.by)}" if target else None),
        ("Why", item.reason if item else None),
    )


def _check_line(check: Check, unit: str | None) -> str:
    """One check in the Checks column: "2026-10-30: 100%", "2027-01-29: overdue, no result yet"."""
    if check.result is not None and check.result.actual is not None:
        value = with_unit(check.result.actual, unit)
        if check.state == "late":
            value += f" (late, {date(check.result.date)})"
        elif check.result.date != check.due:
            value += f" ({date(check.result.date)})"
        return f"{date(check.due)}: {value}"
    return f"{date(check.due)}: {_CHECK_WORDS[check.state]}"


def _target_text(benchmark: Benchmark) -> str:
    target = benchmark.target
    if target is None:
        return ""
    word = "at most " if target.comparison == "at_most" else "at least "
    return word + with_unit(target.value, target.unit)


def _benchmark_row(benchmark: Benchmark, item: Progress, scale: StatusScale, as_of: dt.date) -> Row:
    """One benchmark: its statement beside its id, its results check by check, and why."""
    unit = benchmark.target.unit if benchmark.target else None
    checks = benchmark_checks(benchmark.due, benchmark.status_updates, as_of)
    return Row(
        (
            f"{benchmark.id}: {benchmark.statement}",
            status_name(item, scale),
            _target_text(benchmark),
            "\n".join(_check_line(check, unit) for check in checks),
            result_text(item.projected, unit),
            item.reason,
        )
    )


def build_progress_view(
    plan: Plan,
    stem: str,
    as_of: dt.date,
    reference: Reference,
    thresholds: Thresholds | StatusScale,
) -> tuple[ProgressView, dict[str, Chart]]:
    """Return the report's view and its charts by file name (``<stem>-<goal id>.svg``).

    Statuses are named in ``thresholds``' scale (the school's own, from ``status-scale:``).
    """
    scale = as_scale(thresholds)
    items = plan_progress(plan, "", as_of, reference, scale).items
    goals_by_id = {(item.kind, item.id): item for item in items}
    charts: dict[str, Chart] = {}
    goals: list[GoalReport] = []
    glance: list[Row] = []
    for goal in plan.goals or []:
        mine = goals_by_id.get(("goal", goal.id))
        judged = [
            (benchmark, goals_by_id[("benchmark", benchmark.id)])
            for benchmark in goal.benchmarks or []
            if ("benchmark", benchmark.id) in goals_by_id
        ]
        rows = tuple(_benchmark_row(benchmark, item, scale, as_of) for benchmark, item in judged)
        name, chart = "", None
        if can_chart(goal):
            chart = Chart(goal, as_of)
            name = f"{stem}-{goal.id}.svg"
            charts[name] = chart
        status = status_name(mine, scale) if mine else _default_name("no data")
        glance.append(
            Row(
                (
                    f"{goal.id}: {goal.statement}",
                    status,
                    _tally([item for _, item in judged], scale),
                )
            )
        )
        goals.append(
            GoalReport(
                title=f"Goal {goal.id}: {status}",
                statement=goal.statement,
                status=status,
                chart=name,
                chart_alt=f"Goal {goal.id}: baseline, expected path, target and results",
                standing=_goal_standing(goal, mine, as_of),
                benchmarks=table(_BENCHMARK_HEADERS, rows),
                drawing=chart,
            )
        )
    info = plan.plan
    view = ProgressView(
        title=f"{plan.school.name}: progress report",
        subtitle=" · ".join(
            part
            for part in (plan.school.district, info.school_year, f"as of {date(as_of)}")
            if part
        ),
        details=entries(
            ("Plan type", label("plan_type", info.type) if info.type else None),
            ("As of", date(as_of)),
            ("Statuses", "named in the school's own scale" if scale.custom else None),
        ),
        glance=table(_GLANCE_HEADERS, tuple(glance)),
        legend=_legend(items, scale),
        goals=tuple(goals),
    )
    return view, charts


def _tally(items: list[Progress], scale: StatusScale) -> str:
    """How a goal's benchmarks stand, one status a line, best first: "Met: 1", "Overdue: 2"."""
    counts: dict[str, int] = {}
    for item in sorted(items, key=lambda item: STATUSES.index(item.status)):
        name = status_name(item, scale)
        counts[name] = counts.get(name, 0) + 1
    return "\n".join(f"{name}: {count}" for name, count in counts.items())


def _level_name(name: str, scale: StatusScale) -> str:
    """A level as the school names it; the default levels in the label table's words."""
    return name if scale.custom else _default_name(name)  # type: ignore[arg-type]


def _legend(items: list[Progress], scale: StatusScale) -> Table:
    """Each status the report can show, what it means, and how many items have it, best first.

    A school's scale may name two levels that count as one status; each gets its own row.
    """
    counts: dict[str, int] = {}
    for item in items:
        name = status_name(item, scale)
        counts[name] = counts.get(name, 0) + 1
    meanings = _meanings(scale)
    for item in sorted(items, key=lambda item: STATUSES.index(item.status)):
        meanings.setdefault(status_name(item, scale), "")
    return Table(
        _LEGEND_HEADERS,
        tuple(Row((name, meaning, str(counts.get(name, 0)))) for name, meaning in meanings.items()),
    )


def _meanings(scale: StatusScale) -> dict[str, str]:
    """What each status means, in the scale's order: met, each level, overdue, no result."""
    met = "The latest result reaches the target."
    if scale.multi_year_met:
        met = "The benchmark's latest result reaches its target."
    meanings = {scale.names.get("met") or _default_name("met"): met}
    if scale.multi_year_met:
        meanings[scale.multi_year_met] = (
            "The goal's latest result already reaches its final target."
        )
    for level in scale.levels:
        meanings[_level_name(level.name, scale)] = _level_meaning(level.at_least, scale)
    overdue = scale.names.get("overdue") or _default_name("overdue")
    meanings[overdue] = "A check or target date has passed with no result recorded for it."
    no_data = scale.names.get("no data") or _default_name("no data")
    meanings[no_data] = "No result has been recorded yet (for a goal: none since its baseline)."
    if not scale.custom:
        meanings[_default_name("at risk")] += (
            " A benchmark whose check has passed with its target missed is at risk at best."
        )
        meanings[_default_name("off track")] += (
            " So is a goal whose target date has passed with its target not met."
        )
    return meanings


def _level_meaning(at_least: float | None, scale: StatusScale) -> str:
    """What one level of the scale means, as a share of the progress expected by now."""
    if at_least is None:
        return _below_text(scale)
    share = f"{number(at_least * 100)}%"
    upper = _upper_of(at_least, scale)
    if upper is None:
        return f"The latest result covers {share} or more of the progress expected by its date."
    return (
        f"The latest result covers from {share} to under {upper} of the progress expected by "
        "its date."
    )


def _upper_of(at_least: float, scale: StatusScale) -> str | None:
    """The share where the next better level begins, as "90%"; None for the best level."""
    better = [
        level.at_least
        for level in scale.levels
        if level.at_least is not None and level.at_least > at_least
    ]
    return f"{number(min(better) * 100)}%" if better else None


def _below_text(scale: StatusScale) -> str:
    lowest = min(
        (level.at_least for level in scale.levels if level.at_least is not None), default=0
    )
    return f"The latest result covers less than {number(lowest * 100)}% of the expected progress."
