"""Score goals, benchmarks and free-text statements criterion by criterion, from 0 to 100."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from sipcli.diagnostics import format_plan_path
from sipcli.model import Plan
from sipcli.model.reference import Reference
from sipcli.score.facts import Facts, facts_of_benchmark, facts_of_goal, facts_of_text
from sipcli.score.frameworks import FRAMEWORKS, Criterion

#: A criterion is met when at least this share of its weighted checks pass.
MET_AT = 75


@dataclass(frozen=True)
class CheckResult:
    """One check of a criterion, as scored."""

    name: str
    weight: int
    passed: bool
    evidence: str
    suggestion: str | None
    field: str | None = None
    """The plan path of the field the evidence comes from (for tools; the evidence says it in words)."""


@dataclass(frozen=True)
class CriterionScore:
    """How one letter scored: 0-100, met or not, the evidence, and what to add."""

    letter: str
    name: str
    score: int
    met: bool
    checks: tuple[CheckResult, ...]

    @property
    def evidence(self) -> list[str]:
        """What the checks found, passed or not."""
        return [check.evidence for check in self.checks]

    @property
    def suggestion(self) -> str | None:
        """The fixes of the failed checks, heaviest first; None when every check passed."""
        fixes = [check.suggestion for check in sorted(self.checks, key=lambda c: -c.weight)]
        text = " ".join(fix for fix in fixes if fix)
        return text or None

    def to_dict(self) -> dict[str, Any]:
        """Return the criterion as plain data for the JSON report."""
        return {
            "letter": self.letter,
            "name": self.name,
            "score": self.score,
            "met": self.met,
            "evidence": self.evidence,
            "suggestion": self.suggestion,
            "checks": [check.__dict__ for check in self.checks],
        }


@dataclass(frozen=True)
class ItemScore:
    """The score of one goal, benchmark or statement."""

    kind: str
    id: str
    statement: str
    location: tuple[str | int, ...]
    """Where it is in the plan, e.g. ("goals", 0, "benchmarks", 1); empty for free text."""
    score: int
    criteria: tuple[CriterionScore, ...]
    facts: Facts = field(repr=False)

    @property
    def path(self) -> str:
        """The plan path, e.g. ``goals[0].benchmarks[1]``; empty for free text."""
        return format_plan_path(self.location)

    def to_dict(self) -> dict[str, Any]:
        """Return the score as plain data for the JSON report."""
        return {
            "kind": self.kind,
            "id": self.id,
            "path": self.path,
            "statement": self.statement,
            "score": self.score,
            "criteria": [criterion.to_dict() for criterion in self.criteria],
            "elements": self.facts.elements.to_dict(),
            "disagreements": self.facts.disagreements,
        }


def _score_criterion(criterion: Criterion, facts: Facts) -> CriterionScore:
    results: list[CheckResult] = []
    for check in criterion.checks:
        outcome = check.run(facts)
        if outcome is not None:
            results.append(
                CheckResult(
                    check.name,
                    check.weight,
                    outcome.passed,
                    outcome.evidence,
                    outcome.suggestion,
                    outcome.field,
                )
            )
    total = sum(result.weight for result in results)
    passed = sum(result.weight for result in results if result.passed)
    score = round(100 * passed / total) if total else 100
    return CriterionScore(criterion.letter, criterion.name, score, score >= MET_AT, tuple(results))


def score_facts(
    facts: Facts, framework: str, *, item_id: str, location: tuple[str | int, ...]
) -> ItemScore:
    """Score one item's facts against a framework (dese, smartie or classic)."""
    criteria = tuple(_score_criterion(criterion, facts) for criterion in FRAMEWORKS[framework])
    total = round(sum(criterion.score for criterion in criteria) / len(criteria))
    return ItemScore(facts.kind, item_id, facts.statement, location, total, criteria, facts)


def score_text(
    text: str, reference: Reference, framework: str = "dese", *, number: int = 1
) -> ItemScore:
    """Score one free-text statement from its words alone."""
    facts = facts_of_text(text, f"Statement {number}", reference)
    return score_facts(facts, framework, item_id=str(number), location=())


def score_plan(plan: Plan, reference: Reference, framework: str = "dese") -> Iterator[ItemScore]:
    """Score every goal of a plan, each followed by its benchmarks."""
    for index, goal in enumerate(plan.goals or []):
        facts = facts_of_goal(goal, index, plan, reference)
        yield score_facts(facts, framework, item_id=goal.id, location=("goals", index))
        for position, benchmark in enumerate(goal.benchmarks or []):
            facts = facts_of_benchmark(benchmark, (index, position), goal, plan, reference)
            location = ("goals", index, "benchmarks", position)
            yield score_facts(facts, framework, item_id=benchmark.id, location=location)
