"""ruff's configuration habits in sip: standard input, [tool.sip], --extend-select,
file-level noqa, include/exclude with .gitignore, and each rule's documentation page."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from sipcli.diagnostics import Diagnostic, FileResult, RunResult, Severity
from sipcli.lint.settings import load_settings
from sipcli.load.stdin import forget_stdin
from sipcli.reporters.text import TextReporter

from .conftest import MINIMAL_PLAN

# One goal without a baseline (SIP201) and without a measure (SIP204), among others.
PLAN = (
    MINIMAL_PLAN
    + """goals:
  - id: G1
    statement: Raise ELA achievement.
"""
)

# The same plan's keys out of sip fmt's order.
UNORDERED = """\
plan:
  school_year: SY2026-27
  type: initial
school:
  name: Test School
  district: Test District
schema_version: 1
"""


@pytest.fixture(autouse=True)
def fresh() -> object:
    load_settings.cache_clear()
    forget_stdin()
    yield
    load_settings.cache_clear()
    forget_stdin()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository root (config discovery and .gitignore stop here), the working folder."""
    (tmp_path / ".git").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def lint_json(run_sip, *args: str, input: str | None = None) -> list[dict[str, object]]:
    result = run_sip("lint", "-f", "json", *args, input=input)
    assert result.exit_code in (0, 1), result.stderr
    return list(json.loads(result.stdout)["diagnostics"])


def files_of(run_sip, *args: str) -> set[str]:
    """The files `sip validate -f json` read, as their paths relative to the working folder."""
    result = run_sip("validate", "-f", "json", *args)
    assert result.exit_code in (0, 1), result.stderr
    return {Path(f["file"]).as_posix() for f in json.loads(result.stdout)["files"]}


# --- standard input ---------------------------------------------------------------------


def test_validate_reads_standard_input_named_dash(run_sip, repo: Path) -> None:
    broken = PLAN.replace("schema_version: 1\n", "")
    result = run_sip("validate", "-", input=broken)
    assert result.exit_code == 1
    assert result.stdout.startswith("-:1:1: error SIP101")


def test_stdin_filename_names_the_plan_and_finds_its_configuration(run_sip, repo: Path) -> None:
    write(repo / "plans" / ".sip.yaml", "select: [SIP204]\n")
    findings = lint_json(run_sip, "-", "--stdin-filename", "plans/lincoln.yaml", input=PLAN)
    assert {(d["file"], d["code"]) for d in findings} == {("plans/lincoln.yaml", "SIP204")}
    # Without the name, the configuration of the working folder (none: every rule) applies.
    assert len({d["code"] for d in lint_json(run_sip, "-", input=PLAN)}) > 1


def test_standard_input_keeps_the_size_limit(run_sip, repo: Path) -> None:
    result = run_sip("validate", "-", "--max-file-size", "50", input=PLAN)
    assert result.exit_code == 1
    assert "SIP012" in result.stdout and "over the limit of 50 bytes" in result.stdout


def test_stdin_filename_without_dash_is_refused(run_sip, repo: Path) -> None:
    plan = write(repo / "plan.yaml", PLAN)
    result = run_sip("validate", plan, "--stdin-filename", "x.yaml")
    assert result.exit_code == 2 and "add - to the paths" in result.stderr


def test_fmt_dash_writes_the_formatted_plan_to_stdout(run_sip, repo: Path) -> None:
    formatted = run_sip("fmt", "-", input=UNORDERED)
    assert formatted.exit_code == 0
    assert formatted.stdout.startswith("schema_version: 1\nschool:\n")
    # Already formatted: the same text comes back, so an editor can always replace with it.
    again = run_sip("fmt", "-", input=formatted.stdout)
    assert again.stdout == formatted.stdout
    assert list(repo.iterdir()) == [repo / ".git"]  # nothing written to disk


def test_fmt_check_and_diff_on_standard_input(run_sip, repo: Path) -> None:
    check = run_sip("fmt", "--check", "-", "--stdin-filename", "lincoln.yaml", input=UNORDERED)
    assert check.exit_code == 1 and check.stdout == "would reformat lincoln.yaml\n"
    diff = run_sip("fmt", "--diff", "-", input=UNORDERED)
    assert diff.exit_code == 1 and "+schema_version: 1" in diff.stdout


# --- [tool.sip] in pyproject.toml ---------------------------------------------------------


def test_pyproject_tool_sip_is_read(run_sip, repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sip]\nselect = ["SIP204"]\n')
    plan = write(repo / "plan.yaml", PLAN)
    assert {d["code"] for d in lint_json(run_sip, plan)} == {"SIP204"}
    shown = run_sip("config", plan).stdout
    assert f"file:      {repo / 'pyproject.toml'}" in shown
    assert "ignored:" not in shown


