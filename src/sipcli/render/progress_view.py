"""The progress report's view: per goal, its chart and where it and its benchmarks stand.

Built from `sipcli.monitor.progress` (statuses at a date) and `sipcli.render.charts` (one chart per goal).
The charts are returned beside the view, by file name, so each format can embed or link them.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass, replace

from sipcli.model import Plan
from sipcli.model.goals import Benchmark
from sipcli.model.reference import Reference
from sipcli.monitor.progress import (
    STATUSES,
    Progress,
    StatusScale,
    Thresholds,
    as_scale,
    describe_update,
    plan_progress,
    value_text,
)
from sipcli.render.charts import can_chart, goal_chart
from sipcli.render.formatting import date, entries, number
from sipcli.render.labels import PLAN_TYPES
from sipcli.render.viewmodel import Entry, Row, Table, table

_HEADERS = (
    "Item",
    "Status",
    "Latest result",
    "Projected",
    "Expected now",
    "Target",
    "Next due",
    "Why",
)


@dataclass(frozen=True)
class GoalReport:
    """One goal in the progress report."""

    title: str
    statement: str
    status: str
    chart: str
    """The chart's file name beside the Markdown, empty when the goal cannot be charted."""
    chart_data_uri: str
    """The chart as an SVG data URI, for self-contained HTML; empty when there is none."""
    table: Table


@dataclass(frozen=True)
class ProgressView:
    """The whole progress report."""

    title: str
    subtitle: str
    details: tuple[Entry, ...]
    summary: Table
    goals: tuple[GoalReport, ...]
    generator: str = "sip"


@dataclass(frozen=True)
class Chart:
    """A chart to write or embed: SVG for Markdown and HTML, PNG for Word."""

    svg: bytes
    png: bytes


def _row(item: Progress) -> Row:
    """One goal or benchmark: its result and, beside it, its projection, never mixed."""
    return Row(
        (
            f"{item.kind.capitalize()} {item.id}",
            item.label,
            describe_update(item.latest, item.unit),
            describe_update(item.projected, item.unit),
            value_text(item.expected, item.unit),
            value_text(item.target, item.unit),
            date(item.due),
            item.reason,
        )
    )


def _with_target(item: Progress, benchmark: Benchmark) -> Progress:
    """The benchmark's item with its target, and so its expected value, always shown.

    An overdue check is judged before its target is read, but a reader still needs to see
    what was expected: a benchmark's expected value is its target at each due date.
    """
    if item.target is not None or benchmark.target is None:
        return item
    value = benchmark.target.value
    return replace(
        item, target=value, expected=item.expected if item.expected is not None else value
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
    charts: dict[str, Chart] = {}
    goals: list[GoalReport] = []
    for goal in plan.goals or []:
        mine = [item for item in items if item.id == goal.id and item.kind == "goal"]
        mine += [
            _with_target(item, benchmark)
            for benchmark in goal.benchmarks or []
            for item in items
            if item.kind == "benchmark" and item.id == benchmark.id
        ]
        name, uri = "", ""
        if can_chart(goal):
            chart = Chart(goal_chart(goal, "svg"), goal_chart(goal, "png"))
            name = f"{stem}-{goal.id}.svg"
            charts[name] = chart
            uri = "data:image/svg+xml;base64," + base64.b64encode(chart.svg).decode("ascii")
        goals.append(
            GoalReport(
                title=f"Goal {goal.id}",
                statement=goal.statement,
                status=mine[0].label if mine else "no data",
                chart=name,
                chart_data_uri=uri,
                table=table(_HEADERS, tuple(_row(item) for item in mine)),
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
            ("Plan type", PLAN_TYPES[info.type] if info.type else None),
            ("As of", date(as_of)),
            ("Status scale" if scale.custom else "Thresholds", _scale_text(scale)),
        ),
        summary=_summary(items),
        goals=tuple(goals),
    )
    return view, charts


def _scale_text(scale: StatusScale) -> str:
    """The levels statuses are judged by: "on track from 90% of the expected progress, ..."."""
    levels = [
        f"{level.name} from {number(level.at_least * 100)}%"
        for level in scale.levels
        if level.at_least is not None
    ]
    if not levels:
        return ""
    below = [f"{level.name} below" for level in scale.levels if level.at_least is None]
    rest = levels[1:] + below
    return levels[0] + " of the expected progress" + "".join(f", {text}" for text in rest)


def _summary(items: list[Progress]) -> Table:
    """How many items have each status, best first, named as the school names them.

    A school's scale may name two levels that count as one status; each gets its own row.
    """
    counts: dict[str, int] = {}
    for status in STATUSES:
        for item in items:
            if item.status == status:
                counts[item.label] = counts.get(item.label, 0) + 1
    return Table(
        ("Status", "Goals and benchmarks"), tuple(Row((k, str(v))) for k, v in counts.items())
    )
