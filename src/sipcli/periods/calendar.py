"""The school calendar: school-year bounds, terms, seasons and assessment windows.

The shipped default (``data/calendar.yaml``) is Massachusetts'; ``calendar:`` in
``.sip.yaml`` is a `CalendarSettings` that corrects it, key by key.
"""

from __future__ import annotations

import calendar as month_lengths
import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

_MONTH_DAY = re.compile(r"^(\d{1,2})-(\d{1,2})$")


def _month_day(value: str) -> str:
    match = _MONTH_DAY.match(value.strip())
    if match is None:
        raise ValueError(f"'{value}' is not a month and day; write it MM-DD, e.g. 08-28")
    month, day = int(match.group(1)), int(match.group(2))
    if not 1 <= month <= 12 or not 1 <= day <= month_lengths.monthrange(2024, month)[1]:
        raise ValueError(f"'{value}' is not a day of the year; write it MM-DD, e.g. 08-28")
    return f"{month:02d}-{day:02d}"


MonthDay = Annotated[str, AfterValidator(_month_day)]


class _Settings(BaseModel):
    # Built on first use: most plans write no period, and sip's start-up time counts.
    model_config = ConfigDict(extra="forbid", defer_build=True)


class Span(_Settings):
    """A stretch of the school calendar, from one month-day to another."""

    start: MonthDay
    """The first day, MM-DD."""
    end: MonthDay
    """The last day, MM-DD."""


class Window(Span):
    """An assessment window and the day its results are known."""

    results: MonthDay | None = None
    """When results are known, MM-DD: the first such day after the window closes (the day after it closes when not given)."""
    preliminary: MonthDay | None = None
    """When preliminary results reach the school, MM-DD, if earlier."""

    @model_validator(mode="after")
    def _results_after_the_window(self) -> Window:
        """Refuse a results day inside the window, or preliminary results after the final ones."""
        window = _days_after(self.start, self.end)
        for name, day in (("results", self.results), ("preliminary", self.preliminary)):
            if day is not None and _days_after(self.start, day) <= window:
                raise ValueError(
                    f"{name} ({day}) falls inside the window ({self.start} to {self.end}); "
                    "results are known after the window closes"
                )
        if (
            self.results
            and self.preliminary
            and _days_after(self.end, self.preliminary) > _days_after(self.end, self.results)
        ):
            raise ValueError(
                f"preliminary ({self.preliminary}) comes after results ({self.results}); "
                "preliminary results arrive first"
            )
        return self


class Assessment(_Settings):
    """An assessment given in windows, e.g. MCAS in spring or i-Ready in fall, winter, spring."""

    names: list[str] = Field(default_factory=list)
    """Other ways plans write its name ("iReady" for i-Ready)."""
    windows: dict[str, Window] = Field(default_factory=dict)
    """Its windows by season (fall, winter, spring, summer)."""


class CalendarSettings(_Settings):
    """The ``calendar:`` section of ``.sip.yaml``: what differs from the shipped calendar."""

    school_year: Span | None = Field(default=None, alias="school-year")
    """The first and last day of the school year, MM-DD."""
    terms: dict[str, Span] = Field(default_factory=dict)
    """Terms by name (Q1, T2, S1, BOY, or a name of your own), each replacing the default."""
    seasons: dict[str, Span] = Field(default_factory=dict)
    """fall, winter, spring or summer, each replacing the default."""
    assessments: dict[str, Assessment] = Field(default_factory=dict)
    """Assessments by name, each replacing the default of that name or adding one."""

    model_config = ConfigDict(extra="forbid", populate_by_name=True, defer_build=True)


def _days_after(first: str, then: str) -> int:
    """How many days after ``first`` the next ``then`` comes (0 to 365), both MM-DD."""
    start, later = on(first, 2001), on(then, 2001)
    return (later - start).days % 365


def _parts(month_day: str) -> tuple[int, int]:
    month, day = month_day.split("-")
    return int(month), int(day)


def on(month_day: str, year: int) -> dt.date:
    """Return ``MM-DD`` in ``year`` (29 February is the 28th in other years)."""
    month, day = _parts(month_day)
    return dt.date(year, month, min(day, month_lengths.monthrange(year, month)[1]))


def squash(name: str) -> str:
    """Return a name as it is matched: lower case, without spaces, hyphens or dots."""
    return re.sub(r"[\s\-_.]+", "", name.lower())


@dataclass(frozen=True)
class Calendar:
    """The calendar periods are read against (see `default_calendar`)."""

    school_year: Span
    terms: dict[str, Span]
    seasons: dict[str, Span]
    assessments: dict[str, Assessment]
    _names: dict[str, str] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        """Index each assessment by every name it is written with."""
        for name, assessment in self.assessments.items():
            for written in (name, *assessment.names):
                self._names[squash(written)] = name

    def assessment_named(self, written: str) -> str | None:
        """Return the calendar's name of the assessment written ``written``, if it has one."""
        return self._names.get(squash(written))

    def term_named(self, written: str) -> str | None:
        """Return the calendar's name of the term written ``written`` (any case), if any."""
        for name in self.terms:
            if squash(name) == squash(written):
                return name
        return None

    def in_school_year(self, month_day: str, start_year: int) -> dt.date:
        """Return ``MM-DD`` in the school year that starts in ``start_year``.

        From the first day of school on, a day is in the first calendar year; up to the last
        day of school, in the second. A day of the summer break falls in the first year from
        the middle of the break on, so a term that starts a few days before the school year
        (a district's calendar opens later) still belongs to it.
        """
        return on(month_day, start_year + self._year_offset(_parts(month_day)))

    def school_year_of(self, day: dt.date) -> int:
        """Return the first calendar year of the school year ``day`` falls in."""
        return day.year - self._year_offset((day.month, day.day))

    def _year_offset(self, month_day: tuple[int, int]) -> int:
        first, last = _parts(self.school_year.start), _parts(self.school_year.end)
        if first <= last:  # a school year inside one calendar year
            return 0
        if month_day >= first:
            return 0
        if month_day <= last:
            return 1
        return 0 if month_day >= self._summer_midpoint() else 1

    def _summer_midpoint(self) -> tuple[int, int]:
        end = on(self.school_year.end, 2001)
        start = on(self.school_year.start, 2001)
        middle = end + (start - end) / 2
        return middle.month, middle.day

    def with_settings(self, settings: CalendarSettings | None) -> Calendar:
        """Return this calendar with the keys ``settings`` gives replaced."""
        if settings is None:
            return self
        return Calendar(
            school_year=settings.school_year or self.school_year,
            terms={**self.terms, **settings.terms},
            seasons={**self.seasons, **settings.seasons},
            assessments={**self.assessments, **settings.assessments},
        )


def calendar_from(data: Any) -> Calendar:
    """Build a calendar from a complete mapping such as the shipped data file.

    Raises:
        pydantic.ValidationError: when the mapping is not a calendar.
    """
    settings = CalendarSettings.model_validate(data)
    if settings.school_year is None:
        raise ValueError("a calendar needs its school-year start and end")
    return Calendar(
        school_year=settings.school_year,
        terms=settings.terms,
        seasons=settings.seasons,
        assessments=settings.assessments,
    )


@cache
def default_calendar() -> Calendar:
    """Return the shipped Massachusetts calendar (``sipcli/data/calendar.yaml``)."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - only plans that write periods need it

    text = files("sipcli").joinpath("data").joinpath("calendar.yaml").read_text(encoding="utf-8")
    # sip's own file: libyaml's parser when installed (ten times the pure one's speed).
    return calendar_from(YAML(typ="safe").load(text))
