"""Text helpers shared by rules that read the plan's prose: placeholders and numbers in goals.

Goal statements mix the figures a goal is about (38%, from 37 to 45) with numbers that are
not values at all (grade 3, grades 3-5, K-2, SY2025-26, SY24, Term 2, September 30, 2027,
Tier 2). The helpers here mask the second kind before reading the first, so rules can compare
a statement with the goal's structured baseline and target.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

TOLERANCE = 0.05
"""How far two figures may differ and still be the same value (rounding in prose)."""

# --- placeholders -----------------------------------------------------------------------------

_BRACKET_WORDS = (
    "insert|add|enter|fill|type|write|describe|explain|list|choose|select|name|date|number|"
    "school|district|principal|your|title|goal|value|percent|year|owner|role|link|url|tbd"
)
_PLACEHOLDERS = (
    re.compile(r"(?<!\w)[xX]{2,4}(?!\w)%?"),
    re.compile(r"(?<!\w)(?:TBD|TBA|TBC)(?!\w)", re.IGNORECASE),
    re.compile(r"(?<!\w)TK(?!\w)"),
    re.compile(r"\?{2,}"),
    re.compile(r"_{3,}"),
    re.compile(rf"\[\s*(?:{_BRACKET_WORDS})\b[^\[\]]{{0,80}}\]", re.IGNORECASE),
    re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE),
)


def _scoped(pattern: re.Pattern[str]) -> str:
    """``pattern`` as a group that keeps its own case sensitivity inside an alternation."""
    return f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern})"


_ANY_PLACEHOLDER = re.compile("|".join(_scoped(pattern) for pattern in _PLACEHOLDERS))


def find_placeholders(text: str) -> list[str]:
    """Return the template placeholders left in ``text`` (XX, TBD, ___, [insert ...]), in order.

    Angle-bracket placeholders (``<school name>``) are not looked for: validation refuses them.
    """
    if not _ANY_PLACEHOLDER.search(text):
        return []  # most texts hold none: one search instead of one per pattern
    found: list[tuple[int, str]] = []
    for pattern in _PLACEHOLDERS:
        found.extend((match.start(), match.group(0)) for match in pattern.finditer(text))
    return [placeholder for _, placeholder in sorted(found)]


# --- numbers in goal statements ----------------------------------------------------------------

_MASK = "\u00a7"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_GRADE = (
    r"(?:(?:pre-?k|pk|k|kindergarten)\b"
    r"|(?:1[0-2]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent)))"
)
_JOINER = r"(?:\s*(?:-|\u2013|/|,|&|\band\b|\bor\b|\bto\b|\bthrough\b)\s*)"

_YEAR = re.compile(r"(?<!\d)(20\d\d)(?!\d|%|\.\d)")
_SCHOOL_YEAR = re.compile(
    r"(?<!\d)(?:SY\s*)?(20\d\d)\s*[-/\u2013]\s*((?:20)?\d\d)(?![\d%]|-\d)", re.IGNORECASE
)
#: A school year in short: SY24, SY24-25, "22-23 SY" (real plans write baselines so).
_SHORT_SCHOOL_YEAR = re.compile(
    r"\bSY\s?\d\d(?:\s?[-/\u2013]\s?\d\d)?(?![\d%])|(?<![\d.])\d\d\s?[-/\u2013]\s?\d\d\s?SY\b",
    re.IGNORECASE,
)
#: Spans that hold digits but no value, masked before numbers are read (order matters: a full
#: date before a school year, whose pattern would otherwise take 2027-09 as SY2027-09).
_NOT_VALUES = (
    re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"),
    _SCHOOL_YEAR,
    _SHORT_SCHOOL_YEAR,
    _YEAR,
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.IGNORECASE),
    re.compile(rf"\bgrades?\s+{_GRADE}(?:{_JOINER}(?:grades?\s+)?{_GRADE})*", re.IGNORECASE),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)[\s-]+grade", re.IGNORECASE),
    re.compile(r"\b(?:pre-?k|pk|k)\s*[-\u2013]\s*\d{1,2}\b", re.IGNORECASE),
    # a plan's or a measure's length: a 3-year goal, the 5-year graduation rate, over 3 years
    re.compile(r"(?<![\w.])\d{1,2}(?:[\s-]|\s?-\s?)(?:years?|yrs?|months?)\b", re.IGNORECASE),
    # terms and quarters written short: Q3, T2, S1, MP2
    re.compile(r"\b(?:Q|T|S|MP)[1-4]\b"),
    re.compile(
        r"\b(?:tier|level|phase|year|unit|module|title|chapter|step|term|quarter|trimester|"
        r"semester|marking period|grading period)s?\s+\d+",
        re.IGNORECASE,
    ),
)

_NUMBER = re.compile(r"(?<![\w.\u00a7])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w\u00a7])")
_CHANGE_WORDS = r"(?:increase|decrease|gain|drop|reduction|improvement|rise|decline|cut|jump|boost)"
_PERCENT_AFTER = re.compile(r"\s*(?:%|percent\b)", re.IGNORECASE)
_POINTS_AFTER = re.compile(r"\s*(?:percentage[\s-]+points?\b|pp\b)", re.IGNORECASE)
_CHANGE_AFTER = re.compile(
    rf"\s*(?:%|percent\b|percentage[\s-]+points?\b|points?\b)?[\s-]*{_CHANGE_WORDS}",
    re.IGNORECASE,
)
_QUALIFIER = r"(?:(?:about|approximately|roughly|around|nearly|at\s+least|at\s+most)\s+)?"
_CHANGE_BEFORE = re.compile(rf"(?:\bby|\b{_CHANGE_WORDS}s?\s+of)\s+{_QUALIFIER}$", re.IGNORECASE)
_FROM_BEFORE = re.compile(rf"\bfrom\s+{_QUALIFIER}$", re.IGNORECASE)


@dataclass(frozen=True)
class StatementNumber:
    """A figure read from a goal statement, with how it is written."""

    value: float
    """The number itself (38 for "38%")."""
    percent: bool
    """Written as a percent: "38%" or "38 percent" (not "percentage points")."""
    points: bool
    """Written as percentage points: "6 percentage points"."""
    change: bool
    """A change rather than a level: "by 5%", "an increase of 6 points", "a 5% gain"."""
    after_from: bool
    """The starting value of a "from X to Y" phrase."""


def mask_non_values(text: str) -> str:
    """Return ``text`` with dates, years, school years and grade numbers blanked out.

    The result has the same length as ``text``, so positions still line up.
    """
    for pattern in _NOT_VALUES:
        text = pattern.sub(lambda match: _MASK * len(match.group(0)), text)
    return text


def statement_numbers(text: str) -> list[StatementNumber]:
    """Return the figures of a goal statement, leaving out years, dates and grade numbers."""
    masked = mask_non_values(text)
    numbers = []
    for match in _NUMBER.finditer(masked):
        # A window each side: the cues are short, and slicing the whole text is quadratic.
        before = masked[max(0, match.start() - 80) : match.start()]
        after = masked[match.end() : match.end() + 80]
        points = bool(_POINTS_AFTER.match(after))
        numbers.append(
            StatementNumber(
                value=float(match.group(1).replace(",", "") + (match.group(2) or "")),
                percent=not points and bool(_PERCENT_AFTER.match(after)),
                points=points,
                change=points or bool(_CHANGE_BEFORE.search(before) or _CHANGE_AFTER.match(after)),
                after_from=bool(_FROM_BEFORE.search(before)),
            )
        )
    return numbers


def years_named(text: str) -> set[int]:
    """Return the years 2000-2099 a text names, counting both years of a school year."""
    years = {int(match.group(1)) for match in _YEAR.finditer(text)}
    for match in _SCHOOL_YEAR.finditer(text):
        start = int(match.group(1))
        years.update((start, start + 1))
    return years


def same_value(first: float, second: float, tolerance: float = TOLERANCE) -> bool:
    """Return whether two figures agree within ``tolerance`` (prose rounds)."""
    return abs(first - second) <= tolerance + 1e-9


def format_number(value: float) -> str:
    """Return a figure as a reader writes it: 45 rather than 45.0, 24.6 as is."""
    return f"{value:g}"
