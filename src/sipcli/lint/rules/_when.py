"""How the date rules read a `When`, and the plan's school years in the district's calendar."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sipcli.model import Plan
from sipcli.periods import Calendar, When

#: Periods a target may be written as that name a year's or a season's administration of a
#: measure ("SY2026-27", "year 2", "spring 2027"), not the day its result is in.
ADMINISTRATION_KINDS = frozenset({"school_year", "plan_year", "season"})


def names_administration(when: When) -> bool:
    """True when ``when`` is a school year, plan year or season rather than a day.

    Such a target means that year's (or season's) results, whenever they arrive: it must not be
    judged as if the result were due on the period's last day.
    """
    return when.kind in ADMINISTRATION_KINDS


@dataclass(frozen=True)
class SchoolYears:
    """The school years a plan covers, as the district's calendar (`Plan.calendar`) sets them.

    A day belongs to the school year the calendar places it in: from the middle of the summer
    break on, a day of the break counts with the coming year (August training belongs to it).
    """

    calendar: Calendar
    first: int
    """The first calendar year of the plan's first school year (2026 for SY2026-27)."""
    last: int
    """The first calendar year of its last school year."""

    @property
    def first_day(self) -> dt.date:
        """The first day of school of the plan's first year."""
        return self.calendar.in_school_year(self.calendar.school_year.start, self.first)

    @property
    def last_day(self) -> dt.date:
        """The last day of school of the plan's last year."""
        return self.calendar.in_school_year(self.calendar.school_year.end, self.last)

    def year_of(self, day: dt.date) -> int:
        """Return the first calendar year of the school year ``day`` falls in."""
        return self.calendar.school_year_of(day)


def school_year_label(start_year: int) -> str:
    """Return a school year as plans write it: SY2026-27."""
    return f"SY{start_year}-{(start_year + 1) % 100:02d}"


def plan_school_years(plan: Plan, years: int) -> SchoolYears | None:
    """Return the ``years`` school years from the plan's first, or None when it names none."""
    first = plan.plan.first_year
    if first is None:
        return None
    return SchoolYears(plan.calendar, first, first + years - 1)
