"""The two examples written as real plans are: every command runs on them; outputs are golden.

``examples/k8/`` (periods, quarterly checks, projected beside actual results, a local student
group, the district's calendar and status legend in its own .sip.yaml) and
``examples/school-council.yaml`` (a §59C plan). Regenerate the golden files after a deliberate
change with ``SIP_UPDATE_GOLDEN=1 pytest tests/test_real_examples.py``, and read the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from sipcli.lint.settings import load_settings

from .conftest import ROOT

K8 = Path("examples/k8/plan.yaml")
COUNCIL = Path("examples/school-council.yaml")
REAL = [K8, COUNCIL]
GOLDEN = ROOT / "tests" / "golden" / "real"
AS_OF = "2026-12-02"


@pytest.fixture(autouse=True)
def from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # File names in the output are as given: run from the root so they are stable.
    monkeypatch.chdir(ROOT)
    load_settings.cache_clear()


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; see the module docstring"


def _stem(plan: Path) -> str:
    return plan.parent.name if plan.name == "plan.yaml" else plan.stem


@pytest.mark.parametrize("plan", REAL, ids=str)
@pytest.mark.parametrize(
    "command",
    [
        ["validate"],
        ["lint"],
        ["score"],
        ["fmt", "--check"],
        ["progress", "--as-of", AS_OF],
        ["progress", "--as-of", "SY2026-27 Q2", "-f", "json"],
        ["report", "--as-of", AS_OF],
        ["config"],
    ],
    ids=" ".join,
)
def test_every_command_runs(run_sip: Any, plan: Path, command: list[str]) -> None:
    result = run_sip(*command, plan)
    assert result.exit_code in (0, 1), result.stderr
    assert "Traceback" not in result.stdout + result.stderr


@pytest.mark.parametrize("plan", REAL, ids=str)
def test_diff_against_itself_is_empty(run_sip: Any, plan: Path) -> None:
    assert run_sip("diff", plan, plan).exit_code == 0


@pytest.mark.parametrize("plan", REAL, ids=str)
def test_render_every_format(run_sip: Any, plan: Path, tmp_path: Path) -> None:
    result = run_sip("render", plan, "--to", "md,html,docx", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    for suffix in ("md", "html", "docx"):
        assert (tmp_path / f"{plan.stem}.{suffix}").stat().st_size > 1000


@pytest.mark.parametrize("plan", REAL, ids=str)
def test_lint_output_is_golden(run_sip: Any, plan: Path) -> None:
    result = run_sip("lint", "--format", "json", plan)
    _golden(f"{_stem(plan)}-lint.json", result.stdout)


@pytest.mark.parametrize("plan", REAL, ids=str)
def test_progress_output_is_golden(run_sip: Any, plan: Path) -> None:
    result = run_sip("progress", "--as-of", AS_OF, "--format", "json", plan)
    assert result.exit_code in (0, 1), result.stderr
    _golden(f"{_stem(plan)}-progress.json", result.stdout)
    text = run_sip("progress", "--as-of", AS_OF, "--format", "markdown", plan)
    _golden(f"{_stem(plan)}-progress.md", text.stdout)


@pytest.mark.parametrize("plan", REAL, ids=str)
def test_render_markdown_is_golden(run_sip: Any, plan: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.md"
    assert run_sip("render", plan, "--to", "md", "-o", out).exit_code == 0
    _golden(f"{_stem(plan)}-render.md", out.read_text(encoding="utf-8"))


def test_the_k8_plan_writes_time_as_the_school_does() -> None:
    from sipcli.validate.check import validate_file

    plan = validate_file(ROOT / K8).plan
    assert plan is not None and plan.goals
    kinds = {when.kind for goal in plan.goals for b in goal.benchmarks or [] for when in b.due}
    assert {"term", "assessment"} <= kinds
    targets = [goal.target.by for goal in plan.goals if goal.target]
    assert [str(by) for by in targets] == ["spring 2029 MCAS", "spring 2029 MCAS", "SY2028-29"]
    results = [
        u
        for g in plan.goals
        for item in [g, *(g.benchmarks or [])]
        for u in item.status_updates or []
    ]
    assert {u.kind for u in results} == {None, "projected", "preliminary"}
    assert plan.student_groups and plan.goals[1].student_group == plan.student_groups[0].id
    config = (ROOT / K8).parent / ".sip.yaml"
    assert "calendar:" in config.read_text(encoding="utf-8")


def test_the_k8_progress_keeps_projections_apart_from_results(run_sip: Any) -> None:
    result = run_sip("progress", "--as-of", AS_OF, "--format", "json", K8)
    items = {item["id"]: item for item in json.loads(result.stdout)["items"]}
    goal = items["G1"]
    assert goal["status"] == "no data"  # the fall projection is not a result
    assert goal["projected"]["actual"] == 30
    assert goal["label"] == "No result yet"  # the school's own name for it
    assert items["G3.B2"]["latest"]["kind"] == "preliminary"


def test_the_council_plan_is_not_asked_for_turnaround_practices(run_sip: Any) -> None:
    result = run_sip("lint", "--format", "json", "--select", "SIP501,SIP502,SIP601", COUNCIL)
    assert json.loads(result.stdout)["diagnostics"] == []
    assert result.exit_code == 0


def test_sip_config_says_where_the_calendar_and_the_scale_come_from(run_sip: Any) -> None:
    shown = run_sip("config", K8).stdout
    assert "with from the file: school-year; terms Q1, Q2, Q3, Q4; assessments i-Ready" in shown
    assert "Status scale: from the file: Green - on pace for the annual goal," in shown
    default = run_sip("config", COUNCIL).stdout
    assert "Calendar:     the shipped Massachusetts calendar" in default
    assert "Status scale: the default" in default


def test_the_progress_report_renders_as_of_a_period(run_sip: Any, tmp_path: Path) -> None:
    out = tmp_path / "k8.md"
    result = run_sip(
        "render", K8, "--report", "progress", "--as-of", "SY2026-27 Q3", "--to", "md", "-o", out
    )
    assert result.exit_code == 0, result.stderr
    assert "as of Q3 2026-27" in out.read_text(encoding="utf-8")
    bad = run_sip(
        "render", K8, "--report", "progress", "--as-of", "Q9", "--to", "md", "-o", tmp_path / "x.md"
    )
    assert bad.exit_code == 2 and "examples/k8/plan.yaml: --as-of 'Q9'" in bad.stderr
    assert not (tmp_path / "x.md").exists()
