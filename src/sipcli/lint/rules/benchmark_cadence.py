"""SIP305 benchmark-cadence."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, ValidationInfo, field_validator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.periods import When

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
    year_start: str | None = None
    """The first day of the span of the school year checked, as MM-DD (July to December); the
    first day of the district's school year (its calendar) when not set."""
    year_end: str | None = None
    """The last day of the span of the school year checked, as MM-DD (January to June); the
    last day of the district's school year (its calendar) when not set."""

    @field_validator("year_start", "year_end")
    @classmethod
    def _month_and_day(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is None:
            return None
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
    that progress be checked at least quarterly.

    The year checked is the district's school year, from the calendar in `.sip.yaml` (else
    the shipped one); the `year-start` and `year-end` options narrow or move it. A check
    written as a term or a window may happen any time in it: a gap runs from the day the
    earlier check is settled (the end of its term, or the day its window's results are
    known) to the first day of the later one. So per-term checks [Q1, Q2, Q3, EOY] or
    [T1, T2, T3] are a cadence, and BOY/MOY/EOY or fall/winter/spring diagnostic windows are
    one when no two windows are more than `max-gap-days` apart. A check whose results come
    after the school year (spring MCAS) does not count in it. Exact dates count on the day.

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
        span = _span(plan, options)
        if span is None:
            return  # a plan that names no school year has no year to check the cadence of
        for index, goal in enumerate(plan.goals or []):
            if not goal.benchmarks:
                continue  # a goal without benchmarks is SIP301's business
            earlier, later = _longest_gap(goal, span)
            days = _days(earlier, later)
            if days > options.max_gap_days:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} has no benchmark between {_settled(earlier, span)} and "
                    f"{_opened(later, span)}, {days} days; DESE asks for checks at least "
                    "quarterly. Add a benchmark due date in that stretch.",
                )


def _on(month_day: str, year: int) -> dt.date:
    """Return the date of an MM-DD text in ``year``."""
    month, day = month_day.split("-")
    return dt.date(year, int(month), int(day))


def _span(plan: Plan, options: BenchmarkCadenceOptions) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day of the plan's first school year that are checked.

    Each end is the option when set (July to December, January to June), else the district's
    school year as the plan's calendar gives it. None when the plan names no school year.
    """
    start_year = plan.plan.first_year
    if start_year is None:
        return None
    calendar = plan.calendar
    first = (
        _on(options.year_start, start_year)
        if options.year_start
        else calendar.in_school_year(calendar.school_year.start, start_year)
    )
    last = (
        _on(options.year_end, start_year + 1)
        if options.year_end
        else calendar.in_school_year(calendar.school_year.end, start_year)
    )
    return first, last


def _opens(day: dt.date) -> dt.date:
    """The first day a check may happen: a period's start, or the exact date."""
    return day.start if isinstance(day, When) and day.is_period else day


def _settles(day: dt.date) -> dt.date:
    """The day a check is settled: a period's end or results day, or the exact date."""
    return day.known if isinstance(day, When) else day


def _days(earlier: dt.date, later: dt.date) -> int:
    """Days from the day ``earlier`` is settled to the first day ``later`` may happen (0 if they overlap)."""
    return max(0, (_opens(later) - _settles(earlier)).days)


def _longest_gap(goal: Goal, span: tuple[dt.date, dt.date]) -> tuple[dt.date, dt.date]:
    """Return the two checks around the longest stretch of ``span`` without one.

    The span's ends stand as checks of their own. A check counts when it is settled inside the
    span; checks are taken in the order they are settled, and each gap runs from the latest
    day settled so far to the first day the next check may happen. Each check is kept as
    written, so that the message names the period ("T2 2026-27"), not a day it stands for.
    """
    start, end = span
    checks = sorted(
        (
            due
            for benchmark in goal.benchmarks or []
            for due in benchmark.due
            if start <= due <= end
        ),
        key=_settles,
    )
    longest: tuple[dt.date, dt.date] = (start, start)
    reached: dt.date = start
    for check in [*checks, end]:
        if _days(reached, check) > _days(*longest):
            longest = (reached, check)
        if _settles(check) >= _settles(reached):
            reached = check
    return longest


def _settled(day: dt.date, span: tuple[dt.date, dt.date]) -> str:
    """Name the check a gap starts from: a span end, a period's settled day, or a date."""
    if day == span[0] and not isinstance(day, When):
        return f"{day} (the start of the school year)"
    if isinstance(day, When) and day.is_period:
        settled = "results" if day.kind == "assessment" else "end"
        return f"the {settled} of {day} ({day.known})"
    return str(day)


def _opened(day: dt.date, span: tuple[dt.date, dt.date]) -> str:
    """Name the check a gap runs to: a span end, a period's first day, or a date."""
    if day == span[1] and not isinstance(day, When):
        return f"{day} (the end of the school year)"
    if isinstance(day, When) and day.is_period:
        return f"the start of {day} ({day.start})"
    return str(day)
