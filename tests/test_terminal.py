"""ruff's terminal habits: colour, --quiet, shell completion, broken pipes and progress."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sipcli.cli import hoist_global_options, terminal
from sipcli.cli.terminal import ColorChoice, file_progress, progress_wanted, wants_color
from sipcli.diagnostics import Diagnostic, FileResult, RunResult, Severity
from sipcli.reporters.registry import get_reporter
from sipcli.validate.plans import validate_files
from tests.conftest import EXAMPLE_PLANS, EXAMPLES

FLAWED = EXAMPLES / "flawed" / "plan.yaml"
ANSI = "\x1b["
SIP = shutil.which("sip", path=str(Path(sys.executable).parent))

AUTO, ALWAYS, NEVER = ColorChoice.auto, ColorChoice.always, ColorChoice.never


@pytest.fixture(autouse=True)
def _plain_settings():
    """Every test starts, and leaves, with the defaults a run without options has."""
    terminal.configure(ColorChoice.auto, quiet=False)
    yield
    terminal.configure(ColorChoice.auto, quiet=False)


# --- colour: the one decision ---------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "environ", "is_terminal", "expected"),
    [
        # auto: a terminal gets colour, a pipe does not
        (AUTO, {}, True, True),
        (AUTO, {}, False, False),
        # NO_COLOR, any non-empty value, turns it off; empty counts as unset
        (AUTO, {"NO_COLOR": "1"}, True, False),
        (AUTO, {"NO_COLOR": "0"}, True, False),
        (AUTO, {"NO_COLOR": ""}, True, True),
        # FORCE_COLOR, any non-empty value, turns it on even in a pipe; empty counts as unset
        (AUTO, {"FORCE_COLOR": "1"}, False, True),
        (AUTO, {"FORCE_COLOR": "0"}, False, True),
        (AUTO, {"FORCE_COLOR": ""}, False, False),
        # NO_COLOR wins over FORCE_COLOR
        (AUTO, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, False, False),
        (AUTO, {"NO_COLOR": "1", "FORCE_COLOR": "1"}, True, False),
        # a dumb terminal gets none, unless forced
        (AUTO, {"TERM": "dumb"}, True, False),
        (AUTO, {"TERM": "dumb", "FORCE_COLOR": "1"}, True, True),
        # the option wins over the environment, both ways
        (ALWAYS, {}, False, True),
        (ALWAYS, {"NO_COLOR": "1"}, False, True),
        (ALWAYS, {"TERM": "dumb"}, True, True),
        (NEVER, {}, True, False),
        (NEVER, {"FORCE_COLOR": "1"}, True, False),
    ],
)
def test_colour_decision(
    choice: ColorChoice, environ: dict[str, str], is_terminal: bool, expected: bool
) -> None:
    assert wants_color(choice, environ, is_terminal) is expected


def _clean_colour_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("NO_COLOR", "FORCE_COLOR", "CI"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")


def test_text_in_a_pipe_has_no_colour(run_sip, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_colour_env(monkeypatch)
    result = run_sip("lint", FLAWED)
    assert result.exit_code == 1
    assert "SIP" in result.stdout
    assert ANSI not in result.stdout


@pytest.mark.parametrize(
    ("args", "env", "coloured"),
    [
        (("lint",), {"FORCE_COLOR": "1"}, True),
        (("lint",), {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False),
        (("--color", "always", "lint"), {"NO_COLOR": "1"}, True),
        (("--color=never", "lint"), {"FORCE_COLOR": "1"}, False),
        # ruff takes the global options after the command too
        (("lint", "--color", "always"), {}, True),
        (("lint", "--color", "never"), {"FORCE_COLOR": "1"}, False),
    ],
)
def test_colour_through_the_command_line(
    run_sip,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    env: dict[str, str],
    coloured: bool,
) -> None:
    _clean_colour_env(monkeypatch)
    result = run_sip(*args, FLAWED, env=env)
    assert result.exit_code == 1
    assert "SIP607" in result.stdout
    assert (ANSI in result.stdout) is coloured


def test_colour_reaches_every_table_reporter(run_sip, monkeypatch: pytest.MonkeyPatch) -> None:
    _clean_colour_env(monkeypatch)
    plan = EXAMPLE_PLANS[0]
    for command in (("score",), ("status",), ("progress",)):
        forced = run_sip(*command, plan, env={"FORCE_COLOR": "1"})
        plain = run_sip(*command, plan, env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
        assert forced.exit_code == plain.exit_code, command
        assert ANSI in forced.stdout, command
        assert ANSI not in plain.stdout, command


def test_a_report_file_never_has_colour(
    run_sip, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _clean_colour_env(monkeypatch)
    out = tmp_path / "report.txt"
    result = run_sip("--color", "always", "lint", FLAWED, "-o", out)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    assert "SIP607" in text
    assert ANSI not in text


def test_colour_off_writes_not_even_bold() -> None:
    # NO_COLOR users expect plain text: rich's own no_color would still write bold.
    run = RunResult(
        [
            FileResult(
                "p.yaml",
                [
                    Diagnostic(
                        "p.yaml", 1, 1, "SIP201", "goal-missing-baseline", Severity.ERROR, "m"
                    )
                ],
            )
        ]
    )
    for color, expected in ((False, False), (True, True)):
        stream = io.StringIO()
        get_reporter("diagnostics", "text", color=color).write(run, stream)
        assert (ANSI in stream.getvalue()) is expected


# --- global options after the command ---------------------------------------------------


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["lint", "-q", "a.yaml"], ["-q", "lint", "a.yaml"]),
        (["lint", "a.yaml", "--quiet"], ["--quiet", "lint", "a.yaml"]),
        (["lint", "--color", "never", "a.yaml"], ["--color", "never", "lint", "a.yaml"]),
        (["lint", "--color=never", "a.yaml"], ["--color=never", "lint", "a.yaml"]),
        (["-q", "lint", "a.yaml"], ["-q", "lint", "a.yaml"]),
        # after `--` a "-q" is a file's name
        (["fmt", "--", "-q"], ["fmt", "--", "-q"]),
        # a trailing --color without its value is left for click to refuse
        (["lint", "--color"], ["lint", "--color"]),
    ],
)
def test_global_options_are_moved_before_the_command(args: list[str], expected: list[str]) -> None:
    assert hoist_global_options(args) == expected


# --- --quiet ----------------------------------------------------------------------------


def test_quiet_lint_prints_the_problems_and_no_summary(run_sip) -> None:
    loud = run_sip("lint", FLAWED)
    quiet = run_sip("lint", "-q", FLAWED)
    assert quiet.exit_code == loud.exit_code == 1
    assert "Found " in loud.stdout
    assert "Found " not in quiet.stdout
    assert quiet.stdout.count("SIP607") == loud.stdout.count("SIP607") >= 1
    concise = run_sip("-q", "lint", "-f", "concise", FLAWED)
    assert concise.exit_code == 1
    assert concise.stdout.splitlines()[-1].startswith(str(FLAWED))


def test_quiet_clean_validate_prints_nothing(run_sip) -> None:
    assert run_sip("validate", *EXAMPLE_PLANS).stdout.startswith("All ")
    result = run_sip("--quiet", "validate", *EXAMPLE_PLANS)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert result.stderr == ""


def test_quiet_keeps_machine_formats_whole(run_sip) -> None:
    loud = run_sip("lint", "-f", "json", FLAWED)
    quiet = run_sip("-q", "lint", "-f", "json", FLAWED)
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout == loud.stdout


def test_quiet_drops_wrote_lines(run_sip, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    loud = run_sip("score", EXAMPLE_PLANS[0], "-f", "json", "-o", out)
    assert loud.exit_code == 0
    assert f"Wrote {out}" in loud.stderr
    quiet = run_sip("score", "-q", EXAMPLE_PLANS[0], "-f", "json", "-o", out)
    assert quiet.exit_code == 0
    assert quiet.stderr == ""
    rendered = tmp_path / "plan.md"
    result = run_sip("-q", "render", EXAMPLE_PLANS[0], "--to", "md", "-o", rendered)
    assert result.exit_code == 0, result.stderr
    assert rendered.exists()
    assert result.stderr == ""


def test_quiet_fmt_keeps_would_reformat_and_drops_reformatted(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    # Two-space indentation is the canonical layout: four spaces is something to reformat.
    plan.write_text(EXAMPLE_PLANS[0].read_text(encoding="utf-8").replace("\n  ", "\n    "))
    check = run_sip("-q", "fmt", "--check", plan)
    assert check.exit_code == 1
    assert f"would reformat {plan}" in check.stdout
    fixed = run_sip("fmt", "-q", plan)
    assert fixed.exit_code == 0
    assert fixed.stdout == ""
    assert run_sip("fmt", "--check", plan).exit_code == 0


def test_quiet_init_says_nothing_and_writes_the_plan(run_sip, tmp_path: Path) -> None:
    loud = run_sip("init", tmp_path / "a.yaml", "--no-input")
    assert loud.exit_code == 0
    assert "Wrote" in loud.stderr
    quiet = run_sip("-q", "init", tmp_path / "b.yaml", "--no-input")
    assert quiet.exit_code == 0
    assert (tmp_path / "b.yaml").exists()
    assert quiet.stderr == ""


def test_quiet_keeps_errors(run_sip, tmp_path: Path) -> None:
    result = run_sip("-q", "validate", tmp_path / "missing.yaml")
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr


# --- shell completion ------------------------------------------------------------------


@pytest.mark.skipif(SIP is None, reason="the sip console script is not installed")
def test_show_completion_prints_a_bash_script() -> None:
    env = {**os.environ, "SHELL": "/bin/bash", "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = subprocess.run(
        [str(SIP), "--show-completion", "bash"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "_SIP_COMPLETE=complete_bash" in result.stdout
    assert "complete -o default -F _sip_completion sip" in result.stdout


@pytest.mark.skipif(SIP is None, reason="the sip console script is not installed")
def test_show_completion_for_the_current_shell() -> None:
    env = {**os.environ, "SHELL": "/bin/bash"}
    result = subprocess.run(
        [str(SIP), "--show-completion"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "_SIP_COMPLETE" in result.stdout


def test_help_lists_the_completion_options(run_sip) -> None:
    result = run_sip("--help")
    assert "--install-completion" in result.stdout
    assert "--show-completion" in result.stdout


# --- broken pipe -----------------------------------------------------------------------


@pytest.fixture
def many_flawed(tmp_path: Path) -> Path:
    """A folder of flawed plans whose lint report is far larger than a pipe's buffer."""
    folder = tmp_path / "plans"
    folder.mkdir()
    for index in range(12):
        shutil.copy(FLAWED, folder / f"plan-{index:02d}.yaml")
    # Our own configuration, so none found above the temporary folder can change the result.
    (tmp_path / "sip.yaml").write_text("profile: standard\n", encoding="utf-8")
    return folder


