"""The progress report's view: per goal, its chart and where it and its benchmarks stand.

Built from `sipcli.monitor.progress` (statuses at a date) and `sipcli.render.charts` (one chart per goal).
The charts are returned beside the view, by file name, so each format can embed or link them.
"""

from __future__ import annotations

import base64
import datetime as dt
from dataclasses import dataclass

from sipcli.model import Plan
from sipcli.model.reference import Reference
from sipcli.monitor.progress import STATUSES, Progress, Thresholds, plan_progress
from sipcli.render.charts import can_chart, goal_chart
from sipcli.render.formatting import date, number
from sipcli.render.labels import PLAN_TYPES
from sipcli.render.viewmodel import Entry, Row, Table

_HEADERS = ("Item", "Status", "Latest result", "Expected now", "Target", "Next due", "Why")


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
    latest = item.latest
    shown = (
        f"{number(latest.actual)} ({date(latest.date)})"
        if latest and latest.actual is not None
        else ""
    )
    return Row(
        (
            f"{item.kind.capitalize()} {item.id}",
            item.status,
            shown,
            number(item.expected),
            number(item.target),
            date(item.due),
            item.reason,
        )
    )


def build_progress_view(
    plan: Plan, stem: str, as_of: dt.date, reference: Reference, thresholds: Thresholds
) -> tuple[ProgressView, dict[str, Chart]]:
    """Return the report's view and its charts by file name (``<stem>-<goal id>.svg``)."""
    items = plan_progress(plan, "", as_of, reference, thresholds).items
    charts: dict[str, Chart] = {}
    goals: list[GoalReport] = []
    for goal in plan.goals or []:
        mine = [item for item in items if item.id == goal.id and item.kind == "goal"]
        mine += [
            item
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
                status=mine[0].status if mine else "no data",
                chart=name,
                chart_data_uri=uri,
                table=Table(_HEADERS, tuple(_row(item) for item in mine)),
            )
        )
    counts = {status: sum(item.status == status for item in items) for status in _statuses(items)}
    summary = Table(
        ("Status", "Goals and benchmarks"), tuple(Row((k, str(v))) for k, v in counts.items())
    )
    view = ProgressView(
        title=f"{plan.school.name}: progress report",
        subtitle=f"{plan.school.district} · {plan.plan.school_year} · as of {as_of.isoformat()}",
        details=(
            Entry("Plan type", PLAN_TYPES[plan.plan.type]),
            Entry("As of", as_of.isoformat()),
            Entry(
                "Thresholds",
                f"on track from {number(thresholds.on_track * 100)}% of the expected progress, "
                f"at risk from {number(thresholds.at_risk * 100)}%",
            ),
        ),
        summary=summary,
        goals=tuple(goals),
    )
    return view, charts


def _statuses(items: list[Progress]) -> list[str]:
    """The statuses present, in the order of `sipcli.monitor.progress.STATUSES`."""
    return [status for status in STATUSES if any(item.status == status for item in items)]
