"""Plan text in reports is data: it cannot drive the terminal, GitHub Actions or a Markdown page.

Each plan below holds the payloads a hostile or careless author could write: ESC sequences
that clear the screen and retitle the window, a bidi override, a newline followed by a
GitHub workflow command, Rich markup, an HTML image with a script, a lone carriage return
before a Markdown heading.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from sipcli.render.escape import html_text, markdown_text

from .conftest import EXAMPLES, MINIMAL_PLAN

# The sanitiser and the excerpt are imported inside the tests that use them, so that the CLI
# tests here also run (and fail) on a sip that has neither.

# YAML double-quoted escapes keep the file itself plain ASCII.
_PAYLOAD = r"\e]0;TITLE\a\e[2J [bold]x[/bold] \u202eevil\n::warning title=INJECTED::pwn"
_IMG = "<img src=x onerror=alert(1)>"

#: Valid, so score, progress, report and diff read it; lint quotes the evidence strategy.
PLAN = f"""\
schema_version: 1
school:
  name: "Lincoln\\r# Injected heading {_PAYLOAD}"
  district: "District {_IMG} {_PAYLOAD}"
plan:
  type: initial
  school_year: SY2026-27
strategic_objectives:
  - id: O1
    title: "Objective {_PAYLOAD}"
    initiatives:
      - id: I1
        title: "Tutoring {_PAYLOAD}"
    evidence_base:
      - strategy: "Tutoring {_IMG} {_PAYLOAD}"
goals:
  - id: G1
    statement: "Raise reading {_IMG} by June 2027 {_PAYLOAD}"
    benchmarks:
      - id: G1.B1
        statement: "At least 50% of students {_IMG} read by 2027-06-01 {_PAYLOAD}"
        type: process
        due: [2026-10-30]
        target: {{value: 90, unit: percent}}
