"""SIP305 benchmark-cadence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from itertools import pairwise
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import plan_year_bounds

_MONTH_DAY = re.compile(r"\d{2}-\d{2}")

#: The months each end of the span may fall in, so that the span stays inside one school year
#: (year_start in the fall of its first calendar year, year_end in the spring of its second).
_ALLOWED_MONTHS = {
    "year_start": (range(7, 13), "July to December"),
    "year_end": (range(1, 7), "January to June"),
}


class BenchmarkCadenceOptions(RuleOptions):
    """How often benchmarks should be checked, and over which part of the school year."""

    max_gap_days: Annotated[int, Field(ge=1)] = 100
    """The longest stretch of the school year without a benchmark check, in days."""
    year_start: str = "09-01"
    """The first day of the span of the school year checked, as MM-DD (July to December)."""
    year_end: str = "06-15"
    """The last day of the span of the school year checked, as MM-DD (January to June)."""

    @field_validator("year_start", "year_end")
    @classmethod
    def _month_and_day(cls, value: str, info: ValidationInfo) -> str:
        if not _MONTH_DAY.fullmatch(value):
            raise ValueError(f"'{value}' is not a month and day; write it as MM-DD, e.g. 09-01")
        try:
            day = _on(value, 2000)  # a leap year, so that 02-29 parses and gets its own message
        except ValueError:
            raise ValueError(f"'{value}' is not a date; write it as MM-DD, e.g. 09-01") from None
        if (day.month, day.day) == (2, 29):
            raise ValueError("'02-29' exists only in leap years; pick another day")
        months, words = _ALLOWED_MONTHS[info.field_name or ""]
        if day.month not in months:
            raise ValueError(f"'{value}' must fall from {words}, to stay inside one school year")
        return value


class BenchmarkCadence(Rule[BenchmarkCadenceOptions]):
    """Each goal's benchmarks are checked often enough: no long stretch of the year goes unchecked.

    Why it matters: benchmarks are useful only if they arrive in time to change course. When
    a goal's checks leave several months of the school year without one, the team can
    spend a whole term on a strategy that is not working before anyone notices. DESE asks
    that progress be checked at least quarterly. A check written as a term or a window
    counts on the day it is settled: quarterly checks due [Q1, Q2, Q3, EOY] are a cadence.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-04-30]

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-02-15, 2027-04-30]
    """

    code = "SIP305"
    name = "benchmark-cadence"
    severity = Severity.WARNING
    options_model = BenchmarkCadenceOptions

    def check(
        self, plan: Plan, options: BenchmarkCadenceOptions, context: Context
    ) -> Iterator[Finding]:
        """Flag each goal whose benchmark dates leave too long a gap in the plan's first year."""
        bounds = plan_year_bounds(plan)
        if bounds is None:
            return  # a plan that names no school year has no year to check the cadence of
        start_year = bounds[0].year
        span = (_on(options.year_start, start_year), _on(options.year_end, start_year + 1))
        for index, goal in enumerate(plan.goals or []):
            if not goal.benchmarks:
                continue  # a goal without benchmarks is SIP301's business
            first, last = _longest_gap(goal, span)
            days = (last - first).days
            if days > options.max_gap_days:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} has no benchmark between {_label(first, span)} and "
                    f"{_label(last, span)}, {days} days; DESE asks for checks at least "
                    "quarterly. Add a benchmark due date in that stretch.",
                )


def _on(month_day: str, year: int) -> dt.date:
    """Return the date of an MM-DD text in ``year``."""
    month, day = month_day.split("-")
    return dt.date(year, int(month), int(day))


def _longest_gap(goal: Goal, span: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """Return the two ends of the longest stretch of ``span`` without a benchmark check.

    A check written as a period ("Q2", "winter 2027 i-Ready") counts on the day it is
    settled: the end of the term, or the day the window's results are known. Each day is kept
    as written, so that the message names the period ("Q2 2026-27"), not a day it stands for.
    """
    start, end = span
    checks: dict[dt.date, dt.date] = {start: start, end: end}
    for benchmark in goal.benchmarks or []:
        for due in benchmark.due:
            if start <= due <= end:
                checks.setdefault(due.known, due)
    points = [checks[day] for day in sorted(checks)]
    return max(pairwise(points), key=lambda pair: (pair[1] - pair[0]).days)


def _label(day: dt.date, span: tuple[dt.date, dt.date]) -> str:
    """Return a date as text, saying so when it is an end of the span checked."""
    if day == span[0]:
        return f"{day} (the start of the school year)"
    if day == span[1]:
        return f"{day} (the end of the school year)"
    return str(day)
