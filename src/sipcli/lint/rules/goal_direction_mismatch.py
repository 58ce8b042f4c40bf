"""SIP205 goal-direction-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.statement.compare import format_number


class GoalDirectionMismatch(Rule[NoOptions]):
    """A goal's target lies above its baseline when it should increase, below when it should decrease.

    Why it matters: a goal marked "increase" whose target is at or below the baseline is a
    typo or a copy-paste slip, and it makes the goal met before the year starts (or never
    met). Readers trust the numbers in the goals table; they have to agree with the words.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 ELA meeting or exceeding will rise from 38% to 35%.
            unit: percent
            direction: increase
            baseline: {value: 38, period: spring 2026}
            target: {value: 35, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 ELA meeting or exceeding will rise from 38% to 45%.
            unit: percent
            direction: increase
            baseline: {value: 38, period: spring 2026}
            target: {value: 45, by: 2027-09-30}
    """

    code = "SIP205"
    name = "goal-direction-mismatch"
    severity = Severity.ERROR

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal whose target does not move from its baseline in its direction."""
        for index, goal in enumerate(plan.goals or []):
            if goal.baseline is None or goal.target is None:
                continue
            baseline, target = goal.baseline.value, goal.target.value
            if goal.direction == "increase" and target <= baseline:
                wrong = "is not above"
            elif goal.direction == "decrease" and target >= baseline:
                wrong = "is not below"
            else:
                continue
            yield Finding(
                ("goals", index, "target", "value"),
                f"Goal {goal.id} should {goal.direction}, but its target "
                f"({format_number(target)}) {wrong} its baseline ({format_number(baseline)}). "
                "Fix the target or the baseline, or change direction.",
                anchor="value",
            )
