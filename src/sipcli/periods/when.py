"""`When`: a date that remembers the period it stands for and how the plan wrote it."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

WhenKind = Literal["date", "month", "school_year", "plan_year", "term", "season", "assessment"]


class When(dt.date):
    """A day of the plan, written as an exact date or as a period of the school calendar.

    As a `datetime.date` it is the day the period is settled: its end, or for an assessment
    window the day its results are known. That is the day every comparison needs (is the
    target's result known by the end of the plan? is a check overdue?), so code that compares
    dates works unchanged. ``start`` and ``end`` give the whole span, ``text`` the words as
    written and ``str()`` a tidy label ("Q2 2026-27"); an exact date prints as YYYY-MM-DD.
    """

    text: str
    label: str
    kind: WhenKind
    start: dt.date
    end: dt.date
    preliminary: dt.date | None

    def __new__(
        cls,
        known: dt.date,
        *,
        text: str,
        label: str,
        kind: WhenKind,
        start: dt.date,
        end: dt.date,
        preliminary: dt.date | None = None,
    ) -> When:
        """Make the day ``known`` that stands for the span from ``start`` to ``end``."""
        self = super().__new__(cls, known.year, known.month, known.day)
        self.text = text
        self.label = label
        self.kind = kind
        self.start = start
        self.end = end
        self.preliminary = preliminary
        return self

    @property
    def known(self) -> dt.date:
        """The day the period is settled, as a plain date (for an assessment: its results)."""
        return dt.date(self.year, self.month, self.day)

    @property
    def is_period(self) -> bool:
        """True when the plan wrote a period rather than an exact date."""
        return self.kind != "date"

    # Date arithmetic on a subclass would build a new When from a year, month and day alone,
    # which has no period to stand for: a day plus or minus some days is a plain date.
    def __add__(self, other: dt.timedelta) -> dt.date:  # type: ignore[override]
        """Return the settled day moved by ``other``, as a plain date."""
        return self.known + other

    __radd__ = __add__  # type: ignore[assignment]

    def __sub__(self, other: Any) -> Any:
        """Return days between two dates, or the settled day moved back, as `datetime.date` does."""
        if isinstance(other, When):
            other = other.known
        return self.known - other

    def __rsub__(self, other: Any) -> Any:
        """Return ``other`` minus the settled day."""
        return other - self.known

    def replace(self, *args: Any, **changes: Any) -> dt.date:  # type: ignore[override]
        """Return the settled day with ``changes``, as a plain date (the period is gone)."""
        return self.known.replace(*args, **changes)

    def __str__(self) -> str:
        """Return the label: "Q2 2026-27", "spring 2027 MCAS", or the date as YYYY-MM-DD."""
        return self.label

    def __repr__(self) -> str:
        """Return ``When('text')``."""
        return f"When({self.text!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        """Copy and pickle with the period kept (a plain date would lose it)."""
        fields = (self.text, self.label, self.kind, self.start, self.end, self.preliminary)
        return (_restore, (self.known, *fields))


def _restore(
    known: dt.date,
    text: str,
    label: str,
    kind: WhenKind,
    start: dt.date,
    end: dt.date,
    preliminary: dt.date | None,
) -> When:
    return When(
        known, text=text, label=label, kind=kind, start=start, end=end, preliminary=preliminary
    )
