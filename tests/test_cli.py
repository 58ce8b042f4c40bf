"""The command line through Typer's CliRunner: every format, every exit code."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sipcli import __version__
from sipcli.cli import main

from .conftest import MINIMAL_PLAN

BROKEN = (
    MINIMAL_PLAN.replace("  type: initial\n", "  type: intial\n")
    + "goals:\n  - id: G1\n    statment: Raise ELA\n"
)


@pytest.fixture
def broken_plan(tmp_path: Path) -> Path:
    path = tmp_path / "broken.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    return path


def test_version(run_sip) -> None:
    result = run_sip("--version")
    assert result.exit_code == 0
    assert result.stdout.strip() == f"sip {__version__}"


def test_no_arguments_shows_help(run_sip) -> None:
    result = run_sip()
    assert "validate" in result.stdout + result.stderr
    assert result.exit_code == 2


def test_valid_plan_exits_0_with_summary(run_sip, minimal_plan: Path) -> None:
    result = run_sip("validate", minimal_plan)
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 file checked: no problems."


def test_problems_exit_1_and_are_reported_in_text(run_sip, broken_plan: Path) -> None:
    result = run_sip("validate", broken_plan)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{broken_plan}:6:9: error SIP104 invalid-choice" in lines
    assert (
        "  The plan's type is 'intial', which is not one of: initial, annual_renewal. Did you mean 'initial'?"
        in lines
    )
    assert "    6 |   type: intial" in lines
    assert "      |         ^" in lines
    assert lines[-1] == "Found 3 errors in 1 of 1 file."


def test_concise_format(run_sip, broken_plan: Path) -> None:
    result = run_sip("validate", "--format", "concise", broken_plan)
    assert result.exit_code == 1
    assert result.stdout.splitlines() == [
        f"{broken_plan}:6:9: SIP104 [error] The plan's type is 'intial', which is not one of: initial, annual_renewal. Did you mean 'initial'?",
        f"{broken_plan}:9:5: SIP101 [error] Goal G1 is missing the required key 'statement' (The goal as it will read in the plan). Add it.",
        f"{broken_plan}:10:5: SIP102 [error] Unknown key 'statment' in goal G1. Did you mean 'statement'?",
        "Found 3 errors in 1 of 1 file.",
    ]


def test_json_format_is_the_documented_object(
    run_sip, broken_plan: Path, minimal_plan: Path
) -> None:
    result = run_sip("validate", "-f", "json", broken_plan, minimal_plan)
    assert result.exit_code == 1
    output = json.loads(result.stdout)
    assert output["version"] == 1
    assert output["tool"] == {"name": "sip", "version": __version__}
    assert output["files"] == [
        {"file": str(broken_plan), "problems": 3},
        {"file": str(minimal_plan), "problems": 0},
    ]
    assert output["summary"] == {"files": 2, "error": 3, "warning": 0, "info": 0}
    assert output["diagnostics"][2] == {
        "file": str(broken_plan),
        "line": 10,
        "column": 5,
        "code": "SIP102",
        "name": "unknown-key",
        "severity": "error",
        "message": "Unknown key 'statment' in goal G1. Did you mean 'statement'?",
        "path": "goals[0].statment",
    }
    assert [d["path"] for d in output["diagnostics"]] == [
        "plan.type",
        "goals[0].statement",
        "goals[0].statment",
    ]


def test_github_format_emits_workflow_commands(run_sip, broken_plan: Path) -> None:
    result = run_sip("validate", "--format", "github", broken_plan)
    assert result.exit_code == 1
    first = result.stdout.splitlines()[0]
    assert first == (
        f"::error file={broken_plan},line=6,col=9,title=SIP104 invalid-choice::The plan's type is 'intial', "
        "which is not one of: initial, annual_renewal. Did you mean 'initial'?"
    )


def test_github_escapes_properties_and_data(tmp_path: Path, run_sip) -> None:
    path = tmp_path / "a,b:c.yaml"
    path.write_text(MINIMAL_PLAN.replace("Test School", "<x%y>"), encoding="utf-8")
    result = run_sip("validate", "-f", "github", path)
    assert "file=" + str(path).replace(":", "%3A").replace(",", "%2C") + ",line=3" in result.stdout
    assert "school: 1 placeholder left, '<x%25y>' at 3:9" in result.stdout


def test_text_under_github_actions_adds_capped_annotations(run_sip, tmp_path: Path) -> None:
    goals = "".join(
        f"  - id: G{i}\n    statement: Goal {i}\n    unit: furlongs\n" for i in range(25)
    )
    path = tmp_path / "many.yaml"
    path.write_text(MINIMAL_PLAN + "goals:\n" + goals, encoding="utf-8")
    env = {"GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path)}
    result = run_sip("validate", path, env=env)
    assert result.exit_code == 1
    annotations = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert len([line for line in annotations if line.startswith("::error ")]) == 10
    assert annotations[-1].startswith("::notice title=sip::15 more problems are not annotated")
    assert "error SIP104 invalid-choice" in result.stdout


def test_text_outside_github_actions_has_no_annotations(run_sip, broken_plan: Path) -> None:
    result = run_sip("validate", broken_plan, env={"GITHUB_ACTIONS": "false"})
    assert "::error" not in result.stdout


def test_folder_is_searched_recursively(run_sip, tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / "a" / "b" / "two.yml").write_text(BROKEN, encoding="utf-8")
    (tmp_path / "a" / "notes.txt").write_text("not a plan", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.yaml").write_text("- not a plan", encoding="utf-8")
    result = run_sip("validate", "-f", "json", tmp_path)
    files = [entry["file"] for entry in json.loads(result.stdout)["files"]]
    assert files == [str(tmp_path / "a" / "b" / "two.yml"), str(tmp_path / "a" / "one.yaml")]
    assert result.exit_code == 1


def test_missing_path_exits_2(run_sip, tmp_path: Path) -> None:
    result = run_sip("validate", tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert result.stderr.strip() == f"sip: error: {tmp_path / 'nope.yaml'}: no such file or folder"
    assert result.stdout == ""


def test_no_plan_files_exits_2(run_sip, tmp_path: Path) -> None:
    result = run_sip("validate", tmp_path)
    assert result.exit_code == 2
    assert "no .yaml or .yml files found" in result.stderr


def test_unreadable_file_exits_2(
    run_sip, minimal_plan: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    real_open = os.open

    def refuse(path: object, *args: object, **kwargs: object) -> int:
        # Root reads any file whatever its mode, so the refusal is simulated.
        if Path(str(path)) == minimal_plan:
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "open", refuse)
    result = run_sip("validate", minimal_plan)
    assert result.exit_code == 2
    assert result.stderr.strip() == f"sip: error: cannot read {minimal_plan}: Permission denied"


def test_max_file_size_option_and_environment(run_sip, minimal_plan: Path) -> None:
    by_option = run_sip("validate", "-f", "concise", "--max-file-size", "50", minimal_plan)
    by_env = run_sip("validate", "-f", "concise", minimal_plan, env={"SIP_MAX_FILE_SIZE": "50"})
    for result in (by_option, by_env):
        assert result.exit_code == 1
        assert result.stdout.startswith(f"{minimal_plan}:1:1: SIP012 [error] The file is ")


def test_unknown_format_is_a_usage_error_naming_the_choices(run_sip, minimal_plan: Path) -> None:
    result = run_sip("validate", "-f", "xml", minimal_plan)
    assert result.exit_code == 2
    assert (
        "'xml' is not one of 'text', 'concise', 'json', 'github', 'sarif', 'junit', 'gitlab'"
        in (result.stderr + result.stdout)
    )


def test_format_names_are_case_insensitive(run_sip, minimal_plan: Path) -> None:
    result = run_sip("validate", "-f", "JSON", minimal_plan)
    assert result.exit_code == 0
    assert json.loads(result.stdout)["summary"]["files"] == 1


def test_schema_prints_draft_07_json(run_sip) -> None:
    result = run_sip("schema")
    schema = json.loads(result.stdout)
    assert result.exit_code == 0
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert list(schema["properties"])[:3] == ["schema_version", "school", "plan"]


def test_schema_output_file(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "out" / "plan.schema.json"
    result = run_sip("schema", "-o", target)
    assert result.exit_code == 0
    assert (
        json.loads(target.read_text(encoding="utf-8"))["title"] == "School improvement plan (sip)"
    )


def test_init_writes_a_plan_that_fails_only_on_placeholders(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plans" / "lincoln.yaml"
    result = run_sip("init", target)
    assert result.exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=./sip-plan.schema.json\n")
    assert (tmp_path / "plans" / "sip-plan.schema.json").is_file()
    validation = run_sip("validate", "-f", "json", target)
    codes = {d["code"] for d in json.loads(validation.stdout)["diagnostics"]}
    assert validation.exit_code == 1
    assert codes == {"SIP108"}


def test_init_placeholders_filled_validates(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    run_sip("init", target, "--schema-url", "https://example.org/plan.json")
    text = target.read_text(encoding="utf-8")
    assert "$schema=https://example.org/plan.json" in text
    assert not (tmp_path / "sip-plan.schema.json").exists()
    target.write_text(_fill_placeholders(text), encoding="utf-8")
    result = run_sip("validate", "-f", "concise", target)
    assert result.stdout.splitlines()[-1] == "1 file checked: no problems."
    assert result.exit_code == 0


SPECIAL_VALUES = {
    "<first grade served>": "K",
    "<last grade served>": "5",
    "<By ..., the percent of ... will rise from ... to ... as measured by ...>": "Filled in",
    "<e.g. Spring MCAS grades 3-5 ELA>": "Spring MCAS",
}


def _fill_placeholders(text: str) -> str:
    """Replace each placeholder with a value of the kind its key expects."""

    def value(match: re.Match[str]) -> str:
        inner = match.group(0)
        if inner in SPECIAL_VALUES:
            return SPECIAL_VALUES[inner]
        if "YYYY-MM-DD" in inner or "date or period" in inner:
            return "2026-09-15"
        if "8-digit" in inner:
            return "09990105"
        if any(word in inner for word in ("number", "percent", "dollars")):
            return "12"
        if "initial or annual_renewal" in inner:
            return "initial"
        if "school year" in inner:
            return "SY2026-27"
        if "mcas_meeting_exceeding" in inner:
            return "mcas_meeting_exceeding"
        if "mcas, access" in inner:
            return "mcas"
        return "Filled in"

    return re.sub(r"<[^<>\n]+>", value, text)


def test_init_refuses_to_overwrite(run_sip, minimal_plan: Path) -> None:
    result = run_sip("init", minimal_plan)
    assert result.exit_code == 2
    assert "already exists" in result.stderr
    assert "pass --force" in result.stderr
    assert minimal_plan.read_text(encoding="utf-8") == MINIMAL_PLAN
    assert run_sip("init", "--force", minimal_plan).exit_code == 0


def test_init_into_an_impossible_folder_exits_2(run_sip, tmp_path: Path) -> None:
    blocker = tmp_path / "file.txt"
    blocker.write_text("x", encoding="utf-8")
    result = run_sip("init", blocker / "plan.yaml")
    assert result.exit_code == 2
    assert result.stderr.startswith("sip: error: cannot write ")


def test_unexpected_errors_are_one_line_not_a_traceback(capsys: pytest.CaptureFixture[str]) -> None:
    def explode() -> None:
        raise RuntimeError("boom")

    with pytest.raises(SystemExit) as exit_info:
        main(explode)
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith("sip: internal error: RuntimeError: boom\n")
    assert "Traceback" not in err


def test_a_folder_search_skips_hidden_files_such_as_the_configuration(run_sip, tmp_path) -> None:
    from .conftest import MINIMAL_PLAN

    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / ".sip.yaml").write_text("profile: draft\n", encoding="utf-8")
    result = run_sip("validate", tmp_path)
    assert result.exit_code == 0, result.stdout
    assert result.stdout.strip() == "1 file checked: no problems."


@pytest.mark.parametrize(
    "command",
    [["validate"], ["lint"], ["score"], ["progress", "-f", "json"], ["report", "-f", "json"]],
    ids=lambda command: command[0],
)
def test_output_file_naming_an_input_plan_is_refused(
    run_sip, minimal_plan: Path, command: list[str]
) -> None:
    before = minimal_plan.read_bytes()
    result = run_sip(*command, minimal_plan, "-o", minimal_plan.parent / "." / minimal_plan.name)
    assert result.exit_code == 2
    assert "is one of the plans being read" in result.stderr
    assert minimal_plan.read_bytes() == before
