"""SIP407 objective-without-goal."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class ObjectiveWithoutGoal(Rule[NoOptions]):
    """Every strategic objective is measured by at least one goal.

    Why it matters: an objective that no goal measures has no agreed way to show it
    worked. Months of effort can go into it without the team, the school committee or DESE
    ever seeing whether students' results changed because of it.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
          - id: O2
            title: Make every student known by an adult
        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            objective_refs: [O1]

    Passes:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
          - id: O2
            title: Make every student known by an adult
        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            objective_refs: [O1]
          - id: G2
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            objective_refs: [O2]
    """

    code = "SIP407"
    name = "objective-without-goal"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each strategic objective that no goal names."""
        if not plan.goals:
            return  # a plan without goals is missing a stage, which SIP602 reports
        measured = {ref for goal in plan.goals for ref in goal.objective_refs or []}
        for index, objective in enumerate(plan.strategic_objectives or []):
            if objective.id not in measured:
                yield Finding(
                    ("strategic_objectives", index),
                    f"No goal measures strategic objective {objective.id}. Name it in the "
                    "objective_refs of the goal that shows its success, or add such a goal.",
                )
