"""When: deadlines and school years in their many written forms, and how often (cadence).

A deadline is the first of `_DEADLINES`, most informative first, that the statement writes
and that is not only dating its baseline ("up from 41% in spring 2025"). Its value is the year
it ends in (`sipcli.statement.years`), or None for one with no year ("by June", "this year").
"""

from __future__ import annotations

import bisect
import re

from sipcli.statement.found import Found
from sipcli.statement.placeholders import find_placeholders
from sipcli.statement.years import end_years

_MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec"
)
_SEASONS = "spring|summer|fall|autumn|winter"
_NUMBER_WORDS = "one|two|three|four|five|six|twelve|eighteen|\\d{1,2}"
_SCHOOL_YEAR = (
    r"(?:(?:SY\s?|FY\s?)?20\d\d\s?[-\u2013/]\s?(?:20)?\d\d|(?:SY|FY)\s?\d\d(?:\s?[-\u2013/]\s?\d\d)?)"
    r"(?![-/\d])"
)
_YEAR = r"20\d\d"
#: A term of the school calendar as goals write it: Q3, T2, S1, BOY/MOY/EOY, Term 2, quarter 3.
_TERM = (
    r"(?:Q[1-4]|T[1-3]|S[1-2]|BOY|MOY|EOY"
    r"|(?:term|quarter|trimester|semester|marking period|grading period) ?[1-4])"
)
_ASSESSMENTS = (
    r"(?:MCAS|i-?Ready|ACCESS|MAP|STAR|DIBELS|Acadience|NWEA|PSAT|SAT|state (?:test|assessment))"
)
#: An assessment named after its window ("by spring 2027 MCAS"), kept in the evidence.
_WINDOW = rf"(?: {_ASSESSMENTS}\b)?"

#: Written deadlines, most informative first.
_DEADLINES = tuple(
    re.compile(pattern, re.IGNORECASE)
    for pattern in (
        rf"\bby (?:the )?end of (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        rf"\bby (?:the )?(?:end|close) of (?:(?:the )?calendar year )?{_YEAR}\b",
        rf"\b(?:by|through|until|before) (?:the )?(?:{_SCHOOL_YEAR})(?: school year)?",
        rf"\b(?:{_SCHOOL_YEAR}) school year",
        rf"\bfrom (?:the )?(?:{_SEASONS}|{_MONTHS})? ?{_YEAR}\b[^.;]{{0,60}}?\bto (?:the )?"
        rf"(?:{_SEASONS}|{_MONTHS})? ?{_YEAR}\b",
        rf"\b(?:by|before|in|on|until|through|no later than) (?:the )?(?:end of |start of )?"
        rf"(?:(?:{_SEASONS}|{_MONTHS})\.? (?:\d{{1,2}}(?:st|nd|rd|th)?,? )?(?:of )?{_YEAR}\b)"
        rf"{_WINDOW}",
        # "on the 2027 MCAS", "in the spring 2027 ACCESS administration"
        rf"\b(?:on|by|in|for|at) (?:the )?(?:(?:{_SEASONS}) )?{_YEAR}(?: (?:{_SEASONS}))? "
        rf"(?:(?:ELA|math|mathematics|science|reading|grade \d{{1,2}}) )?{_ASSESSMENTS}\b",
        # "by the MCAS preliminary results in June", "by the spring 2027 ACCESS results"
        rf"\bby (?:the )?(?:release of (?:the )?)?(?:(?:{_SEASONS}) )?(?:{_YEAR} )?{_ASSESSMENTS} "
        rf"(?:preliminary |final |official )?(?:results|scores|data)\b"
        rf"(?: (?:in|released in|due in) (?:{_MONTHS}|{_SEASONS})\b(?: {_YEAR}\b)?)?",
        rf"\b(?:{_SEASONS}) {_YEAR}\b{_WINDOW}",
        rf"\b(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? {_YEAR}\b",
        rf"\b(?:{_MONTHS}) {_YEAR}\b",
        r"\b(?:by|before|on|no later than) 20\d\d-\d\d-\d\d\b",
        r"\b(?:by|before|on|no later than) \d{1,2}/\d{1,2}/\d{2,4}\b",
        rf"\b(?:for|by|in|with) (?:the )?(?:graduating )?class of {_YEAR}\b",
        # "in DESE's 2027 accountability determination"
        rf"\b(?:in|on|by) (?:the |DESE's |the state's )?{_YEAR} accountability "
        r"(?:determinations?|reports?|results|data)\b",
        # "in the winter i-Ready window", "by the spring 2027 DIBELS benchmark window"
        rf"\b(?:in|by|during|at|after) (?:the )?(?:{_SEASONS})(?: {_YEAR})? (?:{_ASSESSMENTS}"
        r"(?: \d)? )?(?:window|administration|benchmark window|testing window)\b",
        rf"\bby (?:the )?(?:end of |start of )?(?:{_SEASONS}|{_MONTHS})\b(?: \d{{1,2}}(?:st|nd|rd|th)?)?",
        rf"\b(?:by|in|before|through|until) {_YEAR}\b(?!\s?[-\u2013/]\s?\d)",
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
        r"\b(?:this|the current) (?:school |academic )?year\b",
    )
)

#: A figure and its date just before a candidate: the date is the baseline's, not a deadline
#: ("up from 41% in spring 2025", "from 38% (spring 2026)").
_BASELINE_DATE_BEFORE = re.compile(
    r"(?:\bfrom|\bup from|\bdown from|\bbaseline(?: of| was| is|:)?|\bcurrently(?: at)?|"
    r"\bwas)\s+[-\d.,]+\s?(?:%|percent\b|points?\b)?[\s(,]*"
    r"(?:(?:in|on|during|as of|at)\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)

#: "as measured by the spring climate survey": "by" names the instrument, not a deadline.
_MEASURED_BEFORE = re.compile(
    r"\b(?:measured|assessed|reported|tracked|monitored|shown|evidenced|determined)\s+$",
    re.IGNORECASE,
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
        r"|(?:after|at) each (?:benchmark|diagnostic|administration)"
        r"|(?:at |after |in )?(?:each|every) (?:[\w-]+ ){0,2}(?:window|administration)",
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
    """Return the first deadline the text states, with the year it ends in (or None) as value.

    A deadline slot left as a placeholder ("by June 20XX", "by <date>") is no deadline.
    """
    slots = [found.start for found in find_placeholders(text)]
    for pattern in _DEADLINES:
        for match in pattern.finditer(text):
            before = text[max(0, match.start() - 40) : match.start()]
            if _BASELINE_DATE_BEFORE.search(before):
                continue
            if match.group(0)[:2].lower() == "by" and _MEASURED_BEFORE.search(before):
                continue
            # slots are in order: one look at the first slot from the match's start on
            nearest = bisect.bisect_left(slots, match.start())
            touches = nearest < len(slots) and slots[nearest] <= match.end() + 1
            if touches and not end_years(match.group(0)):
                continue
            years = end_years(match.group(0))
            return Found(match.group(0), match.start(), match.end(), years[-1] if years else None)
    return None


def find_cadence(text: str) -> Found | None:
    """Return how often the text says something happens (weekly, monthly, quarterly, ...)."""
    best: Found | None = None
    for name, pattern in _CADENCE_PATTERNS:
        match = pattern.search(text)
        if match and (best is None or match.start() < best.start):
            best = Found(match.group(0), match.start(), match.end(), name)
    return best
