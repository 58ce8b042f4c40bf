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
from sipcli.model.goals import Goal, InterimTarget
from sipcli.model.labels import label
from sipcli.render.formatting import with_unit
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
_NAVY, _GREY, _ORANGE, _PATH = "#12355b", "#5f6b77", "#d9822b", "#9fb3c8"


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


def goal_chart(goal: Goal, fmt: ChartFormat = "svg", as_of: dt.date | None = None) -> bytes:
    """Draw the goal's chart and return the SVG or PNG bytes; ``as_of`` marks the report's date.

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
        figure = Figure(figsize=(6.5, 3.4), dpi=110, layout="constrained")
        axes = figure.add_subplot()
        _draw(axes, goal, as_of)
        buffer = io.BytesIO()
        metadata = {"Date": None, "Creator": None} if fmt == "svg" else {"Software": None}
        figure.savefig(buffer, format=fmt, metadata=metadata)
    return buffer.getvalue()


def _draw(axes: Axes, goal: Goal, as_of: dt.date | None = None) -> None:
    assert goal.baseline is not None and goal.target is not None  # checked by can_chart
    start = period_date(goal.baseline.period)
    assert start is not None
    ticks = _Ticks()
    ticks.add(start, goal.baseline.period)
    ticks.add(goal.target.by, str(goal.target.by))
    _path(axes, goal, start)
    _benchmark_checks(axes, goal)
    if as_of is not None:
        _as_of(axes, as_of)
    _results(axes, goal, start, ticks)
    _value_marker(axes, start, goal.baseline.value, goal, "s", _GREY, "Baseline")
    _value_marker(axes, goal.target.by, goal.target.value, goal, "D", _NAVY, "Target")
    for position, interim in enumerate(_interim(goal, start)):
        ticks.add(interim.by, str(interim.by))
        label = "Interim target" if position == 0 else None
        axes.plot(
            [_day(interim.by)], [interim.value], "D", color=_NAVY, markerfacecolor="white",
            markeredgewidth=1.5, markersize=7, label=label, zorder=4,
        )  # fmt: skip
        _note(axes, interim.by, interim.value, with_unit(interim.value, goal.unit), _NAVY, 8,
              "center")  # fmt: skip
    ticks.apply(axes)
    axes.set_title(_title(goal), loc="left", fontweight="bold")
    axes.set_ylabel(_axis_label(goal.unit))
    axes.margins(x=0.06, y=0.18)
    # Below the plot, not on it or beside it: the plot keeps the page's width.
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncols=4, frameon=False, fontsize=8)
    axes.grid(axis="y", color="#e5e9ee")


def _title(goal: Goal) -> str:
    """The chart's title: the goal's id and what it measures ("Goal G1: Chronic absenteeism")."""
    measure = label("metric", goal.metric) if goal.metric else ""
    return f"Goal {goal.id}: {measure}" if measure else f"Goal {goal.id}"


def _axis_label(unit: str | None) -> str:
    """The y axis: the unit in words, and its sign where it has one ("Percent (%)")."""
    if not unit:
        return "Value"
    name = label("unit_name", unit)
    sign = label("unit", unit).strip()
    return f"{name} ({sign})" if sign == "%" else name


def _interim(goal: Goal, start: dt.date) -> list[InterimTarget]:
    """The interim targets on the way: after the baseline, before the target, by date."""
    assert goal.target is not None
    end = goal.target.by
    return sorted(
        (item for item in goal.interim_targets or [] if start < item.by < end),
        key=lambda item: item.by,
    )


def _path(axes: Axes, goal: Goal, start: dt.date) -> None:
    """The expected path: baseline, each interim target, target, as a solid light line."""
    assert goal.baseline is not None and goal.target is not None
    points = [(start, goal.baseline.value)]
    points += [(item.by, item.value) for item in _interim(goal, start)]
    points.append((goal.target.by, goal.target.value))
    axes.plot(
        [_day(day) for day, _ in points],
        [value for _, value in points],
        "-",
        color=_PATH,
        linewidth=2.0,
        label="Expected path",
        zorder=1,
    )


def _value_marker(
    axes: Axes, day: dt.date, value: float, goal: Goal, marker: str, color: str, name: str
) -> None:
    """A baseline or target: a large marker on top, its value written above it.

    The baseline's words run right of it and the target's left, so neither leaves the plot.
    """
    axes.plot(
        [_day(day)], [value], marker, color=color, markersize=9, label=name, zorder=5,
        linestyle="None",
    )  # fmt: skip
    assert goal.baseline is not None and goal.target is not None
    # Written on the side the path leaves open: under a baseline the path rises from, and
    # over the target it rises to (the other way round for a falling path).
    rising = goal.target.value >= goal.baseline.value
    above = rising == (name == "Target")
    _note(axes, day, value, f"{name} {with_unit(value, goal.unit)}", color,
          9 if above else -14, "left" if name == "Baseline" else "right")  # fmt: skip


def _note(
    axes: Axes, day: dt.date, value: float, text: str, color: str, above: int, align: str
) -> None:
    """Write ``text`` beside a point: ``above`` points over it (under it when negative)."""
    shift = {"left": -5, "right": 5, "center": 0}[align]
    axes.annotate(
        text,
        (_day(day), value),
        textcoords="offset points",
        xytext=(shift, above),
        ha=align,
        fontsize=8,
        color=color,
    )


_EPOCH = dt.date(1970, 1, 1)


def _measured(update: StatusUpdate) -> dt.date:
    """The day a result is drawn at: when it was measured (its period), not when recorded."""
    return (period_date(update.period) if update.period else None) or update.date


def _results(axes: Axes, goal: Goal, start: dt.date, ticks: _Ticks) -> None:
    """Draw the actual results as a line, and projections apart, as hollow markers.

    A projection (predicted from a diagnostic) is not a result: it is never joined to the
    actuals' line, and its legend entry says "Projected". A result of the baseline's own
    administration is the baseline itself: drawn once, as the baseline.
    """
    updates = [
        update
        for update in goal.status_updates or []
        if update.actual is not None and _measured(update) > start
    ]
    for projected, style, name in ((False, "-o", "Actual"), (True, "o", "Projected")):
        points = sorted(
            (_measured(update), update.actual, update.period or str(update.date))
            for update in updates
            if (update.kind == "projected") == projected and update.actual is not None
        )
        if not points:
            continue
        axes.plot(
            [_day(day) for day, _, _ in points],
            [value for _, value, _ in points],
            style,
            color=_ORANGE,
            markerfacecolor="white" if projected else _ORANGE,
            markeredgewidth=1.5,
            markersize=7 if projected else 6,
            label=name,
            zorder=3,
        )
        for day, value, when in points:
            ticks.add(day, when)
            _note(axes, day, value, with_unit(value, goal.unit), _ORANGE, -13, "center")


def _day(day: dt.date) -> float:
    """The date as matplotlib's day number: days since its default epoch, 1970-01-01.

    matplotlib's typed plotting API takes numbers; the axis shows the periods as written.
    """
    return float((day - _EPOCH).days)


def _benchmark_checks(axes: Axes, goal: Goal) -> None:
    """Mark each benchmark check with a short tick along the foot of the plot.

    A monthly benchmark has ten checks a year: full-height lines would bury the path.
    """
    days = sorted({day for benchmark in goal.benchmarks or [] for day in benchmark.due})
    if not days:
        return
    axes.plot(
        [_day(day) for day in days],
        [0.0] * len(days),
        "|",
        color=_GREY,
        markersize=7,
        markeredgewidth=1.0,
        transform=axes.get_xaxis_transform(),
        clip_on=False,
        label="Benchmark check",
    )


def _as_of(axes: Axes, as_of: dt.date) -> None:
    """A dashed line at the report's date, so a reader sees where "now" is on the path."""
    axes.axvline(_day(as_of), color=_NAVY, linewidth=0.9, linestyle="--", label=f"As of {as_of}")


