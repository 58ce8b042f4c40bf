"""A structured goal's score reflects its statement as well as its fields (issue 15, item 3).

The statement is what DESE, the school committee and families read: a baseline, target or
deadline that only the fields carry is marked, and the fix is to write it into the statement.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

PLAN = """\
schema_version: 1
school: {{name: Test School, district: Test District}}
plan: {{type: initial, school_year: SY2026-27}}
goals:
  - id: G1
    statement: {statement}
    metric: mcas_meeting_exceeding
    student_group: english_learners
    unit: percent
    baseline: {{value: 38, period: spring 2026}}
    target: {{value: 45, by: 2027-06-30}}
    owner: Principal
"""

VAGUE = "Students will improve their reading scores."
SAYS_IT = (
    "By June 2027, English learners meeting or exceeding expectations on the ELA MCAS will rise "
    "from 38% to 45%, led by the principal."
)


def _score(run_sip: Any, tmp_path: Path, statement: str) -> dict[str, Any]:
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN.format(statement=json.dumps(statement)), encoding="utf-8")
    result = run_sip("score", str(path), "--format", "json")
    assert result.exit_code in (0, 1), result.stderr
    item: dict[str, Any] = json.loads(result.stdout)["items"][0]
    return item


def _checks(item: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {check["name"]: check for criterion in item["criteria"] for check in criterion["checks"]}


@pytest.mark.parametrize(
    ("name", "said"),
    [("target", '"to 45%"'), ("baseline", '"from 38%"'), ("deadline", '"by 2027-06-30"')],
)
def test_what_only_the_fields_say_is_marked(
    run_sip: Any, tmp_path: Path, name: str, said: str
) -> None:
    check = _checks(_score(run_sip, tmp_path, VAGUE))[name]
    assert check["passed"] is False
    assert "is in its fields but not in its statement" in check["evidence"]
    assert check["suggestion"] == f"Write it into the statement, e.g. {said}."
    assert (
        check["field"]
        == {
            "target": "goals[0].target.value",
            "baseline": "goals[0].baseline.value",
            "deadline": "goals[0].target.by",
        }[name]
    )


def test_a_vague_verb_is_not_excused_by_the_target_field(run_sip: Any, tmp_path: Path) -> None:
    assert _checks(_score(run_sip, tmp_path, VAGUE))["not vague"]["passed"] is False


def test_a_statement_that_says_it_all_is_not_marked(run_sip: Any, tmp_path: Path) -> None:
    checks = _checks(_score(run_sip, tmp_path, SAYS_IT))
    for name in ("target", "baseline", "deadline", "not vague"):
        assert checks[name]["passed"] is True, checks[name]


def test_the_statement_moves_the_score(run_sip: Any, tmp_path: Path) -> None:
    vague = _score(run_sip, tmp_path, VAGUE)["score"]
    says_it = _score(run_sip, tmp_path, SAYS_IT)["score"]
    assert says_it - vague >= 15, (vague, says_it)
