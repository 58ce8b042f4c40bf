"""sip's pre-commit hooks, run by real pre-commit in a repository of plans and other YAML.

The hooks are installed the way a user's pre-commit installs them: from a git repository
holding sip (a copy of this checkout, committed in a temporary folder), with
``language: python``, so pre-commit builds sip and its dependencies into its own virtual
environment (once per test session, about ten seconds with a warm pip cache).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from sipcli.load.detect import is_tool_file, may_be_plan, only_plans

from .conftest import MINIMAL_PLAN

ROOT = Path(__file__).resolve().parents[1]
HOOKS = ROOT / ".pre-commit-hooks.yaml"

needs_git = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

#: The configuration the README tells a plans repository to copy (with its own repo and rev).
README_CONFIG = """\
repos:
  - repo: {repo}
    rev: {rev}
    hooks:
      - id: sip-lint
      - id: sip-fmt
"""

#: A plan in sip's layout, with no error (lint finds only missing sections: warnings).
GOOD_PLAN = MINIMAL_PLAN
#: A plan with one format error: SIP104 at line 6, column 9.
BAD_PLAN = MINIMAL_PLAN.replace("type: initial", "type: intial")
#: A valid plan out of sip's layout: keys out of order, four-space indentation.
MESSY_PLAN = """\
plan:
  school_year: SY2026-27
  type: initial
school:
    district: Test District
    name: Test School
schema_version: 1
"""

#: YAML files a plans repository also holds; none of them is a plan.
OTHER_YAML = {
    ".github/workflows/ci.yml": "name: ci\non: push\njobs:\n  check:\n    runs-on: ubuntu-latest\n",
    ".github/dependabot.yml": "version: 2\nupdates: []\n",
    "docker-compose.yml": "services:\n  web:\n    image: nginx\n",
    # A GitLab job may be called "plan": the file is known by its name.
    ".gitlab-ci.yml": "plan:\n  script: terraform plan\n",
    "notes/settings.yaml": "owner: Ms. Rivera\nreview_day: Tuesday\n",
}


# -- Which files are plans ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "is_plan"),
    [
        (MINIMAL_PLAN, True),
        ("# a new plan\nschool:\n  name: Test School\n", True),
        ('"schema_version": 1\n', True),
        ("\ufeffplan:\r\n  type: initial\r\n", True),
        # A plan whose YAML is broken is still a plan: its error must be reported.
        ("schema_version: 1\nschool: [unclosed\n", True),
        ("name: ci\non: push\n", False),
        ("jobs:\n  plan:\n    runs-on: ubuntu-latest\n", False),  # not at the top level
        ("planning: yes\nschools: 3\n", False),
        ("", False),
    ],
)
def test_a_plan_has_a_top_level_plan_key(tmp_path: Path, text: str, is_plan: bool) -> None:
    path = tmp_path / "file.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert may_be_plan(path) is is_plan


@pytest.mark.parametrize(
    ("path", "is_tool"),
    [
        (".github/workflows/ci.yml", True),
        ("repo/.github/ISSUE_TEMPLATE/config.yml", True),
        (".pre-commit-config.yaml", True),
        ("sub/.sip.yaml", True),
        ("docker-compose.prod.yml", True),
        ("docs/mkdocs.yml", True),
        ("plans/plan.yaml", False),
        ("plans/github.yaml", False),
        ("compose-notes/plan.yaml", False),
    ],
)
def test_tool_files_are_known_by_name(path: str, is_tool: bool) -> None:
    assert is_tool_file(Path(path)) is is_tool


def test_a_tool_file_is_never_a_plan_whatever_it_holds(tmp_path: Path) -> None:
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / ".gitlab-ci.yml").write_text("plan:\n  script: make\n", encoding="utf-8")
    paths = [tmp_path / ".gitlab-ci.yml", tmp_path / "plan.yaml"]
    assert only_plans(paths) == [tmp_path / "plan.yaml"]


def test_a_file_that_cannot_be_read_is_left_to_the_command(tmp_path: Path) -> None:
    assert may_be_plan(tmp_path / "missing.yaml")
    if hasattr(os, "mkfifo"):
        fifo = tmp_path / "pipe.yaml"
        os.mkfifo(fifo)
        assert may_be_plan(fifo)  # not opened, so never blocks and never consumed


# -- The options the hooks use --------------------------------------------------------------------


def _write_other_yaml(folder: Path) -> list[Path]:
    paths = []
    for name, text in OTHER_YAML.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths


@pytest.mark.parametrize("command", ["validate", "lint"])
def test_only_plans_passes_over_other_yaml(run_sip, tmp_path: Path, command: str) -> None:
    others = _write_other_yaml(tmp_path)
    plan = tmp_path / "plan.yaml"
    plan.write_text(BAD_PLAN, encoding="utf-8")
    # Without the option every one of them is taken for a broken plan.
    assert run_sip(command, *others).exit_code == 1
    result = run_sip(command, "--only-plans", *others, plan)
    assert result.exit_code == 1
    assert "SIP104" in result.stdout
    assert not any(Path(name).name in result.stdout for name in OTHER_YAML)
    assert run_sip(command, "--only-plans", *others).exit_code == 0


def test_fmt_only_plans_and_skip_invalid(run_sip, tmp_path: Path) -> None:
    others = _write_other_yaml(tmp_path)
    bad = tmp_path / "bad.yaml"
    bad.write_text(BAD_PLAN, encoding="utf-8")
    refused = run_sip("fmt", "--check", bad)
    assert refused.exit_code == 1 and "SIP104" in refused.stderr
    quiet = run_sip("fmt", "--check", "--only-plans", "--skip-invalid", *others, bad)
    assert (quiet.exit_code, quiet.stdout, quiet.stderr) == (0, "", "")
    messy = tmp_path / "messy.yaml"
    messy.write_text(MESSY_PLAN, encoding="utf-8")
    # --skip-invalid never hides a valid plan that needs formatting.
    result = run_sip("fmt", "--check", "--only-plans", "--skip-invalid", bad, messy)
    assert result.exit_code == 1 and f"would reformat {messy}" in result.stdout


def test_the_published_hooks() -> None:
    hooks = YAML(typ="safe", pure=True).load(HOOKS.read_text(encoding="utf-8"))
    assert {hook["id"]: hook["entry"] for hook in hooks} == {
        "sip-validate": "sip validate --only-plans",
        "sip-lint": "sip lint --only-plans",
        "sip-fmt": "sip fmt --only-plans --skip-invalid",
        "sip-fmt-check": "sip fmt --check --only-plans --skip-invalid",
    }
    assert {hook["language"] for hook in hooks} == {"python"}
    assert all(hook["types"] == ["yaml"] for hook in hooks)
    # The comment names no tag that does not exist.
    assert "rev: v" not in HOOKS.read_text(encoding="utf-8")


# -- Real pre-commit ------------------------------------------------------------------------------


@dataclass(frozen=True)
class HookSource:
    """sip committed in a temporary git repository, as pre-commit fetches it."""

    repo: Path
    rev: str
    home: Path
    """PRE_COMMIT_HOME: where pre-commit keeps its clone and the hooks' environment."""


