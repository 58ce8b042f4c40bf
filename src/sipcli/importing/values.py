"""Reading a cell's or a line's text as the value a field holds: codes, dates, periods, figures."""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from sipcli.importing.blocks import Cell
from sipcli.importing.wording import Path, contains, import_map, normalise
from sipcli.model.labels import label_table
from sipcli.periods import PeriodContext, PeriodError, read_when

NUMBER = re.compile(r"[-+]?\$?\d[\d,]*(?:\.\d+)?")


#: A cell that holds a figure and nothing else: "23%", "19 %", "$12,000", "1,142".
_WHOLE_NUMBER = re.compile(r"^\s*([-+]?\$?\d[\d,]*(?:\.\d+)?)\s*%?\s*$")


SCHOOL_YEAR = re.compile(r"\b(?:SY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\b", re.IGNORECASE)


#: Words in a period column's header that say nothing about the period itself.
_RESULT_WORDS = re.compile(r"\b(?:results?|actuals?|data|scores?|status|check)\b")


#: A long date as documents write it: "June 4, 2026".
_LONG_DATE = re.compile(r"^([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})$")


_MONTHS = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]


#: Label fields whose value is read as a date, written as sip writes one.
_DATE_LABELS = frozenset(
    {
        ("plan", "shared", "stakeholders"),
        ("plan", "shared", "school_committee"),
        ("plan", "shared", "dese"),
        ("implementation", "start_date"),
    }
)


#: Label fields that name a code, and the table of ``data/labels.yaml`` whose words name it.
_CODE_LABELS = {
    ("plan", "status"): "plan_status",
    ("plan", "designation"): "designation",
    ("plan", "type"): "plan_type",
}


def choice(text: str, table: str) -> str | None:
    """The code a cell names, by its label ("All students") or the code itself ("all")."""
    words = normalise(text)
    for code, shown in label_table(table).items():
        if words in {normalise(shown), normalise(code.replace("_", " "))}:
            return code
    return None


def when_text(text: str, school_year: int | None = None) -> str | None:
    """A date or period sip reads, from a cell ("by June 2027" -> "June 2027"), or None.

    A term of the year ("Q2") is read in the plan's school year, when the source gives it.
    """
    text = re.sub(r"^(?:by|in|at|due|the end of)\s+", "", text.strip(), flags=re.IGNORECASE)
    if school_year is not None:
        # "EOY 2026-27" in a plan of SY2026-27 is its EOY, as the plan writes it
        own = f" {school_year}-{(school_year + 1) % 100:02d}"
        if text.endswith(own) and text[: -len(own)].strip():
            text = text[: -len(own)].strip()
    try:
        read_when(text, PeriodContext(school_year=school_year))
    except PeriodError:
        return None
    return text


def cell_number(cell: Cell) -> float | None:
    """A cell's figure: a spreadsheet's stored number (0.23 shown as 23% is 23), else its text's."""
    if cell.number is not None:
        return round(cell.number * 100, 10) if cell.percent else cell.number
    match = _WHOLE_NUMBER.match(cell.text)
    if match is None:
        return None
    return float(match.group(1).replace(",", "").replace("$", ""))


#: The grades in school order, so that a span ("K-2", "3-5") reads as the grades it runs over.
_GRADE_ORDER = ("PK", "K", *(str(grade) for grade in range(1, 13)))
#: A span of grades as documents write one: its first and last grade and a dash between.
_GRADE_SPAN = re.compile(r"^(PK|K|\d{1,2})\s*[-\u2013\u2014]\s*(PK|K|\d{1,2})$", re.IGNORECASE)


def read_grades(text: str) -> list[int | str] | None:
    """The grades a text lists ("K, 1, 2", "3-5", "K-2, 4"), in its order; None if one does not read.

    A span runs over every grade from its first to its last, as sip writes a run of three or
    more grades.
    """
    grades: list[str] = []
    text = re.sub(r"^\s*grades?\s+", "", text, flags=re.IGNORECASE)  # a sheet's "Grade 3"
    for part in (part.strip() for part in text.split(",")):
        span = _GRADE_SPAN.fullmatch(part)
        ends = [span.group(1), span.group(2)] if span else [part]
        ends = [str(int(end)) if end.isdigit() else end.upper() for end in ends]
        if not all(end in _GRADE_ORDER for end in ends):
            return None
        first, last = _GRADE_ORDER.index(ends[0]), _GRADE_ORDER.index(ends[-1])
        if last < first:
            return None
        grades.extend(_GRADE_ORDER[first : last + 1])
    return [int(grade) if grade.isdigit() else grade for grade in grades]


def long_date(text: str) -> str | None:
    """A long date ("June 4, 2026") as sip writes a date (2026-06-04), or None if not one."""
    match = _LONG_DATE.fullmatch(text.strip())
    if match is None or match.group(1).lower() not in _MONTHS:
        return None
    month = _MONTHS.index(match.group(1).lower()) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"


