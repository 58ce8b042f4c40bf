"""`sip score`: detectors, criteria, frameworks, the CLI and its output formats."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from sipcli.model.reference import default_reference
from sipcli.score import dates, score_text
from sipcli.score.facts import period_date
from sipcli.statement.amounts import find_amounts
from sipcli.statement.deadlines import find_cadence, find_deadline
from sipcli.statement.elements import detect
from sipcli.statement.numbers import quantities

from .conftest import EXAMPLES, MINIMAL_PLAN

STRONG = (
    "By fall 2027, the percentage of grade 3-5 English learners meeting or exceeding "
    "expectations on the spring ELA MCAS will increase from 18% to 26%, led by the literacy coach "
    "and checked at each benchmark window."
)
WEAK = "Improve reading."


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("By fall 2026, more students will read.", 2026),
        ("by the end of SY2026-27", 2027),
        ("by the end of the 2026-2027 school year", 2027),
        ("from spring 2025 to spring 2026", 2026),
        ("By June 2027, attendance", 2027),
        ("no later than December 15, 2026", 2026),
        ("by June, all teachers", None),
        ("by 2028-06-30", 2028),
        ("within two years", None),
        ("by the end of the school year", None),
    ],
)
def test_deadlines_in_their_many_forms(text: str, year: int | None) -> None:
    found = find_deadline(text)
    assert found is not None, text
    assert found.value == year


@pytest.mark.parametrize("text", ["Improve reading.", "Teachers will grade 3 essays."])
def test_no_deadline(text: str) -> None:
    assert find_deadline(text) is None


@pytest.mark.parametrize(
    ("text", "cadence"),
    [
        ("Each quarter, the ILT reviews", "quarterly"),
        ("weekly walkthroughs", "weekly"),
        ("every two weeks", "biweekly"),
        ("in fall, winter, and spring", "per_assessment_window"),
        ("Monthly, 90% of teachers", "monthly"),
        ("twice a year", "twice_yearly"),
    ],
)
def test_cadences(text: str, cadence: str) -> None:
    found = find_cadence(text)
    assert found is not None and found.value == cadence


@pytest.mark.parametrize(
    ("text", "baseline", "target", "unit"),
    [
        ("increase from 38% to 43% by spring 2027", 38, 43, "percent"),
        ("rise by 5 percentage points from 40% by June 2027", 40, 45, "percent"),
        ("reduce chronic absenteeism from 31% to 24%", 31, 24, "percent"),
        ("a median SGP of 50 or higher", None, 50, "sgp"),
        ("90% of grade 3-5 teachers will use the protocol", None, 90, "percent"),
        ("at or below 15% by 2027", None, 15, "percent"),
        ("average scaled score will increase by 6 points to 498", 492, 498, "scaled_score"),
    ],
)
def test_baseline_and_target_pairs(
    text: str, baseline: float | None, target: float, unit: str
) -> None:
    elements = detect(text)
    assert (elements.baseline.value if elements.baseline else None) == baseline
    assert elements.target is not None and elements.target.value == target
    assert elements.unit is not None and elements.unit.value == unit


def test_grade_numbers_years_and_durations_are_not_values() -> None:
    amounts = find_amounts("Students in grades 3-5 will, within 2 years and by 2027, read.")
    assert amounts.quantities == ()


def test_percent_written_for_points_is_found() -> None:
    elements = detect("Raise proficiency from 40% by 5% to 45% by fall 2027.")
    assert elements.percent_for_points is not None
    assert detect("Raise proficiency from 40% to 45% by fall 2027.").percent_for_points is None


def test_placeholders_and_vague_verbs() -> None:
    elements = detect("By [date], XX% of students will improve.")
    assert [found.text for found in elements.placeholders] == ["[date]", "XX%"]
    assert [found.value for found in detect(WEAK).vague_verbs] == ["improve"]
    assert detect("Improve reading from 30% to 40%.").vague_verbs == ()


def test_activity_without_a_result() -> None:
    assert detect("All teachers will attend PD on the new curriculum.").activity is not None
    assert detect(STRONG).activity is None


def test_strong_statement_outscores_weak_one() -> None:
    reference = default_reference()
    strong, weak = score_text(STRONG, reference), score_text(WEAK, reference)
    assert strong.score >= 75
    assert weak.score < 40
    assert all(c.met for c in strong.criteria if c.letter in "SMRT")


def test_every_criterion_has_evidence_and_a_fix_when_not_met() -> None:
    for criterion in score_text(WEAK, default_reference()).criteria:
        assert criterion.evidence
        assert criterion.met or criterion.suggestion


@pytest.mark.parametrize(
    ("framework", "letters"),
    [("dese", "SMART"), ("smartie", "SMARTIE"), ("classic", "SMART")],
)
def test_frameworks(framework: str, letters: str) -> None:
    scored = score_text(STRONG, default_reference(), framework)
    assert "".join(c.letter for c in scored.criteria) == letters
    if framework == "classic":
        assert [c.name for c in scored.criteria][2:4] == ["Achievable", "Relevant"]


def test_unrealistic_change_fails_realism() -> None:
    scored = score_text(
        "Reduce chronic absenteeism from 35% to 5% by June 2027.", default_reference()
    )
    results = {check.name: check for c in scored.criteria for check in c.checks}
    assert results["realistic"].passed is False
    assert "30 points a year" in results["realistic"].evidence


def test_maintaining_a_low_value_is_not_rigorous() -> None:
    scored = score_text(
        "Maintain 22% of students meeting or exceeding expectations on MCAS from 22% to 22%.",
        default_reference(),
    )
    results = {check.name: check for c in scored.criteria for check in c.checks}
    assert results["rigorous"].passed is False


def test_cli_text_json_has_the_documented_keys(run_sip) -> None:
    result = run_sip("score", "--text", STRONG, "--format", "json")
    assert result.exit_code == 0
    output = json.loads(result.stdout)
    assert output["version"] == 1 and output["framework"] == "dese"
    item = output["items"][0]
    assert 0 <= item["score"] <= 100
    assert {"letter", "name", "score", "met", "evidence", "suggestion"} <= set(item["criteria"][0])
    elements = item["elements"]
    for name in (
        "deadline",
        "metric",
        "baseline",
        "target",
        "unit",
        "student_group",
        "measure_source",
        "owner",
        "placeholders",
        "vague_verbs",
    ):
        assert name in elements
    assert elements["placeholders"] is None and elements["target"]["value"] == 26


def test_cli_text_from_standard_input_scores_each_line(run_sip) -> None:
    result = run_sip("score", "--text", "-", "-f", "json", input=f"{STRONG}\n\n{WEAK}\n")
    output = json.loads(result.stdout)
    assert [item["id"] for item in output["items"]] == ["1", "2"]


def test_cli_min_score_gates(run_sip) -> None:
    assert run_sip("score", "--text", WEAK, "--min-score", "60").exit_code == 1
    assert run_sip("score", "--text", STRONG, "--min-score", "60").exit_code == 0


def test_cli_table_and_markdown(run_sip) -> None:
    table = run_sip("score", "--text", WEAK)
    assert "Measurable" in table.stdout and "1 scored" in table.stdout
    markdown = run_sip("score", "--text", "a | b", "-f", "markdown").stdout
    assert "| Criterion | Score |" in markdown and "a \\| b" in markdown


def test_cli_scores_every_goal_and_benchmark_of_a_plan(run_sip) -> None:
    output = json.loads(run_sip("score", EXAMPLES / "elementary.yaml", "-f", "json").stdout)
    kinds = {item["kind"] for item in output["items"]}
    assert kinds == {"goal", "benchmark"}
    assert all(item["file"].endswith("elementary.yaml") for item in output["items"])


def test_cli_flawed_plan_reports_disagreements_and_low_scores(run_sip) -> None:
    output = json.loads(run_sip("score", EXAMPLES / "flawed", "-f", "json").stdout)
    goals = {item["path"]: item for item in output["items"] if item["kind"] == "goal"}
    assert goals["goals[1]"]["score"] < 70
    unit = next(c for c in goals["goals[0]"]["criteria"] if c["letter"] == "M")
    assert any("percentage points" in evidence for evidence in unit["evidence"])


def test_cli_invalid_plan_is_not_scored(run_sip, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(MINIMAL_PLAN.replace("initial", "intial"), encoding="utf-8")
    result = run_sip("score", broken, "-f", "json")
    assert result.exit_code == 1
    output = json.loads(result.stdout)
    assert output["items"] == [] and output["diagnostics"][0]["code"] == "SIP104"


def test_cli_needs_plans_or_text(run_sip) -> None:
    result = run_sip("score")
    assert result.exit_code == 2 and "--text" in result.stderr


def test_cli_output_file(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "scores.md"
    assert run_sip("score", "--text", STRONG, "-f", "markdown", "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("### Statement 1")


def test_statement_disagreeing_with_fields_is_reported(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        MINIMAL_PLAN
        + """goals:
  - id: G1
    statement: By fall 2027, raise grade 3 ELA meeting or exceeding expectations from 40% to 62%.
    metric: mcas_meeting_exceeding
    unit: percent
    baseline: {value: 40, period: spring 2026}
    target: {value: 60, by: 2027-09-30}
