"""Read a date or a period as a plan writes it into a `When`.

The forms, case and spacing aside:

- an exact date: ``2027-06-30``;
- a month: ``2027-06``, ``June 2027``;
- a school year: ``SY2026-27``, ``2026-27``, ``2026-2027``, ``SY27`` (the year ending in 2027);
- a plan year: ``year 2`` (the plan's second school year);
- a term of the calendar: ``Q2``, ``T1``, ``S2``, ``BOY``, ``MOY``, ``EOY``, ``end of year``,
  alone (the plan's school year) or with a school year: ``SY2026-27 Q2``, ``Q2 2026-27``;
- a season: ``fall 2026``, ``spring 2027`` (named by the year it ends in);
- an assessment window: ``spring 2027 MCAS``, ``winter 2027 i-Ready``, ``MCAS spring 2027``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sipcli.periods.calendar import Calendar, CalendarSettings, default_calendar, on
from sipcli.periods.dates import MONTH_NAMES, DateError, read_exact_date
from sipcli.periods.when import When, WhenKind

#: What every refusal ends with: the forms sip reads.
FORMS = (
    "Write an exact date (2027-06-30) or a period: a school year (SY2026-27, 2026-27, SY27), "
    "a term (Q2, T1, S2, BOY, MOY, EOY, or with its year: SY2026-27 Q2), a season "
    "(fall 2026, spring 2027), a month (2027-06) or an assessment window (spring 2027 MCAS, "
    "winter 2027 i-Ready)."
)


class PeriodError(ValueError):
    """The text is not a date or a period this calendar knows; the message says which forms are."""


@dataclass
class PeriodContext:
    """What a period is read against: the calendar and the plan's first school year.

    The calendar is built only when a period is read, so a plan of exact dates never reads
    the calendar file.
    """

    settings: Callable[[], CalendarSettings | None] | None = None
    """Reads the ``calendar:`` section of ``.sip.yaml`` (called only when a period is read)."""
    school_year: int | None = None
    """The first calendar year of the plan's school year (2026 for SY2026-27), if it names one."""
    school_year_written: bool = False
    """Whether the plan writes a school year at all (readable or not)."""
    calendar: Calendar | None = field(default=None, repr=False)
    """The calendar itself, when already built."""

    def resolved_calendar(self) -> Calendar:
        """Return the shipped calendar corrected by the settings (built once)."""
        if self.calendar is None:
            settings = self.settings() if self.settings is not None else None
            self.calendar = default_calendar().with_settings(settings)
        return self.calendar


_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_LONG_YEAR = re.compile(r"^(?:sy ?)?(\d{4}) ?[-/] ?(\d{2}|\d{4})(?: ?sy)?$")
_SHORT_YEAR = re.compile(r"^(?:sy ?(\d{2}) ?[-/] ?(\d{2})|(\d{2}) ?[-/] ?(\d{2}) ?sy|sy ?(\d{2}))$")
_PLAN_YEAR = re.compile(r"^(?:plan )?(?:year|y) ?([1-5])$")
_FOUR_DIGITS = re.compile(r"\b(\d{4})\b")
_PHRASES = {
    "beginning of year": "BOY",
    "beginning of the year": "BOY",
    "middle of year": "MOY",
    "middle of the year": "MOY",
    "mid-year": "MOY",
    "midyear": "MOY",
    "end of year": "EOY",
    "end of the year": "EOY",
}
_TERM_WORDS = {"quarter": "Q", "trimester": "T", "semester": "S"}
#: Words before a period that do not change it: "by Q2", "at the end of T1", "during MOY".
_LEADING = re.compile(
    r"^(?:(?:by|at|in|during|before|until|as of)\s+)?(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?"
)
_ORDINALS = {"1st": "1", "first": "1", "2nd": "2", "second": "2", "3rd": "3", "third": "3"}
_ORDINALS |= {"4th": "4", "fourth": "4"}
_ORDINAL = re.compile(
    r"\b(1st|first|2nd|second|3rd|third|4th|fourth) (quarter|trimester|semester|term)\b"
)
_SEASONS = ("fall", "autumn", "winter", "spring", "summer")


def read_when(value: Any, context: PeriodContext | None = None) -> When:
    """Read an exact date or a period (see the module's docstring for the forms).

    Raises:
        PeriodError: when the value is neither, naming the forms that are accepted.
    """
    context = context or PeriodContext()
    if isinstance(value, When):
        return value  # already read: keep the period it stands for
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return when_from_date(value)
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise PeriodError(f"this should be a date or a period. {FORMS}")
    text = str(value).strip()
    if not text:
        raise PeriodError(f"this is empty. {FORMS}")
    try:
        when = _Reader(text, context).read()
    except PeriodError:
        raise
    except (ValueError, OverflowError):  # a year the calendar cannot hold (0, 10000)
        raise PeriodError(_out_of_years(text)) from None
    if not (when.start.year >= FIRST_YEAR and when.known.year <= LAST_YEAR):
        raise PeriodError(_out_of_years(text))
    return when