def _sip_command(*args: object) -> list[str]:
    return [sys.executable, "-m", "sipcli", *map(str, args)]


def _read_one_line_then_close(*args: object) -> tuple[bytes, int, bytes]:
    with subprocess.Popen(
        _sip_command(*args), stdout=subprocess.PIPE, stderr=subprocess.PIPE
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        first = process.stdout.readline()
        process.stdout.close()
        status = process.wait(timeout=120)
        return first, status, process.stderr.read()


@pytest.mark.parametrize("output_format", ["text", "concise", "json"])
def test_broken_pipe_is_quiet_and_keeps_the_exit_status(
    many_flawed: Path, output_format: str
) -> None:
    config = many_flawed.parent / "sip.yaml"
    lint = ("lint", "-c", config, "-f", output_format)
    first, status, stderr = _read_one_line_then_close(*lint, many_flawed)
    assert first
    assert stderr == b""
    assert status == 1  # errors were found, as without the pipe
    first, status, stderr = _read_one_line_then_close(*lint, "--exit-zero", many_flawed)
    assert stderr == b""
    assert status == 0


def test_a_reader_gone_before_any_output_is_quiet() -> None:
    # The read end is closed before sip starts, so its first write meets a broken pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            _sip_command("rules"), stdout=write_end, stderr=subprocess.PIPE, timeout=60, check=False
        )
    finally:
        os.close(write_end)
    assert result.stderr == b""
    # A list that knows no outcome stops as Python programs do on SIGPIPE: status 1.
    assert result.returncode == 1