""",
        encoding="utf-8",
    )
    item = json.loads(run_sip("score", plan, "-f", "json").stdout)["items"][0]
    assert item["disagreements"] == [
        'the statement gives the target as 62 ("62%" in the statement) but the goal\'s target is 60'
    ]


# --- regressions found in review ------------------------------------------------------------


def test_smartie_with_grades_but_no_group_does_not_crash(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        MINIMAL_PLAN
        + "goals:\n  - id: G1\n    statement: Raise grade 3 reading from 30% to 36% by fall 2027.\n"
        "    grades: [3, 4]\n",
        encoding="utf-8",
    )
    result = run_sip("score", plan, "--framework", "smartie", "-f", "json")
    assert result.exit_code == 0, result.stderr
    item = json.loads(result.stdout)["items"][0]
    assert item["criteria"][0]["evidence"][0] == "names whom: grades 3, 4 (the goal's grades)"
    assert item["criteria"][0]["checks"][0]["field"] == "goals[0].grades"


def test_a_very_long_number_still_gives_valid_json(run_sip) -> None:
    result = run_sip("score", "-f", "json", "--text", "9" * 400 + "% of students by June 2027")
    assert result.exit_code == 0
    assert "Infinity" not in result.stdout
    json.loads(result.stdout)


def test_direction_words_inside_other_words_are_not_directions() -> None:
    elements = detect("At-risk students will decrease by 5 percentage points from 30%.")
    assert elements.direction is not None and elements.direction.value == "decrease"
    assert elements.target is not None and elements.target.value == 25
    assert find_amounts("The dropout rate in growth percentiles").direction is None


def test_a_change_in_the_statement_is_not_a_disagreeing_target(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        MINIMAL_PLAN
        + """goals:
  - id: G1
    statement: By June 2027, reduce chronic absenteeism by 3 percentage points.
    metric: chronic_absenteeism
    unit: percent
    direction: decrease
    baseline: {value: 20, period: SY2025-26}
    target: {value: 17, by: 2027-06-30}
