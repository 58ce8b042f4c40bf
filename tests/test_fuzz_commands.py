"""sip fuzzes itself: every command's contract on generated plans.

Plans come from the examples, mutated as text (``test_robustness.mutated_plans``) or with
hostile Unicode put into their values: lone surrogates, bidi controls, ESC, CR, NEL, U+2028,
workflow-command lines. Whatever the plan, every command exits 0, 1 or 2, never with an
unexpected exception (what a user would see as "internal error"), and a command that fails
writes nothing.

The default profile is short so the suite stays quick; ``SIP_FUZZ=long`` runs thousands of
cases (``SIP_FUZZ_EXAMPLES=N`` sets the number).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from sipcli.cli import app

from .conftest import EXAMPLES
from .fuzzing import fuzz_profile
from .test_robustness import mutated_plans

PROFILE = fuzz_profile(8)

#: Written as YAML double-quoted escapes, so the file itself stays valid UTF-8.
PAYLOADS = [
    "\\udfff",
    "\\ud83d",
    "\\u202e",
    "\\u2066",
    "\\x1b[2J",
    "\\x1b]0;owned\\x07",
    "\\r# Injected heading",
    "\\n::warning title=INJECTED::x",
    "\\x85",
    "\\u2028",
    "\\x00",
    "<img src=x onerror=alert(1)>",
    "{{ 7*7 }}",
    "[bold]x[/bold]",
    "| a | b |",
    "\\t",
]
SOURCES = [*sorted(EXAMPLES.glob("*.yaml")), EXAMPLES / "flawed" / "plan.yaml"]
_QUOTABLE_VALUE = re.compile(r"^(\s*(?:- )?[a-z_]+: )([A-Za-z][^#\n\"'{}\[\]:]*)$", re.MULTILINE)


@st.composite
def plans_with_payloads(draw: st.DrawFn) -> bytes:
    """An example plan with hostile text put into some of its plain text values."""
    text = draw(st.sampled_from(SOURCES)).read_text(encoding="utf-8")
    matches = list(_QUOTABLE_VALUE.finditer(text))
    chosen = draw(st.lists(st.sampled_from(matches), min_size=1, max_size=4, unique_by=id))
    for match in sorted(chosen, key=lambda m: m.start(), reverse=True):
        payload = draw(st.sampled_from(PAYLOADS))
        value = match.group(2).replace("\\", "\\\\")
        cut = draw(st.integers(0, len(value)))
        quoted = f'"{value[:cut]}{payload}{value[cut:]}"'
        text = text[: match.start()] + match.group(1) + quoted + text[match.end() :]
    return text.encode("utf-8")


COMMANDS: list[list[str]] = [
    ["validate", "-f", "json", "{plan}"],
    ["validate", "-f", "concise", "{plan}"],
    ["lint", "{plan}"],
    ["lint", "-f", "sarif", "{plan}"],
    ["lint", "-f", "junit", "{plan}"],
    ["score", "{plan}"],
    ["score", "-f", "markdown", "{plan}"],
    ["progress", "--as-of", "2027-02-15", "{plan}"],
    ["progress", "--as-of", "2027-02-15", "-f", "json", "{plan}"],
    ["report", "--as-of", "2027-02-15", "-f", "html", "{plan}"],
    ["diff", str(EXAMPLES / "middle.yaml"), "{plan}"],
    ["render", "{plan}", "--to", "md,html", "-o", "{out}"],
    ["render", "{plan}", "--draft", "--to", "md,html", "-o", "{out}"],
    ["status", "{plan}"],
    ["status", "-f", "json", "{plan}"],
    ["fmt", "--check", "{plan}"],
]


def _run(args: list[str]) -> tuple[int, str, str]:
    # catch_exceptions=False: an exception that escapes a command fails the test; through
    # the installed entry point it would be the "internal error" line.
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def check_contract(raw: bytes, folder: Path) -> None:
    """Run every command on the plan ``raw`` and check sip's promises for each."""
    plan = folder / "plan.yaml"
    plan.write_bytes(raw)
    for template in COMMANDS:
        out = folder / f"out-{COMMANDS.index(template)}"
        args = [part.replace("{plan}", str(plan)).replace("{out}", str(out)) for part in template]
        code, stdout, stderr = _run(args)
        shown = f"sip {' '.join(args)} gave {code}:\n{stdout[-2000:]}\n{stderr[-2000:]}"
        assert code in (0, 1, 2), shown
        assert "internal error" not in stderr and "Traceback" not in stderr, shown
        if "json" in template:
            json.loads(stdout)
        if template[0] == "render" and code != 0:
            assert not out.exists() or not any(out.iterdir()), shown
        assert plan.read_bytes() == raw, f"{shown}\nthe plan was changed"


@pytest.fixture(autouse=True)
def _outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@PROFILE
@given(raw=plans_with_payloads())
def test_every_command_keeps_its_contract_on_hostile_text(raw: bytes, tmp_path_factory) -> None:
    check_contract(raw, tmp_path_factory.mktemp("fuzz"))


@PROFILE
@given(raw=mutated_plans())
def test_every_command_keeps_its_contract_on_mutated_plans(raw: bytes, tmp_path_factory) -> None:
    check_contract(raw, tmp_path_factory.mktemp("fuzz"))


@settings(max_examples=20, deadline=None)
@given(raw=plans_with_payloads())
def test_the_payload_strategy_really_puts_payloads_in(raw: bytes) -> None:
    text = raw.decode("utf-8")
    assert any(payload in text for payload in PAYLOADS)
