"""SIP702 vague-goal."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan

_DIGIT = re.compile(r"[0-9]")


class VagueGoal(Rule[NoOptions]):
    """Every goal statement puts a number on the change: how much, for whom, by when.

    Why it matters: "improve reading" or "strengthen attendance" cannot be met or missed.
    DESE asks for goals a reader can check: a figure to reach, for a named group of students,
    by a date. A statement without a single number leaves all of that to the table below it,
    and the statement is what families and the school committee read.

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
        """Flag each goal statement that holds no number at all."""
        for index, goal in enumerate(plan.goals or []):
            if not _DIGIT.search(goal.statement):
                yield Finding(
                    ("goals", index, "statement"),
                    f"Goal {goal.id}'s statement gives no number, so nobody can tell when it is "
                    'met. Say how much, for whom and by when, e.g. "By fall 2027, grade 3 '
                    'students meeting expectations in ELA will rise from 38% to 45%."',
                    anchor="value",
                )
