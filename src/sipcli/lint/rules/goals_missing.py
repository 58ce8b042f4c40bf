"""SIP602 goals-missing."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalsMissing(Rule[NoOptions]):
    """The plan sets goals: goals and benchmarks are a written submission DESE requires.

    Why it matters: goals and their interim benchmarks are one of the two parts of the plan
    DESE requires in writing, with the executive summary. They say what will change, for
    whom, by how much and by when, and they anchor the monitoring that tells the team during
    the year whether the plan is working.

    Fails:

        vision:
          statement: Every student reads with confidence and knows they belong.

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
    """

    code = "SIP602"
    name = "goals-missing"
    severity = Severity.WARNING
    dese_requirement = True

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a plan without goals."""
        if not plan.goals:
            yield Finding(
                ("goals",),
                "The plan has no goals, though DESE requires goals and benchmarks in writing. "
                "Add goals: with measurable goals, each with its interim benchmarks.",
                anchor="missing",
            )
