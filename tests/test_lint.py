"""`sip lint`: the engine, configuration, suppressions, output options and the rule commands."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from sipcli.lint.settings import load_settings
from sipcli.lint.suppress import parse_suppressions
from sipcli.reporters.rule_list import rules_reference
from sipcli.reporters.sarif import fingerprint

from .conftest import EXAMPLES, MINIMAL_PLAN, ROOT

# One goal without a baseline (SIP201, warning) and one reference to nothing (SIP401, error).
# Other rules find more in so small a plan: the engine tests select these two (ENGINE_CONFIG).
PLAN = (
    MINIMAL_PLAN
    + """goals:
  - id: G1
    statement: Raise ELA achievement.
    objective_refs: [O9]
"""
)


@pytest.fixture(autouse=True)
def fresh_settings():
    load_settings.cache_clear()
    yield
    load_settings.cache_clear()


ENGINE_CONFIG = "select: [SIP201, SIP401]\n"


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # the repository root: config discovery stops here
    (tmp_path / ".sip.yaml").write_text(ENGINE_CONFIG, encoding="utf-8")
    path = tmp_path / "plans" / "lincoln.yaml"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    return path


def codes(run_sip, *args: str) -> list[tuple[str, int, int]]:
    result = run_sip("lint", "-f", "json", *args)
    return [(d["code"], d["line"], d["column"]) for d in json.loads(result.stdout)["diagnostics"]]


def lint_codes(run_sip, *args: str) -> set[str]:
    return {code for code, _, _ in codes(run_sip, *args)}


def test_lint_reports_rule_findings_at_their_positions(run_sip, plan: Path) -> None:
    result = run_sip("lint", "-f", "concise", plan)
    assert result.exit_code == 1
    assert f"{plan}:9:5: SIP201 [warning] Goal G1 has no baseline." in result.stdout
    assert f"{plan}:11:22: SIP401 [error] objective_refs names 'O9'" in result.stdout


def test_schema_errors_skip_the_rules_for_that_file_only(run_sip, plan: Path) -> None:
    broken = plan.with_name("broken.yaml")
    broken.write_text(PLAN.replace("initial", "intial"), encoding="utf-8")
    output = json.loads(run_sip("lint", "-f", "json", plan, broken).stdout)
    by_file = {(d["file"], d["code"]) for d in output["diagnostics"]}
    assert (str(broken), "SIP104") in by_file
    assert not {code for file, code in by_file if file == str(broken)} - {"SIP104"}
    assert (str(plan), "SIP201") in by_file


def test_examples_lint_clean(run_sip) -> None:
    examples = sorted(EXAMPLES.glob("*.yaml"))
    result = run_sip("lint", "-f", "concise", *examples)
    assert len(examples) >= 3
    assert result.stdout.splitlines()[-1] == f"All {len(examples)} files passed."
    assert result.exit_code == 0


def test_warnings_alone_exit_0_unless_fail_on_warning(run_sip, plan: Path) -> None:
    plan.write_text(PLAN.replace("objective_refs: [O9]\n", ""), encoding="utf-8")
    assert run_sip("lint", plan).exit_code == 0
    assert run_sip("lint", "--fail-on", "warning", plan).exit_code == 1


def test_exit_zero(run_sip, plan: Path) -> None:
    assert run_sip("lint", "--exit-zero", plan).exit_code == 0


def test_config_is_found_upward_and_applies(run_sip, plan: Path) -> None:
    (plan.parents[1] / ".sip.yaml").write_text(
        ENGINE_CONFIG + "ignore: [goal-missing-baseline]\n", encoding="utf-8"
    )
    assert lint_codes(run_sip, plan) == {"SIP401"}


def test_config_discovery_stops_at_the_repository_root(run_sip, tmp_path: Path) -> None:
    # The configuration above the repository is written in this test's own folder: one in
    # pytest's shared base folder would apply to every later test's plan.
    (tmp_path / ".sip.yaml").write_text("ignore: [SIP201]\n", encoding="utf-8")
    repository = tmp_path / "repository"
    (repository / ".git").mkdir(parents=True)
    plan = repository / "plans" / "lincoln.yaml"
    plan.parent.mkdir()
    plan.write_text(PLAN, encoding="utf-8")
    assert "SIP201" in lint_codes(run_sip, plan)


def test_select_severity_and_fail_on_from_config(run_sip, plan: Path) -> None:
    config = plan.parent / ".sip.yaml"
    config.write_text(
        "select: [SIP2]\nrules:\n  goal-missing-baseline: {severity: error}\nfail-on: error\n",
        encoding="utf-8",
    )
    result = run_sip("lint", "-f", "json", plan)
    assert {(d["code"], d["severity"]) for d in json.loads(result.stdout)["diagnostics"]} >= {
        ("SIP201", "error")
    }
    assert "SIP401" not in result.stdout
    assert result.exit_code == 1


def test_submission_profile_makes_dese_requirements_errors(run_sip, plan: Path) -> None:
    result = run_sip("lint", "-f", "json", "--profile", "submission", plan)
    severities = {d["code"]: d["severity"] for d in json.loads(result.stdout)["diagnostics"]}
    assert severities["SIP201"] == "error"


def test_draft_profile_is_one_level_milder(run_sip, plan: Path) -> None:
    result = run_sip("lint", "-f", "json", "--profile", "draft", plan)
    severities = {d["code"]: d["severity"] for d in json.loads(result.stdout)["diagnostics"]}
    assert severities["SIP201"] == "info"
    assert severities["SIP401"] == "warning"
    assert result.exit_code == 0


def test_select_on_the_command_line_replaces_the_files_selection(run_sip, plan: Path) -> None:
    # The file selects SIP201 and SIP401; the command line asks for the SIP4xx rules only.
    assert lint_codes(run_sip, "--select", "SIP4", plan) == {"SIP401"}
    assert lint_codes(run_sip, "--select", "SIP201,SIP401", plan) == {"SIP201", "SIP401"}
    assert lint_codes(run_sip, "--select", "SIP201", "--select", "SIP401", plan) == {
        "SIP201",
        "SIP401",
    }


def test_select_turns_on_a_rule_the_file_turned_off(run_sip, plan: Path) -> None:
    (plan.parents[1] / ".sip.yaml").write_text(
        ENGINE_CONFIG + "rules:\n  SIP201: {severity: 'off'}\n", encoding="utf-8"
    )
    assert lint_codes(run_sip, plan) == {"SIP401"}
    assert lint_codes(run_sip, "--select", "goal-missing-baseline", plan) == {"SIP201"}


def test_ignore_on_the_command_line_wins_over_select(run_sip, plan: Path) -> None:
    assert lint_codes(run_sip, "--ignore", "SIP401", plan) == {"SIP201"}
    assert lint_codes(run_sip, "--select", "SIP2,SIP4", "--ignore", "SIP2", plan) == {"SIP401"}


def test_select_turns_a_rule_back_on_at_the_profiles_severity(run_sip, plan: Path) -> None:
    (plan.parents[1] / ".sip.yaml").write_text(
        ENGINE_CONFIG + "rules:\n  SIP201: {severity: 'off'}\n", encoding="utf-8"
    )
    result = run_sip("lint", "-f", "json", "--profile", "submission", "--select", "SIP201", plan)
    # SIP201 is a DESE requirement: the submission profile makes it an error.
    assert [d["severity"] for d in json.loads(result.stdout)["diagnostics"]] == ["error"]
    assert result.exit_code == 1
    drafted = run_sip("lint", "-f", "json", "--profile", "draft", "--select", "SIP201", plan)
    assert [d["severity"] for d in json.loads(drafted.stdout)["diagnostics"]] == ["info"]


@pytest.mark.parametrize("empty", ["", ",", " , "])
def test_an_empty_select_exits_2_rather_than_turning_every_rule_off(
    run_sip, plan: Path, empty: str
) -> None:
    result = run_sip("lint", "--select", empty, plan)
    assert result.exit_code == 2
    assert "--select names no rule" in result.stderr


def test_a_bare_noqa_is_not_called_unused_when_some_rules_did_not_run(run_sip, plan: Path) -> None:
    # SIP201 fires on the goal's line 9 only when selected; a bare noqa there silences it.
    plan.write_text(PLAN.replace("  - id: G1\n", "  - id: G1  # sip: noqa\n"), encoding="utf-8")
    assert "SIP901" not in lint_codes(run_sip, "--select", "SIP401", plan)
    assert "SIP201" not in lint_codes(run_sip, plan)  # the file selects SIP201 and SIP401
    (plan.parents[1] / ".sip.yaml").write_text("select: [ALL]\n", encoding="utf-8")
    load_settings.cache_clear()
    plan.write_text(PLAN.replace("  name: Test School\n", "  name: Test School  # sip: noqa\n"))
    assert "SIP901" in lint_codes(run_sip, plan)  # every rule ran, and none fired there


def test_unknown_selector_on_the_command_line_exits_2(run_sip, plan: Path) -> None:
    result = run_sip("lint", "--ignore", "goal-mising-baseline", plan)
    assert result.exit_code == 2
    assert "--ignore goal-mising-baseline" in result.stderr
    assert "did you mean 'goal-missing-baseline'" in result.stderr


def test_config_command_says_the_command_line_decided(run_sip, plan: Path) -> None:
    output = run_sip("config", plan, "--select", "SIP201").stdout
    assert any(
        line.split()[:2] == ["SIP401", "unknown-reference"] and "--select" in line
        for line in output.splitlines()
    ), output


def test_per_file_ignores(run_sip, plan: Path) -> None:
    (plan.parents[1] / ".sip.yaml").write_text(
        ENGINE_CONFIG + "per-file-ignores:\n  'plans/linc*.yaml': [SIP401]\n", encoding="utf-8"
    )
    assert lint_codes(run_sip, plan) == {"SIP201"}


def test_explicit_config_option(run_sip, plan: Path, tmp_path: Path) -> None:
    config = tmp_path / "strict.yaml"
    config.write_text("ignore: [ALL]\n", encoding="utf-8")
    result = run_sip("lint", "--config", config, plan)
    assert result.exit_code == 0
    assert result.stdout.strip() == "1 file checked: no problems."


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ignor: [SIP201]\n", "unknown key 'ignor'; did you mean 'ignore'?"),
        ("ignore: [SIP299]\n", "no rule is called 'SIP299'"),
        ("ignore: [goal-missing-baselin]\n", "did you mean 'goal-missing-baseline'?"),
        ("profile: strict\n", "profile"),
        ("rules:\n  SIP201: {severity: loud}\n", "severity"),
        ("rules:\n  SIP201: {options: {nope: 1}}\n", "options of SIP201"),
        ("ignore: [\n", "SIP001"),
    ],
)
def test_invalid_config_exits_2_with_position(run_sip, plan: Path, text: str, message: str) -> None:
    config = plan.parent / ".sip.yaml"
    config.write_text(text, encoding="utf-8")
    result = run_sip("lint", plan)
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stderr.startswith("sip: error: ")


def test_invalid_config_names_the_line(run_sip, plan: Path) -> None:
    (plan.parent / ".sip.yaml").write_text("profile: standard\nignor: [SIP201]\n", encoding="utf-8")
    assert f"{plan.parent / '.sip.yaml'}:2:1: ignor: unknown key" in run_sip("lint", plan).stderr


def test_unknown_profile_option_exits_2(run_sip, plan: Path) -> None:
    result = run_sip("lint", "--profile", "strictest", plan)
    assert result.exit_code == 2
    assert "unknown profile 'strictest'" in result.stderr


def test_noqa_silences_the_named_rule_on_its_line(run_sip, plan: Path) -> None:
    plan.write_text(
        PLAN.replace(
            "  - id: G1\n", "  - id: G1  # sip: noqa: SIP201 baseline arrives in October\n"
        ),
        encoding="utf-8",
    )
    assert lint_codes(run_sip, plan) == {"SIP401"}


def test_noqa_by_name_and_blanket(run_sip, plan: Path) -> None:
    plan.write_text(
        PLAN.replace("  - id: G1\n", "  - id: G1  # sip: noqa: goal-missing-baseline\n").replace(
            "[O9]\n", "[O9]  # sip: noqa\n"
        ),
        encoding="utf-8",
    )
    assert lint_codes(run_sip, plan) == set()


def test_unused_noqa_is_reported(run_sip, plan: Path) -> None:
    plan.write_text(
        PLAN.replace("    statement:", "    statement:").replace(
            "school_year: SY2026-27\n", "school_year: SY2026-27  # sip: noqa: SIP201 stale\n"
        ),
        encoding="utf-8",
    )
    assert ("SIP901", 7, 27) in codes(run_sip, plan)


def test_noqa_inside_quoted_text_is_not_a_comment() -> None:
    assert parse_suppressions(
        ['statement: "see#sip: noqa"', "a: 1 # sip: noqa: SIP201, SIP202 why"]
    ) == [parse_suppressions(["", "a: 1 # sip: noqa: SIP201, SIP202 why"])[0]]
    assert parse_suppressions(["a: 1 # sip: noqa: SIP201, SIP202 why"])[0].selectors == (
        "SIP201",
        "SIP202",
    )


def test_statistics(run_sip, plan: Path) -> None:
    result = run_sip("lint", "--statistics", plan)
    assert result.stdout.splitlines()[:2] == [
        "     1  SIP201  goal-missing-baseline            [warning]",
        "     1  SIP401  unknown-reference                [error]",
    ]
    stats = json.loads(run_sip("lint", "--statistics", "-f", "json", plan).stdout)
    assert stats["statistics"][0] == {
        "count": 1,
        "code": "SIP201",
        "name": "goal-missing-baseline",
        "severity": "warning",
    }


def test_output_file_is_written_and_stdout_stays_quiet(run_sip, plan: Path, tmp_path: Path) -> None:
    target = tmp_path / "reports" / "lint.json"
    result = run_sip("lint", "-f", "json", "-o", target, plan)
    assert result.stdout == ""
    assert json.loads(target.read_text(encoding="utf-8"))["summary"]["error"] == 1
    assert result.exit_code == 1


def test_sarif_output(run_sip, plan: Path) -> None:
    sarif = json.loads(run_sip("lint", "-f", "sarif", plan).stdout)
    assert sarif["version"] == "2.1.0"
    run = sarif["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    result = next(r for r in run["results"] if r["ruleId"] == "SIP401")
    assert rules[result["ruleIndex"]]["id"] == "SIP401"
    assert result["level"] == "error"
    assert result["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 11,
        "startColumn": 22,
    }
    assert set(result["partialFingerprints"]) == {"sipPlanPath/v1"}


def test_sarif_fingerprint_survives_moved_lines(run_sip, plan: Path) -> None:
    before = json.loads(run_sip("lint", "-f", "sarif", plan).stdout)["runs"][0]["results"]
    plan.write_text("# a new comment line\n\n" + PLAN, encoding="utf-8")
    after = json.loads(run_sip("lint", "-f", "sarif", plan).stdout)["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in before] == [r["partialFingerprints"] for r in after]
    assert before[0]["locations"] != after[0]["locations"]


def test_fingerprint_depends_on_code_file_and_path() -> None:
    from sipcli.diagnostics import Diagnostic, Severity

    one = Diagnostic("a.yaml", 3, 1, "SIP201", "n", Severity.ERROR, "m", "goals[0]")
    moved = Diagnostic("a.yaml", 9, 4, "SIP201", "n", Severity.ERROR, "other", "goals[0]")
    other = Diagnostic("a.yaml", 3, 1, "SIP201", "n", Severity.ERROR, "m", "goals[1]")
    assert fingerprint(one) == fingerprint(moved) != fingerprint(other)


def test_junit_output(run_sip, plan: Path, minimal_plan: Path) -> None:
    root = ET.fromstring(run_sip("lint", "-f", "junit", plan, minimal_plan).stdout)
    assert root.tag == "testsuites"
    # Only the error fails (the default --fail-on); the warning is a skipped test case.
    assert (root.attrib["failures"], root.attrib["skipped"]) == ("1", "1")
    suites = root.findall("testsuite")
    assert [s.attrib["name"] for s in suites] == [str(plan), str(minimal_plan)]
    assert suites[0].find("testcase/failure").attrib["type"] == "error"
    assert suites[0].find("testcase/skipped") is not None
    assert suites[1].find("testcase").attrib["name"] == "no problems"


def test_github_step_summary_is_written(run_sip, plan: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp_path),
    }
    result = run_sip("lint", plan, env=env)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("## sip lint\n")
    assert "| Location | Code | Severity | Problem |" in text
    assert "SIP401 unknown-reference" in text
    assert "::error file=" in result.stdout


def test_rules_command_lists_every_code(run_sip) -> None:
    table = run_sip("rules").stdout
    assert "SIP201  goal-missing-baseline" in table and "SIP101  missing-key" in table
    listing = json.loads(run_sip("rules", "--format", "json").stdout)
    codes_listed = [rule["code"] for rule in listing["rules"]]
    assert codes_listed == sorted(codes_listed)
    baseline = next(rule for rule in listing["rules"] if rule["code"] == "SIP201")
    assert baseline["severity"] == {"draft": "info", "standard": "warning", "submission": "error"}


def test_rule_command_explains_by_code_and_name(run_sip) -> None:
    by_code = run_sip("rule", "SIP201")
    assert by_code.exit_code == 0
    assert "Why it matters" in by_code.stdout
    assert run_sip("rule", "goal-missing-baseline").stdout == by_code.stdout


def test_rule_command_unknown_suggests(run_sip) -> None:
    result = run_sip("rule", "goal-missing-baselin")
    assert result.exit_code == 2
    assert "did you mean 'goal-missing-baseline'?" in result.stderr


def test_config_command_shows_sources(run_sip, plan: Path) -> None:
    (plan.parent / ".sip.yaml").write_text(
        "profile: submission\nignore: [SIP401]\n", encoding="utf-8"
    )
    text = run_sip("config", plan).stdout
    assert f"file:      {(plan.parent / '.sip.yaml').resolve()}" in text
    assert "profile:   submission" in text
    assert "SIP401 unknown-reference" in text and "off" in text and "(ignore)" in text
    assert "SIP201 goal-missing-baseline              error    from profile submission" in text


def test_docs_rules_md_is_current() -> None:
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == rules_reference(), (
        "docs/rules.md is stale: run `sip rules --format markdown > docs/rules.md`"
    )


def test_pre_commit_hooks_run_sip() -> None:
    from ruamel.yaml import YAML

    hooks = YAML(typ="safe", pure=True).load(
        (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    )
    assert {hook["id"]: hook["entry"] for hook in hooks} == {
        "sip-validate": "sip validate --only-plans",
        "sip-lint": "sip lint --only-plans",
        "sip-fmt": "sip fmt --only-plans --skip-invalid",
        "sip-fmt-check": "sip fmt --check --only-plans --skip-invalid",
    }  # run by real pre-commit in tests/test_precommit.py


# -- Plan kinds: the rules a kind of plan is not asked for do not run -----------------------------

KIND_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  kind: KIND
  type: initial
  school_year: SY2026-27
strategic_objectives:
  - id: O1
    title: Strengthen core instruction
"""