def label_value(path: Path, text: str, school_year: int | None = None) -> Any | None:
    """A labelled value read as its field holds it, or None when it does not read.

    "3 years" is a horizon of 3, "Final" the status final, "K, 1, 2" grades, "June 4, 2026"
    the date 2026-06-04; a text field takes the text as it is.
    """
    if path in _CODE_LABELS:
        return choice(text, _CODE_LABELS[path])
    if path in _DATE_LABELS:
        return long_date(text) or when_text(text, school_year)
    if path[-1] == "meetings":  # "2026-04-16, 2026-05-21, fall 2026": each must read
        dates = [when_text(part, school_year) for part in text.split(",")]
        return dates if dates and all(dates) else None
    if path == ("plan", "horizon_years"):
        match = re.fullmatch(r"(\d+)\s*years?", text.strip())
        return int(match.group(1)) if match else None
    if path == ("school", "grades"):
        return read_grades(text)
    if path == ("district_systems", "standards"):  # "I: Leadership and governance, II: ..."
        codes = [part.split(":")[0].strip() for part in text.split(",")]
        return codes if all(re.fullmatch(r"[IV]{1,3}", code) for code in codes) else None
    if path == ("financial_plan", "total_cost"):  # "$1,450,000"
        match = re.fullmatch(r"\$?\s*(\d[\d,]*(?:\.\d+)?)", text.strip())
        return float(match.group(1).replace(",", "")) if match else None
    if path == ("school", "snapshot", "enrollment"):
        match = re.fullmatch(r"(\d[\d,]*)(?:\s*\((.+)\))?", text.strip())
        return int(match.group(1).replace(",", "")) if match else None
    return text


def result_kind(header: str) -> str | None:
    """What a period column's figures are: projected, preliminary, target, or None (actual)."""
    words = normalise(header)
    for kind, phrases in import_map().result_kinds.items():
        if any(contains(words, phrase) for phrase in phrases):
            return kind
    return None


def read_period(header: str, school_year: int | None) -> str | None:
    """The period a column header names, written as sip reads it ("Q1 2025-26"), or None.

    Without the plan's school year a bare term ("Q1") cannot be dated: it is returned with a
    placeholder mark (``<Q1 ...>``) for the team to write its year.
    """
    if _readable(header.strip(), school_year):
        words = header.strip()  # a date (2026-09-30) or a period written as sip writes it
    else:
        words = _period_words(header, school_year)
    if not words:
        return None
    context = PeriodContext(school_year=school_year if school_year is not None else 2000)
    when = read_when(words, context)
    if school_year is None:
        try:
            return str(read_when(words, PeriodContext()))
        except PeriodError:
            return f"<{words.upper()} in which school year? e.g. SY2026-27 {words.upper()}>"
    return str(when)


def _readable(words: str, school_year: int | None) -> bool:
    context = PeriodContext(school_year=school_year if school_year is not None else 2000)
    try:
        read_when(words, context)
    except PeriodError:
        return False
    return True


def _period_words(header: str, school_year: int | None) -> str:
    """The header's words that name its period, or "" when none do.

    The words that say what the figures are ("projected", "actual") are dropped one phrase
    at a time, in the map's order, until the rest reads as a period: so "fall 2026 i-Ready
    projected" keeps its assessment window (fall 2026 i-Ready) and "MOY i-Ready projected"
    reads as MOY.
    """
    phrases = [phrase for kind in import_map().result_kinds.values() for phrase in kind]
    # first with the dashes of dates and school years kept (2026-09-30 (actual)), then in
    # plain words ("Mid-year" is "mid year")
    light = unicodedata.normalize("NFKC", header).lower()
    for form in (" ".join(re.sub(r"[()\[\]:;,/|]+", " ", light).split()), normalise(header)):
        words = " ".join(_RESULT_WORDS.sub(" ", form).split())
        for phrase in [None, *phrases]:
            if phrase is not None:
                words = " ".join(f" {words} ".replace(f" {phrase} ", " ").split())
            if not words:
                break
            candidate = import_map().periods.get(normalise(words), words)
            candidate = candidate.replace(" i ready", " i-Ready")
            if _readable(candidate, school_year):
                return candidate
    return ""


def unit_in(text: str) -> tuple[str, str] | None:
    """The unit a figure's words name ("45 (SGP)", "12 days"), with those words; None if none.

    The words are those sip writes after a figure (``unit`` in data/labels.yaml); "%" is read
    where the figure is.
    """
    for code, suffix in label_table("unit").items():
        words = suffix[2:-1] if suffix.startswith(" (") else suffix.strip()
        if not words or code == "percent":
            continue
        if re.search(rf"\(\s*{re.escape(words)}\b|\d\s*{re.escape(suffix)}\b", text):
            return code, words
    return None


def read_status(text: str) -> str | None:
    """The status a cell names ("On track", "Met"), by the map's wording; None if none."""
    words = normalise(text)
    for status, phrases in import_map().statuses.items():
        if words in phrases:
            return status
    return None
