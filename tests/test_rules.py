"""Every rule against its pass and fail cases in tests/rules/<code>.yaml, and its own docs.

A case file looks like::

    rule: SIP201
    cases:
      - name: a goal without a baseline
        plan: |          # a plan fragment; schema_version, school and plan are added if absent
          goals: ...
        options: {}      # optional: the rule's options
        expect: ["goals[0]"]   # plan paths of the findings, in order ([] for a passing case)
"""

from __future__ import annotations

import re
import textwrap
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sipcli.lint.rules import ALL_RULES
from sipcli.lint.rules.registry import RuleClass, find_rule

from .rule_harness import findings_of

CASE_DIR = Path(__file__).parent / "rules"


def _load_cases() -> list[tuple[str, dict[str, Any]]]:
    cases = []
    for path in sorted(CASE_DIR.glob("*.yaml")):
        data = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        cases.extend((data["rule"], case) for case in data["cases"])
    return cases


CASES = _load_cases()


@pytest.mark.parametrize(
    ("code", "case"), CASES, ids=[f"{code}-{case['name']}" for code, case in CASES]
)
def test_rule_case(code: str, case: dict[str, Any]) -> None:
    assert findings_of(find_rule(code), case["plan"], case.get("options")) == case["expect"]


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_every_rule_has_a_failing_and_a_passing_case(rule: RuleClass) -> None:
    path = CASE_DIR / f"{rule.code}.yaml"
    assert path.is_file(), f"add {path.name} with pass and fail cases"
    expectations = [case["expect"] for code, case in CASES if code == rule.code]
    assert any(expectations) and any(not expect for expect in expectations)


def snippet(rule: RuleClass, heading: str) -> str:
    """Return the YAML snippet under ``Fails:`` or ``Passes:`` in the rule's documentation."""
    match = re.search(
        rf"^{heading}:\n\n((?:    .*\n|\n)+)", rule.documentation() + "\n", re.MULTILINE
    )
    assert match, f"{rule.code}'s docstring needs a '{heading}:' snippet"
    return textwrap.dedent(match.group(1))


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documented_snippets_behave_as_documented(rule: RuleClass) -> None:
    assert findings_of(rule, snippet(rule, "Fails")), "the Fails snippet must fail"
    assert findings_of(rule, snippet(rule, "Passes")) == [], "the Passes snippet must pass"


@pytest.mark.parametrize("rule", ALL_RULES, ids=lambda rule: rule.code)
def test_documentation_explains_why(rule: RuleClass) -> None:
    assert "Why it matters:" in rule.documentation()


def test_codes_and_names_are_unique_and_well_formed() -> None:
    codes = [rule.code for rule in ALL_RULES]
    names = [rule.name for rule in ALL_RULES]
    assert len(set(codes)) == len(codes) and len(set(names)) == len(names)
    assert all(re.fullmatch(r"SIP[2-8]\d\d", code) for code in codes)
    assert all(re.fullmatch(r"[a-z]+(-[a-z0-9]+)+", name) for name in names)


def test_every_rule_module_is_registered() -> None:
    modules = {
        path.stem
        for path in (Path(__file__).parents[1] / "src" / "sipcli" / "lint" / "rules").glob("*.py")
        if path.stem not in {"__init__", "base", "registry"} and not path.stem.startswith("_")
    }
    registered = {rule.__module__.rsplit(".", 1)[1] for rule in ALL_RULES}
    assert modules == registered
    assert all(rule.__module__.endswith(rule.name.replace("-", "_")) for rule in ALL_RULES)
