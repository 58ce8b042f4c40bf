"""Hostile or buggy templates are stopped with a clear error naming the template and the line.

Each template below once hung sip, filled its memory or ended in "sip: internal error". The
tests give small budgets, so that a runaway template is stopped within a fraction of a second.
"""

from __future__ import annotations

import time
from pathlib import Path

import docx
import pytest

from .conftest import EXAMPLES

#: Small budgets: a hostile template is stopped quickly, a real template never reaches them.
FAST = ("--template-seconds", "1", "--template-max-bytes", "200000")
#: How long a hostile template may take to be stopped, CliRunner's start-up included.
PROMPT = 5.0

#: The hostile line goes at line 3, after a heading, so the message's line can be checked.
HEADER = "# {{ view.title }}\n\n"

HOSTILE = {
    "nested loops that never end": (
        "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
        "wrote more than 200,000 bytes",
    ),
    "nested loops with no output": (
        "{% set r = range(100000) %}{% for i in r %}{% for j in r %}{% endfor %}{% endfor %}",
        "took longer than 1 s",
    ),
    "a huge exponent": ("{{ 3 ** 999999999 }}", "computes a number larger than"),
    "a huge centre": ("{{ 'x'|center(1000000000) }}", "builds a value larger than"),
    "a huge repetition": ("{{ 'x' * 1000000000 }}", "builds a value larger than"),
    "a huge printf width": ("{{ '%1000000000d'|format(1) }}", "builds a value larger than"),
    "a huge str.format width": ("{{ '{:>1000000000}'.format(1) }}", "builds a value larger than"),
    "a huge indent": ("{{ 'a\\nb'|indent(1000000000) }}", "builds a value larger than"),
    "a string doubled in a loop": (
        "{% set ns = namespace(s='x') %}{% for i in range(64) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
        "builds a value larger than",
    ),
    "a recursive macro": (
        "{% macro again() %}{{ again() }}{% endmacro %}{{ again() }}",
        "calls itself without end (macro or include)",
    ),
    "a template that includes itself": (
        "{% include 'plan.md.j2' %}",
        "calls itself without end (macro or include)",
    ),
    "a range above the sandbox's limit": ("{{ range(1000000)|list }}", "Range too big"),
    "a number too long to print": (
        "{{ (10 ** 10000)|string }}",
        # Python's own words, which sip passes on: "(4300 digits)" from 3.11, "(4300)" in 3.10.
        "Exceeds the limit (4300",
    ),
}


def _template_dir(tmp_path: Path, body: str) -> Path:
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "plan.md.j2").write_text(HEADER + body + "\n", encoding="utf-8")
    return folder


def _assert_stopped(stderr: str, template: str, line: int, problem: str) -> None:
    assert f"template {template} " in stderr
    assert f"at line {line}" in stderr
    assert problem in stderr
    assert "internal error" not in stderr
    assert "Traceback" not in stderr


@pytest.mark.parametrize(("body", "problem"), HOSTILE.values(), ids=HOSTILE.keys())
def test_a_hostile_template_is_stopped_at_its_line(
    run_sip, minimal_plan: Path, tmp_path: Path, body: str, problem: str
) -> None:
    folder = _template_dir(tmp_path, body)
    target = tmp_path / "out" / "plan.md"
    # A template stopped for its size must be stopped by the size check, not by the clock on a
    # busy machine: give it the default time budget; loops keep the short one.
    limits = FAST if "took longer" in problem else ("--template-max-bytes", "200000")
    started = time.monotonic()
    result = run_sip("render", minimal_plan, "--template-dir", folder, "-o", target, *limits)
    elapsed = time.monotonic() - started
    assert result.exit_code == 2, result.stderr
    _assert_stopped(result.stderr, "plan.md.j2", 3, problem)
    assert elapsed < PROMPT
    assert not target.exists()


def test_the_timeout_says_what_to_do(run_sip, minimal_plan: Path, tmp_path: Path) -> None:
    body, _ = HOSTILE["nested loops with no output"]
    folder = _template_dir(tmp_path, body)
    result = run_sip("render", minimal_plan, "--template-dir", folder, *FAST)
    assert result.exit_code == 2
    assert "a loop that never ends? raise --template-seconds" in result.stderr
    assert not minimal_plan.with_suffix(".md").exists()


def test_an_included_template_is_named(run_sip, minimal_plan: Path, tmp_path: Path) -> None:
    folder = _template_dir(tmp_path, "{% include 'part.md.j2' %}")
    (folder / "part.md.j2").write_text("fine\n{{ 'x' * 1000000000 }}\n", encoding="utf-8")
    result = run_sip("render", minimal_plan, "--template-dir", folder, *FAST)
    assert result.exit_code == 2
    _assert_stopped(
        result.stderr, "part.md.j2 (used by plan.md.j2)", 2, "builds a value larger than"
    )


def test_the_budgets_come_from_the_environment(run_sip, minimal_plan: Path, tmp_path: Path) -> None:
    # 100 MB of output, which the default budget (20 MB) also refuses; 1 kB makes it quick.
    folder = _template_dir(tmp_path, "{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}")
    result = run_sip(
        "render", minimal_plan, "--template-dir", folder, env={"SIP_TEMPLATE_MAX_BYTES": "1000"}
    )
    assert result.exit_code == 2
    _assert_stopped(result.stderr, "plan.md.j2", 3, "wrote more than 1,000 bytes")

    # About ten million loop steps: a second or two, far more than the 0.2 s allowed.
    folder.joinpath("plan.md.j2").write_text(
        HEADER + "{% set r = range(3200) %}{% for i in r %}{% for j in r %}{% endfor %}"
        "{% endfor %}\n",
        encoding="utf-8",
    )
    result = run_sip(
        "render", minimal_plan, "--template-dir", folder, env={"SIP_TEMPLATE_SECONDS": "0.2"}
    )
    assert result.exit_code == 2
    _assert_stopped(result.stderr, "plan.md.j2", 3, "took longer than 0.2 s")
    assert not minimal_plan.with_suffix(".md").exists()


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("{{ 'x' * 1000000000 }}", "builds a value larger than"),
        ("{% for i in range(100000) %}{{ 'x' * 100 }}{% endfor %}", "wrote more than"),
        ("{{ (10 ** 10000)|string }}", "integer string conversion"),
    ],
)
def test_a_hostile_word_template_is_stopped(
    run_sip, minimal_plan: Path, tmp_path: Path, text: str, problem: str
) -> None:
    template = tmp_path / "hostile.docx"
    document = docx.Document()
    document.add_paragraph("Plan")
    document.add_paragraph(text)
    document.save(str(template))
    target = tmp_path / "plan.docx"
    started = time.monotonic()
    result = run_sip(
        "render", minimal_plan, "--to", "docx", "--template", template, "-o", target, *FAST
    )
    assert result.exit_code == 2, result.stderr
    # The line is one of the document's XML, so the message also quotes the text around it.
    assert f"template {template} " in result.stderr
    assert problem in result.stderr
    assert "at line " in result.stderr
    assert f"(in the template's text near: Plan {text}" in result.stderr
    assert "internal error" not in result.stderr
    assert time.monotonic() - started < PROMPT
    assert not target.exists()


def test_a_real_plan_renders_within_the_default_budgets(run_sip, tmp_path: Path) -> None:
    started = time.monotonic()
    result = run_sip("render", EXAMPLES / "elementary.yaml", "--to", "md,html,docx", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    assert time.monotonic() - started < PROMPT
    for suffix in (".md", ".html", ".docx"):
        assert (tmp_path / f"elementary{suffix}").stat().st_size > 1000
