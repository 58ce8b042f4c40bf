"""Years a statement names: calendar years, school years and fiscal years, with one meaning.

Every mention is a run of calendar years, ``first`` to ``last``: "2027" is 2027 to 2027,
"SY2026-27", "2026-2027", "SY27" and "FY27" are 2026 to 2027 (a school or fiscal year runs
from one summer to the next), "22-23 SY" is 2022 to 2023. A school year *ends* in its last
year, which is the year a deadline written that way falls in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_MENTION = re.compile(
    # SY2026-27, 2026-2027, 2026/27, EOY 2025-26 (not the 2027-09 of a date 2027-09-30)
    r"(?<![\d.$])(?:SY\s?|FY\s?)?(?P<first>20\d\d)\s?[-/\u2013]\s?(?P<second>(?:20)?\d\d)"
    r"(?![\d%]|-\d|/\d)"
    # SY24, SY24-25, FY27
    r"|\b(?P<kind>SY|FY)\s?(?P<short>\d\d)(?:\s?[-/\u2013]\s?(?P<short_end>\d\d))?(?![\d%])"
    # 22-23 SY
    r"|(?<![\d.])(?P<before>\d\d)\s?[-/\u2013]\s?(?P<before_end>\d\d)\s?SY\b"
    # 2027 (not 2027%, 20.27 or 2,027)
    r"|(?<![\d.$,])(?P<year>20\d\d)(?!\d|%|\.\d|,\d)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class YearMention:
    """Years named in one place: the calendar years ``first`` to ``last`` at ``start:end``."""

    first: int
    last: int
    start: int
    end: int
    text: str

    @property
    def years(self) -> range:
        """Every calendar year the mention touches."""
        return range(self.first, self.last + 1)


def _century(two_digits: str) -> int:
    return 2000 + int(two_digits)


def _span(match: re.Match[str]) -> tuple[int, int]:
    """The first and last calendar year of one match of `_MENTION`."""
    if match.group("first"):
        first = int(match.group("first"))
        second = match.group("second")
        last = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
        return (first, last) if first < last <= first + 10 else (first, first)
    if match.group("short"):
        if match.group("short_end"):
            return _century(match.group("short")), _century(match.group("short_end"))
        # SY24 and FY24 name the year that ends in 2024: 2023-24.
        return _century(match.group("short")) - 1, _century(match.group("short"))
    if match.group("before"):
        return _century(match.group("before")), _century(match.group("before_end"))
    year = int(match.group("year"))
    return year, year


def year_mentions(text: str) -> list[YearMention]:
    """Return every place ``text`` names a year, school year or fiscal year, in order."""
    mentions = []
    for match in _MENTION.finditer(text):
        first, last = _span(match)
        mentions.append(YearMention(first, last, match.start(), match.end(), match.group(0)))
    return mentions


def years_covered(text: str) -> set[int]:
    """Return every calendar year ``text`` names, both years of a school year included."""
    return {year for mention in year_mentions(text) for year in mention.years}


def last_year(text: str) -> int | None:
    """Return the year the last mention in ``text`` ends in (a school year: its second year)."""
    mentions = year_mentions(text)
    return mentions[-1].last if mentions else None


def end_years(text: str) -> list[int]:
    """Return the year each mention ends in, in order (SY2026-27 counts as 2027)."""
    return [mention.last for mention in year_mentions(text)]
