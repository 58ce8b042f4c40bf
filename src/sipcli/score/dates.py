"""Days the scorer reasons with: when a baseline was measured, and whether a date fits the plan.

A plan writes its dates as exact days or as periods of the school calendar (`When`). As a
date a `When` is the day its period is settled (for "spring 2027 MCAS", the day results are
known); its span (``start`` to ``end``) is when the thing itself happens. The scorer measures
years between the spans' ends, and asks that a period's whole span fall inside the plan.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from typing import TypeGuard

from sipcli.model.index import PlanYears
from sipcli.periods import PeriodError, When, read_when

_SEASON_MONTH = {"spring": 5, "summer": 7, "fall": 10, "autumn": 10, "winter": 1}

#: Text that may be a period read_when knows: a year (2025), a school year (24-25) or SY24.
_MAY_BE_PERIOD = re.compile(r"20\d\d|\d\d\s?[-\u2013/]\s?\d\d|\bsy\s?\d\d", re.IGNORECASE)

#: Spring results of the plan's last year arrive in the fall: an exact date may fall this far
#: past the horizon. A period needs no such allowance: its results day is part of its span.
RESULTS_GRACE = dt.timedelta(days=183)


def is_period(day: dt.date) -> TypeGuard[When]:
    """Return whether ``day`` stands for a period of the school calendar (not an exact date)."""
    return isinstance(day, When) and day.is_period


def measured_on(day: dt.date) -> dt.date:
    """Return the day a result dated ``day`` is measured: a period's end, or the date itself."""
    if isinstance(day, When):
        return day.end if day.is_period else day.known
    return day


@lru_cache(maxsize=1024)
def period_date(period: str) -> dt.date | None:
    """Return roughly when a period such as "spring 2026" or SY2025-26 was measured.

    The text is read as a period of the default school calendar first: an assessment window
    ("spring 2025 MCAS") gives the window's end, another period its end, a date itself. Text
    that is no period sip reads ("spring 2025 (grade 3)") falls back to the year and season it
    names. Text naming no year is not read against the calendar at all.
    """
    if _MAY_BE_PERIOD.search(period) is None:
        return None
    try:
        return measured_on(read_when(period))
    except PeriodError:
        return _named_year(period)


def _named_year(period: str) -> dt.date | None:
    """The school year, or the year and season, that free text names (None when no year)."""
    school_year = re.search(r"(20\d\d)\s?[-\u2013/]\s?(?:20)?\d\d", period)
    if school_year:
        return dt.date(int(school_year.group(1)) + 1, 6, 1)
    year = re.search(r"20\d\d", period)
    if year is None:
        return None
    season = re.search(r"spring|summer|fall|autumn|winter", period, re.IGNORECASE)
    month = _SEASON_MONTH[season.group(0).lower()] if season else 6
    return dt.date(int(year.group(0)), month, 15)


def fits(day: dt.date, years: PlanYears) -> bool:
    """Return whether ``day`` falls inside the plan's school ``years``.

    A day belongs to the school year the calendar places it in (a day of the summer break
    counts with the nearer one). A period fits when its whole span does; an exact date when it
    falls in the first year or later, and no later than the last day plus `RESULTS_GRACE`.
    """
    year_of = years.calendar.school_year_of
    if is_period(day):
        return years.first <= year_of(day.start) and year_of(day.end) <= years.last
    return years.first <= year_of(day) and day <= years.last_day + RESULTS_GRACE


def describe(day: dt.date) -> str:
    """Return a date for evidence: "date 2027-06-30", or "spring 2027 MCAS (2027-03-23 to ...)"."""
    if is_period(day):
        return f"{day} ({day.start} to {day.end})"
    return f"date {day}"
