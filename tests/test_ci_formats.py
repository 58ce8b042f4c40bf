"""The CI formats agree with the exit code and with the tools that read them.

JUnit fails exactly what ``--fail-on`` fails; GitHub annotations stay within every cap GitHub
keeps and say what they left out; the step summary can be turned off; SARIF has rule help and
URIs that the official 2.1.0 schema accepts; GitLab Code Quality has stable fingerprints.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

from sipcli.diagnostics import Diagnostic, FileResult, RunResult, Severity
from sipcli.project import DOCS_URL, rule_doc_url
from sipcli.reporters.github import AnnotationBudget, annotation_lines
from sipcli.reporters.gitlab import run_to_code_quality
from sipcli.reporters.junit import run_to_junit
from sipcli.reporters.sarif import artifact_location, run_to_sarif
from tests.conftest import EXAMPLES, MINIMAL_PLAN

FLAWED = EXAMPLES / "flawed" / "plan.yaml"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


def _diagnostic(severity: Severity, index: int, file: str = "plan.yaml") -> Diagnostic:
    # Distinct codes, lines and plan paths, so each problem is told apart.
    return Diagnostic(
        file, index + 1, 1, f"SIP{index:03d}", "a-rule", severity, f"problem {index}", f"k{index}"
    )


def _run(errors: int = 0, warnings: int = 0, infos: int = 0) -> RunResult:
    severities = [Severity.ERROR] * errors + [Severity.WARNING] * warnings + [Severity.INFO] * infos
    diagnostics = [_diagnostic(severity, i) for i, severity in enumerate(severities)]
    return RunResult([FileResult("plan.yaml", diagnostics)])


# --- JUnit ------------------------------------------------------------------------------


@pytest.mark.parametrize("fail_on", ["error", "warning", "info"])
def test_junit_fails_exactly_what_fail_on_fails(run_sip, fail_on: str) -> None:
    result = run_sip("lint", "-f", "junit", "--fail-on", fail_on, FLAWED)
    root = ET.fromstring(result.stdout)
    counts = _severities_in_junit(root)
    rank = {"error": 2, "warning": 1, "info": 0}
    failing = sum(n for severity, n in counts.items() if rank[severity] >= rank[fail_on])
    assert int(root.attrib["failures"]) == failing == len(root.findall(".//failure"))
    assert int(root.attrib["skipped"]) == sum(counts.values()) - failing
    assert len(root.findall(".//skipped")) == sum(counts.values()) - failing
    assert result.exit_code == (1 if failing else 0)


def _severities_in_junit(root: ET.Element) -> Counter[str]:
    # The severity is in the failure text and the skipped text alike: "[warning]".
    found: Counter[str] = Counter()
    for element in [*root.iter("failure"), *root.iter("skipped")]:
        match = re.search(r"\[(error|warning|info)\]", element.text or "")
        assert match, element.text
        found[match.group(1)] += 1
    return found


def test_junit_draft_profile_has_no_failures_and_exits_zero(run_sip) -> None:
    result = run_sip("lint", "-f", "junit", "--profile", "draft", FLAWED)
    root = ET.fromstring(result.stdout)
    assert result.exit_code == 0
    assert root.attrib["failures"] == "0"
    assert int(root.attrib["skipped"]) > 0


def test_junit_follows_the_configured_fail_on(run_sip, tmp_path: Path) -> None:
    shutil.copy(FLAWED, tmp_path / "plan.yaml")
    (tmp_path / ".sip.yaml").write_text("fail-on: warning\n", encoding="utf-8")
    configured = ET.fromstring(run_sip("lint", "-f", "junit", tmp_path / "plan.yaml").stdout)
    given = ET.fromstring(
        run_sip("lint", "-f", "junit", "--fail-on", "warning", tmp_path / "plan.yaml").stdout
    )
    assert configured.attrib["failures"] == given.attrib["failures"]
    assert int(configured.attrib["failures"]) > len(configured.findall(".//failure[@type='error']"))


def test_junit_shows_characters_xml_forbids_as_escapes(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    plan = MINIMAL_PLAN.replace(
        "  district: Test District\n", '  district: Test District\n  "bad\\x01key": 1\n'
    )
    path.write_text(plan, encoding="utf-8")
    output = run_sip("validate", "-f", "junit", path).stdout
    assert "\x01" not in output
    case = ET.fromstring(output).find(".//testcase")
    assert case is not None
    assert case.attrib["name"] == "SIP102 school.bad\\x01key"
    failure = case.find("failure")
    assert failure is not None and "'bad\\x01key'" in failure.attrib["message"]


def test_junit_keeps_text_xml_allows() -> None:
    d = Diagnostic("ü.yaml", 1, 1, "SIP102", "n", Severity.ERROR, "tab\there, é, 😀 <&>", "k")
    failure = ET.fromstring(run_to_junit(RunResult([FileResult("ü.yaml", [d])]))).find(".//failure")
    assert failure is not None and failure.attrib["message"] == "tab\there, é, 😀 <&>"


def test_junit_names_survive_moved_lines(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copy(FLAWED, path)
    before = ET.fromstring(run_sip("lint", "-f", "junit", "--fail-on", "info", path).stdout)
    path.write_text("# two new lines\n\n" + FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    after = ET.fromstring(run_sip("lint", "-f", "junit", "--fail-on", "info", path).stdout)

    def names(root: ET.Element) -> list[tuple[str, str]]:
        return [(c.attrib["classname"], c.attrib["name"]) for c in root.iter("testcase")]

    assert names(before) == names(after)
    assert len(set(names(before))) == len(names(before)), "test-case names are unique"
    assert not any(re.search(r"\d+:\d+", name) for _, name in names(before))
    texts = [f.text for f in before.iter("failure")]
    assert texts != [f.text for f in after.iter("failure")], "the line is in the failure text"


# --- GitHub annotations -----------------------------------------------------------------


def _kinds(lines: list[str]) -> Counter[str]:
    return Counter(
        line.split(" ", 1)[0].removeprefix("::") for line in lines if line.startswith("::")
    )


def test_github_caps_each_kind_and_reserves_a_notice_slot() -> None:
    lines = annotation_lines(_run(errors=15, warnings=12, infos=12))
    assert _kinds(lines) == {"error": 10, "warning": 10, "notice": 10}
    assert lines[-1].startswith(
        "::notice title=sip::10 more problems are not annotated (5 errors, 2 warnings, 3 info)"
    )


def test_github_notice_is_kept_when_only_notices_overflow() -> None:
    lines = annotation_lines(_run(infos=11))
    assert _kinds(lines) == {"notice": 10}
    assert "2 more problems are not annotated (2 info)" in lines[-1]


def test_github_shows_ten_of_a_kind_without_a_notice_when_nothing_is_left_out() -> None:
    lines = annotation_lines(_run(errors=10, warnings=10, infos=10))
    assert _kinds(lines) == {"error": 10, "warning": 10, "notice": 10}
    assert not any("not annotated" in line for line in lines)


def test_github_job_budget_goes_to_errors_first() -> None:
    lines = annotation_lines(_run(errors=7, warnings=5), budget=AnnotationBudget(job=6))
    assert _kinds(lines) == {"error": 5, "notice": 1}
    assert "7 more problems are not annotated (2 errors, 5 warnings)" in lines[-1]


def test_github_with_no_budget_left_says_so_in_plain_words() -> None:
    lines = annotation_lines(_run(errors=2), budget=AnnotationBudget(job=0))
    assert lines == [
        "sip: 2 problems are not annotated (2 errors): the 50 annotations GitHub shows per job "
        "are used up; see the full list in the log."
    ]


def test_github_steps_of_one_job_share_its_fifty_annotations(run_sip, tmp_path: Path) -> None:
    # The flawed plan has 61 problems: each step shows 22 (7 errors, 10 warnings, 4 info and
    # the notice) until the job's 50 are used: 22 + 22 + 6, then nothing but a plain line.
    env = {"GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path)}
    steps = [run_sip("lint", "-f", "github", FLAWED, env=env).stdout.splitlines() for _ in range(4)]
    per_step = [_kinds(lines) for lines in steps]
    assert [sum(kinds.values()) for kinds in per_step] == [22, 22, 6, 0]
    assert all(n <= 10 for kinds in per_step for n in kinds.values())
    assert per_step[2] == {"error": 5, "notice": 1}
    assert "56 more problems are not annotated" in steps[2][-2]
    assert steps[3][0].startswith("sip: 61 problems are not annotated (7 errors, 50 warnings")


def test_text_format_under_github_counts_in_the_job_budget(run_sip, tmp_path: Path) -> None:
    env = {"GITHUB_ACTIONS": "true", "RUNNER_TEMP": str(tmp_path)}
    first = _kinds(run_sip("lint", FLAWED, env=env).stdout.splitlines())
    assert (tmp_path / "sip-annotations-count").read_text(encoding="utf-8").strip() == str(
        sum(first.values())
    )


# --- the step summary -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "extra_env", "written"),
    [
        (["-f", "concise"], {}, True),
        (["-f", "github"], {}, True),
        ([], {"SIP_STEP_SUMMARY": "0"}, False),
        ([], {"SIP_STEP_SUMMARY": "false"}, False),
        (["-f", "sarif"], {}, False),
        (["-f", "junit"], {}, False),
        (["-f", "gitlab"], {}, False),
        (["-f", "json"], {}, False),
    ],
)
def test_step_summary_only_for_log_formats_and_can_be_turned_off(
    run_sip, tmp_path: Path, args: list[str], extra_env: dict[str, str], written: bool
) -> None:
    summary = tmp_path / "summary.md"
    env = {
        "GITHUB_ACTIONS": "true",
        "GITHUB_STEP_SUMMARY": str(summary),
        "RUNNER_TEMP": str(tmp_path),
    }
    result = run_sip("lint", *args, FLAWED, env=env | extra_env)
    assert result.exit_code == 1
    assert summary.exists() is written


# --- SARIF ------------------------------------------------------------------------------

_URI_CHARS = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})*"
_URI_REFERENCE = re.compile(rf"{_URI_CHARS}(?:#{_URI_CHARS})?")
_URI = re.compile(rf"[A-Za-z][A-Za-z0-9+.\-]*:{_URI_CHARS}(?:#{_URI_CHARS})?")


def _sarif_validator() -> jsonschema.Draft4Validator:
    # jsonschema checks "uri" formats only with optional packages; these checkers follow
    # RFC 3986's character rules, so a space or a second "#" fails as the schema means.
    checker = jsonschema.FormatChecker()
    checker.checks("uri")(lambda value: not isinstance(value, str) or bool(_URI.fullmatch(value)))
    checker.checks("uri-reference")(
        lambda value: not isinstance(value, str) or bool(_URI_REFERENCE.fullmatch(value))
    )
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=checker)


def test_the_uri_check_refuses_what_the_schema_forbids() -> None:
    # Without this, the schema test below could pass on URIs that are not URIs.
    log = run_to_sarif(_run(errors=1), root=Path("/work"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] = (
        "my plan #1.yaml"
    )
    assert not _sarif_validator().is_valid(log)


def test_sarif_validates_against_the_official_schema(run_sip, tmp_path: Path, monkeypatch) -> None:
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    for path in (work / "my plan #1.yaml", tmp_path / "elsewhere" / "plan.yaml"):
        shutil.copy(FLAWED, path)
    monkeypatch.chdir(work)
    result = run_sip("lint", "-f", "sarif", "sub/../my plan #1.yaml", "../elsewhere/plan.yaml")
    log = json.loads(result.stdout)
    errors = sorted(_sarif_validator().iter_errors(log), key=str)
    assert not errors, errors[0].message
    run = log["runs"][0]
    assert run["originalUriBaseIds"] == {"%SRCROOT%": {"uri": work.as_uri() + "/"}}
    locations = {
        json.dumps(r["locations"][0]["physicalLocation"]["artifactLocation"], sort_keys=True)
        for r in run["results"]
    }
    assert locations == {
        json.dumps({"uri": "my%20plan%20%231.yaml", "uriBaseId": "%SRCROOT%"}, sort_keys=True),
        json.dumps({"uri": (tmp_path / "elsewhere" / "plan.yaml").as_uri()}, sort_keys=True),
    }


@pytest.mark.parametrize(
    ("file", "expected"),
    [
        ("plan.yaml", {"uri": "plan.yaml", "uriBaseId": "%SRCROOT%"}),
        ("./plans/../plans/a b.yaml", {"uri": "plans/a%20b.yaml", "uriBaseId": "%SRCROOT%"}),
        ("/repo/plans/100%.yaml", {"uri": "plans/100%25.yaml", "uriBaseId": "%SRCROOT%"}),
        ("../other/plan.yaml", {"uri": "file:///other/plan.yaml"}),
        ("/tmp/my plan #1.yaml", {"uri": "file:///tmp/my%20plan%20%231.yaml"}),
    ],
)
def test_sarif_uris_are_relative_normalised_and_encoded(
    file: str, expected: dict[str, str]
) -> None:
    assert artifact_location(file, Path("/repo")) == expected


def test_sarif_rules_have_help_and_links() -> None:
    log = run_to_sarif(RunResult([]), root=Path("/repo"))
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["informationUri"] == DOCS_URL
    rule = next(r for r in driver["rules"] if r["id"] == "SIP201")
    assert rule["helpUri"] == rule_doc_url("SIP201")
    assert rule["help"]["text"].startswith("Every goal states its baseline")
    assert "Fails:" not in rule["help"]["text"], "help is short: the examples are on the page"
    assert rule["help"]["markdown"].endswith(f"[Documentation]({rule_doc_url('SIP201')})")
    assert all(r["helpUri"] and r["help"]["text"] for r in driver["rules"])


# --- GitLab Code Quality ----------------------------------------------------------------


def test_gitlab_format_is_code_quality_json(run_sip, tmp_path: Path, monkeypatch) -> None:
    shutil.copy(FLAWED, tmp_path / "plan.yaml")
    monkeypatch.chdir(tmp_path)
    result = run_sip("lint", "-f", "gitlab", "./plan.yaml")
    issues = json.loads(result.stdout)
    assert result.exit_code == 1
    assert issues and all(
        set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        for issue in issues
    )
    assert {issue["location"]["path"] for issue in issues} == {"plan.yaml"}
    assert {issue["severity"] for issue in issues} == {"major", "minor", "info"}
    assert all(isinstance(issue["location"]["lines"]["begin"], int) for issue in issues)
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)
    first = next(issue for issue in issues if issue["severity"] == "major")
    assert first["description"].startswith(first["check_name"] + " ")


def test_gitlab_fingerprints_survive_moved_lines(run_sip, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "plan.yaml"
    shutil.copy(FLAWED, path)
    monkeypatch.chdir(tmp_path)
    before = json.loads(run_sip("lint", "-f", "gitlab", "plan.yaml").stdout)
    path.write_text("# moved\n" + FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    after = json.loads(run_sip("lint", "-f", "gitlab", "plan.yaml").stdout)
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] + 1 for i in before] == [
        i["location"]["lines"]["begin"] for i in after
    ]


def test_gitlab_clean_run_is_an_empty_array(run_sip, minimal_plan: Path) -> None:
    result = run_sip("validate", "-f", "gitlab", minimal_plan)
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])


def test_gitlab_paths_outside_the_root_stay_absolute() -> None:
    run = RunResult(
        [FileResult("../x/plan.yaml", [_diagnostic(Severity.WARNING, 1, "../x/plan.yaml")])]
    )
    [issue] = run_to_code_quality(run, root=Path("/repo/sub"))
    assert issue["location"]["path"] == "/repo/x/plan.yaml"
    assert issue["severity"] == "minor"


def test_format_help_lists_gitlab(run_sip) -> None:
    for command in ("validate", "lint"):
        help_text = " ".join(run_sip(command, "--help").stdout.split())
        assert "junit or gitlab" in help_text
