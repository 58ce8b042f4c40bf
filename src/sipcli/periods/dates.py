"""Read an exact date, and say why a text that looks like one is not a day of the calendar.

sip reads an exact date as YYYY-MM-DD (``2028-06-30``), and month/day/year with slashes
(``6/30/2028``) as US school documents write it. Anything else that is plainly a date (a
day that does not exist, the day before the month, slashes after the year, the month in
words) is refused with the reason and, when only one reading is possible, the date
rewritten the way sip reads it.
"""

from __future__ import annotations

import calendar as month_lengths
import datetime as dt
import re

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_US = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_YEAR_SLASHES = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_DOTS = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_MONTH_DAY_YEAR = re.compile(rf"^([a-z]+)\.? {_DAY} (\d{{4}})$")
_DAY_MONTH_YEAR = re.compile(rf"^{_DAY} (?:of )?([a-z]+)\.? (\d{{4}})$")
#: Month names and their short forms, lower case, to the month's number: "june" and "jun" 6.
MONTH_NAMES = {
    name: number
    for number in range(1, 13)
    for name in (
        dt.date(2000, number, 1).strftime("%B").lower(),
        dt.date(2000, number, 1).strftime("%b").lower(),
    )
}
_MONTH_WORDS = MONTH_NAMES | {"sept": 9}

#: How sip reads an exact date, said in every refusal of one.
ORDER = "sip reads an exact date as YYYY-MM-DD (year, month, day)"


class DateError(ValueError):
    """A text that is plainly meant as a date but is not one sip reads; the message says why."""


def read_exact_date(words: str, text: str) -> dt.date | None:
    """Return the day ``words`` (the text lower-cased, commas dropped) names, if it is a date.

    ``text`` is the value as written, quoted in messages. Returns None when the text is not
    written as a date at all (it may be a period).

    Raises:
        DateError: when it is written as a date but names no day, or is in another order.
    """
    iso = _ISO.match(words)
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        return _day_or_reason(text, year, month, day)
    us = _US.match(words)
    if us:
        return _us_date(text, int(us.group(1)), int(us.group(2)), int(us.group(3)))
    return _other_order(words, text)


def _day_or_reason(text: str, year: int, month: int, day: int) -> dt.date:
    reason = impossible_reason(year, month, day)
    if reason is None:
        return dt.date(year, month, day)
    swapped = impossible_reason(year, day, month) is None and day != month
    meant = (
        f" If you meant {_spoken(dt.date(year, day, month))}, write {year}-{day:02d}-{month:02d}."
        if swapped
        else ""
    )
    raise DateError(f"'{text}' is not a day of the calendar: {reason}.{meant}")


def _us_date(text: str, month: int, day: int, year: int) -> dt.date:
    """Read month/day/year; a first number above 12 can only be the day (30/06/2028)."""
    if impossible_reason(year, month, day) is None:
        return dt.date(year, month, day)
    if month > 12 and impossible_reason(year, day, month) is None:
        raise DateError(
            f"'{text}' is read month/day/year, and there is no month {month}. {ORDER}: if you "
            f"meant {_spoken(dt.date(year, day, month))}, write {_iso(year, day, month)}."
        )
    raise DateError(
        f"'{text}' is not a day of the calendar: {impossible_reason(year, month, day)}. "
        f"{ORDER}, e.g. 2028-06-30."
    )


def _other_order(words: str, text: str) -> dt.date | None:
    """Refuse a date written in an order sip does not read, rewritten when only one fits."""
    year_first = _YEAR_SLASHES.match(words)
    if year_first:
        year, month, day = (int(part) for part in year_first.groups())
        return _refuse_rewritten(text, year, month, day)
    dots = _DOTS.match(words)
    if dots:
        first, second, year = (int(part) for part in dots.groups())
        return _refuse_day_month(text, first, second, year)
    named = _MONTH_DAY_YEAR.match(words)
    if named and named.group(1) in _MONTH_WORDS:
        month = _MONTH_WORDS[named.group(1)]
        return _refuse_rewritten(text, int(named.group(3)), month, int(named.group(2)))
    named = _DAY_MONTH_YEAR.match(words)
    if named and named.group(2) in _MONTH_WORDS:
        month = _MONTH_WORDS[named.group(2)]
        return _refuse_rewritten(text, int(named.group(3)), month, int(named.group(1)))
    return None


def _refuse_rewritten(text: str, year: int, month: int, day: int) -> dt.date:
    """Refuse a date whose reading is certain but whose form is not sip's, giving sip's form."""
    reason = impossible_reason(year, month, day)
    if reason is not None:
        raise DateError(f"'{text}' is not a day of the calendar: {reason}. {ORDER}.")
    raise DateError(f"{ORDER}: write '{text}' as {_iso(year, month, day)}.")


def _refuse_day_month(text: str, first: int, second: int, year: int) -> dt.date:
    """Refuse day.month.year; rewrite it only when the day cannot be mistaken for a month."""
    if first > 12 and impossible_reason(year, second, first) is None:
        raise DateError(f"{ORDER}: write '{text}' as {_iso(year, second, first)}.")
    if impossible_reason(year, second, first) is None:
        raise DateError(
            f"{ORDER}, and '{text}' could be read day.month or month.day: write it "
            f"{_iso(year, second, first)} or {_iso(year, first, second)}, whichever you mean."
        )
    raise DateError(f"'{text}' is not a day of the calendar. {ORDER}, e.g. 2028-06-30.")


def impossible_reason(year: int, month: int, day: int) -> str | None:
    """Say why year-month-day is not a day of the calendar, or None when it is one.

    The reasons are the ones a person gives: "there is no month 13", "June has 30 days",
    "2027 is not a leap year: February 2027 has 28 days".
    """
    if not 1 <= month <= 12:
        return f"there is no month {month} (months run from 01 to 12)"
    if not 1 <= year <= 9999:
        return f"there is no year {year}"
    last = month_lengths.monthrange(year, month)[1]
    if day < 1:
        return "days of the month start at 01"
    if day <= last:
        return None
    name = dt.date(year, month, 1).strftime("%B")
    if month == 2 and day == 29:
        return f"{year} is not a leap year: February {year} has 28 days"
    if month == 2:
        return f"February {year} has {last} days"
    return f"{name} has {last} days (its last is {_iso(year, month, last)})"


def _iso(year: int, month: int, day: int) -> str:
    return f"{year:04d}-{month:02d}-{day:02d}"


def _spoken(day: dt.date) -> str:
    """A date as a person says it: June 30, 2028."""
    return f"{day.strftime('%B')} {day.day}, {day.year}"
