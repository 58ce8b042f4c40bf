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
_SCHOOL_YEAR = (
    r"(?:(?:SY\s?)?20\d\d\s?[-\u2013/]\s?(?:20)?\d\d|SY\s?\d\d(?:\s?[-\u2013/]\s?\d\d)?)(?![-/\d])"
)
_YEAR = r"20\d\d"
#: A term of the school calendar as goals write it: Q3, T2, S1, BOY/MOY/EOY, Term 2, quarter 3.
_TERM = (
    r"(?:Q[1-4]|T[1-3]|S[1-2]|BOY|MOY|EOY"
    r"|(?:term|quarter|trimester|semester|marking period|grading period) ?[1-4])"
)
#: An assessment named after its window ("by spring 2027 MCAS"), kept in the evidence.
_WINDOW = r"(?: (?:MCAS|i-?Ready|ACCESS|MAP|STAR|DIBELS|Acadience)\b)?"

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
        rf"(?:(?:{_SEASONS}|{_MONTHS})\.? (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?(?:of )?{_YEAR}\b)"
        rf"{_WINDOW}",
        rf"\b(?:{_SEASONS}) {_YEAR}\b{_WINDOW}",
        rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}\b",
        rf"\b(?:{_MONTHS}) {_YEAR}\b",
        r"\b(?:by|before|on|no later than) 20\d\d-\d\d-\d\d\b",
        r"\b(?:by|before|on|no later than) \d{1,2}/\d{1,2}/\d{2,4}\b",
        rf"\bby (?:the )?(?:end of |start of )?(?:{_SEASONS}|{_MONTHS})\b(?: \d{{1,2}}(?:st|nd|rd|th)?)?",
        rf"\b(?:by|in|before) {_YEAR}\b(?!\s?[-\u2013/]\s?\d)",
        rf"\b(?:within|over) (?:the next )?(?:{_NUMBER_WORDS}) (?:school )?(?:years?|months?|weeks?)\b",
        rf"\b(?:in|during|for) (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        rf"\b(?:by|before|in|during|at|until|through|no later than) (?:the )?"
        rf"(?:(?:end|close|start|beginning) of (?:the )?)?{_TERM}\b"
        rf"(?:,? (?:of )?(?:the )?(?:{_SCHOOL_YEAR}))?",
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


_YEARS = re.compile(
    r"(?:SY\s?)?(?P<first>20\d\d)\s?[-\u2013/]\s?(?:20)?\d\d(?![-/\d])"
    r"|\bSY\s?(?P<short>\d\d)(?:\s?[-\u2013/]\s?(?P<short_end>\d\d))?(?![-/\d])"
    rf"|\b(?P<year>{_YEAR})\b",
    re.IGNORECASE,
)


def years_named(text: str) -> list[int]:
    """Return the four-digit years the text names, in order (the end year of a school year).

    A school year counts as the year it ends in: SY2026-27, 2026-27 and SY27 are all 2027.
    """
    years: list[int] = []
    for match in _YEARS.finditer(text):
        if match.group("first"):
            years.append(int(match.group("first")) + 1)
        elif match.group("short"):
            years.append(2000 + int(match.group("short_end") or match.group("short")))
        else:
            years.append(int(match.group("year")))
    return years
