"""Run one rule on a plan fragment: the fragment is completed with a minimal plan's header."""

from __future__ import annotations

from typing import Any

from ruamel.yaml import YAML

from sipcli.diagnostics import format_plan_path
from sipcli.lint.engine import run_rules
from sipcli.lint.rules.registry import RuleClass
from sipcli.lint.settings import EnabledRule
from sipcli.load.source import load_bytes
from sipcli.model.reference import default_reference
from sipcli.validate.document import validate_document

HEADER = {
    "schema_version": "schema_version: 1\n",
    "school": "school:\n  name: Test School\n  district: Test District\n",
    "plan": "plan:\n  type: initial\n  school_year: SY2026-27\n",
}


def complete_plan(fragment: str) -> str:
    """Return a whole plan: the header's keys the fragment does not set, then the fragment."""
    keys = set(YAML(typ="safe", pure=True).load(fragment) or {})
    return "".join(text for key, text in HEADER.items() if key not in keys) + fragment


class _Settings:
    reference = default_reference()


def findings_of(rule: RuleClass, fragment: str, options: dict[str, Any] | None = None) -> list[str]:
    """Return the plan paths of ``rule``'s findings on the completed fragment, in order.

    The fragment must be a valid plan once completed: a schema error fails the test.
    """
    loaded = load_bytes(complete_plan(fragment).encode("utf-8"), file="case.yaml")
    assert loaded.document is not None, loaded.diagnostic
    validation = validate_document(loaded.document)
    assert validation.plan is not None, [d.message for d in validation.diagnostics]
    enabled = EnabledRule(rule(), rule.severity, rule.options_model.model_validate(options or {}))
    found = run_rules(validation.plan, [enabled], _Settings())  # type: ignore[arg-type]
    return [format_plan_path(item.finding.path) for item in found]


def messages_of(rule: RuleClass, fragment: str, options: dict[str, Any] | None = None) -> list[str]:
    """Return the messages of ``rule``'s findings on the completed fragment."""
    loaded = load_bytes(complete_plan(fragment).encode("utf-8"), file="case.yaml")
    validation = validate_document(loaded.document)  # type: ignore[arg-type]
    assert validation.plan is not None
    enabled = EnabledRule(rule(), rule.severity, rule.options_model.model_validate(options or {}))
    return [item.finding.message for item in run_rules(validation.plan, [enabled], _Settings())]  # type: ignore[arg-type]