""",
        encoding="utf-8",
    )
    item = json.loads(run_sip("score", plan, "-f", "json").stdout)["items"][0]
    assert item["disagreements"] == []


def test_a_direction_contradicting_the_statement_is_a_disagreement(run_sip) -> None:
    output = json.loads(run_sip("score", EXAMPLES / "flawed", "-f", "json").stdout)
    goal = next(item for item in output["items"] if item["path"] == "goals[3]")
    assert any("direction is decrease" in text for text in goal["disagreements"])


def test_a_benchmark_is_not_asked_for_its_own_benchmarks(run_sip) -> None:
    output = json.loads(run_sip("score", EXAMPLES / "elementary.yaml", "-f", "json").stdout)
    benchmark = next(item for item in output["items"] if item["kind"] == "benchmark")
    names = [check["name"] for c in benchmark["criteria"] for check in c["checks"]]
    assert "tracked" not in names


def test_plans_and_text_together_is_a_usage_error(run_sip) -> None:
    result = run_sip("score", EXAMPLES / "elementary.yaml", "--text", "x")
    assert result.exit_code == 2 and "not both" in result.stderr


def test_an_empty_statement_is_a_usage_error(run_sip) -> None:
    result = run_sip("score", "--text", "   ")
    assert result.exit_code == 2 and "empty" in result.stderr


def test_text_scoring_uses_the_configured_reference(run_sip, tmp_path: Path, monkeypatch) -> None:
    (tmp_path / ".git").mkdir()
    (tmp_path / "facts.yaml").write_text(
        "metrics:\n  chronic_absenteeism: {better: lower, max_change_per_year: 40}\n",
        encoding="utf-8",
    )
    (tmp_path / ".sip.yaml").write_text("reference: facts.yaml\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = "Reduce chronic absenteeism from 35% to 5% by June 2027."
    item = json.loads(run_sip("score", "--text", text, "-f", "json").stdout)["items"][0]
    realistic = next(
        check for c in item["criteria"] for check in c["checks"] if check["name"] == "realistic"
    )
    assert realistic["passed"] is True


# --- periods of the school calendar, local student groups (issue 13) -------------------------

PERIOD_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
student_groups:
  - id: special_populations
    label: Special populations (IEPs, 504s and multilingual learners)
    combines: [students_with_disabilities, english_learners]
  - id: everyone
    label: Every student in the building
    combines: [all]
goals:
  - id: G1
    statement: By the spring 2028 MCAS, raise ELA meeting or exceeding expectations from 30% to 36%.
    metric: mcas_meeting_exceeding
    unit: percent
    student_group: special_populations
    baseline: {value: 30, period: spring 2026 MCAS}
    target: {value: 36, by: spring 2028 MCAS}
    benchmarks:
      - id: G1.B1
        statement: By Q2, 80% of students will pass the unit interim.
        type: outcome
        due: [Q2, EOY]
      - id: G1.B2
        statement: In SY2029-30, 90% of students will pass the unit interim.
        type: outcome
        due: [Q2, SY2029-30]
  - id: G2
    statement: Reduce chronic absenteeism from 20% to 17% in SY2030-31.
    metric: chronic_absenteeism
    student_group: everyone
    baseline: {value: 20, period: SY2025-26}
    target: {value: 17, by: SY2030-31}
"""


