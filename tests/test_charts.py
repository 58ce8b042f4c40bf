"""Goal charts for the progress report: deterministic, headless, optional."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from sipcli.errors import SipError
from sipcli.render.charts import can_chart, goal_chart
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES


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
