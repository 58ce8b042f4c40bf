"""SIP406 goal-without-objective."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalWithoutObjective(Rule[NoOptions]):
    """Every goal names the strategic objectives whose success it measures.

    Why it matters: goals are how the school will know its strategic objectives worked. A
    goal tied to no objective measures something the plan does nothing to change, or hides
    which work is expected to move it; either way the team cannot learn from the result.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.

    Passes:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            objective_refs: [O1]
    """

    code = "SIP406"
    name = "goal-without-objective"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without objective references."""
        for index, goal in enumerate(plan.goals or []):
            if not goal.objective_refs:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} does not say which strategic objective it measures. Add "
                    "objective_refs: with the ids of the objectives whose success it shows.",
                )