def _checks(run_sip, plan: Path, framework: str = "dese") -> dict[str, dict[str, dict]]:
    """Every check of every scored item, by item path and check name."""
    output = json.loads(run_sip("score", plan, "--framework", framework, "-f", "json").stdout)
    assert output["diagnostics"] == [], output["diagnostics"]
    return {
        item["path"]: {check["name"]: check for c in item["criteria"] for check in c["checks"]}
        for item in output["items"]
    }


@pytest.fixture
def period_plan(tmp_path: Path) -> Path:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PERIOD_PLAN, encoding="utf-8")
    return plan


@pytest.mark.parametrize(
    ("text", "words", "year"),
    [
        ("By spring 2027 MCAS, 40% of students", "By spring 2027 MCAS", 2027),
        ("by the spring 2027 i-Ready window", "by the spring 2027 i-Ready", 2027),
        ("by the end of Term 2, 80% of teachers", "by the end of Term 2", None),
        ("90% of students by EOY", "by EOY", None),
        ("Attendance will reach 94% in SY2026-27.", "in SY2026-27", 2027),
        ("by Q3, half of the students", "by Q3", None),
        ("by the end of Q2 of SY2026-27", "by the end of Q2 of SY2026-27", 2027),
        ("reach 60% in SY27", "in SY27", 2027),
        ("by SY24-25", "by SY24-25", 2025),
        ("in 2026-27, reduce", "in 2026-27", 2027),
        ("at MOY, 70% on the diagnostic", "at MOY", None),
    ],
)
def test_deadlines_in_the_school_calendar(text: str, words: str, year: int | None) -> None:
    found = find_deadline(text)
    assert found is not None, text
    assert (found.text, found.value) == (words, year)


def test_a_statement_dated_by_a_term_is_time_bound() -> None:
    scored = score_text(
        "By the end of Term 2, 80% of grade 4 students will pass.", default_reference()
    )
    time_bound = next(c for c in scored.criteria if c.letter == "T")
    assert time_bound.checks[0].passed
    assert time_bound.checks[0].evidence == 'by: "By the end of Term 2" in the statement'


def test_a_target_dated_by_a_period_is_time_bound_and_printed_as_written(
    run_sip, period_plan: Path
) -> None:
    goal = _checks(run_sip, period_plan)["goals[0]"]
    assert goal["deadline"]["evidence"] == "by: spring 2028 MCAS (the goal's target date)"
    assert goal["deadline"]["field"] == "goals[0].target.by"
    assert goal["within the plan"]["passed"] is True
    # The window itself, not the September results day, is what must fit the plan's years.
    assert goal["within the plan"]["evidence"] == (
        "within the plan: the goal's spring 2028 MCAS (2028-03-23 to 2028-05-29); "
        "the plan runs SY2026-27 to SY2028-29 (2026-08-28 to 2029-06-20)"
    )
    assert goal["tracked"]["evidence"] == (
        "tracked: 2 benchmarks, checked 4 times from Q2 2026-27 to SY2029-30"
    )


