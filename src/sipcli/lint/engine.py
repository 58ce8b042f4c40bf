"""The lint engine: validate each file, run the enabled rules, place and filter their findings.

Rules yield findings with plan paths; the engine turns them into diagnostics at the file's
line and column, with the severity the configuration gives, then applies per-file ignores
and ``# sip: noqa`` comments. A file with schema errors reports those and skips its rules.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from sipcli.diagnostics import Check, Diagnostic, FileResult, RunResult, format_plan_path
from sipcli.lint.rules import ALL_RULES
from sipcli.lint.rules.base import Context, Finding
from sipcli.lint.settings import EnabledRule, RuleSelection, Settings, settings_for
from sipcli.lint.suppress import apply_suppressions
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.positions import locate
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.validate.check import validate_file


@dataclass(frozen=True)
class RuleFinding:
    """A finding with the rule that made it."""

    rule: EnabledRule
    finding: Finding


def run_rules(plan: Plan, rules: Iterable[EnabledRule], settings: Settings) -> list[RuleFinding]:
    """Run ``rules`` on a valid plan and return their findings, rule by rule."""
    context = Context(plan, settings.reference)
    return [
        RuleFinding(enabled, finding)
        for enabled in rules
        for finding in enabled.rule.check(plan, enabled.options, context)
    ]


def to_diagnostic(document: Document, found: RuleFinding) -> Diagnostic:
    """Place a finding in the file and give it its code, name and configured severity."""
    where = locate(document.data, found.finding.path, found.finding.anchor)
    check = Check(found.rule.rule.code, found.rule.rule.name, "", found.rule.severity)
    return Diagnostic.of(
        check,
        file=document.file,
        line=where.line,
        column=where.column,
        message=found.finding.message,
        path=format_plan_path(found.finding.path),
    )


def lint_file(path: Path, settings: Settings, *, max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    """Validate one file and, when it is valid, lint it.

    Raises:
        UnreadableFileError: when the file cannot be read at all.
    """
    checked = validate_file(path, max_bytes=max_bytes)
    if checked.plan is None or checked.document is None:
        return checked.result
    rules = settings.rules_for(path)
    found = run_rules(checked.plan, rules, settings)
    diagnostics = [to_diagnostic(checked.document, item) for item in found]
    enabled = {code for item in rules for code in (item.rule.code, item.rule.name)}
    kept = apply_suppressions(
        diagnostics,
        checked.result.lines,
        enabled,
        every_rule_enabled=len(rules) == len(ALL_RULES),
        file=checked.result.file,
    )
    return FileResult(checked.result.file, sorted(kept), checked.result.lines, settings.fail_on)


def lint_files(
    paths: Sequence[Path],
    *,
    config: Path | None = None,
    profile: str | None = None,
    selection: RuleSelection | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> RunResult:
    """Lint every file, each with the configuration that applies to it.

    Raises:
        SipError: when a configuration file is invalid, a selector names no rule, or a file
            cannot be read.
    """
    return RunResult(
        [
            lint_file(
                path,
                settings_for(path, config=config, profile=profile, selection=selection),
                max_bytes=max_bytes,
            )
            for path in paths
        ]
    )
