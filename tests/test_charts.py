"""Goal charts for the progress report: deterministic, headless, optional."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from sipcli.errors import SipError
from sipcli.render.charts import can_chart, goal_chart
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, ROOT


def goals_of(name: str):  # type: ignore[no-untyped-def]
    plan = validate_file(EXAMPLES / name).plan
    assert plan is not None
    return plan.goals


@pytest.mark.parametrize("fmt", ["svg", "png"])
def test_charts_are_byte_identical_every_time(fmt: str) -> None:
    goal = goals_of("middle.yaml")[0]
    assert goal_chart(goal, fmt) == goal_chart(goal, fmt)  # type: ignore[arg-type]


def test_svg_draws_the_actuals() -> None:
    goal = periods_goal()
    svg = goal_chart(goal, "svg").decode("utf-8")
    assert svg.startswith("<?xml") and "<svg" in svg
    assert "<dc:date>" not in svg  # no timestamp
    without = goal_chart(goal.model_copy(update={"status_updates": None}), "svg").decode("utf-8")
    assert "#d9822b" in svg and "#d9822b" not in without  # the actuals' line and markers


def test_png_is_a_png() -> None:
    assert goal_chart(goals_of("elementary.yaml")[0], "png").startswith(b"\x89PNG")


def test_a_goal_without_baseline_cannot_be_charted() -> None:
    goal = goals_of("elementary.yaml")[0].model_copy(update={"baseline": None})
    assert not can_chart(goal)
    with pytest.raises(ValueError, match="no dated baseline"):
        goal_chart(goal)


def test_without_matplotlib_the_message_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def refuse(name: str, *args, **kwargs):  # type: ignore[no-untyped-def]
        if name == "matplotlib":
            raise ImportError("no matplotlib")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    with pytest.raises(SipError, match=r"sipcli\[charts\]"):
        goal_chart(goals_of("elementary.yaml")[0])


def test_core_commands_do_not_import_matplotlib() -> None:
    import subprocess
    import sys

    code = (
        "import sys; from sipcli.cli import main; sys.argv=['sip','lint',"
        f"{str(Path(EXAMPLES / 'elementary.yaml'))!r}];\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "assert 'matplotlib' not in sys.modules, 'lint imported matplotlib'"
    )
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)


def periods_goal():  # type: ignore[no-untyped-def]
    plan = validate_file(ROOT / "tests" / "fixtures" / "render" / "periods.yaml").plan
    assert plan is not None and plan.goals
    return plan.goals[0]


def drawn(goal, as_of=None):  # type: ignore[no-untyped-def]
    """The lines matplotlib drew for the goal's chart, by legend label."""
    return {line.get_label(): line for line in drawn_axes(goal, as_of).get_lines()}


def drawn_axes(goal, as_of=None):  # type: ignore[no-untyped-def]
    """The chart's axes, drawn as `goal_chart` draws them."""
    from matplotlib.figure import Figure

    from sipcli.render.charts import _draw

    axes = Figure().add_subplot()
    _draw(axes, goal, as_of)
    return axes


def test_projections_are_hollow_markers_with_their_own_legend_entry() -> None:
    goal = periods_goal()
    lines = drawn(goal)
    projected, actual = lines["Projected"], lines["Actual"]
    assert projected.get_markerfacecolor() == "white" and projected.get_linestyle() == "None"
    assert actual.get_markerfacecolor() != "white" and actual.get_linestyle() == "-"
    assert list(projected.get_ydata()) == [43]  # never joined to the actuals' line
    assert 43 not in list(actual.get_ydata())
    assert "Interim target" in lines
    legend = [text.get_text() for text in drawn_legend(goal)]
    assert "Projected" in legend and "Actual" in legend
    actual_only = goal.model_copy(
        update={"status_updates": [u for u in goal.status_updates if u.kind != "projected"]}
    )
    assert "Projected" not in drawn(actual_only)
    assert goal_chart(goal, "svg") != goal_chart(actual_only, "svg")


def drawn_legend(goal):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    from sipcli.render.charts import _draw

    axes = Figure().add_subplot()
    _draw(axes, goal)
    legend = axes.get_legend()
    assert legend is not None
    return legend.get_texts()


def middle_goal():  # type: ignore[no-untyped-def]
    """Goal G1 of the middle school: its one status update is last spring's MCAS, the baseline."""
    return goals_of("middle.yaml")[0]


def test_the_baseline_is_drawn_once_on_top_not_hidden_under_an_actual() -> None:
    goal = middle_goal()
    assert goal.status_updates[0].period == goal.baseline.period  # the fall report of it
    lines = drawn(goal)
    baseline = lines["Baseline"]
    assert list(baseline.get_ydata()) == [24] and baseline.get_markersize() >= 9
    # The baseline's own administration is the baseline, not an "Actual" drawn over it.
    assert "Actual" not in lines
    later = periods_goal()
    drawn_later = drawn(later)
    assert drawn_later["Baseline"].get_zorder() > drawn_later["Actual"].get_zorder()


def test_the_chart_shows_the_path_the_targets_and_their_values() -> None:
    goal = periods_goal()
    axes = drawn_axes(goal)
    lines = {line.get_label(): line for line in axes.get_lines()}
    path = lines["Expected path"]
    # Baseline, each interim target, target: the path the status is judged against.
    expected = [goal.baseline.value, *(i.value for i in goal.interim_targets), goal.target.value]
    assert list(path.get_ydata()) == expected and path.get_linestyle() == "-"
    assert list(lines["Target"].get_ydata()) == [47]
    notes = {text.get_text() for text in axes.texts}
    assert {"Baseline 38%", "Target 47%", "40%", "43%"} <= notes
    assert all(f"{i.value:g}%" in notes for i in goal.interim_targets)


def test_the_axes_read_in_words_with_periods_as_written() -> None:
    axes = drawn_axes(periods_goal())
    assert axes.get_ylabel() == "Percent (%)"
    assert axes.get_title(loc="left") == "Goal G1: MCAS meeting or exceeding expectations"
    ticks = [label.get_text() for label in axes.get_xticklabels()]
    assert ticks[0] == "spring 2026" and ticks[-1] == "spring 2029 MCAS"
    assert "SY2027-28" in ticks  # an interim target, named as the plan writes it
    # Labels never crowd: the winter projection sits too near spring MCAS for its own tick.
    assert "winter 2027 i-Ready" not in ticks and "spring 2027 MCAS" in ticks


def test_the_as_of_date_and_the_benchmark_checks_are_marked() -> None:
    import datetime as dt

    goal = middle_goal()
    lines = drawn(goal, dt.date(2027, 2, 15))
    assert "As of 2027-02-15" in lines
    checks = lines["Benchmark check"]
    due = {day for benchmark in goal.benchmarks for day in benchmark.due}
    assert len(checks.get_xdata()) == len(due) and checks.get_marker() == "|"
    assert "As of 2027-02-15" not in drawn(goal)
