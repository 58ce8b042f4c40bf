"""`sip diff`: the core compares plans by id and field; the command reads files or git revisions."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from sipcli.model import Plan
from sipcli.monitor.diff import FieldChange, PlanDiff, diff_plans, diff_values, render_value
from sipcli.reporters.diff_report import markdown_report, text_report
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, MINIMAL_PLAN, Result

RunSip = Callable[..., Result]

MIDDLE = (EXAMPLES / "middle.yaml").read_text(encoding="utf-8")

# Edits of examples/middle.yaml, each an exact piece of its text and what replaces it.
G1_TARGET = ("target: {value: 28, by: 2027-09-30", "target: {value: 30, by: 2027-10-15")
SCHOOL_YEAR = ("  school_year: SY2026-27\n", "  school_year: SY2027-28\n")
RENAME_G2_B4 = ("      - id: G2.B4\n", "      - id: G2.B9\n")
D1_GRADES = (
    'value: 24, unit: percent, period: spring 2026, grades: [6, 7, 8], comparison: "2025: 21%',
    'value: 24, unit: percent, period: spring 2026, grades: [6, 7], comparison: "2025: 21%',
)
NEW_MILESTONE = (
    "          - {description: Every ELA and math teacher starts",
    "          - {description: Peer visits begin, due: 2026-09-15}\n"
    "          - {description: Every ELA and math teacher starts",
)


def edited(*edits: tuple[str, str]) -> str:
    """Return middle.yaml with each edit applied exactly once."""
    text = MIDDLE
    for old, new in edits:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


def plan_of(text: str, tmp_path: Path, name: str = "plan.yaml") -> Plan:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    checked = validate_file(path)
    assert checked.plan is not None, checked.result.diagnostics
    return checked.plan


@pytest.fixture
def middle(tmp_path: Path) -> Plan:
    return plan_of(MIDDLE, tmp_path, "middle.yaml")


def lines_of(diff: PlanDiff) -> dict[str, list[str]]:
    """Map each changed item's title to its field changes as text."""
    return {item.title: [f.describe() for f in item.fields] for item in diff.of("changed")}


# --- the core -------------------------------------------------------------------------------


def test_identical_plans_have_no_changes(middle: Plan, tmp_path: Path) -> None:
    diff = diff_plans(middle, plan_of(MIDDLE, tmp_path, "copy.yaml"))
    assert not diff.has_changes
    assert diff.counts() == {"added": 0, "removed": 0, "changed": 0}


def test_a_goal_target_change_is_listed_field_by_field(middle: Plan, tmp_path: Path) -> None:
    diff = diff_plans(middle, plan_of(edited(G1_TARGET), tmp_path))
    assert lines_of(diff) == {
        "Goal G1": ["target.value: 28 → 30", "target.by: 2027-09-30 → 2027-10-15"]
    }


def test_plan_wide_fields_are_dotted_from_the_top(middle: Plan, tmp_path: Path) -> None:
    renewal = edited(SCHOOL_YEAR, ("  type: annual_renewal\n", "  type: initial\n"))
    diff = diff_plans(middle, plan_of(renewal, tmp_path))
    assert lines_of(diff) == {
        "Plan": ["plan.type: annual_renewal → initial", "plan.school_year: SY2026-27 → SY2027-28"]
    }


def test_a_changed_id_is_a_removal_and_an_addition(middle: Plan, tmp_path: Path) -> None:
    diff = diff_plans(middle, plan_of(edited(RENAME_G2_B4), tmp_path))
    assert [(i.change, i.kind, i.id, i.parent) for i in diff.changes] == [
        ("added", "benchmark", "G2.B9", "G2"),
        ("removed", "benchmark", "G2.B4", "G2"),
    ]
    assert diff.of("added")[0].label.startswith("Tutored students score 70%")


def test_lists_of_values_say_what_was_added_and_removed(middle: Plan, tmp_path: Path) -> None:
    diff = diff_plans(middle, plan_of(edited(D1_GRADES), tmp_path))
    assert lines_of(diff) == {"Data point D1": ["grades: [6, 7, 8] → [6, 7] (removed 8)"]}