#: The years a plan's dates may fall in: wide enough for archives and long plans, narrow
#: enough to catch a mistyped year (2207 for 2027).
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _out_of_years(text: str) -> str:
    return f"'{text}' falls outside the years {FIRST_YEAR} to {LAST_YEAR}; check the year. {FORMS}"


def when_from_date(day: dt.date, text: str | None = None) -> When:
    """Return an exact date as a `When`."""
    return When(
        day, text=text or day.isoformat(), label=day.isoformat(), kind="date", start=day, end=day
    )


def _without_leading_words(words: str) -> str:
    """Drop what does not change a period: "by the end of T2" is T2 (a term's end is its day)."""
    for phrase, term in _PHRASES.items():
        words = words.replace(phrase, term.lower())
    return _LEADING.sub("", words)


def _normal(text: str) -> str:
    text = text.replace("\u2013", "-").replace("\u2014", "-").lower()
    text = re.sub(r"[,()]", " ", text)
    return re.sub(r"\s+", " ", text).strip()


class _Reader:
    """Reads one text against a context; one method per form."""

    def __init__(self, text: str, context: PeriodContext) -> None:
        self.text = text
        self.words = _without_leading_words(_normal(text))
        self.context = context
        self.calendar = context.resolved_calendar()

    def read(self) -> When:
        for form in (self._date, self._month, self._school_year, self._plan_year):
            found = form(self.words)
            if found is not None:
                return found
        return self._period_with_words()

    # -- single-token forms -------------------------------------------------------------------

    def _date(self, words: str) -> When | None:
        try:
            day = read_exact_date(words, self.text)
        except DateError as error:
            raise PeriodError(str(error)) from None
        return None if day is None else when_from_date(day, self.text)

    def _month(self, words: str) -> When | None:
        match = _MONTH.match(words)
        if match is not None:
            year, month = int(match.group(1)), int(match.group(2))
            if month == (year + 1) % 100:
                return None  # 2026-27 is a school year
            if month > 12 and abs(month - year % 100) > 3:
                raise PeriodError(
                    f"'{self.text}' has no month {month}: write a month 2027-06, or a school "
                    f"year with consecutive years, e.g. SY{year}-{(year + 1) % 100:02d}. {FORMS}"
                )
            if month > 12:
                return None  # a school year written with the wrong second year: say so there
            return self._month_of(year, month)
        parts = words.split(" ")
        if (
            len(parts) == 2
            and parts[0] in MONTH_NAMES
            and parts[1].isdigit()
            and len(parts[1]) == 4
        ):
            return self._month_of(int(parts[1]), MONTH_NAMES[parts[0]])
        return None

    def _month_of(self, year: int, month: int) -> When:
        if not 1 <= month <= 12:
            raise PeriodError(f"'{self.text}' has no month {month}; months are 01 to 12. {FORMS}")
        first = dt.date(year, month, 1)
        last = on(f"{month:02d}-31", year)
        return self._when(last, "month", first, last, first.strftime("%B %Y"))

    def _school_year(self, words: str) -> When | None:
        start = self._school_year_start(words)
        return None if start is None else self._whole_school_year(start)

    def _school_year_start(self, words: str) -> int | None:
        long = _LONG_YEAR.match(words)
        if long is not None:
            return _consecutive(self.text, int(long.group(1)), long.group(2))
        short = _SHORT_YEAR.match(words)
        if short is None:
            return None
        first, second, first_sy, second_sy, ending = short.groups()
        if ending is not None:
            return 2000 + int(ending) - 1
        begin, end = (first, second) if first is not None else (first_sy, second_sy)
        return _consecutive(self.text, 2000 + int(begin), str(end))

    def _whole_school_year(self, start_year: int) -> When:
        start = on(self.calendar.school_year.start, start_year)
        end = self.calendar.in_school_year(self.calendar.school_year.end, start_year)
        return self._when(end, "school_year", start, end, school_year_label(start_year))

    def _plan_year(self, words: str) -> When | None:
        match = _PLAN_YEAR.match(words)
        if match is None:
            return None
        number = int(match.group(1))
        first = self._plan_school_year("a plan year")
        year = self._whole_school_year(first + number - 1)
        return self._when(
            year.known, "plan_year", year.start, year.end, f"year {number} ({year.label})"
        )

    # -- forms of several words -----------------------------------------------------------------

    def _period_with_words(self) -> When:
        words = self.words
        words = _ORDINAL.sub(lambda m: f"{m.group(2)} {_ORDINALS[m.group(1)]}", words)
        for word, letter in _TERM_WORDS.items():
            words = re.sub(rf"\b{word} ?([1-4])\b", rf"{letter.lower()}\1", words)
        words = self._named_terms(words)
        season = next((s for s in _SEASONS if re.search(rf"\b{s}\b", words)), None)
        if season is not None:
            return self._season_or_window(words, season)
        single = self._single_window(words)
        return single if single is not None else self._term(words)

    def _named_terms(self, words: str) -> str:
        """Join "term 2" into one word when the calendar names a term so ("Term 2")."""

        def joined(match: re.Match[str]) -> str:
            name = self.calendar.term_named(match.group(0))
            if name is None:
                terms = ", ".join(self.calendar.terms)
                raise PeriodError(
                    f"'{self.text}': the school calendar has no term called "
                    f"'{match.group(0).title()}'; its terms are {terms}. Name the school's "
                    "terms under calendar: terms: in .sip.yaml (e.g. 'Term 2': {start: "
                    "'11-16', end: '03-05'}), or write the term as T2 or Q2."
                )
            return name.lower().replace(" ", "")

        return re.sub(r"\bterm ?\d\b", joined, words)

    def _single_window(self, words: str) -> When | None:
        """Read "MCAS 2027": an assessment given in one window only, with that window's year."""
        years = _FOUR_DIGITS.findall(words)
        written = " ".join(_FOUR_DIGITS.sub(" ", words).split())
        assessment = self.calendar.assessment_named(written) if len(years) == 1 else None
        if assessment is None:
            return None
        windows = self.calendar.assessments[assessment].windows
        if len(windows) != 1:
            raise PeriodError(
                f"'{self.text}': {assessment} has {len(windows)} windows "
                f"({', '.join(windows)}); say which, e.g. '{next(iter(windows), 'spring')} "
                f"{years[0]} {assessment}'."
            )
        return self._window(written, next(iter(windows)), int(years[0]))

    def _term(self, words: str) -> When:
        parts = words.split(" ")
        term_at = [i for i, part in enumerate(parts) if self.calendar.term_named(part)]
        if not term_at:
            raise PeriodError(self._unknown_term(parts))
        index = term_at[0]
        term = self.calendar.term_named(parts[index]) or ""
        rest = " ".join(parts[:index] + parts[index + 1 :]).removeprefix("of ").strip()
        if rest:
            start_year = self._school_year_start(rest)
            if start_year is None:
                raise PeriodError(
                    f"'{self.text}': '{rest}' is not a school year; write the term with its "
                    f"year like 'SY2026-27 {term}' or '{term} 2026-27'. {FORMS}"
                )
        else:
            start_year = self._plan_school_year(f"the term {term}")
        span = self.calendar.terms[term]
        start = self.calendar.in_school_year(span.start, start_year)
        end = self.calendar.in_school_year(span.end, start_year)
        if end < start:
            school = self.calendar.school_year
            raise PeriodError(
                f"'{self.text}': the term {term} ({span.start} to {span.end}) does not fit in "
                f"the school year ({school.start} to {school.end}): set calendar: terms: "
                f"{term} in .sip.yaml to the district's dates."
            )
        year = self._whole_school_year(start_year)
        # A term never runs past the school year: a district that closes earlier ends its
        # last quarter, its EOY window, with its school year.
        start, end = max(start, year.start), min(end, year.end)
        label = f"{term} {school_year_label(start_year).removeprefix('SY')}"
        return self._when(end, "term", start, end, label)

    def _unknown_term(self, parts: list[str]) -> str:
        terms = ", ".join(self.calendar.terms)
        for part in parts:
            if re.fullmatch(r"[a-z]{1,3}\d{1,2}", part):
                return (
                    f"'{self.text}': there is no term {part.upper()} in the school calendar; "
                    f"its terms are {terms} (set them under calendar: terms: in .sip.yaml)."
                )
        if re.fullmatch(r"\d{4}", self.words):
            return (
                f"'{self.text}' is a year alone: say which part of it, e.g. the school year "
                f"SY{int(self.words) - 1}-{int(self.words) % 100:02d} or 'spring {self.words}'. {FORMS}"
            )
        return f"'{self.text}' is not a date or a period sip can read. {FORMS}"

    def _season_or_window(self, words: str, season: str) -> When:
        name = "fall" if season == "autumn" else season
        years = _FOUR_DIGITS.findall(words)
        rest = _FOUR_DIGITS.sub(" ", re.sub(rf"\b{season}\b", " ", words))
        rest = re.sub(
            r"\b(of|the|in|administration|window|diagnostic|results)\b", " ", rest
        ).strip()
        if re.search(r"\d{4} ?- ?\d{2}", words):
            raise PeriodError(
                f"'{self.text}': a season is named by its calendar year, e.g. '{name} 2027', "
                f"not by a school year. {FORMS}"
            )
        if not years and self.context.school_year is not None:
            years = [str(self.context.school_year + (0 if name == "fall" else 1))]
        if len(years) != 1:
            raise PeriodError(
                f"'{self.text}': write the season with its year, e.g. '{name} 2027'. {FORMS}"
            )
        year = int(years[0])
        if not rest:
            return self._season(name, year)
        return self._window(" ".join(rest.split()), name, year)

    def _season(self, name: str, year: int) -> When:
        span = self.calendar.seasons.get(name)
        if span is None:
            raise PeriodError(f"'{self.text}': the calendar has no {name} season. {FORMS}")
        start, end = _named_by_end(span.start, span.end, year)
        return self._when(end, "season", start, end, f"{name} {year}")

    def _window(self, written: str, season: str, year: int) -> When:
        assessment = self.calendar.assessment_named(written)
        if assessment is None:
            as_written = re.search(re.escape(written).replace(r"\ ", r"\s+"), self.text, re.I)
            written = as_written.group(0) if as_written else written
            listed = ", ".join(
                f"{name} ({', '.join(a.windows)})" for name, a in self.calendar.assessments.items()
            )
            raise PeriodError(
                f"'{self.text}': the school calendar has no assessment called '{written}'; it "
                f"knows {listed}. Add it under calendar: assessments: in .sip.yaml."
            )
        windows = self.calendar.assessments[assessment].windows
        window = windows.get(season)
        if window is None:
            raise PeriodError(
                f"'{self.text}': {assessment} has no {season} window in the school calendar; "
                f"its windows are {', '.join(windows) or 'not set'} (set them in .sip.yaml)."
            )
        start, end = _named_by_end(window.start, window.end, year)
        known = (
            _first_on_or_after(window.results, end)
            if window.results
            else end + dt.timedelta(days=1)
        )
        early = _first_on_or_after(window.preliminary, end) if window.preliminary else None
        label = f"{season} {year} {assessment}"
        return self._when(known, "assessment", start, end, label, preliminary=early)

    # -- helpers --------------------------------------------------------------------------------

    def _plan_school_year(self, what: str) -> int:
        if self.context.school_year is None and self.context.school_year_written:
            raise PeriodError(
                f"'{self.text}' is read in the plan's school year, and plan.school_year cannot "
                "be read (see its own error): correct it, or write the year here, e.g. "
                f"'SY2026-27 {self.text}'."
            )
        if self.context.school_year is None:
            raise PeriodError(
                f"'{self.text}' needs a school year: {what} is read in the plan's school year, "
                f"and plan.school_year is not set. Write the year, e.g. 'SY2026-27 "
                f"{self.text}', or set plan.school_year."
            )
        return self.context.school_year

    def _when(
        self,
        known: dt.date,
        kind: WhenKind,
        start: dt.date,
        end: dt.date,
        label: str,
        *,
        preliminary: dt.date | None = None,
    ) -> When:
        return When(
            known,
            text=self.text,
            label=label,
            kind=kind,
            start=start,
            end=end,
            preliminary=preliminary,
        )


def _consecutive(text: str, start: int, end: str) -> int:
    end_year = int(end) if len(end) == 4 else (start // 100) * 100 + int(end)
    if len(end) == 2 and int(end) == (start + 1) % 100:
        end_year = start + 1
    if end_year != start + 1:
        raise PeriodError(
            f"'{text}' spans {start} to {end_year}; a school year covers two consecutive years, "
            f"e.g. SY{start}-{(start + 1) % 100:02d}. {FORMS}"
        )
    return start


def school_year_label(start_year: int) -> str:
    """Return a school year as plans write it: SY2026-27 for the one starting in 2026."""
    return f"SY{start_year}-{(start_year + 1) % 100:02d}"


def _named_by_end(start: str, end: str, year: int) -> tuple[dt.date, dt.date]:
    """Return a span named by the calendar year it ends in (winter 2027: Dec 2026 to Feb 2027)."""
    last = on(end, year)
    first = on(start, year)
    return (first if first <= last else on(start, year - 1)), last


def _first_on_or_after(month_day: str, day: dt.date) -> dt.date:
    candidate = on(month_day, day.year)
    return candidate if candidate >= day else on(month_day, day.year + 1)