def _git(cwd: Path, *args: str) -> str:
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "sip tests",
        "GIT_AUTHOR_EMAIL": "tests@example.org",
        "GIT_COMMITTER_NAME": "sip tests",
        "GIT_COMMITTER_EMAIL": "tests@example.org",
    }
    done = subprocess.run(
        ["git", "-c", "init.defaultBranch=main", "-c", "commit.gpgsign=false", *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    return done.stdout.strip()


@pytest.fixture(scope="module")
def hook_source(tmp_path_factory: pytest.TempPathFactory) -> HookSource:
    """This checkout's sip (as it is now, uncommitted edits included), committed elsewhere."""
    base = tmp_path_factory.mktemp("precommit")
    repo = base / "sip"
    repo.mkdir()
    skip = shutil.ignore_patterns("__pycache__", "*.pyc")
    for folder in ("src", "templates"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=skip)
    for name in ("pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy2(ROOT / name, repo / name)
    _git(repo, "init", "-q")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "sip for the pre-commit tests")
    return HookSource(repo, _git(repo, "rev-parse", "HEAD"), base / "home")


@dataclass
class PlansRepo:
    """A user's repository of plans, with sip's hooks configured."""

    path: Path
    source: HookSource

    def configure(self, *hook_ids: str, rev: str | None = None) -> None:
        """Write .pre-commit-config.yaml: the README's, or one with these hooks."""
        config = README_CONFIG.format(repo=self.source.repo.as_posix(), rev=rev or self.source.rev)
        if hook_ids:
            head = config.split("      - id:")[0]
            config = head + "".join(f"      - id: {hook}\n" for hook in hook_ids)
        self.write(".pre-commit-config.yaml", config)

    def write(self, name: str, text: str) -> Path:
        """Write a file into the repository."""
        path = self.path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return path

    def pre_commit(self, *command: str) -> subprocess.CompletedProcess[str]:
        """Stage everything and run pre-commit (by default every hook on every file)."""
        _git(self.path, "add", "-A")
        env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
        env.update(PRE_COMMIT_HOME=str(self.source.home), PRE_COMMIT_COLOR="never")
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *(command or DEFAULT_RUN)],
            cwd=self.path,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,  # the first run builds the hooks' environment
            check=False,
        )