def _kind_plan(tmp_path: Path, kind: str, extra: str = "") -> Path:
    (tmp_path / ".git").mkdir(exist_ok=True)
    path = tmp_path / f"{kind}.yaml"
    path.write_text(KIND_PLAN.replace("KIND", kind) + extra, encoding="utf-8")
    return path


def test_a_school_improvement_plan_is_not_asked_for_turnaround_practices(
    run_sip, tmp_path: Path
) -> None:
    dese = lint_codes(run_sip, _kind_plan(tmp_path, "sustainable_improvement"))
    school = lint_codes(run_sip, _kind_plan(tmp_path, "school_improvement"))
    assert {"SIP501", "SIP502", "SIP601", "SIP606"} <= dese
    assert not {"SIP501", "SIP502", "SIP601", "SIP606"} & school
    assert "SIP602" in school  # goals are asked of every kind of plan


def test_a_level4_plan_is_not_asked_for_the_2019_summary_or_stages(run_sip, tmp_path: Path) -> None:
    level4 = lint_codes(run_sip, _kind_plan(tmp_path, "turnaround_level4"))
    assert not {"SIP601", "SIP606", "SIP605", "SIP405"} & level4
    assert "SIP501" in level4  # turnaround plans are organised by the practices


def test_a_noqa_for_a_rule_the_kind_skips_is_not_called_unused(run_sip, tmp_path: Path) -> None:
    path = _kind_plan(tmp_path, "school_improvement")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("  - id: O1\n", "  - id: O1  # sip: noqa: SIP501\n"))
    assert "SIP901" not in lint_codes(run_sip, path)
    path.write_text(text.replace("  - id: O1\n", "  - id: O1  # sip: noqa: SIP405\n"))
    assert "SIP405" not in lint_codes(run_sip, path)  # SIP405 does not run on it either
    dese = _kind_plan(tmp_path, "sustainable_improvement")
    dese.write_text(
        text.replace("school_improvement", "sustainable_improvement").replace(
            "  name: Test School\n", "  name: Test School  # sip: noqa: SIP501\n"
        )
    )
    assert "SIP901" in lint_codes(run_sip, dese)  # the rule ran there and silenced nothing