def test_the_plan_years_are_the_district_school_years(run_sip, period_plan: Path) -> None:
    (period_plan.parent / ".git").mkdir()
    (period_plan.parent / ".sip.yaml").write_text(
        'calendar:\n  school-year: {start: "09-08", end: "06-10"}\n', encoding="utf-8"
    )
    goal = _checks(run_sip, period_plan)["goals[0]"]
    assert goal["within the plan"]["evidence"].endswith(
        "the plan runs SY2026-27 to SY2028-29 (2026-09-08 to 2029-06-10)"
    )


def test_years_between_periods_count_from_end_to_end(run_sip, period_plan: Path) -> None:
    checks = _checks(run_sip, period_plan)
    # spring 2026 MCAS to spring 2028 MCAS: two years, 3 points a year.
    assert checks["goals[0]"]["realistic"]["evidence"] == (
        "3 points a year, within the 10 a year schools usually achieve"
    )
    # SY2025-26 to SY2030-31: five years.
    assert checks["goals[1]"]["realistic"]["evidence"].startswith("0.6 points a year")


def test_a_period_past_the_plan_is_outside_it(run_sip, period_plan: Path) -> None:
    checks = _checks(run_sip, period_plan)
    goal = checks["goals[1]"]["within the plan"]
    assert goal["passed"] is False
    assert goal["evidence"] == (
        "outside the plan: the goal's SY2030-31 (2030-08-28 to 2031-06-20); "
        "the plan runs SY2026-27 to SY2028-29 (2026-08-28 to 2029-06-20)"
    )
    benchmark = checks["goals[0].benchmarks[1]"]["within the plan"]
    # The period that is out of the plan is the one shown.
    assert benchmark["passed"] is False
    assert "the benchmark's SY2029-30 (2029-08-28 to 2030-06-20)" in benchmark["evidence"]
    assert benchmark["field"] == "goals[0].benchmarks[1]"
    inside = checks["goals[0].benchmarks[0]"]
    assert inside["within the plan"]["passed"] is True
    assert (
        inside["deadline"]["evidence"] == "by: Q2 2026-27, EOY 2026-27 (the benchmark's due dates)"
    )


