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
from sipcli.lint.placement import place_missing
from sipcli.lint.rules import ALL_RULES
from sipcli.lint.rules.base import Context, Finding, ScoredGoal
from sipcli.lint.settings import EnabledRule, RuleSelection, Settings, settings_for
from sipcli.lint.suppress import apply_suppressions
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.positions import locate
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.model.kinds import facts_for
from sipcli.model.reference import Reference
from sipcli.validate.plans import FileProgress, PlanFile, read_plans


@dataclass(frozen=True)
class RuleFinding:
    """A finding with the rule that made it."""

    rule: EnabledRule
    finding: Finding


def run_rules(plan: Plan, rules: Iterable[EnabledRule], settings: Settings) -> list[RuleFinding]:
    """Run on a valid plan those of ``rules`` that apply to its kind; return their findings."""
    context = Context(plan, settings.reference, score_goals=_score_goals)
    return [
        RuleFinding(enabled, finding)
        for enabled in applicable_rules(plan, rules)
        for finding in enabled.rule.check(plan, enabled.options, context)
    ]


def applicable_rules(plan: Plan, rules: Iterable[EnabledRule]) -> list[EnabledRule]:
    """Return ``rules`` without those the plan's kind is not asked for.

    A Level 4 turnaround plan has no 2019 executive summary, a school improvement plan under
    M.G.L. c.71 §59C no Turnaround Practices: ``data/plan_kinds.yaml`` names, for each kind,
    the rules that do not apply. A plan without ``plan.kind`` is a Sustainable Improvement
    Plan, to which every rule applies.
    """
    skip = facts_for(plan).skip
    return [
        enabled
        for enabled in rules
        if enabled.rule.name not in skip and enabled.rule.code not in skip
    ]


def _score_goals(plan: Plan, reference: Reference, framework: str) -> Sequence[ScoredGoal]:
    # The rules may not import the scorer (they are independent packages); the engine
    # hands SIP801 this function, and the scorer is imported only when that rule runs.
    from sipcli.score import score_plan  # noqa: PLC0415

    return list(score_plan(plan, reference, framework))


def to_diagnostic(document: Document, found: RuleFinding) -> Diagnostic:
    """Place a finding in the file and give it its code, name and configured severity."""
    line, column, message = _position(document, found.finding)
    check = Check(found.rule.rule.code, found.rule.rule.name, "", found.rule.severity)
    return Diagnostic.of(
        check,
        file=document.file,
        line=line,
        column=column,
        message=message,
        path=format_plan_path(found.finding.path),
    )


def _position(document: Document, finding: Finding) -> tuple[int, int, str]:
    """Return a finding's line, column and message.

    A finding about a key the file lacks points where the key belongs (the end of the
    section before it), and its message says so, so that an editor jumping to the line
    lands where the user must type; a key the file has, even empty, is pointed at.
    """
    if finding.anchor == "missing":
        placement = place_missing(document, finding.path)
        if placement is not None:
            return placement.line, placement.column, f"{finding.message} {placement.sentence()}"
    anchor = "key" if finding.anchor == "missing" else finding.anchor
    where = locate(document.data, finding.path, anchor)
    return where.line, where.column, finding.message


def lint_plan(source: PlanFile, settings: Settings) -> FileResult:
    """Lint one plan file as read: a file with format errors keeps those and skips the rules."""
    if source.plan is None or source.document is None:
        return source.result
    configured = settings.rules_for(source.path)
    rules = applicable_rules(source.plan, configured)
    found = run_rules(source.plan, rules, settings)
    diagnostics = [to_diagnostic(source.document, item) for item in found]
    # A suppression of a rule the plan's kind skips is left alone, as for a rule turned off;
    # one that names no rule is judged when every rule that can apply to the plan ran.
    enabled = {code for item in rules for code in (item.rule.code, item.rule.name)}
    kept = apply_suppressions(
        diagnostics,
        source.result.lines,
        enabled,
        every_rule_enabled=len(configured) == len(ALL_RULES),
        file=source.result.file,
    )
    return FileResult(source.result.file, sorted(kept), source.result.lines, settings.fail_on)


def lint_files(
    paths: Sequence[Path],
    *,
    config: Path | None = None,
    profile: str | None = None,
    selection: RuleSelection | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_special: bool = False,
    on_file: FileProgress | None = None,
) -> RunResult:
    """Lint every file, each with the configuration that applies to it.

    ``on_file`` is told ``(done, total)`` as files are linted (see `read_plans`).

    Raises:
        SipError: when a configuration file is invalid, a selector names no rule, or a file
            cannot be read.
    """
    results = []
    sources = read_plans(
        paths, config=config, max_bytes=max_bytes, allow_special=allow_special, on_file=on_file
    )
    for source in sources:
        settings = settings_for(source.path, config=config, profile=profile, selection=selection)
        results.append(lint_plan(source, settings))
    return RunResult(results)
