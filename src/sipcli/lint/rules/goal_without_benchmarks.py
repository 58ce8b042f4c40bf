"""SIP301 goal-without-benchmarks."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalWithoutBenchmarks(Rule[NoOptions]):
    """Every goal has interim benchmarks: the checkpoints that show progress during the year.

    Why it matters: a goal such as spring MCAS results is known only once a year, often after
    the year is over. Interim benchmarks, agreed before the work starts, let the team see
    during the year whether the plan is being carried out and whether it is working, and
    change course in time. DESE requires benchmarks with every goal.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-02-15, 2027-05-15]
    """

    code = "SIP301"
    name = "goal-without-benchmarks"
    severity = Severity.WARNING
    dese_requirement = True

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without benchmarks."""
        for index, goal in enumerate(plan.goals or []):
            if goal.benchmarks:
                continue
            # An empty `benchmarks: []` exists in the file: point at it rather than the goal.
            path: tuple[str | int, ...] = ("goals", index)
            if goal.benchmarks is not None:
                path = (*path, "benchmarks")
            yield Finding(
                path,
                f"Goal {goal.id} has no interim benchmarks. Add benchmarks: with checkpoints "
                "during the year, each with its type, due dates, data source and owner.",
            )
