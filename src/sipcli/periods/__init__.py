"""Time as plans write it: exact dates and periods of the school calendar.

A plan dates its goals "by spring 2027 MCAS", its checks "Q1 / Q2 / EOY" and its results
"SY2025-26". `read_when` turns such text, with a `Calendar` (the shipped Massachusetts default
in ``data/calendar.yaml``, corrected by ``calendar:`` in ``.sip.yaml``), into a `When`: a date
(the day the period is settled, so every rule that compares dates keeps working) that also
knows the period's start, end, results day and how it was written.

This package is the bottom of the pipeline: it imports no other part of sip.
"""

from sipcli.periods.calendar import Calendar, CalendarSettings, default_calendar
from sipcli.periods.read import (
    PeriodContext,
    PeriodError,
    read_when,
    school_year_label,
    when_from_date,
)
from sipcli.periods.when import When

__all__ = [
    "Calendar",
    "CalendarSettings",
    "PeriodContext",
    "PeriodError",
    "When",
    "default_calendar",
    "read_when",
    "school_year_label",
    "when_from_date",
]