def test_without_a_school_year_the_horizon_is_not_checked(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = PERIOD_PLAN.replace(
        "  type: initial\n  school_year: SY2026-27\n", "  kind: turnaround_level4\n"
    )
    text = text.replace("due: [Q2, EOY]", "due: [SY2026-27 Q2, spring 2027]")
    text = text.replace("due: [Q2, SY2029-30]", "due: [2026-11-15]")
    plan.write_text(text, encoding="utf-8")
    checks = _checks(run_sip, plan)
    assert all("within the plan" not in item for item in checks.values())
    assert checks["goals[0]"]["deadline"]["passed"] is True


def test_a_local_student_group_is_named_by_its_label(run_sip, period_plan: Path) -> None:
    checks = _checks(run_sip, period_plan, "smartie")
    label = "Special populations (IEPs, 504s and multilingual learners) (the goal's student group)"
    assert checks["goals[0]"]["population"]["evidence"] == f"names whom: {label}"
    assert checks["goals[0]"]["group or gap"] == {
        "name": "group or gap",
        "weight": 1,
        "passed": True,
        "evidence": f"targets a student group: {label}",
        "suggestion": None,
        "field": "goals[0].student_group",
    }


def test_a_local_group_of_all_students_targets_no_group(run_sip, period_plan: Path) -> None:
    checks = _checks(run_sip, period_plan, "smartie")["goals[1]"]
    assert checks["population"]["evidence"] == (
        "names whom: Every student in the building (the goal's student group)"
    )
    assert checks["group or gap"]["passed"] is False


@pytest.mark.parametrize(
    ("period", "day"),
    [
        ("SY2025-26", dt.date(2026, 6, 20)),  # the end of the school year
        ("2024-2025", dt.date(2025, 6, 20)),
        ("22-23 SY", dt.date(2023, 6, 20)),
        ("SY24", dt.date(2024, 6, 20)),
        ("spring 2025", dt.date(2025, 6, 15)),  # the end of the season
        ("winter 2026", dt.date(2026, 2, 28)),
        ("spring 2025 MCAS", dt.date(2025, 5, 29)),  # the window's end, not results day
        ("winter 2026 i-Ready", dt.date(2026, 2, 6)),
        ("June 2025", dt.date(2025, 6, 30)),
        ("2025-06-15", dt.date(2025, 6, 15)),
        # Not periods sip reads: the year and season named, as before.
        ("spring 2025 (grade 3 cohort)", dt.date(2025, 5, 15)),
        ("end of year 2025", dt.date(2025, 6, 15)),
        ("class of 2025", dt.date(2025, 6, 15)),
        ("fall diagnostic", None),
    ],
)
def test_period_date_reads_the_school_calendar_first(period: str, day: dt.date | None) -> None:
    assert period_date(period) == day
    assert type(period_date(period)) in {dt.date, type(None)}  # a plain date, not a When


def test_period_date_reads_no_calendar_for_text_without_a_year(monkeypatch) -> None:
    def refuse(*args: object) -> None:
        raise AssertionError("read_when called")

    monkeypatch.setattr(dates, "read_when", refuse)
    period_date.cache_clear()
    try:
        assert period_date("winter i-Ready diagnostic") is None
        assert period_date("baseline") is None
    finally:
        period_date.cache_clear()


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Attendance will reach 94% in SY27.", [94]),
        ("By SY24-25, raise ELA from 30% to 36%.", [30, 36]),
        ("From 22-23 SY to SY2026-27, reduce absenteeism from 20% to 15%.", [20, 15]),
        ("Raise ELA to 36% by the end of Term 2.", [36]),
        ("By quarter 3, 45 students will pass.", [45]),
        ("Our 3-year goal: grade 3 students will rise from 24% to 36%.", [24, 36]),
        ("Our three-year goal: students will rise from 24% to 36%.", [24, 36]),
        ("The 5-year graduation rate will rise from 88% to 92%.", [88, 92]),
        ("Over 3 years, ELA will rise from 24% to 36%.", [24, 36]),
        ("In year 2, 36% of students will meet expectations.", [36]),
        ("Grade 3-5 students will rise from 24% to 36%.", [24, 36]),
        ("By Term 2, 36% of students; by Q3, 40%.", [36, 40]),
        ("The 4-yr cohort will rise from 80% to 85%.", [80, 85]),
    ],
)
def test_short_school_years_and_terms_are_not_figures(text: str, figures: list[float]) -> None:
    assert [number.value for number in quantities(text)] == figures


# --- whom a statement names (S) -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("statement", "words"),
    [
        ("special populations (IEPs, 504s) meeting benchmark on i-Ready", "IEPs"),
        ("students with IEPs meeting benchmark on i-Ready", "students with IEPs"),
        ("students with a 504 plan meeting benchmark on i-Ready", "students with a 504 plan"),
        ("multilingual learners meeting benchmark on i-Ready", "multilingual learners"),
        ("MLLs meeting benchmark on i-Ready", "MLLs"),
        ("attendance of students new to the school", "students new to the school"),
        ("the graduation rate of the class of 2027", "class of 2027"),
    ],
)
def test_score_text_counts_these_as_naming_a_student_group(
    run_sip, statement: str, words: str
) -> None:
    text = f"By June 2027, {statement} will rise from 20% to 30%."
    output = json.loads(run_sip("score", "--text", text, "-f", "json").stdout)
    [specific] = [c for c in output["items"][0]["criteria"] if c["letter"] == "S"]
    assert f'names whom: "{words}" in the statement' in [c["evidence"] for c in specific["checks"]]


def test_a_benchmark_naming_its_goals_local_group_names_whom(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PERIOD_PLAN.replace(
            "statement: By Q2, 80% of students will pass the unit interim.",
            "statement: By Q2, 80% of Special populations (IEPs, 504s and multilingual learners) "
            "pass the unit interim.",
        ).replace("80% of students", "80% of the class"),
        encoding="utf-8",
    )
    whom = _checks(run_sip, plan)["goals[0].benchmarks[0]"]
    found = [check for check in whom.values() if check["evidence"].startswith("names whom")]
    assert found and found[0]["passed"], whom
    assert "the plan's student group: 'Special populations" in found[0]["evidence"]
