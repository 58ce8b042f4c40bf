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
    goal = next(g for g in goals_of("middle.yaml") if g.status_updates)
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


def drawn(goal):  # type: ignore[no-untyped-def]
    """The lines matplotlib drew for the goal's chart, by legend label."""
    from matplotlib.figure import Figure

    from sipcli.render.charts import _draw

    axes = Figure().add_subplot()
    _draw(axes, goal)
    return {line.get_label(): line for line in axes.get_lines()}


def test_projections_are_hollow_markers_with_their_own_legend_entry() -> None:
    goal = periods_goal()
    lines = drawn(goal)
    projected, actual = lines["projected"], lines["Actual"]
    assert projected.get_markerfacecolor() == "none" and projected.get_linestyle() == "None"
    assert actual.get_markerfacecolor() != "none" and actual.get_linestyle() == "-"
    assert list(projected.get_ydata()) == [43]  # never joined to the actuals' line
    assert 43 not in list(actual.get_ydata())
    assert "Interim target" in lines
    legend = [text.get_text() for text in drawn_legend(goal)]
    assert "projected" in legend and "Actual" in legend
    actual_only = goal.model_copy(
        update={"status_updates": [u for u in goal.status_updates if u.kind != "projected"]}
    )
    assert "projected" not in drawn(actual_only)
    assert goal_chart(goal, "svg") != goal_chart(actual_only, "svg")


def drawn_legend(goal):  # type: ignore[no-untyped-def]
    from matplotlib.figure import Figure

    from sipcli.render.charts import _draw

    axes = Figure().add_subplot()
    _draw(axes, goal)
    legend = axes.get_legend()
    assert legend is not None
    return legend.get_texts()
