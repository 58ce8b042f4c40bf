"""SIP209 goal-missing-owner."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalMissingOwner(Rule[NoOptions]):
    """Every goal names the role accountable for it.

    Why it matters: a goal that belongs to everyone belongs to no one. Naming an owner (a
    role, such as "Assistant principal") tells the team who watches the benchmarks, raises
    the alarm when they slip and reports progress to the district.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            owner: Principal
    """

    code = "SIP209"
    name = "goal-missing-owner"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without an owner."""
        for index, goal in enumerate(plan.goals or []):
            if not goal.owner:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} has no owner. Add owner: with the role accountable for it, "
                    'e.g. "Principal" or "Literacy coach".',
                )