def test_pyproject_without_tool_sip_is_passed_over(run_sip, repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n')
    plan = write(repo / "plan.yaml", PLAN)
    assert "none found; sip defaults" in run_sip("config", plan).stdout


def test_sip_yaml_wins_over_pyproject_and_config_says_so(run_sip, repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.sip]\nselect = ["SIP204"]\n')
    write(repo / ".sip.yaml", "select: [SIP201]\n")
    plan = write(repo / "plan.yaml", PLAN)
    assert {d["code"] for d in lint_json(run_sip, plan)} == {"SIP201"}
    shown = run_sip("config", plan).stdout.splitlines()
    assert shown[1] == f"  file:      {repo / '.sip.yaml'}"
    assert shown[2] == (
        f"  ignored:   {repo / 'pyproject.toml'} ([tool.sip]; .sip.yaml in the same folder wins)"
    )


def test_an_unknown_key_in_tool_sip_is_reported_at_its_line(run_sip, repo: Path) -> None:
    write(repo / "pyproject.toml", '[project]\nname = "x"\n\n[tool.sip]\nprofle = "draft"\n')
    result = run_sip("lint", write(repo / "plan.yaml", PLAN))
    assert result.exit_code == 2
    assert f"{repo / 'pyproject.toml'}:5:1: profle: unknown key 'profle'" in result.stderr
    assert "did you mean 'profile'?" in result.stderr


def test_invalid_toml_is_a_clear_error(run_sip, repo: Path) -> None:
    write(repo / "pyproject.toml", '[tool.sip]\nselect = ["SIP2"\n')
    result = run_sip("lint", write(repo / "plan.yaml", PLAN))
    assert result.exit_code == 2
    assert "pyproject.toml: not valid TOML" in result.stderr and "Traceback" not in result.stderr


# --- --extend-select ----------------------------------------------------------------------


def test_extend_select_adds_to_the_configured_selection(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP204]\n")
    plan = write(repo / "plan.yaml", PLAN)
    extended = lint_json(run_sip, plan, "--extend-select", "SIP201")
    assert {d["code"] for d in extended} == {"SIP201", "SIP204"}
    replaced = lint_json(run_sip, plan, "--select", "SIP201")
    assert {d["code"] for d in replaced} == {"SIP201"}


def test_extend_select_in_the_configuration_file(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP204]\nextend-select: [goal-missing-baseline]\n")
    plan = write(repo / "plan.yaml", PLAN)
    assert {d["code"] for d in lint_json(run_sip, plan)} == {"SIP201", "SIP204"}
    assert "(extend-select)" in run_sip("config", plan).stdout


# --- file-level noqa ----------------------------------------------------------------------


def test_noqa_file_silences_a_rule_in_the_whole_file(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP201, SIP204]\n")
    text = "# sip: noqa-file: SIP204 the measures are chosen in October\n" + PLAN
    plan = write(repo / "plan.yaml", text)
    assert [d["code"] for d in lint_json(run_sip, plan)] == ["SIP201"]


def test_bare_noqa_file_silences_every_rule(run_sip, repo: Path) -> None:
    plan = write(repo / "plan.yaml", PLAN + "# sip: noqa-file\n")
    assert lint_json(run_sip, plan) == []


def test_unused_noqa_file_is_reported(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP201, SIP204]\n")
    plan = write(
        repo / "plan.yaml", PLAN + "  # sip: noqa-file: SIP201\n# sip: noqa-file: SIP203\n"
    )
    findings = lint_json(run_sip, plan, "--extend-select", "SIP203")
    unused = [d for d in findings if d["code"] == "SIP901"]
    assert [(d["line"], d["column"]) for d in unused] == [(12, 1)]
    assert "noqa-file' for SIP203 silences nothing in this file" in str(unused[0]["message"])
    assert "SIP201" not in {d["code"] for d in findings}


# --- include / exclude / .gitignore -------------------------------------------------------


@pytest.fixture
def tree(repo: Path) -> Path:
    """Plans in a repository: some git ignores, some excluded, one not YAML."""
    for name in ("plans/a.yaml", "plans/old/b.yaml", "drafts/c.yaml", "scratch/d.yml"):
        write(repo / name, PLAN)
    write(repo / "plans" / "notes.txt", "not a plan\n")
    write(repo / ".gitignore", "drafts/\n")
    write(repo / "plans" / ".gitignore", "# nested files count too\n!keep.yaml\nold/\n")
    return repo


def test_folder_walk_skips_what_git_ignores(run_sip, tree: Path) -> None:
    assert files_of(run_sip, ".") == {"plans/a.yaml", "scratch/d.yml"}


def test_gitignore_above_the_walked_folder_counts(run_sip, tree: Path) -> None:
    write(tree / ".gitignore", "drafts/\nplans/a.yaml\n")
    write(tree / "plans" / "keep.yaml", PLAN)
    # a.yaml is ignored by the root's .gitignore, old/ by the folder's own.
    assert files_of(run_sip, "plans") == {"plans/keep.yaml"}


def test_respect_gitignore_false(run_sip, tree: Path) -> None:
    write(tree / ".sip.yaml", "respect-gitignore: false\n")
    assert files_of(run_sip, ".") == {
        "plans/a.yaml",
        "plans/old/b.yaml",
        "drafts/c.yaml",
        "scratch/d.yml",
    }


def test_exclude_and_include_have_gitignore_semantics(run_sip, tree: Path) -> None:
    write(tree / ".sip.yaml", "exclude: [scratch/]\n")
    assert files_of(run_sip, ".") == {"plans/a.yaml"}
    write(tree / ".sip.yaml", "include: ['*.yml']\n")
    assert files_of(run_sip, ".") == {"scratch/d.yml"}
    # A file named on the command line is read whatever the patterns say.
    assert files_of(run_sip, "drafts/c.yaml") == {"drafts/c.yaml"}


@pytest.mark.parametrize("command", ["lint", "render", "report", "fmt"])
def test_every_folder_walk_respects_the_patterns(run_sip, tree: Path, command: str) -> None:
    write(tree / ".sip.yaml", "exclude: [scratch/, plans/]\n")
    # Only drafts/ is left, and git ignores it: there is no plan to work on.
    result = run_sip(command, ".")
    assert result.exit_code == 2
    assert "no .yaml or .yml files found in ." in result.stderr


def test_star_in_per_file_ignores_does_not_match_a_slash(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP204]\nper-file-ignores:\n  'plans/*.yaml': [SIP204]\n")
    top = write(repo / "plans" / "a.yaml", PLAN)
    deeper = write(repo / "plans" / "old" / "b.yaml", PLAN)
    assert lint_json(run_sip, top) == []
    assert [d["code"] for d in lint_json(run_sip, deeper)] == ["SIP204"]
    write(
        repo / ".sip.yaml", "select: [SIP204]\nper-file-ignores:\n  'plans/**/*.yaml': [SIP204]\n"
    )
    load_settings.cache_clear()
    assert lint_json(run_sip, deeper) == []


# --- documentation links ------------------------------------------------------------------


def test_sip_rule_ends_with_its_documentation_link(run_sip) -> None:
    result = run_sip("rule", "goal-missing-baseline")
    assert result.exit_code == 0
    assert result.stdout.endswith(
        "\nDocumentation: https://sip-plans.github.io/sip/rules/#sip201\n"
    )


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def _run() -> RunResult:
    found = [
        Diagnostic("p.yaml", 3, 1, "SIP204", "goal-missing-measure", Severity.WARNING, "m"),
        Diagnostic("p.yaml", 4, 1, "SIP201", "goal-missing-baseline", Severity.WARNING, "m"),
        Diagnostic("p.yaml", 5, 1, "SIP204", "goal-missing-measure", Severity.WARNING, "m"),
    ]
    return RunResult([FileResult("p.yaml", found, ["a: 1"] * 6)])


def test_text_report_on_a_terminal_links_each_code_once() -> None:
    stream = _Terminal()
    TextReporter(color=False).write(_run(), stream)
    assert stream.getvalue().endswith(
        "Rule pages:\n"
        "  SIP201 goal-missing-baseline: https://sip-plans.github.io/sip/rules/#sip201\n"
        "  SIP204 goal-missing-measure: https://sip-plans.github.io/sip/rules/#sip204\n"
    )


def test_text_report_in_a_pipe_has_no_links() -> None:
    stream = io.StringIO()
    TextReporter(color=False).write(_run(), stream)
    assert "Rule pages" not in stream.getvalue()
    assert stream.getvalue().splitlines()[-1].startswith("Found 3 warnings")


def test_config_option_takes_a_pyproject(run_sip, repo: Path) -> None:
    config = write(repo / "elsewhere" / "pyproject.toml", '[tool.sip]\nselect = ["SIP204"]\n')
    plan = write(repo / "plan.yaml", PLAN)
    assert {d["code"] for d in lint_json(run_sip, plan, "--config", str(config))} == {"SIP204"}
    write(config, '[project]\nname = "x"\n')
    load_settings.cache_clear()  # settings are read once per run; this is a second run
    result = run_sip("lint", plan, "--config", config)
    assert result.exit_code == 2 and "has no [tool.sip] table" in result.stderr


def test_dash_with_other_paths_reads_both(run_sip, repo: Path) -> None:
    write(repo / ".sip.yaml", "select: [SIP204]\n")
    other = write(repo / "other.yaml", PLAN)
    findings = lint_json(run_sip, "-", other, "--stdin-filename", "from-git.yaml", input=PLAN)
    assert sorted(str(d["file"]) for d in findings) == sorted(["from-git.yaml", str(other)])
    twice = run_sip("lint", "-", "-", input=PLAN)
    assert twice.exit_code == 2 and "more than once" in twice.stderr
