"""SIP210 goal-date-outside-horizon."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import Path, plan_horizon_end, plan_year_bounds


class GoalDateOutsideHorizonOptions(RuleOptions):
    """Options of goal-date-outside-horizon."""

    grace_months: Annotated[int, Field(ge=0)] = 6
    """Months after the end of the plan's horizon a target date may fall, since spring results arrive in the fall."""


class GoalDateOutsideHorizon(Rule[GoalDateOutsideHorizonOptions]):
    """Every goal's target dates fall within the years the plan covers.

    Why it matters: a goal dated before the plan starts cannot measure the plan's work, and
    one dated years after it ends will never be checked by this plan's team. Targets inside
    the plan's horizon (plus a few months for spring results that arrive in the fall) are the
    ones the school will actually report on.

    Fails:

        goals:
          - id: G1
            statement: By fall 2032, 60% of grade 3 students will meet or exceed expectations in ELA.
            target: {value: 60, by: 2032-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2029, 55% of grade 3 students will meet or exceed expectations in ELA.
            target: {value: 55, by: 2029-09-30}
    """

    code = "SIP210"
    name = "goal-date-outside-horizon"
    severity = Severity.WARNING
    options_model = GoalDateOutsideHorizonOptions

    def check(
        self, plan: Plan, options: GoalDateOutsideHorizonOptions, context: Context
    ) -> Iterator[Finding]:
        """Flag each target or interim target dated before the plan or after its horizon."""
        start, horizon_end = plan_year_bounds(plan)[0], plan_horizon_end(plan)
        end = _months_later(horizon_end, options.grace_months)
        for index, goal in enumerate(plan.goals or []):
            for date, path, what in _dates(goal, ("goals", index)):
                problem = _problem(date, start, horizon_end, end)
                if problem is None:
                    continue
                yield Finding(
                    path,
                    f"Goal {goal.id}'s {what} {date} {problem}. Date it within the plan's "
                    "years, or change the plan's school_year or horizon_years.",
                    anchor="value",
                )


def _dates(goal: Goal, path: Path) -> Iterator[tuple[dt.date, Path, str]]:
    if goal.target is not None:
        yield goal.target.by, (*path, "target", "by"), "target date"
    for position, interim in enumerate(goal.interim_targets or []):
        yield interim.by, (*path, "interim_targets", position, "by"), "interim target date"


def _problem(date: dt.date, start: dt.date, horizon_end: dt.date, end: dt.date) -> str | None:
    if date < start:
        return f"is before the plan starts on {start}"
    if date <= end:
        return None
    grace = f" (dates up to {end} leave time for results that arrive later)"
    return f"is after the plan's horizon, which ends {horizon_end}" + (
        grace if end > horizon_end else ""
    )


def _months_later(date: dt.date, months: int) -> dt.date:
    """Return the last day of the month ``months`` after ``date``'s month."""
    year, month = divmod(date.month - 1 + months, 12)
    year += date.year
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
