"""SIP210 goal-date-outside-horizon."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated

from pydantic import Field

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import Path, PlanYears, plan_years
from sipcli.periods import When, school_year_label


class GoalDateOutsideHorizonOptions(RuleOptions):
    """Options of goal-date-outside-horizon."""

    grace_months: Annotated[int, Field(ge=0)] = 6
    """Months after the end of the plan's horizon a target date may fall, since spring results arrive in the fall."""


class GoalDateOutsideHorizon(Rule[GoalDateOutsideHorizonOptions]):
    """Every goal's target dates fall within the years the plan covers.

    Why it matters: a goal dated before the plan starts cannot measure the plan's work, and
    one dated years after it ends will never be checked by this plan's team. Targets inside
    the plan's horizon (plus a few months for spring results that arrive in the fall) are the
    ones the school will actually report on. A target written as a period is judged by its
    span: a school year, a term or an assessment window must begin within the plan's years, a
    month or a season ("fall 2029") within the grace months after them. The years are the
    district's school years (its calendar in `.sip.yaml`, else the shipped one).

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
        school_years = plan_years(plan, plan.plan.horizon)
        if school_years is None:
            return  # a plan that names no school year has no horizon to judge against
        years = _Years(school_years, _months_later(school_years.last_day, options.grace_months))
        for index, goal in enumerate(plan.goals or []):
            for when, path, what in _dates(goal, ("goals", index)):
                problem = years.problem(when)
                if problem is None:
                    continue
                yield Finding(
                    path,
                    f"Goal {goal.id}'s {what} {when} {problem}. Date it within the plan's "
                    "years, or change the plan's school_year or horizon_years.",
                    anchor="value",
                )


def _dates(goal: Goal, path: Path) -> Iterator[tuple[When, Path, str]]:
    if goal.target is not None:
        yield goal.target.by, (*path, "target", "by"), "target date"
    for position, interim in enumerate(goal.interim_targets or []):
        yield interim.by, (*path, "interim_targets", position, "by"), "interim target date"


#: Periods that stand for a stretch of the plan's own work: the period itself must begin
#: within the plan's years (an assessment window's results may come later, on their own day).
_WORK_KINDS = frozenset({"school_year", "plan_year", "term", "assessment"})


@dataclass(frozen=True)
class _Years:
    """The plan's school years (the district's calendar) and the last day of the grace after them."""

    school_years: PlanYears
    end: dt.date

    def problem(self, when: When) -> str | None:
        """Say how ``when`` falls outside the plan's years, or return None.

        A period is judged by its span: it is before the plan when it ends in an earlier school
        year, and after the horizon when it begins after it (a day of the summer break counts
        with the nearer school year). Dates, months and seasons ("by fall 2029") say when the
        result is in, so they keep the grace months.
        """
        years = self.school_years
        if years.year_of(when.end) < years.first:
            return (
                f"{'ends' if when.is_period else 'is'} before the plan starts with "
                f"{school_year_label(years.first)} on {years.first_day}"
            )
        if when.kind in _WORK_KINDS:
            inside = years.year_of(when.start) <= years.last
        else:
            inside = when.start <= self.end
        if inside:
            return None
        verb = "starts" if when.is_period else "is"
        grace = f" (dates up to {self.end} leave time for results that arrive later)"
        return (
            f"{verb} after the plan's horizon, which ends with {school_year_label(years.last)} "
            f"on {years.last_day}" + ("" if when.kind in _WORK_KINDS else grace)
        )


def _months_later(date: dt.date, months: int) -> dt.date:
    """Return the last day of the month ``months`` after ``date``'s month."""
    year, month = divmod(date.month - 1 + months, 12)
    year += date.year
    return dt.date(year, month + 1, calendar.monthrange(year, month + 1)[1])