class _Ticks:
    """The x axis's ticks: the baseline, target, interim targets and results, as written.

    A tick too close to one already placed is left out, so labels never run into each other.
    """

    def __init__(self) -> None:
        self._ticks: list[tuple[dt.date, str]] = []

    def add(self, day: dt.date, text: str) -> None:
        """Place a tick at ``day`` labelled ``text`` unless one is already that day."""
        if all(day != placed for placed, _ in self._ticks):
            self._ticks.append((day, text))

    def apply(self, axes: Axes) -> None:
        """Set the ticks on the axis, dropping those that would crowd an earlier one."""
        days = [day for day, _ in self._ticks]
        span = max((max(days) - min(days)).days, 1)
        kept: list[tuple[dt.date, str]] = []
        for day, text in self._ticks:  # in order of importance: baseline and target first
            if all(abs((day - other).days) > _room(text, label, span) for other, label in kept):
                kept.append((day, text))
        kept.sort()
        axes.set_xticks([_day(day) for day, _ in kept], [text for _, text in kept], fontsize=8)


def _room(first: str, second: str, span: int) -> float:
    """The days two tick labels need between them to stand apart on the axis.

    At the chart's 8 points a character takes about 1.3% of the axis's width.
    """
    return span * (0.013 * (len(first) + len(second)) / 2 + 0.02)
