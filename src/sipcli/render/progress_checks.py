"""Which check of a benchmark each result answers, and which check is missed or overdue.

A benchmark checked several times (``due: [Q1, Q2, Q3]``) is judged by `sipcli.monitor.progress`
on its last check that has passed. A reader also needs to see each check: the result that
answered it, the ones missed, the one overdue and the next. The rules follow the monitor's:

- a result answers the first check on or after its date (a check due at a period counts as
  the period's end); a result dated after the last check that has passed answers the next one;
- the last check that has passed is **overdue** when no result is dated after the check
  before it, exactly when the monitor calls the benchmark overdue; when a result came in
  after it, it was answered **late**;
- an earlier check with no result of its own was **missed**.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from sipcli.model.common import StatusUpdate
from sipcli.monitor.progress import observed_on

CheckState = Literal["answered", "late", "missed", "overdue", "next"]


@dataclass(frozen=True)
class Check:
    """One check of a benchmark at the as-of date: when it is due, its state and its result."""

    due: dt.date
    state: CheckState
    result: StatusUpdate | None = None


def benchmark_checks(
    due: Sequence[dt.date], updates: Sequence[StatusUpdate] | None, as_of: dt.date
) -> list[Check]:
    """Return every check that has passed, then the next one, each with its result.

    Checks after the next one are left out: they say nothing yet.
    """
    results = sorted(
        (
            update
            for update in updates or []
            if update.actual is not None
            and update.kind != "projected"
            and observed_on(update) <= as_of
        ),
        key=lambda update: update.date,
    )
    days = sorted(set(due))
    passed = [day for day in days if day < as_of]
    checks: list[Check] = []
    previous: dt.date | None = None
    for position, day in enumerate(passed):
        own = [r for r in results if (previous is None or r.date > previous) and r.date <= day]
        if own:
            checks.append(Check(day, "answered", own[-1]))
        elif position == len(passed) - 1:
            late = [r for r in results if r.date > day]
            checks.append(Check(day, "late", late[0]) if late else Check(day, "overdue"))
        else:
            checks.append(Check(day, "missed"))
        previous = day
    upcoming = [day for day in days if day >= as_of]
    if upcoming:
        early = [r for r in results if previous is None or r.date > previous]
        answered_late = bool(checks) and checks[-1].state == "late"
        result = early[-1] if early and not answered_late else None
        checks.append(Check(upcoming[0], "answered" if result else "next", result))
    return checks


def overdue_check(checks: Sequence[Check]) -> Check | None:
    """Return the check that is overdue, if one is."""
    return next((check for check in checks if check.state == "overdue"), None)
