"""Reading and writing files safely: bounded reads, no half-read specials, no plan overwritten.

Each case is a failure a fuzzing and attack campaign found; each test fails without its fix.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sipcli.errors import UnreadableFileError
from sipcli.load.bounded import read_bounded
from sipcli.write.atomic import FileChangedError, write_atomically

from .conftest import EXAMPLES, MINIMAL_PLAN

SURROGATE_PLAN = MINIMAL_PLAN.replace("name: Test School", 'name: "Dana \\udfff School"')


def _sip(
    *args: str, cwd: Path | None = None, timeout: float = 30
) -> subprocess.CompletedProcess[str]:
    # A real process: a read that blocks must be seen to block, and then be killed.
    return subprocess.run(
        [sys.executable, "-m", "sipcli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        check=False,
        stdin=subprocess.DEVNULL,
    )


# --- bounded reads ----------------------------------------------------------------------------


@pytest.mark.parametrize("command", [["validate"], ["lint"], ["score"], ["progress"]])
def test_a_device_is_refused_at_once_not_read_until_memory_runs_out(command: list[str]) -> None:
    started = time.monotonic()
    result = _sip(*command, "/dev/zero")
    assert result.returncode == 2
    assert "/dev/zero: it is a device or special file, not a regular file" in result.stderr
    assert time.monotonic() - started < 20


def test_a_named_pipe_is_refused_without_blocking(tmp_path: Path) -> None:
    pipe = tmp_path / "plan.yaml"
    os.mkfifo(pipe)
    result = _sip("validate", str(pipe), timeout=20)
    assert result.returncode == 2
    assert "it is a named pipe, not a regular file" in result.stderr


def test_a_named_pipe_is_read_when_allowed(tmp_path: Path) -> None:
    import threading

    pipe = tmp_path / "plan.yaml"
    os.mkfifo(pipe)
    writer = threading.Thread(target=pipe.write_text, args=(MINIMAL_PLAN,), daemon=True)
    writer.start()
    result = _sip("validate", "--allow-special-files", str(pipe), timeout=20)
    writer.join(timeout=5)
    assert result.returncode == 0, result.stderr
    assert "no problems" in result.stdout


def test_read_bounded_stops_one_byte_past_the_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    big.write_bytes(b"x" * 5000)
    read = read_bounded(big, 1000)
    assert read.too_large and len(read.data) == 1000 and read.size == 5000
    assert not read_bounded(big, 5000).too_large
    with pytest.raises(UnreadableFileError, match="it is a folder"):
        read_bounded(tmp_path, 1000)


def test_a_reference_file_that_is_a_device_is_refused(tmp_path: Path) -> None:
    (tmp_path / ".sip.yaml").write_text("reference: /dev/zero\n", encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    result = _sip("lint", "plan.yaml", cwd=tmp_path)
    assert result.returncode == 2 and "not a regular file" in result.stderr


# --- the reference file is read like a plan ---------------------------------------------------


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        (
            "a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            "c: [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nmetrics: {}\n",
            "facts.yaml:1:4: YAML anchors",
        ),
        ("metrics:\n  mcas_scaled: {tested_month: 2026-02-30}\n", "facts.yaml:2:31: metrics."),
        ("metrics: {}\nunits: {percent: [0, 100]}\n# caf\xe9\n", "is not UTF-8"),
    ],
    ids=["alias-bomb", "impossible-date", "not-utf8"],
)
def test_a_bad_reference_file_is_a_clear_error(
    run_sip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, facts: str, message: str
) -> None:
    from sipcli.lint.settings import load_settings

    load_settings.cache_clear()
    (tmp_path / ".sip.yaml").write_text("reference: facts.yaml\n", encoding="utf-8")
    (tmp_path / "facts.yaml").write_bytes(facts.encode("latin-1"))
    (tmp_path / "plan.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    started = time.monotonic()
    for command in ("lint", "score"):
        result = run_sip(command, "plan.yaml")
        assert result.exit_code == 2, result.stderr
        assert message in result.stderr and "internal error" not in result.stderr
    assert time.monotonic() - started < 10


# --- lone surrogates --------------------------------------------------------------------------


def test_a_lone_surrogate_is_refused_where_it_is_written(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SURROGATE_PLAN, encoding="utf-8")
    result = run_sip("validate", "-f", "json", plan)
    assert result.exit_code == 1
    (diagnostic,) = json.loads(result.stdout)["diagnostics"]
    assert (diagnostic["code"], diagnostic["line"], diagnostic["column"]) == ("SIP001", 3, 9)
    assert "lone surrogate" in diagnostic["message"]


@pytest.mark.parametrize(
    "command", [["render", "--to", "md,html,docx"], ["diff", "{plan}"], ["lint", "-f", "sarif"]]
)
def test_commands_that_write_a_plan_out_never_crash_on_a_surrogate(
    tmp_path: Path, command: list[str]
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(SURROGATE_PLAN, encoding="utf-8")
    args = [part.replace("{plan}", str(plan)) for part in command]
    result = _sip(args[0], str(plan), *args[1:])
    assert result.returncode == 1, result.stderr
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr


# --- git ---------------------------------------------------------------------------------------


def test_diff_rev_outside_the_work_tree_is_a_clear_error(tmp_path: Path) -> None:
    repo, elsewhere = tmp_path / "repo", tmp_path / "elsewhere"
    repo.mkdir()
    elsewhere.mkdir()
    git = ["git", "-C", str(repo), "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    (repo / "plan.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    subprocess.run([*git, "add", "plan.yaml"], check=True)
    subprocess.run([*git, "commit", "-qm", "plan"], check=True)
    subprocess.run([*git, "config", "core.worktree", str(elsewhere)], check=True)
    result = _sip("diff", str(repo / "plan.yaml"), "--rev", "HEAD")
    assert result.returncode == 2
    assert "is outside the work tree of its git repository" in result.stderr


# --- the output-path guard --------------------------------------------------------------------


@pytest.fixture
def two_plans(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "old.yaml", tmp_path / "new.yaml"
    old.write_text((EXAMPLES / "middle.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    new.write_text((EXAMPLES / "high.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return old, new


@pytest.mark.parametrize(
    "args",
    [
        ["diff", "{old}", "{new}", "-o", "{new}"],
        ["diff", "{old}", "{new}", "-o", "{old}"],
        ["schema", "-o", "{new}"],
        ["score", "{old}", "-o", "{new}"],
        ["validate", "{old}", "-o", "{new}"],
        ["report", "{old}", "-o", "{new}"],
    ],
)
def test_no_report_is_written_over_a_plan(run_sip, two_plans: tuple[Path, Path], args) -> None:
    old, new = two_plans
    before = {path: path.read_bytes() for path in two_plans}
    filled = [arg.replace("{old}", str(old)).replace("{new}", str(new)) for arg in args]
    result = run_sip(*filled)
    assert result.exit_code == 2
    assert "writing there would replace" in result.stderr
    assert {path: path.read_bytes() for path in two_plans} == before


def test_an_output_error_names_the_output_not_a_temporary_file(
    run_sip, minimal_plan: Path, tmp_path: Path
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    result = run_sip("validate", minimal_plan, "-o", blocker / "report.json")
    assert result.exit_code == 2
    assert f"cannot write {blocker / 'report.json'}" in result.stderr
    assert ".tmp" not in result.stderr


# --- compare before replace -------------------------------------------------------------------


def test_a_file_changed_since_it_was_read_is_not_replaced(tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    target.write_bytes(b"one\n")
    write_atomically(target, "two\n", expected=b"one\n")
    assert target.read_bytes() == b"two\n"
    target.write_bytes(b"two\nand an edit saved meanwhile\n")
    with pytest.raises(FileChangedError, match="changed while sip was working on it"):
        write_atomically(target, "three\n", expected=b"two\n")
    assert target.read_bytes() == b"two\nand an edit saved meanwhile\n"
    assert sorted(path.name for path in tmp_path.iterdir()) == ["plan.yaml"]


def _copy(source: Path, target: Path) -> Path:
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(source.read_bytes())
    return target


@pytest.mark.parametrize(
    ("plans", "args", "message"),
    [
        (["plan.yaml"], ["--to", "md", "-o", "plan.yaml"], "is one of the plans being read"),
        (["plan.md"], ["--to", "md"], "is one of the plans being read"),
        (["a/plan.yaml", "b/plan.yaml"], ["-o", "out"], "would be written twice"),
        (["x.yaml", "x.yml"], ["--to", "html"], "would be written twice"),
    ],
    ids=["onto-the-plan", "plan-named-md", "same-stem-folders", "yaml-and-yml"],
)
def test_render_never_writes_over_a_plan_or_twice_to_one_file(
    run_sip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, plans, args, message
) -> None:
    monkeypatch.chdir(tmp_path)
    for name in plans:
        _copy(EXAMPLES / "middle.yaml", tmp_path / name)
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    result = run_sip("render", *plans, *args)
    assert result.exit_code == 2
    assert message in result.stderr
    after = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    assert after == before  # nothing written, nothing replaced


def test_render_never_writes_over_another_plan(run_sip, tmp_path: Path) -> None:
    plan = _copy(EXAMPLES / "middle.yaml", tmp_path / "plan.yaml")
    other = _copy(EXAMPLES / "high.yaml", tmp_path / "other.yaml")
    result = run_sip("render", plan, "--to", "md", "-o", other)
    assert result.exit_code == 2
    assert f"-o {other} holds a plan; writing there would replace it" in result.stderr
    assert other.read_bytes() == (EXAMPLES / "high.yaml").read_bytes()


def test_progress_import_keeps_an_edit_saved_while_it_ran(
    run_sip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sipcli.monitor import progress_import

    plan = _copy(EXAMPLES / "middle.yaml", tmp_path / "plan.yaml")
    data = tmp_path / "data.csv"
    data.write_text("id,date,actual\nG1,2027-01-20,50\n", encoding="utf-8")
    real_merge = progress_import.merge_updates

    def merge_while_someone_saves(*args: object, **kwargs: object) -> object:
        merged = real_merge(*args, **kwargs)  # type: ignore[arg-type]
        with plan.open("a", encoding="utf-8") as stream:
            stream.write("# saved by an editor meanwhile\n")
        return merged

    monkeypatch.setattr(progress_import, "merge_updates", merge_while_someone_saves)
    result = run_sip("progress-import", plan, data)
    assert result.exit_code == 2
    assert "changed while sip was working on it" in result.stderr
    assert plan.read_text(encoding="utf-8").endswith("# saved by an editor meanwhile\n")
    assert "2027-01-20" not in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize("which", ["plan", "csv"])
def test_progress_import_refuses_a_device(which: str, tmp_path: Path) -> None:
    plan = _copy(EXAMPLES / "middle.yaml", tmp_path / "plan.yaml")
    data = tmp_path / "data.csv"
    data.write_text("id,date,actual\nG1,2027-01-20,50\n", encoding="utf-8")
    args = ["/dev/zero", str(data)] if which == "plan" else [str(plan), "/dev/zero"]
    result = _sip("progress-import", *args)
    assert result.returncode == 2 and "not a regular file" in result.stderr
