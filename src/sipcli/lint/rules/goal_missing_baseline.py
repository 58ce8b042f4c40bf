"""SIP201 goal-missing-baseline."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalMissingBaseline(Rule[NoOptions]):
    """Every goal states its baseline: the value it starts from, and when that was measured.

    Why it matters: without a starting point nobody can judge whether a target is ambitious
    or timid, or whether the school is on track during the year. DESE's goals answer "from
    what, to what, by when"; a goal without a baseline answers only part of that.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            target: {value: 45, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            baseline: {value: 38, period: spring 2026}
            target: {value: 45, by: 2027-09-30}
    """

    code = "SIP201"
    name = "goal-missing-baseline"
    severity = Severity.WARNING
    dese_requirement = True

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without a baseline."""
        for index, goal in enumerate(plan.goals or []):
            if goal.baseline is None:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} has no baseline. Add baseline: {{value: ..., period: ...}} "
                    "with the current result and when it was measured.",
                )