# --- progress --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("is_terminal", "environ", "quiet", "expected"),
    [
        (True, {}, False, True),
        (False, {}, False, False),
        (True, {"CI": "true"}, False, False),
        (True, {"CI": ""}, False, True),
        (True, {}, True, False),
    ],
)
def test_progress_decision(
    is_terminal: bool, environ: dict[str, str], quiet: bool, expected: bool
) -> None:
    assert progress_wanted(is_terminal=is_terminal, environ=environ, quiet=quiet) is expected


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_counts_on_a_terminal_and_erases_itself(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    with file_progress("checked") as on_file:
        assert on_file is not None
        on_file(3, 40)
        assert screen.getvalue().endswith("sip: checked 3 of 40 files")
        on_file(1, terminal.PROGRESS_MIN_FILES - 1)  # a short run shows nothing
        assert screen.getvalue().endswith("sip: checked 3 of 40 files")
    assert screen.getvalue().endswith("\r\x1b[K")


@pytest.mark.parametrize("env", [{"CI": "true"}, {}])
def test_no_progress_under_ci_or_quiet(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    monkeypatch.delenv("CI", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    if not env:
        terminal.configure(ColorChoice.auto, quiet=True)
    monkeypatch.setattr(sys, "stderr", _Terminal())
    with file_progress("checked") as on_file:
        assert on_file is None


def test_no_progress_in_a_pipe(tmp_path: Path) -> None:
    for index in range(8):
        shutil.copy(EXAMPLE_PLANS[0], tmp_path / f"plan-{index}.yaml")
    env = {key: value for key, value in os.environ.items() if key != "CI"}
    result = subprocess.run(
        _sip_command("validate", tmp_path),
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout == "All 8 files passed.\n"
    assert result.stderr == ""


def test_the_core_reports_each_file_done(tmp_path: Path) -> None:
    paths = []
    for index in range(3):
        path = tmp_path / f"plan-{index}.yaml"
        shutil.copy(EXAMPLE_PLANS[0], path)
        paths.append(path)
    calls: list[tuple[int, int]] = []
    run = validate_files(paths, on_file=lambda done, total: calls.append((done, total)))
    assert len(run.files) == 3
    assert calls == [(0, 3), (1, 3), (2, 3), (3, 3)]


def test_rule_explanations_and_diff_follow_the_colour_choice(
    run_sip, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _clean_colour_env(monkeypatch)
    assert ANSI in run_sip("--color", "always", "rule", "SIP201").stdout
    assert ANSI not in run_sip("--color", "never", "rule", "SIP201").stdout
    broken = tmp_path / "broken.yaml"
    broken.write_text(FLAWED.read_text(encoding="utf-8").replace("schema_version: 1", "x: 1"))
    for choice, coloured in (("always", True), ("never", False)):
        result = run_sip("--color", choice, "diff", EXAMPLE_PLANS[0], broken)
        assert result.exit_code == 1
        assert (ANSI in result.stderr) is coloured, choice


def test_quiet_schema_writes_the_file_and_says_nothing(run_sip, tmp_path: Path) -> None:
    schema = tmp_path / "s.json"
    result = run_sip("-q", "schema", "-o", schema)
    assert result.exit_code == 0
    assert schema.exists()
    assert result.stderr == ""
