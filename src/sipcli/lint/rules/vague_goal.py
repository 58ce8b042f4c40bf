"""SIP702 vague-goal."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.statement.amounts import find_amounts


class VagueGoal(Rule[NoOptions]):
    """Every goal statement puts a figure on the change: how much, for whom, by when.

    Why it matters: "improve reading" or "strengthen attendance" cannot be met or missed.
    DESE asks for goals a reader can check: a figure to reach, for a named group of students,
    by a date. A statement without a single number leaves all of that to the table below it,
    and the statement is what families and the school committee read.

    A figure is a level, a starting point or a change, in digits or words ("from 38% to 45%",
    "by six percentage points"), read as `sip score` reads it. Years, dates, grades and
    terms are not figures: "By June 2027, grade 3 students will improve their reading" has
    none.

    Fails:

        goals:
          - id: G1
            statement: Improve reading achievement across the school.

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
    """

    code = "SIP702"
    name = "vague-goal"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal statement that gives no level, starting point or change."""
        for index, goal in enumerate(plan.goals or []):
            amounts = find_amounts(goal.statement)
            if amounts.target is None and amounts.baseline is None and amounts.change is None:
                yield Finding(
                    ("goals", index, "statement"),
                    f"Goal {goal.id}'s statement gives no figure (a year or a grade is not one), "
                    "so nobody can tell when it is "
                    'met. Say how much, for whom and by when, e.g. "By fall 2027, grade 3 '
                    'students meeting expectations in ELA will rise from 38% to 45%."',
                    anchor="value",
                )
