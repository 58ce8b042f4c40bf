"""How values read in every format: numbers, money, dates, lists, labelled entries.

Text stays exactly as the plan wrote it (escaping is each format's job); numbers and dates
are formatted here so that every format shows them alike.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sipcli.model.common import Evidence
from sipcli.model.labels import label, label_table
from sipcli.render.viewmodel import Entry


def number(value: float | None) -> str:
    """Format a number without a trailing .0: 45 for 45.0, 12.5 for 12.5."""
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def money(value: float | None) -> str:
    """Format dollars: $12,500."""
    return "" if value is None else f"${value:,.0f}"


#: The months in English, whatever the machine's locale (``%B`` follows it).
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip


def written_day(day: dt.date) -> str:
    """Return a day written out, "October 15, 2026", the same in every locale."""
    return f"{MONTHS[day.month - 1]} {day.day}, {day.year}"


def long_date(day: dt.date) -> str:
    """A date as a title page writes it ("October 15, 2026"); a period as the plan wrote it."""
    # A period (`sipcli.periods.When`) knows its kind; an exact day is kind "date".
    if getattr(day, "kind", "date") == "date":
        return written_day(day)
    return str(day)


def date(value: dt.date | None) -> str:
    """Format a date field as the plan wrote it, or nothing.

    A period (`sipcli.periods.When`) prints its label ("Q2 2026-27", "spring 2027 MCAS"),
    never the day sip settles it on; an exact date prints as YYYY-MM-DD.
    """
    return "" if value is None else str(value)


def dates(values: Sequence[dt.date] | None) -> str:
    """Format a list of date fields as written, joined with commas.

    Terms of one school year name the year once: "Q1, Q2, Q3, EOY 2026-27". Exact dates,
    other periods and terms of different years print each as written.
    """
    values = list(values or [])
    year = _one_school_year(values)
    if year is not None:
        return ", ".join(str(value).removesuffix(f" {year}") for value in values) + f" {year}"
    return ", ".join(date(value) for value in values)


def _one_school_year(values: Sequence[dt.date]) -> str | None:
    """The school year label ("2026-27") every value shares, when all are terms of it."""
    if len(values) < 2 or not all(getattr(value, "kind", "") == "term" for value in values):
        return None
    years = {str(value).rpartition(" ")[2] for value in values}
    year = years.pop() if len(years) == 1 else ""
    return year if year and all(str(value).endswith(f" {year}") for value in values) else None


def chronological(day: dt.date) -> tuple[dt.date, dt.date]:
    """Sort key for date fields: by when a period begins, then the day it is settled.

    "spring 2027" (settled in June) begins before an exact 2027-06-10, so it comes first.
    """
    return (getattr(day, "start", day), day)


def join(values: object) -> str:
    """Join values with commas, or nothing for an empty list."""
    if not values:
        return ""
    return ", ".join(str(value) for value in values)  # type: ignore[attr-defined]


#: What joins the first and last grade of a span, as typeset text writes a range.
EN_DASH = "\u2013"
#: The grades in school order, so that a run of them reads as a span (3 to 5, K to 2).
GRADE_ORDER = ("PK", "K", *(str(grade) for grade in range(1, 13)))


def grades(values: Sequence[str] | None) -> str:
    """Format grades as the plan lists them, a run of three or more as a span ("K to 2" with an en dash).

    A span is its first and last grade joined by an en dash. Only grades that follow one
    another in the plan's own order form a span, so the list reads back exactly as written
    ("5, 4, 3" stays as it is).
    """
    runs: list[list[str]] = []
    for grade in values or []:
        previous = runs[-1][-1] if runs else None
        if (
            previous in GRADE_ORDER
            and grade in GRADE_ORDER
            and (GRADE_ORDER.index(grade) == GRADE_ORDER.index(previous) + 1)
        ):
            runs[-1].append(grade)
        else:
            runs.append([grade])
    return ", ".join(
        f"{run[0]}{EN_DASH}{run[-1]}" if len(run) >= 3 else ", ".join(run) for run in runs
    )


def entries(*pairs: tuple[str, object]) -> tuple[Entry, ...]:
    """Keep the pairs whose value is set, as text."""
    return tuple(Entry(label, str(value)) for label, value in pairs if value not in (None, "", []))


def with_unit(value: float | None, unit: str | None) -> str:
    """Format a value with its unit: 45%, 68.4 points, 37 (SGP)."""
    if value is None:
        return ""
    return f"{number(value)}{_suffix(unit)}"


def _suffix(unit: str | None) -> str:
    """What follows a number of ``unit``: "%", " points", " (SGP)", " (count)"; nothing without one."""
    return label_table("unit").get(unit or "", "")


def value_at(value: float, unit: str | None, when: str) -> str:
    """Format a value with its unit and when it was measured, in one pair of parentheses.

    "45% (spring 2025)", "68.4 points (spring 2013)", "37 (SGP, spring 2025)".
    """
    suffix = _suffix(unit)
    if not when:
        return with_unit(value, unit)
    if suffix.startswith(" (") and suffix.endswith(")"):
        return f"{number(value)} ({suffix[2:-1]}, {when})"
    return f"{number(value)}{suffix} ({when})"


def evidence(evidence: list[Evidence] | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Return the "Evidence" list of a section, one line per evidence item."""
    if not evidence:
        return ()
    lines = tuple(
        " · ".join(
            part
            for part in (
                item.title,
                label("evidence_format", item.format),
                date(item.date),
                item.location or "",
            )
            if part
        )
        for item in evidence
    )
    return (("Evidence", lines),)
