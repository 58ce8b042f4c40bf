"""SIP202 goal-missing-target."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalMissingTarget(Rule[NoOptions]):
    """Every goal states its target: the value it aims for, and the date it will be known.

    Why it matters: a goal without a target cannot be met or missed, so nobody can tell at
    the end of the year whether the plan worked. DESE asks for measurable goals that say how
    much will change and by when; the target is that "how much" and "by when".

    Fails:

        goals:
          - id: G1
            statement: Grade 3 students meeting or exceeding expectations in ELA will rise from 38%.
            baseline: {value: 38, period: spring 2026}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            baseline: {value: 38, period: spring 2026}
            target: {value: 45, by: 2027-09-30}
    """

    code = "SIP202"
    name = "goal-missing-target"
    severity = Severity.WARNING
    dese_requirement = True

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without a target."""
        for index, goal in enumerate(plan.goals or []):
            if goal.target is None:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} has no target. Add target: {{value: ..., by: YYYY-MM-DD}} "
                    "with the result to reach and the date it will be known.",
                )
