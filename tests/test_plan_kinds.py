"""Plan kinds: the title, the keys each kind requires, the new homes real plans need."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sipcli.model.kinds import kind_of, plan_kinds, plan_title
from sipcli.validate.check import validate_file

HEAD = "schema_version: 1\nschool: {name: Test School, district: Test District}\n"


def _check(tmp_path: Path, text: str) -> tuple[list[tuple[str, int, int, str]], object]:
    plan = tmp_path / "plan.yaml"
    plan.write_text(HEAD + text, encoding="utf-8")
    checked = validate_file(plan)
    found = [(d.code, d.line, d.column, d.message) for d in checked.result.diagnostics]
    return found, checked.plan


def test_a_plan_without_a_kind_is_a_sustainable_improvement_plan(tmp_path: Path) -> None:
    found, plan = _check(tmp_path, "plan: {type: initial, school_year: SY2026-27}\n")
    assert found == []
    assert kind_of(plan) == "sustainable_improvement"  # type: ignore[arg-type]
    assert plan_title(plan) == "Sustainable Improvement Plan"  # type: ignore[arg-type]


def test_a_sustainable_improvement_plan_still_requires_its_type_and_year(tmp_path: Path) -> None:
    found, plan = _check(tmp_path, "plan:\n  status: draft\n")
    assert plan is None
    assert [(code, line) for code, line, _, _ in found] == [("SIP101", 4), ("SIP101", 4)]
    assert (
        "The plan's type is missing" in found[0][3]
        and "this kind of plan (Sustainable Improvement Plan) requires it" in found[0][3]
    )
    assert "The plan's school year is missing" in found[1][3]


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("plan: {kind: turnaround_level4}\n", "Level 4 Turnaround Plan"),
        (
            "plan: {kind: turnaround_level5, exit_eligibility_year: 2028-29}\n",
            "Level 5 Turnaround Plan",
        ),
        ("plan: {kind: school_improvement, school_year: SY2026-27}\n", "School Improvement Plan"),
        (
            "plan: {kind: district_improvement, school_year: SY2026-27}\n",
            "District Improvement Plan",
        ),
        ("plan: {kind: other, title: Strategic Plan for Equity}\n", "Strategic Plan for Equity"),
        (
            "plan: {kind: school_improvement, school_year: SY2026-27, title: Plan 2026}\n",
            "Plan 2026",
        ),
    ],
)
def test_each_kind_requires_only_what_it_needs_and_sets_the_title(
    tmp_path: Path, text: str, title: str
) -> None:
    found, plan = _check(tmp_path, text)
    assert found == []
    assert plan_title(plan) == title  # type: ignore[arg-type]


def test_a_kind_other_needs_its_title(tmp_path: Path) -> None:
    found, _ = _check(tmp_path, "plan: {kind: other}\n")
    assert [(code, line) for code, line, _, _ in found] == [("SIP101", 3)]
    assert (
        "The plan's title is missing" in found[0][3]
        and "(Improvement Plan) requires it" in found[0][3]
    )


def test_an_unknown_kind_is_a_choice_error_with_a_suggestion(tmp_path: Path) -> None:
    found, _ = _check(tmp_path, "plan: {kind: school_improvment, school_year: SY2026-27}\n")
    assert [code for code, *_ in found] == ["SIP104"]
    assert "Did you mean 'school_improvement'?" in found[0][3]


LEVEL4 = """\
plan:
  kind: turnaround_level4
  designation: level4
  exit_eligibility_year: SY2017-18
  submissions:
    - {to: stakeholder_group, date: 2014-11-20}
    - {to: school_committee, date: 2014-12-03}
    - {to: dese, date: 2015-01-09, what: Final plan}
  development:
    team:
      - {role: Principal}
      - {role: Union representative}
stakeholder_engagement:
  local_stakeholder_group:
    roster:
      - {role: Parent, name: Dana Okoye}
      - {role: Teacher}
      - {role: Community member}
    meetings: [fall 2014]
    recommendations: Extend the school day for grades 6-8.
goals:
  - id: G1
    statement: Raise grade 6 math meeting or exceeding expectations from 20% to 30%
    turnaround_practice: TP2
    target: {value: 30, by: spring 2016 MCAS}
financial_plan:
  summary: School Redesign Grant for three years, then the district operating budget.
  total_cost: 1450000
  items:
    - {description: Extended day staffing, cost: 600000, funding_source: School Redesign Grant}
"""


def test_a_level4_plan_has_a_home_for_what_it_carries(tmp_path: Path) -> None:
    found, plan = _check(tmp_path, LEVEL4)
    assert found == []
    assert plan is not None
    assert [s.to for s in plan.plan.submissions or []] == [
        "stakeholder_group",
        "school_committee",
        "dese",
    ]
    assert plan.plan.exit_eligibility_year == "SY2017-18"
    council = plan.stakeholder_engagement.local_stakeholder_group  # type: ignore[union-attr]
    assert council is not None and [m.name for m in council.roster or []] == [
        "Dana Okoye",
        None,
        None,
    ]
    assert plan.goals and plan.goals[0].turnaround_practice == "TP2"
    assert plan.financial_plan and plan.financial_plan.total_cost == 1450000
    assert plan.plan.horizon == 3 and plan.plan.horizon_years is None  # not written, not set


def test_every_kind_in_the_data_file_is_a_kind_of_the_format() -> None:
    from typing import get_args

    from sipcli.model.plan_info import PlanKind

    assert set(plan_kinds()) == set(get_args(PlanKind))


def test_config_mistakes_under_calendar_get_the_right_hints(tmp_path: Path, run_sip: Any) -> None:
    (tmp_path / ".git").mkdir()
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        HEAD + "plan: {type: initial, school_year: SY2026-27}\ngoals:\n"
        "  - {id: G1, statement: s, target: {value: 1, by: Q2}}\n",
        encoding="utf-8",
    )
    for setting, says in [
        ("calendar: {term: {}}", "unknown key 'term'; did you mean 'terms'?"),
        (
            "calendar: {terms: {Q2: {start: '11-01', end: '01-20', results: '02-01'}}}",
            "unknown key 'results'; allowed keys: start, end",
        ),
        (
            "calendar: {assessments: {MCAS: {windows: {spring: {start: '03-01', end: '05-20', result: '09-01'}}}}}",
            "did you mean 'results'?",
        ),
        (
            "calendar: {assessments: {MCAS: {windows: {spring: {start: '03-01', end: '05-20', results: '04-01'}}}}}",
            "results (04-01) falls inside the window (03-01 to 05-20)",
        ),
    ]:
        (tmp_path / ".sip.yaml").write_text(setting + "\n", encoding="utf-8")
        result = run_sip("validate", plan)
        assert result.exit_code == 2, setting
        assert says in result.stderr and ".sip.yaml:1:" in result.stderr, result.stderr
        assert "Value error" not in result.stderr
