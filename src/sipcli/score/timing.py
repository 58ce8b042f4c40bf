"""When: deadlines and school years in their many written forms, and how often (cadence)."""

from __future__ import annotations

import re

from sipcli.score.found import Found

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_SEASONS = "spring|summer|fall|autumn|winter"
_NUMBER_WORDS = "one|two|three|four|five|six|twelve|eighteen|\\d{1,2}"
_SCHOOL_YEAR = r"(?:SY\s?)?20\d\d\s?[-\u2013/]\s?(?:20)?\d\d(?![-/\d])"
_YEAR = r"20\d\d"

#: Written deadlines, most informative first. Each yields the year it names, if any.
_DEADLINES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bby (?:the )?end of (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        rf"\b(?:by|through|until|before) (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        rf"\b(?:{_SCHOOL_YEAR}) school year",
        rf"\bfrom (?:the )?(?:{_SEASONS}|{_MONTHS})? ?{_YEAR}\b[^.;]{{0,60}}?\bto (?:the )?"
        rf"(?:{_SEASONS}|{_MONTHS})? ?{_YEAR}\b",
        rf"\b(?:by|before|in|on|until|through|no later than) (?:the )?(?:end of |start of )?"
        rf"(?:(?:{_SEASONS}|{_MONTHS})\.? (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?(?:of )?{_YEAR}\b)",
        rf"\b(?:{_SEASONS}) {_YEAR}\b",
        rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}\b",
        rf"\b(?:{_MONTHS}) {_YEAR}\b",
        r"\b(?:by|before|on|no later than) 20\d\d-\d\d-\d\d\b",
        r"\b(?:by|before|on|no later than) \d{1,2}/\d{1,2}/\d{2,4}\b",
        rf"\bby (?:the )?(?:end of |start of )?(?:{_SEASONS}|{_MONTHS})\b(?: \d{{1,2}}(?:st|nd|rd|th)?)?",
        rf"\b(?:by|in|before) {_YEAR}\b",
        rf"\b(?:within|over) (?:the next )?(?:{_NUMBER_WORDS}) (?:school )?(?:years?|months?|weeks?)\b",
        rf"\b(?:in|during|for) (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        r"\bby (?:the )?(?:end|close) of (?:the |this |each |every )?(?:current |first |second |"
        r"third |fourth )?(?:school year|academic year|year|semester|trimester|quarter|term|"
        r"marking period|grading period)\b",
        r"\bby (?:EOY|MOY|BOY)\b",
        rf"\b(?:end|middle|beginning)[- ]of[- ]year\b|\b(?:EOY|MOY|BOY) {_YEAR}\b",
    )
)

#: Cadence words, normalised to the plan model's cadence values.
_CADENCES = (
    ("biweekly", r"bi-?weekly|every (?:two|other) weeks?|twice (?:a|per) month"),
    ("weekly", r"weekly|every week|each week|per week|once a week|(?:\w+ )?times (?:a|per) week"),
    ("monthly", r"monthly|every month|each month|per month|once a month"),
    (
        "per_assessment_window",
        r"(?:each|every|per|at each) (?:assessment|benchmark|testing|data) (?:window|period|cycle)"
        r"|three times (?:a|per) year|(?:in )?fall, winter,? and spring|BOY, MOY,? and EOY"
        r"|(?:after|at) each (?:benchmark|diagnostic|administration)",
    ),
    (
        "quarterly",
        r"quarterly|every quarter|each quarter|per quarter|each (?:marking|grading) period"
        r"|every (?:marking|grading) period|every (?:nine|9|ten|10) weeks|each term|every term",
    ),
    (
        "twice_yearly",
        r"twice (?:a|per|each) year|twice yearly|semi-?annually|each semester|every semester"
        r"|mid-?year and end[- ]of[- ]year",
    ),
    (
        "annually",
        r"annually|each year|every year|yearly|once a year|(?:given )?each (?:spring|fall)",
    ),
)
_CADENCE_PATTERNS = tuple(
    (name, re.compile(rf"\b(?:{pattern})\b", re.IGNORECASE)) for name, pattern in _CADENCES
)


def find_deadline(text: str) -> Found | None:
    """Return the first deadline the text states, with the year it names (or None) as value."""
    for pattern in _DEADLINES:
        match = pattern.search(text)
        if match:
            years = years_named(match.group(0))
            year = years[-1] if years else None
            return Found(match.group(0), match.start(), match.end(), year)
    return None


def find_cadence(text: str) -> Found | None:
    """Return how often the text says something happens (weekly, monthly, quarterly, ...)."""
    best: Found | None = None
    for name, pattern in _CADENCE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start):
            best = Found(match.group(0), match.start(), match.end(), name)
    return best


def years_named(text: str) -> list[int]:
    """Return the four-digit years the text names, in order (the end year of a school year)."""
    years: list[int] = []
    for match in re.finditer(rf"{_SCHOOL_YEAR}|\b{_YEAR}\b", text):
        found = match.group(0)
        digits = re.findall(r"\d+", found)
        if len(digits) == 2:  # a school year: count its second year
            first = int(digits[0])
            years.append(first + 1)
        else:
            years.append(int(digits[0]))
    return years
