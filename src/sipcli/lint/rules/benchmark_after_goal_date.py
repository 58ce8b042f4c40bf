"""SIP304 benchmark-after-goal-date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules._when import names_administration
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import benchmarks_of
from sipcli.periods import When


class BenchmarkAfterGoalDate(Rule[NoOptions]):
    """Benchmarks fall due on or before their goal's target date: they are checkpoints on the way.

    Why it matters: a benchmark exists to tell the team, before the goal's result is known,
    whether it is on track. A check due after the goal's target date comes too late to
    change anything for that goal; usually the date or the year is simply wrong. A goal
    dated as an assessment window ("spring 2027 MCAS") is settled when its results are known;
    a check written as a school year or a season counts from its first day.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            target: {value: 18, by: 2027-06-30}
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2027-01-31, 2027-08-31]

    Passes:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            target: {value: 18, by: 2027-06-30}
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]
    """

    code = "SIP304"
    name = "benchmark-after-goal-date"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each benchmark due date later than its goal's target date."""
        for path, goal, benchmark in benchmarks_of(plan):
            if goal.target is None:
                continue
            goal_date = goal.target.by
            for k, due in enumerate(benchmark.due):
                # The target is settled on its known day: a period's last day, or for an
                # assessment window ("spring 2027 MCAS") the day its results are known.
                if _checked_from(due) > goal_date.known:
                    yield Finding(
                        (*path, "due", k),
                        f"Benchmark {benchmark.id} is due {due}, after goal {goal.id}'s "
                        f"target date ({goal_date}), too late to show whether the goal is "
                        "on track. Move the check before the target date, or fix the year.",
                        anchor="value",
                    )


def _checked_from(due: When) -> dt.date:
    """Return the first day a benchmark's check can be made.

    A date, month, term or assessment window is checked when it is settled (for a window, when
    its results are known); a whole school year or season may be checked any time within it.
    """
    return due.start if names_administration(due) else due.known