"""

#: Not valid: the invalid-choice message quotes the value it was given.
INVALID_PLAN = MINIMAL_PLAN.replace("type: initial", f'type: "intial {_IMG} {_PAYLOAD}"')

_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
#: An image tag a Markdown viewer would render: not preceded by the escaping backslash.
_LIVE_IMG = re.compile(r"(?<!\\)<img")


def _assert_terminal_safe(text: str) -> None:
    assert "\x1b" not in text
    assert "\x07" not in text
    assert not _BIDI.search(text)


def _assert_no_injected_command(text: str) -> None:
    # GitHub trims leading whitespace before it looks for "::", so an indented line counts.
    injected = [line for line in text.splitlines() if line.lstrip().startswith("::warning")]
    assert injected == []


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "plan.yaml"
    path.parent.mkdir()
    path.write_text(PLAN, encoding="utf-8")
    return path


@pytest.fixture
def invalid(tmp_path: Path) -> Path:
    path = tmp_path / "invalid.yaml"
    path.write_text(INVALID_PLAN, encoding="utf-8")
    return path


# --- the sanitiser ---------------------------------------------------------------------------


def test_sanitiser_shows_controls_as_escapes() -> None:
    from sipcli.reporters.sanitise import terminal_text

    assert terminal_text("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert terminal_text("\x00\x07\x7f\x85\x9b") == "\\x00\\x07\\x7f\\x85\\x9b"
    assert terminal_text("\u202eevil\u2066\u2069") == "\\u202eevil\\u2066\\u2069"
    assert terminal_text("a\u2028b\u2029c") == "a\\u2028b\\u2029c"


def test_sanitiser_keeps_newline_and_tab_unless_one_line() -> None:
    from sipcli.reporters.sanitise import terminal_text

    assert terminal_text("a\nb\tc") == "a\nb\tc"
    assert terminal_text("a\r\nb") == "a\nb"
    assert terminal_text("a\rb") == "a\\rb"
    assert terminal_text("a\nb\r\nc\td", one_line=True) == "a\\nb\\r\\nc\td"


@pytest.mark.parametrize(
    "text", ["Plain text, punctuation: [bold] *x* <b> & \\ 100%", "Élève — naïve 学校 ✓", ""]
)
def test_sanitiser_leaves_ordinary_text_alone(text: str) -> None:
    from sipcli.reporters.sanitise import terminal_text

    assert terminal_text(text) == text
    assert terminal_text(text, one_line=True) == text


def test_markdown_value_escapes_markup_and_controls() -> None:
    from sipcli.reporters.sanitise import markdown_value

    value = markdown_value(f"{_IMG}\x1b[2J\nnext")
    assert not _LIVE_IMG.search(value)
    assert "\x1b" not in value
    assert "\n" not in value


# --- Markdown and HTML line breaks ---------------------------------------------------------------


@pytest.mark.parametrize("brk", ["\r", "\x85", "\u2028", "\u2029"])
def test_every_line_break_is_a_break_in_markdown_and_html(brk: str) -> None:
    assert markdown_text(f"Lincoln{brk}# Injected") == "Lincoln<br>\\# Injected"
    assert markdown_text(f"a{brk}- item") == "a<br>\\- item"
    assert str(html_text(f"a{brk}b")) == "a<br>\nb"


def test_a_lone_cr_does_not_start_a_heading_in_rendered_markdown(
    run_sip, plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "plan.md"
    result = run_sip("render", "--to", "md", str(plan), "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    lines = re.split("\r\n|[\r\n\x85\u2028\u2029]", text)
    assert not any(line.startswith("# Injected") for line in lines)
    assert "\r" not in text


# --- validate and lint ---------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_validate_output_is_terminal_safe(run_sip, invalid: Path, fmt: str) -> None:
    result = run_sip("validate", "-f", fmt, str(invalid))
    assert result.exit_code == 1
    assert "intial" in result.stdout  # the message quotes the value
    _assert_terminal_safe(result.stdout)
    _assert_no_injected_command(result.stdout)


@pytest.mark.parametrize("fmt", ["text", "concise"])
def test_lint_output_is_terminal_safe(run_sip, plan: Path, fmt: str) -> None:
    result = run_sip("lint", "-f", fmt, "--select", "SIP503", str(plan))
    assert "Tutoring" in result.stdout  # SIP503 quotes the strategy
    _assert_terminal_safe(result.stdout)
    _assert_no_injected_command(result.stdout)


def test_concise_has_one_line_per_problem(run_sip, invalid: Path, plan: Path) -> None:
    import json

    found = json.loads(run_sip("lint", "-f", "json", str(invalid), str(plan)).stdout)
    result = run_sip("lint", "-f", "concise", str(invalid), str(plan))
    lines = result.stdout.splitlines()
    assert len(lines) == len(found["diagnostics"]) + 1  # and the summary line


def test_under_github_actions_only_sips_annotations_start_with_colons(
    run_sip, invalid: Path, plan: Path
) -> None:
    result = run_sip("lint", str(invalid), str(plan), env={"GITHUB_ACTIONS": "true"})
    commands = [line for line in result.stdout.splitlines() if line.lstrip().startswith("::")]
    assert commands  # sip's own annotations
    own = re.compile(r"::(error|warning|notice) file=|::notice title=sip::")
    assert all(own.match(line) for line in commands), commands
    _assert_terminal_safe(result.stdout)


def test_step_summary_escapes_plan_text(run_sip, invalid: Path, plan: Path, tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run_sip("lint", str(invalid), str(plan), env=env)
    text = summary.read_text(encoding="utf-8")
    assert "intial" in text
    assert not _LIVE_IMG.search(text)
    _assert_terminal_safe(text)


def test_a_long_line_shows_a_window_around_the_error(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text(
        MINIMAL_PLAN.replace("type: initial", "type: " + "x" * 100_000 + " intial"),
        encoding="utf-8",
    )
    result = run_sip("validate", str(path))
    assert result.exit_code == 1
    assert all(len(line) < 300 for line in result.stdout.splitlines()[2:])


@pytest.mark.parametrize("column", [1, 50, 5_000, 9_990, 10_000, 10_001])
def test_the_caret_stays_under_the_error_column(column: int) -> None:
    from sipcli.reporters.rich_text import excerpt

    source = "".join(chr(ord("a") + i % 26) for i in range(10_000))
    shown, caret = excerpt(source, column)
    assert len(shown) <= 130
    if column <= len(source):
        assert shown[caret] == source[column - 1]


def test_the_caret_counts_escaped_characters() -> None:
    from sipcli.reporters.rich_text import excerpt

    shown, caret = excerpt("a\x1bb\u202ec", 5)
    assert shown == "a\\x1bb\\u202ec"
    assert shown[caret] == "c"


def test_a_short_line_is_shown_whole() -> None:
    from sipcli.reporters.rich_text import excerpt

    line = "  type: intial"
    assert excerpt(line, 9) == (line, 8)


# --- score, progress, report, diff -----------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_score_output_is_safe(run_sip, plan: Path, fmt: str) -> None:
    result = run_sip("score", "-f", fmt, str(plan))
    assert "Raise reading" in result.stdout
    _assert_terminal_safe(result.stdout)
    _assert_no_injected_command(result.stdout)
    if fmt == "markdown":
        assert not _LIVE_IMG.search(result.stdout)
    else:
        assert "[bold]x[/bold]" in result.stdout  # shown as written, not as Rich markup


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_progress_output_is_safe(run_sip, plan: Path, invalid: Path, fmt: str) -> None:
    result = run_sip("progress", "-f", fmt, "--as-of", "2026-12-01", str(plan), str(invalid))
    assert "intial" in result.stdout  # the invalid plan's message
    _assert_terminal_safe(result.stdout)
    _assert_no_injected_command(result.stdout)
    if fmt == "markdown":
        assert not _LIVE_IMG.search(result.stdout)


@pytest.mark.parametrize("fmt", ["table", "markdown", "html"])
def test_report_output_is_safe(run_sip, plan: Path, fmt: str) -> None:
    result = run_sip("report", "-f", fmt, "--as-of", "2026-12-01", str(plan.parent))
    assert "Lincoln" in result.stdout
    _assert_terminal_safe(result.stdout)
    if fmt == "markdown":
        assert not _LIVE_IMG.search(result.stdout)
        assert not any(line.startswith("# Injected") for line in result.stdout.splitlines())
    if fmt == "table":
        # Shown as written, not as Rich markup (which would leave no "[bold]"); the narrow
        # columns of the rollup fold the rest of it onto the next line.
        assert "[bold]x[/" in result.stdout


@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_diff_output_is_safe(run_sip, plan: Path, tmp_path: Path, fmt: str) -> None:
    old = tmp_path / "old.yaml"
    old.write_text(MINIMAL_PLAN, encoding="utf-8")
    result = run_sip("diff", "-f", fmt, str(old), str(plan))
    assert "Raise reading" in result.stdout
    _assert_terminal_safe(result.stdout)
    _assert_no_injected_command(result.stdout)
    if fmt == "markdown":
        assert not _LIVE_IMG.search(result.stdout)


def test_file_names_are_safe_too(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan\x1b[2J\u202e.yaml"
    path.write_text(INVALID_PLAN, encoding="utf-8")
    for args in (("validate",), ("validate", "-f", "concise"), ("progress", "-f", "markdown")):
        result = run_sip(*args, str(path))
        assert "plan" in result.stdout
        _assert_terminal_safe(result.stdout)


def test_reports_for_people_are_fenced_from_workflow_commands_on_github(run_sip) -> None:
    plan = str(EXAMPLES / "middle.yaml")
    github = {"GITHUB_ACTIONS": "true"}
    table = run_sip("score", plan, env=github).stdout.splitlines()
    assert table[0].startswith("::stop-commands::")
    token = table[0].removeprefix("::stop-commands::")
    assert len(token) == 32 and table[-1] == f"::{token}::"
    # A second run uses another token: a plan cannot guess it to end the fence early.
    assert run_sip("score", plan, env=github).stdout.splitlines()[0] != table[0]
    # Formats read by tools are never fenced, nor is anything outside GitHub Actions.
    json.loads(run_sip("score", "-f", "json", plan, env=github).stdout)
    assert "::" not in run_sip("score", "-f", "markdown", plan, env=github).stdout.splitlines()[0]
    assert not run_sip("score", plan).stdout.startswith("::")
