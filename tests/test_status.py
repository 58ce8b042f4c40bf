"""`sip status`: each DESE stage done, in progress or not started, what is left, the next step."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from sipcli.model.stages import stages
from sipcli.validate.scaffold import plan_skeleton

from .conftest import EXAMPLE_PLANS, EXAMPLES

FIXTURES = Path(__file__).parent / "fixtures" / "status"
PHASE_ONE = FIXTURES / "phase-one.yaml"
STAGE_IDS = [stage.id for stage in stages()]


def status_json(run_sip, path: Path) -> dict:
    result = run_sip("status", path, "-f", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def by_id(output: dict) -> dict[str, dict]:
    return {stage["id"]: stage for stage in output["stages"]}


@pytest.fixture
def skeleton(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_skeleton("sip-plan.schema.json"), encoding="utf-8")
    return path


def test_the_init_skeleton_is_all_not_started_and_says_what_to_fill_first(
    run_sip, skeleton: Path
) -> None:
    output = status_json(run_sip, skeleton)
    assert [stage["id"] for stage in output["stages"]] == STAGE_IDS
    assert {stage["state"] for stage in output["stages"]} == {"not started"}
    assert output["counts"] == {"done": 0, "in progress": 0, "not started": len(STAGE_IDS)}
    vision = by_id(output)["vision"]
    assert vision["placeholders"] > 0
    # Only the placeholders are listed for a skeleton's stage: its findings are about the
    # skeleton, and its parts set aside are the placeholders' doing.
    assert [lack["kind"] for lack in vision["lacks"]] == ["placeholders"]
    assert vision["lacks"][0]["text"].startswith(f"vision: {vision['placeholders']} placeholders")
    line = skeleton.read_text(encoding="utf-8").splitlines().index("  name: <school name>") + 1
    assert output["next"]["stage"] == "about"
    assert (
        output["next_step"] == f"Next: The school and the plan: fill in school.name (line {line})."
    )


def test_phase_one_written_is_done_and_the_next_step_is_in_phase_two(run_sip) -> None:
    output = status_json(run_sip, PHASE_ONE)
    states = {stage["id"]: stage["state"] for stage in output["stages"]}
    assert [states[key] for key in STAGE_IDS[:4]] == ["done"] * 4
    assert states["strategic_objectives"] == "not started"
    assert output["next"]["stage"] == "strategic_objectives"
    assert output["next_step"].startswith(
        "Next: Strategic objectives and initiatives: add strategic_objectives: at line "
    )
    # The missing stage's finding is attached to it, with its lint code kept for tools.
    lack = by_id(output)["strategic_objectives"]["lacks"][0]
    assert (lack["kind"], lack["code"], lack["severity"]) == ("finding", "SIP606", "warning")
    assert output["school"] == "Birchwood Elementary School" and output["reviewed"] is True


def test_a_placeholder_left_in_a_written_stage_leaves_it_in_progress(
    run_sip, tmp_path: Path
) -> None:
    text = PHASE_ONE.read_text(encoding="utf-8").replace(
        "  statement: Every Birchwood student reads with joy and confidence by the end of grade 2.",
        "  statement: <the vision statement>",
    )
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    line = text.splitlines().index("  statement: <the vision statement>") + 1
    output = status_json(run_sip, plan)
    vision = by_id(output)["vision"]
    assert (vision["state"], vision["placeholders"]) == ("in progress", 1)
    assert vision["lacks"][0]["text"] == f"vision: 1 placeholder left, the first at line {line}"
    assert by_id(output)["stakeholder_engagement"]["state"] == "done"
    assert output["next_step"] == (
        f"Next: Envisioning the future: fill in vision.statement (line {line})."
    )


def test_lint_findings_keep_a_written_stage_in_progress(run_sip) -> None:
    output = status_json(run_sip, EXAMPLES / "flawed" / "plan.yaml")
    stages_ = by_id(output)
    goals = stages_["goals"]
    assert goals["state"] == "in progress" and goals["errors"] + goals["warnings"] > 3
    assert all(lack["kind"] == "finding" for lack in goals["lacks"])
    # The flawed plan has no vision: a stage the file lacks is not started.
    assert stages_["vision"]["state"] == "not started"
    assert output["next"]["stage"] == "about"


def test_every_stage_is_listed_with_the_documented_keys(run_sip) -> None:
    output = status_json(run_sip, PHASE_ONE)
    assert output["version"] == 1
    assert set(output) == {
        "version",
        "file",
        "school",
        "reviewed",
        "counts",
        "next_step",
        "next",
        "stages",
    }
    assert set(output["stages"][0]) == {
        "id",
        "title",
        "phase",
        "sections",
        "state",
        "required",
        "optional",
        "line",
        "placeholders",
        "set_aside",
        "errors",
        "warnings",
        "first_step",
        "lacks",
    }
    lack = by_id(output)["goals"]["lacks"][0]
    assert set(lack) == {"kind", "text", "line", "path", "code", "severity"}
    assert by_id(output)["financial_plan"]["required"] is False


@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda path: path.parent.name + "/" + path.name)
def test_every_shipped_example_reads(run_sip, plan: Path) -> None:
    output = status_json(run_sip, plan)
    assert len(output["stages"]) == len(STAGE_IDS)
    # The examples are finished plans: every stage their kind needs is written.
    for stage in output["stages"]:
        if stage["required"]:
            assert stage["state"] != "not started", stage["title"]
    table = run_sip("status", plan)
    assert table.exit_code == 0 and "Next:" in table.stdout


def test_the_table_is_in_plain_words(run_sip) -> None:
    # Wide enough that no title wraps; a projector's terminal gives its own width.
    result = run_sip("status", EXAMPLES / "flawed" / "plan.yaml", env={"COLUMNS": "160"})
    assert result.exit_code == 0
    assert "Phase I: engage, envision and assess" in result.stdout
    assert "Envisioning the future" in result.stdout and "not started" in result.stdout
    assert "more" in result.stdout  # a long list of findings ends with "and N more"
    assert "SIP" not in result.stdout  # no rule codes on a workshop screen
    assert "0 of 11 stages done" in result.stdout
    markdown = run_sip("status", PHASE_ONE, "-f", "markdown").stdout
    assert markdown.startswith("# Where the plan stands: Birchwood Elementary School")
    assert "| Financial plan (optional) | not started |  |" in markdown


def test_a_kind_that_does_not_ask_for_a_stage_does_not_need_it(run_sip) -> None:
    output = status_json(run_sip, EXAMPLES / "school-council.yaml")
    vision = by_id(output)["vision"]
    assert vision["state"] == "not started" and vision["required"] is False
    assert (
        "Envisioning the future (not needed)"
        in run_sip("status", EXAMPLES / "school-council.yaml").stdout
    )


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("schema_version: 1\nschool:\n  name: [Unclosed\n", "name: [Unclosed"),
        ("- a list\n- not a plan\n", ""),
        ("colour: blue\nsize: 3\n", "colour"),
    ],
)
def test_a_file_that_is_not_a_plan_exits_2_with_the_diagnostic(
    run_sip, tmp_path: Path, text: str, said: str
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    result = run_sip("status", path)
    assert result.exit_code == 2
    assert f"{path}:" in result.stdout and said in result.stdout
    assert "cannot be read as a plan" in result.stderr and "Traceback" not in result.stderr


def test_a_missing_file_exits_2(run_sip, tmp_path: Path) -> None:
    result = run_sip("status", tmp_path / "nowhere.yaml")
    assert result.exit_code == 2 and "nowhere.yaml" in result.stderr


def test_the_top_of_the_plan_unreadable_still_shows_the_stages(run_sip, tmp_path: Path) -> None:
    text = PHASE_ONE.read_text(encoding="utf-8").replace("schema_version: 1\n", "")
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    output = status_json(run_sip, path)
    assert output["reviewed"] is False
    about = by_id(output)["about"]
    assert about["state"] == "in progress" and output["next"]["stage"] == "about"
    assert about["lacks"][0]["text"] == "the top of the plan is missing 'schema_version'"
    # Lint could not run, so no written stage is known to be done.
    assert output["counts"]["done"] == 0
    assert by_id(output)["vision"]["state"] == "in progress"


def test_report_uses_the_stage_states_of_status(run_sip, tmp_path: Path) -> None:
    for plan in (PHASE_ONE, EXAMPLES / "flawed" / "plan.yaml", EXAMPLES / "school-council.yaml"):
        shutil.copy(plan, tmp_path / f"{plan.parent.name}-{plan.name}")
    report = run_sip("report", tmp_path, "-f", "json", "--as-of", "2027-01-15")
    assert report.exit_code == 0, report.stderr
    rows = json.loads(report.stdout)["schools"]
    assert len(rows) == 3
    for row in rows:
        status = status_json(run_sip, Path(row["file"]))
        assert row["stages"] == {stage["title"]: stage["state"] for stage in status["stages"]}
        assert row["missing_stages"] == [
            stage["title"]
            for stage in status["stages"]
            if stage["required"] and stage["state"] == "not started"
        ]
    phase_one = next(row for row in rows if row["school"] == "Birchwood Elementary School")
    assert phase_one["stages"]["Envisioning the future"] == "done"
    assert "Goals and benchmarks" in phase_one["missing_stages"]


def test_plan_text_is_shown_as_text_not_as_terminal_codes(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    name = "[bold]Oak\x1b[31m"
    path.write_text(
        f'schema_version: 1\nschool:\n  name: "{name.replace(chr(27), chr(92) + "x1b")}"\n'
        "  district: D\nplan:\n  type: initial\n  school_year: SY2026-27\n",
        encoding="utf-8",
    )
    table = run_sip("status", path, env={"COLUMNS": "160"}).stdout
    assert "[bold]Oak\\x1b[31m" in table and "\x1b" not in table
    markdown = run_sip("status", path, "-f", "markdown").stdout
    assert "\x1b" not in markdown


def test_json_asked_for_gets_the_problem_in_json_when_the_file_is_not_yaml(
    run_sip, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text("schema_version: 1\nschool: [Unclosed\n", encoding="utf-8")
    result = run_sip("status", path, "-f", "json")
    assert result.exit_code == 2
    problem = json.loads(result.stdout)
    assert "SIP001" in json.dumps(problem)


INVALID = sorted((Path(__file__).parent / "fixtures" / "invalid").glob("*.yaml"))


@pytest.mark.parametrize("plan", INVALID, ids=lambda path: path.name)
def test_a_broken_plan_gets_a_status_or_exit_2_never_a_crash(run_sip, plan: Path) -> None:
    result = run_sip("status", plan, "-f", "json")
    assert result.exit_code in (0, 2), result.stderr
    if result.exit_code == 0:
        assert [stage["id"] for stage in json.loads(result.stdout)["stages"]] == STAGE_IDS
    else:
        assert "cannot be read as a plan" in result.stderr


def test_a_finished_plan_has_no_next_stage(run_sip) -> None:
    output = status_json(run_sip, EXAMPLES / "elementary.yaml")
    assert output["next"] is None
    assert output["next_step"].startswith("Next: every stage is done.")
    needed = {stage["state"] for stage in output["stages"] if not stage["optional"]}
    assert needed == {"done"}