def test_every_skipped_rule_in_plan_kinds_is_a_rule() -> None:
    from sipcli.lint.rules import ALL_RULES
    from sipcli.model.kinds import plan_kinds

    names = {rule.name for rule in ALL_RULES} | {rule.code for rule in ALL_RULES}
    for kind, facts in plan_kinds().items():
        assert facts.skip <= names, f"{kind} skips {sorted(facts.skip - names)}: no such rule"
    assert plan_kinds()["sustainable_improvement"].skip == frozenset()


def test_rule_command_names_the_kinds_a_rule_does_not_run_on(run_sip) -> None:
    text = " ".join(run_sip("rule", "SIP501").stdout.split())
    assert "Does not run on these kinds of plan (plan.kind): School Improvement Plan" in text
    assert "(school_improvement)" in text and "turnaround_level4" not in text
    assert "Does not run on" not in run_sip("rule", "SIP201").stdout


CADENCE_PLAN = """goals:
  - id: G1
    statement: Raise ELA achievement.
    benchmarks:
      - {id: G1.B1, statement: Coaching cycles held., type: process, due: [2026-12-15, 2027-03-20]}
  - id: G2
    statement: Raise math achievement.
    benchmarks:
      - {id: G2.B1, statement: Trimester checks., type: outcome, due: [T1, T2, T3]}
"""


