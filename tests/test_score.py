"""`sip score`: detectors, criteria, frameworks, the CLI and its output formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sipcli.model.reference import default_reference
from sipcli.score import score_text
from sipcli.score.elements import detect
from sipcli.score.quantities import find_amounts
from sipcli.score.timing import find_cadence, find_deadline

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
        ("average scaled score will increase by 6 points to 498", None, 498, "scaled_score"),
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
    assert "30 a year" in results["realistic"].evidence


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
        'the statement gives the target as 62 ("62%" in the statement) but target.value is 60'
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
    assert item["criteria"][0]["evidence"][0] == "names whom: goals[0].grades: grades 3, 4"


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