@pytest.fixture
def plans_repo(tmp_path: Path, hook_source: HookSource) -> Iterator[PlansRepo]:
    """A git repository holding a good plan and the other YAML files of OTHER_YAML."""
    repo = PlansRepo(tmp_path / "plans-repo", hook_source)
    repo.path.mkdir()
    _git(repo.path, "init", "-q")
    repo.write("plans/good.yaml", GOOD_PLAN)
    for name, text in OTHER_YAML.items():
        repo.write(name, text)
    repo.configure()
    yield repo


DEFAULT_RUN = ("run", "--all-files", "--verbose")


def _status(output: str, hook_name: str) -> str:
    # pre-commit prints "sip lint.......Passed": the hook's name, dots, its verdict.
    lines = [line for line in output.splitlines() if line.startswith(hook_name + ".")]
    assert len(lines) == 1, output
    return lines[0].rsplit(".", 1)[1]


def _mentions_other_yaml(output: str) -> bool:
    return any(name in output for name in OTHER_YAML) or ".pre-commit-config" in output


@needs_git
def test_hooks_pass_on_a_good_plan_and_pass_over_other_yaml(plans_repo: PlansRepo) -> None:
    run = plans_repo.pre_commit()
    assert run.returncode == 0, run.stdout + run.stderr
    assert _status(run.stdout, "sip lint") == "Passed"
    assert _status(run.stdout, "sip fmt") == "Passed"
    assert "plans/good.yaml" in run.stdout  # lint's warnings: the plan was read
    assert not _mentions_other_yaml(run.stdout)

    plans_repo.configure("sip-validate", "sip-fmt-check")
    run = plans_repo.pre_commit()
    assert run.returncode == 0, run.stdout + run.stderr
    assert _status(run.stdout, "sip validate") == "Passed"
    assert _status(run.stdout, "sip fmt --check") == "Passed"
    assert not _mentions_other_yaml(run.stdout)


@needs_git
def test_a_bad_plan_fails_with_its_message_once(plans_repo: PlansRepo) -> None:
    plans_repo.write("plans/bad.yaml", BAD_PLAN)
    run = plans_repo.pre_commit()
    assert run.returncode == 1
    assert _status(run.stdout, "sip lint") == "Failed"
    assert _status(run.stdout, "sip fmt") == "Passed"  # it leaves the plan to sip lint
    assert run.stdout.count("SIP104") == 1, run.stdout
    assert "plans/bad.yaml:6:9: error SIP104" in run.stdout
    assert "Did you mean 'initial'?" in run.stdout
    assert not _mentions_other_yaml(run.stdout)

    plans_repo.configure("sip-validate", "sip-fmt-check")
    run = plans_repo.pre_commit()
    assert run.returncode == 1
    assert _status(run.stdout, "sip validate") == "Failed"
    assert _status(run.stdout, "sip fmt --check") == "Passed"
    assert run.stdout.count("SIP104") == 1, run.stdout


@needs_git
def test_sip_fmt_rewrites_a_plan_and_sip_fmt_check_only_says_so(plans_repo: PlansRepo) -> None:
    messy = plans_repo.write("plans/messy.yaml", MESSY_PLAN)
    plans_repo.configure("sip-fmt-check")
    run = plans_repo.pre_commit()
    assert run.returncode == 1
    assert _status(run.stdout, "sip fmt --check") == "Failed"
    assert "would reformat plans/messy.yaml" in run.stdout
    assert messy.read_text(encoding="utf-8") == MESSY_PLAN

    plans_repo.configure()
    run = plans_repo.pre_commit()
    assert run.returncode == 1  # pre-commit fails a hook that changed files
    assert _status(run.stdout, "sip fmt") == "Failed"
    assert "files were modified by this hook" in run.stdout
    assert messy.read_text(encoding="utf-8") == GOOD_PLAN

    run = plans_repo.pre_commit()
    assert run.returncode == 0, run.stdout + run.stderr


@needs_git
def test_autoupdate_pins_the_readme_rev_to_a_commit(plans_repo: PlansRepo) -> None:
    # The README's config names the branch; autoupdate writes the sha (sip has no tags).
    plans_repo.configure(rev="main")
    update = plans_repo.pre_commit("autoupdate")
    assert update.returncode == 0, update.stdout + update.stderr
    config = (plans_repo.path / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    assert f"rev: {plans_repo.source.rev}" in config
    assert plans_repo.pre_commit().returncode == 0