def test_an_inserted_milestone_is_one_added_element(middle: Plan, tmp_path: Path) -> None:
    diff = diff_plans(middle, plan_of(edited(NEW_MILESTONE), tmp_path))
    assert lines_of(diff) == {
        "Initiative I1.1": [
            "milestones[1]: added {description: Peer visits begin, due: 2026-09-15}"
        ]
    }


def test_every_kind_of_item_is_matched_by_id(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.assessment and new.assessment.challenges and new.assessment.root_causes
    assert new.assessment.current_state and new.strategic_objectives and new.goals
    new.assessment.challenges[0].priority = 5
    new.assessment.root_causes.pop()
    new.assessment.current_state[0].value = 25
    new.strategic_objectives[0].title = "Students do the thinking."
    new.goals.pop()
    diff = diff_plans(middle, new)
    summary = {(i.change, i.title) for i in diff.changes}
    assert summary == {
        ("changed", "Strategic objective O1"),
        ("removed", "Goal G4"),
        ("removed", "Benchmark G4.B1"),
        ("removed", "Benchmark G4.B2"),
        ("removed", "Benchmark G4.B3"),
        ("changed", "Data point D1"),
        ("changed", "Challenge C1"),
        ("removed", "Root cause RC4"),
    }
    assert lines_of(diff)["Challenge C1"] == ["priority: 2 → 5"]
    assert lines_of(diff)["Data point D1"] == ["value: 24 → 25"]


def test_a_benchmark_moved_to_another_goal_shows_its_new_goal(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.goals and new.goals[0].benchmarks and new.goals[1].benchmarks is not None
    new.goals[1].benchmarks.append(new.goals[0].benchmarks.pop())
    diff = diff_plans(middle, new)
    assert lines_of(diff) == {"Benchmark G1.B3": ["goal: G1 → G2"]}
    assert diff.changes[0].parent == "G2"


def test_an_added_initiative_names_its_objective(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.strategic_objectives and new.strategic_objectives[1].initiatives
    added = new.strategic_objectives[1].initiatives[0].model_copy(update={"id": "I2.2"})
    new.strategic_objectives[1].initiatives.append(added)
    [change] = diff_plans(middle, new).changes
    assert (change.change, change.title, change.parent) == ("added", "Initiative I2.2", "O2")


def test_duplicate_ids_are_each_compared(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.goals
    second = new.goals[0].model_copy(update={"statement": "A second G1.", "benchmarks": None})
    new.goals.append(second)
    [change] = diff_plans(middle, new).changes
    assert (change.change, change.id, change.label) == ("added", "G1", "A second G1.")


def test_values_compare_by_meaning_not_spelling() -> None:
    assert diff_values({"value": 45}, {"value": 45.0}) == []
    assert diff_values({"grades": []}, {}) == []
    assert diff_values({"a": {"b": 1}}, {}) == [FieldChange("a.b", 1, None)]


def test_values_render_for_people() -> None:
    assert render_value(45.0) == "45"
    assert render_value(38.4) == "38.4"
    assert render_value(None) == "(none)"
    assert render_value(["2026-09-30", "2026-10-30"]) == "[2026-09-30, 2026-10-30]"
    assert render_value("") == '""'
    assert (
        FieldChange("due", ["b", "a"], ["a", "b"]).describe() == "due: [b, a] → [a, b] (reordered)"
    )
    assert FieldChange("milestones[2]", {"due": "2026-01-01"}, None).describe() == (
        "milestones[2]: removed {due: 2026-01-01}"
    )


def test_markdown_escapes_plan_text(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.goals
    new.goals[0].statement = "Raise *all* scores <b>now</b> | fast"
    memo = markdown_report(diff_plans(middle, new), "old.yaml", "new.yaml")
    assert r"> Raise \*all\* scores \<b\>now\</b\> \| fast" in memo
    assert "<b>" not in memo


def test_text_report_shortens_long_labels(middle: Plan) -> None:
    new = middle.model_copy(deep=True)
    assert new.goals
    new.goals[0].priority = 9
    text = text_report(diff_plans(middle, new), "a", "b")
    heading = next(line for line in text.splitlines() if line.startswith("~ Goal G1"))
    assert heading.endswith("…") and len(heading) < 130
    assert "    priority: 2 → 9" in text.splitlines()


# --- the command on two files ---------------------------------------------------------------


@pytest.fixture
def pair(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text(MIDDLE, encoding="utf-8")
    new.write_text(edited(G1_TARGET, SCHOOL_YEAR, RENAME_G2_B4), encoding="utf-8")
    return old, new


def test_text_lists_each_item_and_exits_0(run_sip: RunSip, pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_sip("diff", old, new)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == f"Comparing {old} → {new}"
    assert "    plan.school_year: SY2026-27 → SY2027-28" in lines
    assert "    target.value: 28 → 30" in lines
    assert any(line.startswith("+ Benchmark G2.B9 (goal G2): Tutored") for line in lines)
    assert any(line.startswith("- Benchmark G2.B4 (goal G2): Tutored") for line in lines)
    assert lines[-1] == "1 added, 1 removed, 2 changed."


def test_exit_code_option_exits_1_only_when_plans_differ(
    run_sip: RunSip, pair: tuple[Path, Path]
) -> None:
    old, new = pair
    assert run_sip("diff", old, new, "--exit-code").exit_code == 1
    same = run_sip("diff", old, old, "--exit-code")
    assert same.exit_code == 0
    assert same.stdout == f"No differences between {old} and {old} (items compared by id).\n"


def test_json_is_a_versioned_object(run_sip: RunSip, pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_sip("diff", old, new, "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert (data["version"], data["old"], data["new"]) == (1, str(old), str(new))
    assert data["summary"] == {"added": 1, "removed": 1, "changed": 2}
    goal = next(c for c in data["changes"] if c["id"] == "G1")
    assert goal["kind"] == "goal" and goal["change"] == "changed"
    assert goal["fields"][0] == {
        "path": "target.value",
        "old": 28.0,
        "new": 30.0,
        "text": "target.value: 28 → 30",
    }
    assert goal["fields"][1]["new"] == "2027-10-15"


def test_markdown_memo_has_added_removed_changed(run_sip: RunSip, pair: tuple[Path, Path]) -> None:
    old, new = pair
    memo = run_sip("diff", old, new, "-f", "markdown").stdout
    assert memo.startswith(f"# Plan changes: `{old}` → `{new}`\n")
    sections = [line for line in memo.splitlines() if line.startswith("## ")]
    assert sections == ["## Added", "## Removed", "## Changed"]
    assert "- **Benchmark G2.B9 (goal G2)**: Tutored students" in memo
    assert "### Goal G1\n\n> By September 30, 2027" in memo
    assert "- `target.value`: 28 → 30\n" in memo


def test_output_file_gets_the_report(
    run_sip: RunSip, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = pair
    out = tmp_path / "memo.md"
    result = run_sip("diff", old, new, "-f", "markdown", "--output-file", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert f"Wrote {out}" in result.stderr
    assert "## Changed" in out.read_text(encoding="utf-8")


def test_unwritable_output_file_exits_2(
    run_sip: RunSip, pair: tuple[Path, Path], tmp_path: Path
) -> None:
    old, new = pair
    result = run_sip("diff", old, new, "-o", tmp_path)  # a folder
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_an_invalid_side_shows_its_diagnostics_and_exits_1(
    run_sip: RunSip, pair: tuple[Path, Path]
) -> None:
    old, new = pair
    new.write_text(MIDDLE.replace("  type: annual_renewal", "  type: renewal"), encoding="utf-8")
    result = run_sip("diff", old, new, "--format", "json")
    assert result.exit_code == 1
    assert result.stdout == ""
    assert f"{new}:" in result.stderr and "The plan's type" in result.stderr
    assert f"sip: cannot compare: {new} is not a valid plan" in result.stderr


def test_a_side_that_is_not_yaml_exits_1(run_sip: RunSip, pair: tuple[Path, Path]) -> None:
    old, _ = pair
    broken = old.with_name("broken.yaml")
    broken.write_text("schema_version: 1\nschool: [\n", encoding="utf-8")
    result = run_sip("diff", broken, old)
    assert result.exit_code == 1
    assert "SIP001" in result.stderr


def test_a_missing_file_exits_2(run_sip: RunSip, pair: tuple[Path, Path], tmp_path: Path) -> None:
    old, _ = pair
    result = run_sip("diff", old, tmp_path / "nope.yaml")
    assert result.exit_code == 2
    assert "cannot read" in result.stderr and "nope.yaml" in result.stderr


def test_a_file_over_the_size_limit_is_refused(run_sip: RunSip, pair: tuple[Path, Path]) -> None:
    old, new = pair
    result = run_sip("diff", old, new, "--max-file-size", "100")
    assert result.exit_code == 1
    assert "SIP012" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "give two plans to compare"),
        (("new.yaml", "--rev", "HEAD"), "not both"),
    ],
)
def test_usage_errors_exit_2(
    run_sip: RunSip, pair: tuple[Path, Path], args: tuple[str, ...], message: str
) -> None:
    old, _ = pair
    result = run_sip("diff", old, *args)
    assert result.exit_code == 2
    assert message in result.stderr


def test_minimal_plans_compare(run_sip: RunSip, tmp_path: Path) -> None:
    old, new = tmp_path / "a.yaml", tmp_path / "b.yaml"
    old.write_text(MINIMAL_PLAN, encoding="utf-8")
    new.write_text(MINIMAL_PLAN + "goals:\n  - {id: G1, statement: Read more.}\n", encoding="utf-8")
    result = run_sip("diff", old, new)
    assert result.exit_code == 0
    assert "+ Goal G1: Read more." in result.stdout.splitlines()


# --- the command against a git revision -----------------------------------------------------

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository with plans/plan.yaml committed as middle.yaml, then edited."""
    # The user's own git configuration (signing, hooks) must not change the test.
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    root = tmp_path / "repo"
    (root / "plans").mkdir(parents=True)
    git(root, "init", "--quiet")
    plan = root / "plans" / "plan.yaml"
    plan.write_text(MIDDLE, encoding="utf-8")
    git(root, "add", "plans/plan.yaml")
    git(root, "-c", "user.name=Test", "-c", "user.email=t@example.org", "commit", "-qm", "one")
    plan.write_text(edited(G1_TARGET), encoding="utf-8")
    return root


@needs_git
def test_rev_compares_with_the_committed_version(run_sip: RunSip, repo: Path) -> None:
    plan = repo / "plans" / "plan.yaml"
    result = run_sip("diff", plan, "--rev", "HEAD")
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == f"Comparing HEAD:plans/plan.yaml → {plan}"
    assert "    target.value: 28 → 30" in lines
    assert run_sip("diff", plan, "--rev", "HEAD", "--exit-code").exit_code == 1


@needs_git
def test_rev_works_from_a_relative_path(
    run_sip: RunSip, repo: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(repo / "plans")
    data = json.loads(run_sip("diff", "plan.yaml", "-r", "HEAD", "-f", "json").stdout)
    assert (data["old"], data["new"]) == ("HEAD:plans/plan.yaml", "plan.yaml")
    assert [c["id"] for c in data["changes"]] == ["G1"]


@needs_git
@pytest.mark.parametrize(
    ("rev", "message"),
    [
        ("no-such-branch", "unknown revision 'no-such-branch'"),
        ("HEAD~5", "unknown revision 'HEAD~5'"),
        ("--output=x", "'--output=x' is not a git revision"),
    ],
)
def test_rev_errors_exit_2(run_sip: RunSip, repo: Path, rev: str, message: str) -> None:
    result = run_sip("diff", repo / "plans" / "plan.yaml", f"--rev={rev}")
    assert result.exit_code == 2
    assert message in result.stderr
    assert result.stdout == ""


@needs_git
def test_rev_of_a_file_not_yet_committed_exits_2(run_sip: RunSip, repo: Path) -> None:
    new = repo / "plans" / "new.yaml"
    new.write_text(MIDDLE, encoding="utf-8")
    result = run_sip("diff", new, "--rev", "HEAD")
    assert result.exit_code == 2
    assert "plans/new.yaml is not in revision 'HEAD'" in result.stderr


@needs_git
def test_rev_outside_a_repository_exits_2(run_sip: RunSip, tmp_path: Path) -> None:
    plan = tmp_path / "alone" / "plan.yaml"
    plan.parent.mkdir()
    plan.write_text(MIDDLE, encoding="utf-8")
    result = run_sip("diff", plan, "--rev", "HEAD")
    assert result.exit_code == 2
    assert "is not in a git repository" in result.stderr


@needs_git
def test_an_invalid_committed_version_is_named_by_revision(run_sip: RunSip, repo: Path) -> None:
    plan = repo / "plans" / "plan.yaml"
    plan.write_text(MIDDLE.replace("schema_version: 1", "schema_version: 7"), encoding="utf-8")
    git(repo, "-c", "user.name=T", "-c", "user.email=t@example.org", "commit", "-qam", "two")
    plan.write_text(MIDDLE, encoding="utf-8")
    result = run_sip("diff", plan, "--rev", "HEAD")
    assert result.exit_code == 1
    assert "HEAD:plans/plan.yaml:" in result.stderr
    assert "sip: cannot compare: HEAD:plans/plan.yaml is not a valid plan" in result.stderr
    # The revision before it is valid, and differs only in nothing.
    assert run_sip("diff", plan, "--rev", "HEAD~1", "--exit-code").exit_code == 0


@needs_git
def test_rev_without_git_exits_2(
    run_sip: RunSip, repo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    result = run_sip("diff", repo / "plans" / "plan.yaml", "--rev", "HEAD")
    assert result.exit_code == 2
    assert "the git program was not found" in result.stderr


# --- periods and result kinds ---------------------------------------------------------------


def test_a_changed_date_or_period_shows_as_written(middle: Plan, tmp_path: Path) -> None:
    to_period = ("target: {value: 28, by: 2027-09-30", "target: {value: 28, by: spring 2027 MCAS")
    diff = diff_plans(middle, plan_of(edited(to_period), tmp_path))
    assert lines_of(diff) == {"Goal G1": ["target.by: 2027-09-30 → spring 2027 MCAS"]}
    to_terms = (
        "due: [2026-09-30, 2026-10-30, 2026-11-20, 2026-12-18, 2027-01-29, 2027-02-26, "
        "2027-03-26, 2027-04-30, 2027-05-28]\n        data_source: Coaching log",
        "due: [Q1, Q2, Q3, EOY]\n        data_source: Coaching log",
    )
    later = plan_of(edited(to_terms), tmp_path, "terms.yaml")
    (line,) = lines_of(diff_plans(middle, later))["Benchmark G1.B1"]
    assert line.startswith("due: [2026-09-30, ") and line.endswith(
        "→ [Q1, Q2, Q3, EOY] (added Q1, Q2, Q3, EOY; removed 2026-09-30, 2026-10-30, 2026-11-20, 2026-12-18, 2027-01-29, 2027-02-26, 2027-03-26, 2027-04-30, 2027-05-28)"
    )


def test_a_new_status_update_shows_its_kind(middle: Plan, tmp_path: Path) -> None:
    new_updates = (
        "          - {date: 2026-10-30, actual: 100, status: on_track}\n",
        "          - {date: 2026-10-30, actual: 100, status: on_track}\n"
        "          - {date: Q2, actual: 97}\n"
        "          - {date: winter 2027 i-Ready, actual: 90, kind: projected, source: i-Ready}\n",
    )
    diff = diff_plans(middle, plan_of(edited(new_updates), tmp_path))
    assert lines_of(diff) == {
        "Benchmark G1.B1": [
            "status_updates[2]: added {date: Q2, actual: 97, kind: actual}",
            "status_updates[3]: added {date: winter 2027 i-Ready, actual: 90, kind: projected, "
            "source: i-Ready}",
        ]
    }
    # An old update that leaves its kind out and the same one saying actual are the same.
    said = ("actual: 100, status: on_track}", "actual: 100, kind: actual, status: on_track}")
    assert not diff_plans(middle, plan_of(edited(said), tmp_path, "said.yaml")).has_changes
