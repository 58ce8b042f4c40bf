"""SIP801 smart-score-below."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Literal

from pydantic import Field

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan


class SmartScoreOptions(RuleOptions):
    """Options of SIP801."""

    min_score: Annotated[int, Field(ge=0, le=100)] = 60
    """The lowest SMART score (0-100) a goal may have, as `sip score` computes it."""
    framework: Literal["dese", "smartie", "classic"] = "dese"
    """The SMART framework to score against: dese, smartie or classic."""
    include_benchmarks: bool = False
    """Score benchmarks too, not only goals."""


class SmartScoreBelow(Rule[SmartScoreOptions]):
    """Every goal scores at least the agreed minimum against S.M.A.R.T. (as `sip score` rates it).

    Why it matters: DESE asks for S.M.A.R.T. goals, and reviewers return plans whose goals
    are not. This rule turns `sip score` into a gate in lint and CI: a goal below the
    threshold names its weakest criteria, and `sip score` shows the evidence and the fixes.

    Fails:

        goals:
          - id: G1
            statement: Improve reading.

    Passes:

        goals:
          - id: G1
            statement: >-
              By fall 2027, the share of grade 3-5 English learners meeting or exceeding
              expectations on the spring ELA MCAS will rise from 18% to 26%, led by the
              literacy coach and checked at each benchmark window.
            metric: mcas_meeting_exceeding
            student_group: english_learners
            unit: percent
            baseline: {value: 18, period: spring 2026}
            target: {value: 26, by: 2027-09-30}
            owner: Literacy coach
    """

    code = "SIP801"
    name = "smart-score-below"
    severity = Severity.WARNING
    options_model = SmartScoreOptions

    def check(self, plan: Plan, options: SmartScoreOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal (and benchmark, if asked) that scores below the minimum."""
        for item in context.score_goals(plan, context.reference, options.framework):
            if item.kind == "benchmark" and not options.include_benchmarks:
                continue
            if item.score >= options.min_score:
                continue
            weakest = ", ".join(
                f"{criterion.letter} ({criterion.score})"
                for criterion in item.criteria
                if not criterion.met
            )
            yield Finding(
                item.location,
                f"{item.kind.capitalize()} {item.id} scores {item.score}/100 against "
                f"{options.framework.upper()} S.M.A.R.T., below {options.min_score}; weakest: "
                f"{weakest}. Run `sip score` on this plan for the evidence and the fixes.",
            )
