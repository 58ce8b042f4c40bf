"""`sip score` reads well in a terminal: fits its width, plain words, real ids, a summary view."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sipcli.model.reference import default_reference
from sipcli.score import score_text

from .conftest import EXAMPLES, MINIMAL_PLAN

PLANS = [
    *sorted(EXAMPLES.glob("*.yaml")),
    EXAMPLES / "k8" / "plan.yaml",
    EXAMPLES / "flawed" / "plan.yaml",
]
FLAWED = EXAMPLES / "flawed" / "plan.yaml"

#: A plan path of list positions, which means nothing to a reader: goals[0], benchmarks[1].
LIST_POSITION = re.compile(r"\w\[\d+\]")

ONE_CHECK_PLAN = (
    MINIMAL_PLAN
    + """strategic_objectives:
  - id: O3
    title: Strengthen core instruction
goals:
  - id: G7
    statement: Raise grade 3 ELA meeting or exceeding expectations from 30% to 36% by fall 2027.
    metric: mcas_meeting_exceeding
    unit: percent
    baseline: {value: 30, period: spring 2026}
    target: {value: 36, by: 2027-09-30}
    benchmarks:
      - id: G7.B1
        statement: By January, 60% of grade 3 students will pass the unit interim.
        type: outcome
        due: [2027-01-29]
"""
)


@pytest.fixture(autouse=True)
def _no_columns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test sets the width it means; the developer's COLUMNS must not leak in."""
    monkeypatch.delenv("COLUMNS", raising=False)


def _json(run_sip, *args: object) -> dict:
    result = run_sip("score", *args, "-f", "json")
    assert result.exit_code in (0, 1), result.stderr
    return json.loads(result.stdout)


def _plan(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("columns", [None, "80", "60", "100", "200"])
def test_the_table_fits_the_terminal(run_sip, monkeypatch, columns: str | None) -> None:
    if columns is not None:
        monkeypatch.setenv("COLUMNS", columns)
    result = run_sip("score", *PLANS)
    # Not a terminal and no COLUMNS: 80; wider terminals stop at 120.
    width = min(int(columns or 80), 120)
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) == width
    assert "Evidence" in result.stdout


