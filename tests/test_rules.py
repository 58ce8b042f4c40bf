"""Every rule against its pass and fail cases in tests/rules/<code>.yaml, and its own docs.

A case file looks like::

    rule: SIP201
    cases:
      - name: a goal without a baseline
        plan: |          # a plan fragment; schema_version, school and plan are added if absent
          goals: ...
        options: {}      # optional: the rule's options
        expect: ["goals[0]"]   # plan paths of the findings, in order ([] for a passing case)
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sipcli.lint.rules import ALL_RULES
from sipcli.lint.rules.registry import RuleClass, find_rule

from .rule_harness import findings_of, messages_of

CASE_DIR = Path(__file__).parent / "rules"


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        cases.extend((data["rule"], case) for case in data["cases"])
    return cases


CASES = _load_cases()


@pytest.mark.parametrize(
    ("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES]
)
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    assert findings_of(find_rule(code), case["plan"], case.get("options")) == case["expect"]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_failing_and_a_passing_case(rule: RuleClass) -> None:
    path = CASE_DIR / f"{rule.code}.yaml"
    assert path.is_file(), f"add {path.name} with pass and fail cases"
    expectations = [case["expect"] for code, case in CASES if code == rule.code]
    assert any(expectations) and any(not expect for expect in expectations)


def snippet(rule: RuleClass, heading: str) -> str:
    """Return the YAML snippet under ``Fails:`` or ``Passes:`` in the rule's documentation."""
    match = re.search(
        rf"^{heading}:\n\n((?:    .*\n|\n)+)", rule.documentation() + "\n", re.MULTILINE
    )
    assert match, f"{rule.code}'s docstring needs a '{heading}:' snippet"
    return textwrap.dedent(match.group(1))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documented_snippets_behave_as_documented(rule: RuleClass) -> None:
    assert findings_of(rule, snippet(rule, "Fails")), "the Fails snippet must fail"
    assert findings_of(rule, snippet(rule, "Passes")) == [], "the Passes snippet must pass"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documentation_explains_why(rule: RuleClass) -> None:
    assert "Why it matters:" in rule.documentation()


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    names = [rule.name for rule in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert all(re.fullmatch(r"SIP[2-8]\d\d", code) for code in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", name) for name in names)


def test_every_rule_module_is_registered() -> None:
    modules = {
        path.stem
        for path in (Path(__file__).parents[1] / "src" / "sipcli" / "lint" / "rules").glob("*.py")
        if path.stem not in {"__init__", "base", "registry"} and not path.stem.startswith("_")
    }
    registered = {rule.__module__.rsplit(".", 1)[1] for rule in ALL_RULES}
    assert modules == registered
    assert all(rule.__module__.endswith(rule.name.replace("-", "_")) for rule in ALL_RULES)


# -- Messages: periods are named as written, projections are not results -------------------------


def test_result_not_yet_available_names_the_period_and_offers_the_window() -> None:
    plan = """goals:
  - id: G1
    statement: By June 2027, 45% of grade 3 students will meet expectations in ELA.
    metric: mcas_meeting_exceeding
    target: {value: 45, by: June 2027}
    interim_targets:
      - {value: 40, by: 2026-06-30}
"""
    assert messages_of(find_rule("SIP208"), plan) == [
        "Goal G1's target date June 2027 falls before results of the spring 2027 MCAS are "
        "usually known (September 2027). Write the target as the assessment window, "
        "'spring 2027 MCAS', which is dated when its results are known, or target the previous "
        "administration.",
        # An exact date keeps the exact advice.
        "Goal G1's interim target date 2026-06-30 falls before results of the spring 2026 MCAS "
        "are usually known (September 2026). Set the date to 2026-09-30 or later, or target the "
        "previous administration.",
    ]


def test_the_offered_window_is_one_the_calendar_reads() -> None:
    # Taking the advice clears the finding: the window it names parses and is not pending.
    plan = """goals:
  - id: G1
    statement: By spring 2027, 40% of English learners will make progress on ACCESS.
    metric: access_progress
    target: {value: 40, by: Q3 2026-27}
"""
    [message] = messages_of(find_rule("SIP208"), plan)
    assert "'winter 2027 ACCESS for ELLs'" in message
    fixed = plan.replace("Q3 2026-27", "winter 2027 ACCESS for ELLs")
    assert messages_of(find_rule("SIP208"), fixed) == []


def test_goal_date_outside_horizon_names_periods_as_written() -> None:
    plan = """goals:
  - id: G1
    statement: By 2030, 60% of grade 3 students will meet expectations in ELA.
    target: {value: 60, by: SY2029-30}
    interim_targets:
      - {value: 40, by: spring 2026 MCAS}
"""
    assert messages_of(find_rule("SIP210"), plan) == [
        "Goal G1's target date SY2029-30 starts after the plan's horizon, which ends with "
        "SY2028-29 on 2029-06-20. Date it within the plan's years, or change the plan's "
        "school_year or horizon_years.",
        "Goal G1's interim target date spring 2026 MCAS ends before the plan starts with "
        "SY2026-27 on 2026-08-28. Date it within the plan's years, or change the plan's "
        "school_year or horizon_years.",
    ]


def test_benchmark_messages_name_periods_as_written() -> None:
    plan = """goals:
  - id: G1
    statement: In SY2026-27, 45% of grade 3 students will meet expectations in ELA.
    target: {value: 45, by: SY2026-27}
    benchmarks:
      - {id: G1.B1, statement: Checks., type: outcome, due: [Q1, fall 2027]}
"""
    assert messages_of(find_rule("SIP304"), plan) == [
        "Benchmark G1.B1 is due fall 2027, after goal G1's target date (SY2026-27), too late to "
        "show whether the goal is on track. Move the check before the target date, or fix the "
        "year."
    ]
    assert messages_of(find_rule("SIP303"), plan) == [
        "Benchmark G1.B1 is due fall 2027, after SY2026-27 ends (2027-06-20), the last school "
        "year this plan sets benchmarks for. Check the year, or leave this checkpoint to a later "
        "renewal of the plan."
    ]
    [cadence] = messages_of(find_rule("SIP305"), plan)
    assert cadence.startswith(
        "Goal G1 has no benchmark between the end of Q1 2026-27 (2026-11-07) and 2027-06-20 (the "
        "end of the school year), 225 days;"
    )


def test_value_out_of_range_says_projected_and_names_the_period() -> None:
    plan = """goals:
  - id: G1
    statement: Grade 3 ELA meeting or exceeding will rise from 38% to 45%.
    metric: mcas_meeting_exceeding
    unit: percent
    target: {value: 45, by: spring 2027 MCAS}
    interim_targets:
      - {value: 140, by: Q2}
    status_updates:
      - {date: winter 2027 i-Ready, actual: 123, kind: projected}
      - {date: spring 2026 MCAS, actual: 101, kind: preliminary}
      - {date: Q3, actual: 102, kind: actual}
"""
    starts = [message.split(", which")[0] for message in messages_of(find_rule("SIP207"), plan)]
    assert starts == [
        "Goal G1's interim target for Q2 2026-27 is 140",
        "Goal G1's projected value of winter 2027 i-Ready is 123",
        "Goal G1's preliminary result of spring 2026 MCAS is 101",
        "Goal G1's result of Q3 2026-27 is 102",
    ]


def test_statement_disagrees_prints_the_target_period() -> None:
    plan = """goals:
  - id: G1
    statement: By fall 2029, grade 3 ELA meeting or exceeding will rise from 38% to 45%.
    target: {value: 45, by: SY2026-27 Q2}
"""
    assert messages_of(find_rule("SIP704"), plan) == [
        "Goal G1's statement names 2029, but its target date is Q2 2026-27. Say in the "
        "statement by when the target is met, in the year of the target date."
    ]


@pytest.mark.parametrize(
    ("written", "suggested"),
    [
        ("english_learner", "english_learners"),
        ("special_population", "special_populations"),
        ("all_students", "all"),
        ("ELLs", "english_learners"),
        ("SWD", "students_with_disabilities"),
    ],
)
def test_unknown_student_group_suggests_the_closest(written: str, suggested: str) -> None:
    plan = f"""student_groups:
  - {{id: special_populations, label: Special populations}}
goals:
  - id: G1
    statement: By fall 2027, 40% of the group will meet expectations in ELA.
    student_group: {written}
"""
    [message] = messages_of(find_rule("SIP401"), plan)
    assert message.startswith(f"Goal G1's student_group is '{written}', which is neither")
    assert f"Did you mean '{suggested}'?" in message
    assert f"add the group under student_groups: with id: {written}" in message


def test_duplicate_student_group_names_the_first() -> None:
    plan = """student_groups:
  - {id: special_populations, label: Special populations}
  - {id: special_populations, label: Students with IEPs}
"""
    assert messages_of(find_rule("SIP402"), plan) == [
        "The id special_populations of this student group is also used by the student group at "
        "student_groups[0]. Give each group its own id, and update the student_group of the "
        "goals that mean this one."
    ]


def test_an_unknown_student_group_with_nothing_close_gets_no_guess() -> None:
    plan = """goals:
  - id: G1
    statement: By fall 2027, 45% of newcomers will meet expectations in ELA.
    student_group: newcomers
"""
    [message] = messages_of(find_rule("SIP401"), plan)
    assert "Did you mean" not in message


@pytest.mark.parametrize(
    ("written", "meant"),
    [("ELL", "english_learners"), ("SWD", "students_with_disabilities"), ("FRL", "low_income")],
)
def test_sip401_suggests_the_group_a_shorthand_means(written: str, meant: str) -> None:
    plan = (
        "goals:\n  - id: G1\n    statement: By fall 2027, 40% of the group will meet"
        f" expectations in ELA.\n    student_group: {written}\n"
    )
    (message,) = messages_of(find_rule("SIP401"), plan)
    assert f"Did you mean '{meant}'?" in message