def cadence_messages(run_sip, tmp_path: Path, config: str, header: str = MINIMAL_PLAN) -> list:
    (tmp_path / ".git").mkdir()
    (tmp_path / ".sip.yaml").write_text("select: [SIP305]\n" + config, encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(header + CADENCE_PLAN, encoding="utf-8")
    result = run_sip("lint", "-f", "json", path)
    return [d["message"] for d in json.loads(result.stdout)["diagnostics"]]


def test_cadence_checks_the_district_school_year(run_sip, tmp_path: Path) -> None:
    # From 09-08 (the district's first day) to 2026-12-15 is 98 days: no gap. The district's
    # trimesters follow its year: a check due T2 may happen any time in T2.
    calendar = 'calendar:\n  school-year: {start: "09-08", end: "06-10"}\n'
    assert cadence_messages(run_sip, tmp_path, calendar) == []


def test_cadence_options_still_override_the_school_year(run_sip, tmp_path: Path) -> None:
    options = 'rules:\n  SIP305: {options: {year-start: "09-01"}}\n'
    [message] = cadence_messages(run_sip, tmp_path, options)
    assert message.startswith(
        "Goal G1 has no benchmark between 2026-09-01 (the start of the school year) and "
        "2026-12-15, 105 days;"
    )


def test_cadence_does_not_apply_to_a_school_improvement_plan(run_sip, tmp_path: Path) -> None:
    header = MINIMAL_PLAN.replace("  type: initial\n", "  kind: school_improvement\n")
    options = 'rules:\n  SIP305: {options: {year-start: "09-01"}}\n'
    assert cadence_messages(run_sip, tmp_path, options, header) == []


def test_plan_year_messages_print_the_district_school_year(run_sip, tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    calendar = 'calendar:\n  school-year: {start: "09-08", end: "06-10"}\n'
    (tmp_path / ".sip.yaml").write_text("select: [SIP210, SIP303]\n" + calendar, encoding="utf-8")
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL_PLAN
        + """goals:
  - id: G1
    statement: Raise ELA achievement.
    target: {value: 60, by: SY2029-30}
    benchmarks:
      - {id: G1.B1, statement: Checks., type: process, due: [2026-06-15, 2027-09-15]}
""",
        encoding="utf-8",
    )
    result = run_sip("lint", "-f", "json", path)
    messages = [d["message"] for d in json.loads(result.stdout)["diagnostics"]]
    assert any("which ends with SY2028-29 on 2029-06-10" in text for text in messages)
    assert any("before SY2026-27 starts (2026-09-08)" in text for text in messages)
    assert any("after SY2026-27 ends (2027-06-10)" in text for text in messages)