def test_at_80_columns_the_fix_goes_under_the_evidence(run_sip, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    out = run_sip("score", FLAWED).stdout
    assert "Evidence and fix" in out and "Suggestion" not in out
    assert 'Fix: Write it into the statement, e.g. "from 27%".' in out
    # Criterion names are kept whole, not folded mid-word.
    assert "Action-oriented" in out and "Results-focused" in out
    monkeypatch.setenv("COLUMNS", "120")
    assert "Suggestion" in run_sip("score", FLAWED).stdout


def test_items_are_named_by_id_never_by_list_position(run_sip) -> None:
    table = run_sip("score", *PLANS).stdout
    markdown = run_sip("score", *PLANS, "-f", "markdown").stdout
    assert "Goal G2  33/100" in table and "Benchmark G1.B1" in table
    assert not LIST_POSITION.search(table)
    assert not LIST_POSITION.search(markdown)


def test_evidence_and_suggestions_speak_plain_words(run_sip) -> None:
    output = _json(run_sip, *PLANS)
    texts = [
        text
        for item in output["items"]
        for criterion in item["criteria"]
        for check in criterion["checks"]
        for text in (check["evidence"], check["suggestion"] or "")
    ] + [text for item in output["items"] for text in item["disagreements"]]
    assert texts
    assert not [text for text in texts if LIST_POSITION.search(text)]
    assert not [text for text in texts if re.search(r"\b1 times\b|\b1 benchmarks\b", text)]
    # Field names read as words: "the goal's target", not "target.value".
    assert not [text for text in texts if re.search(r"\b\w+\.(value|unit|by)\b", text)]


def test_a_missing_unit_says_so_in_words(run_sip, tmp_path: Path) -> None:
    plan = _plan(
        tmp_path,
        MINIMAL_PLAN
        + """goals:
  - id: G1
    statement: Raise grade 3 reading to 60 by fall 2027.
    target: {value: 60, by: 2027-09-30}
""",
    )
    goal = _json(run_sip, plan)["items"][0]
    unit = next(check for c in goal["criteria"] for check in c["checks"] if check["name"] == "unit")
    assert unit["evidence"] == "the goal's target has no unit"


def test_checked_once(run_sip, tmp_path: Path) -> None:
    goal = _json(run_sip, _plan(tmp_path, ONE_CHECK_PLAN))["items"][0]
    tracked = next(
        check for c in goal["criteria"] for check in c["checks"] if check["name"] == "tracked"
    )
    assert tracked["evidence"] == "tracked: 1 benchmark, checked once on 2027-01-29"
    assert tracked["field"] == "goals[0].benchmarks"


def test_rates_are_rounded_to_one_decimal() -> None:
    scored = score_text(
        "By June 2029, raise grade 3 ELA MCAS meeting or exceeding expectations from 30% in "
        "spring 2026 to 38%.",
        default_reference(),
    )
    realistic = next(
        check for c in scored.criteria for check in c.checks if check.name == "realistic"
    )
    assert realistic.evidence.startswith("2.7 points a year, within the 10 a year")
    assert "2.66667" not in realistic.evidence


def _suggested_ids(item: dict) -> set[str]:
    return {
        ref.strip()
        for criterion in item["criteria"]
        for found in re.findall(r"objective_refs: \[([^\]]*)\]", criterion["suggestion"] or "")
        for ref in found.split(",")
    }


def test_suggestions_name_only_objectives_the_plan_has(run_sip, tmp_path: Path) -> None:
    # The flawed plan's G2 serves no objective; the plan has O1 and O2.
    g2 = next(item for item in _json(run_sip, FLAWED)["items"] if item["id"] == "G2")
    assert _suggested_ids(g2) and _suggested_ids(g2) <= {"O1", "O2"}
    # Only O3 exists: O1 is never suggested.
    text = ONE_CHECK_PLAN
    goal = _json(run_sip, _plan(tmp_path, text))["items"][0]
    assert _suggested_ids(goal) == {"O3"}
    # No objective at all: say to add one, and name no id.
    bare = text.replace(
        "strategic_objectives:\n  - id: O3\n    title: Strengthen core instruction\n", ""
    )
    goal = _json(run_sip, _plan(tmp_path, bare))["items"][0]
    strategic = next(c for c in goal["criteria"] if c["letter"] == "S")
    assert "objective_refs: [" not in strategic["suggestion"]
    assert "strategic_objectives" in strategic["suggestion"]


def test_summary_is_one_line_per_goal_named_by_id(run_sip, monkeypatch) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    result = run_sip("score", "--summary", *PLANS)
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    goal_lines = [line for line in lines if line.startswith("goal ")]
    output = _json(run_sip, *PLANS)
    goals = [item for item in output["items"] if item["kind"] == "goal"]
    assert [line.split()[1] for line in goal_lines] == [goal["id"] for goal in goals]
    assert [line.split()[2] for line in goal_lines] == [f"{goal['score']}/100" for goal in goals]
    assert not LIST_POSITION.search(result.stdout)
    flawed_lines = run_sip("score", "--summary", FLAWED).stdout.splitlines()
    flawed = next(line for line in flawed_lines if line.startswith("goal G2 "))
    assert "S 33, M 50, A 33, R 50, T 0" in flawed and "none" in flawed
    first = next(line for line in flawed_lines if line.startswith("goal G1 "))
    assert "2 benchmarks, lowest G1.B1 33/100" in first
    # No benchmark lines of their own; each file is named once, and the closing line follows.
    assert not [line for line in lines if line.startswith("benchmark")]
    assert sum(line == str(FLAWED) for line in lines) == 1
    assert lines[-1].startswith(f"{len(output['items'])} scored; mean")


def test_summary_of_statements_and_its_gate(run_sip) -> None:
    result = run_sip("score", "--summary", "--min-score", "90", "--text", "Improve reading.")
    assert result.exit_code == 1
    assert re.search(r"^statement 1 +\d+/100 ", result.stdout, re.M)
    assert "Benchmarks" not in result.stdout


def test_summary_is_a_view_of_the_table_only(run_sip) -> None:
    result = run_sip("score", "--summary", "-f", "json", FLAWED)
    assert result.exit_code == 2
    assert "--summary" in result.stderr and result.stdout == ""


def test_json_still_carries_the_plan_paths(run_sip) -> None:
    output = _json(run_sip, FLAWED)
    assert output["version"] == 1
    goal = output["items"][0]
    assert {"file", "kind", "id", "path", "statement", "score", "criteria", "elements"} <= set(goal)
    assert goal["path"] == "goals[0]"
    assert output["items"][1]["path"] == "goals[0].benchmarks[0]"
    checks = {check["name"]: check for c in goal["criteria"] for check in c["checks"]}
    assert set(next(iter(checks.values()))) == {
        "name",
        "weight",
        "passed",
        "evidence",
        "suggestion",
        "field",
    }
    # Where the evidence is a field, the field's path is there for tools; words have none.
    assert checks["target"]["field"] == "goals[0].target.value"
    assert checks["target"]["evidence"] == "target: 32 (the goal's target)"
    assert checks["population"]["field"] is None
    assert checks["population"]["evidence"] == 'names whom: "students" in the statement'
