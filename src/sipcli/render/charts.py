"""One chart per goal for the progress report: baseline, the path to the target, results, checks.

Actual results are a line of filled markers; projected values (from a diagnostic) are hollow
markers of their own, never joined to the actuals.

Drawn with matplotlib (the ``charts`` extra) on its headless Agg backend, through the Figure
API rather than pyplot so no global state leaks between charts. Output is deterministic: the
fonts are matplotlib's own, the SVG ids are salted with a constant and no date is written.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import TYPE_CHECKING, Any, Literal, cast

from sipcli.errors import SipError
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Goal
from sipcli.score.facts import period_date

if TYPE_CHECKING:
    from matplotlib.axes import Axes

ChartFormat = Literal["svg", "png"]

_STYLE = {
    "svg.hashsalt": "sip",
    "svg.fonttype": "path",
    "font.family": "DejaVu Sans",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
}
_NAVY, _GREY, _ORANGE = "#12355b", "#8a96a3", "#d9822b"


def can_chart(goal: Goal) -> bool:
    """Whether the goal has what a chart needs: a baseline with a dated period and a target."""
    return (
        goal.baseline is not None
        and goal.target is not None
        and period_date(goal.baseline.period) is not None
    )


def _matplotlib() -> None:
    try:
        import matplotlib  # noqa: PLC0415 - an optional extra
    except ImportError as error:
        raise SipError(
            "charts need matplotlib: install sip with its charts extra, "
            "e.g. pip install 'sipcli[charts]'"
        ) from error
    matplotlib.use("Agg")


def goal_chart(goal: Goal, fmt: ChartFormat = "svg") -> bytes:
    """Draw the goal's chart and return the SVG or PNG bytes.

    Raises:
        SipError: when matplotlib is not installed.
        ValueError: when the goal cannot be charted (see `can_chart`).
    """
    if not can_chart(goal):
        raise ValueError(f"goal {goal.id} has no dated baseline and target to chart")
    _matplotlib()
    from matplotlib import rc_context  # noqa: PLC0415
    from matplotlib.figure import Figure  # noqa: PLC0415

    with rc_context(cast("Any", _STYLE)):  # its stubs list every key as a Literal
        figure = Figure(figsize=(6.5, 3.0), dpi=110, layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, goal)
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def _draw(axes: Axes, goal: Goal) -> None:
    assert goal.baseline is not None and goal.target is not None  # checked by can_chart
    start = period_date(goal.baseline.period)
    assert start is not None
    path_x = [_day(start), _day(goal.target.by)]
    path_y = [goal.baseline.value, goal.target.value]
    axes.plot(path_x, path_y, linestyle="--", color=_GREY, label="Path to target")
    axes.plot([_day(start)], [goal.baseline.value], "o", color=_GREY, label="Baseline")
    axes.plot([_day(goal.target.by)], [goal.target.value], "D", color=_NAVY, label="Target")
    for position, interim in enumerate(goal.interim_targets or []):
        label = "Interim target" if position == 0 else None
        axes.plot([_day(interim.by)], [interim.value], "d", color=_NAVY, alpha=0.6, label=label)
    _results(axes, goal)
    _benchmark_dates(axes, goal)
    axes.xaxis_date()
    from matplotlib.dates import AutoDateLocator  # noqa: PLC0415 - an optional extra

    # Few enough dates that their labels do not run into each other beside the legend.
    axes.xaxis.set_major_locator(AutoDateLocator(minticks=3, maxticks=6))  # type: ignore[no-untyped-call]
    axes.set_title(f"Goal {goal.id}", loc="left", fontweight="bold")
    axes.set_ylabel(goal.unit.replace("_", " ") if goal.unit else "value")
    # Beside the plot, not on it: with projections and interim targets there are seven entries.
    axes.legend(loc="upper left", bbox_to_anchor=(1.01, 1.0), frameon=False, fontsize=8)
    axes.grid(axis="y", color="#e5e9ee")


_EPOCH = dt.date(1970, 1, 1)


def _measured(update: StatusUpdate) -> dt.date:
    """The day a result is drawn at: when it was measured (its period), not when recorded."""
    return (period_date(update.period) if update.period else None) or update.date


def _results(axes: Axes, goal: Goal) -> None:
    """Draw the actual results as a line, and projections apart, as hollow markers.

    A projection (predicted from a diagnostic) is not a result: it is never joined to the
    actuals' line, and its legend entry says "projected".
    """
    updates = [update for update in goal.status_updates or [] if update.actual is not None]
    for projected, style, label in ((False, "-o", "Actual"), (True, "o", "projected")):
        points = sorted(
            (_measured(update), update.actual)
            for update in updates
            if (update.kind == "projected") == projected and update.actual is not None
        )
        if not points:
            continue
        axes.plot(
            [_day(day) for day, _ in points],
            [value for _, value in points],
            style,
            color=_ORANGE,
            markerfacecolor="none" if projected else _ORANGE,
            markeredgewidth=1.5,
            markersize=7 if projected else 6,
            label=label,
        )


def _day(day: dt.date) -> float:
    """The date as matplotlib's day number: days since its default epoch, 1970-01-01.

    matplotlib's typed plotting API takes numbers; ``xaxis_date`` shows them as dates.
    """
    return float((day - _EPOCH).days)


def _benchmark_dates(axes: Axes, goal: Goal) -> None:
    """Mark each benchmark due date with a light vertical line."""
    dates: set[dt.date] = {day for benchmark in goal.benchmarks or [] for day in benchmark.due}
    for position, day in enumerate(sorted(dates)):
        label = "Benchmark due" if position == 0 else None
        axes.axvline(_day(day), color="#c9d3dd", linewidth=0.8, linestyle=":", label=label)
