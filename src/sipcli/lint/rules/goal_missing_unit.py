"""SIP203 goal-missing-unit."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalMissingUnit(Rule[NoOptions]):
    """A goal with a baseline or target says what its numbers count: percent, SGP, scaled score.

    Why it matters: "from 38 to 45" means something different as a percentage of students,
    a growth percentile or a scaled score. Without a unit a reader has to guess, and sip
    cannot check that the numbers are possible for the measure.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, the mean ELA growth percentile will rise from 41 to 50.
            baseline: {value: 41, period: spring 2026}
            target: {value: 50, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, the mean ELA growth percentile will rise from 41 to 50.
            unit: sgp
            baseline: {value: 41, period: spring 2026}
            target: {value: 50, by: 2027-09-30}
    """

    code = "SIP203"
    name = "goal-missing-unit"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal that has a baseline or target but no unit."""
        for index, goal in enumerate(plan.goals or []):
            has_numbers = goal.baseline is not None or goal.target is not None
            if has_numbers and goal.unit is None:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} does not say what its baseline and target count. Add unit: "
                    "percent, sgp, scaled_score, percentile, count, days, rating or score.",
                )
