"""SIP704 statement-disagrees."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import Path
from sipcli.periods import When
from sipcli.statement.text import (
    StatementNumber,
    format_number,
    same_value,
    statement_numbers,
    years_named,
)


class StatementDisagrees(Rule[NoOptions]):
    """A goal's statement gives the same baseline, target and year as its structured fields.

    Why it matters: the statement is what families, staff and DESE read; the baseline and
    target are what sip checks and what the progress reports track. When a revision changes
    one and not the other, the plan promises two different things, and nobody can tell which
    one the school will be held to.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting expectations in ELA will rise from 38% to 45%.
            unit: percent
            baseline: {value: 38, period: spring 2026}
            target: {value: 48, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting expectations in ELA will rise from 38% to 45%.
            unit: percent
            baseline: {value: 38, period: spring 2026}
            target: {value: 45, by: 2027-09-30}
    """

    code = "SIP704"
    name = "statement-disagrees"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a baseline, target value or target date the goal's statement contradicts."""
        for index, goal in enumerate(plan.goals or []):
            path: Path = ("goals", index)
            numbers = statement_numbers(goal.statement)
            yield from _baseline_finding(goal, numbers, path)
            yield from _target_finding(goal, numbers, path)
            yield from _year_finding(goal, path)


def _baseline_finding(goal: Goal, numbers: list[StatementNumber], path: Path) -> Iterator[Finding]:
    starts = [number for number in numbers if number.after_from and not number.change]
    if goal.baseline is None or not starts:
        return
    baseline = goal.baseline.value
    if any(same_value(start.value, baseline) for start in starts):
        return
    yield Finding(
        (*path, "baseline", "value"),
        f"Goal {goal.id}'s statement starts from {_shown(starts[0])}, but its baseline "
        f"is {format_number(baseline)}. Make the statement and the baseline agree.",
        anchor="value",
    )


def _target_finding(goal: Goal, numbers: list[StatementNumber], path: Path) -> Iterator[Finding]:
    levels = [number for number in numbers if not number.change]
    # Only a statement that gives levels (38%, from 38 to 45) is expected to give the target.
    if goal.target is None or not any(number.percent or number.after_from for number in levels):
        return
    target = goal.target.value
    if any(same_value(value, target) for value in _candidates(goal, numbers)):
        return
    shown = _listed([_shown(number) for number in levels])
    yield Finding(
        (*path, "target", "value"),
        f"Goal {goal.id}'s statement gives {shown}, but its target is {format_number(target)}. "
        "Make the statement and the target agree.",
        anchor="value",
    )


def _shown(number: StatementNumber) -> str:
    return format_number(number.value) + ("%" if number.percent else "")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _candidates(goal: Goal, numbers: list[StatementNumber]) -> Iterator[float]:
    """Yield the targets the statement gives: its levels, and baseline plus or minus a change."""
    baseline = goal.baseline.value if goal.baseline else None
    for number in numbers:
        if not number.change:
            yield number.value
        elif baseline is not None:
            yield from (baseline + number.value, baseline - number.value)
            if number.percent:
                yield from (
                    baseline * (1 + number.value / 100),
                    baseline * (1 - number.value / 100),
                )


def _year_finding(goal: Goal, path: Path) -> Iterator[Finding]:
    years = years_named(goal.statement)
    if goal.target is None or not years:
        return
    by = goal.target.by
    if years & _years_of(by):
        return
    named = _listed([str(year) for year in sorted(years)])
    yield Finding(
        (*path, "target", "by"),
        f"Goal {goal.id}'s statement names {named}, but its target date is {by}. Say in the "
        "statement by when the target is met, in the year of the target date.",
        anchor="value",
    )


def _years_of(by: When) -> set[int]:
    """Return the years a statement may name for a target date.

    An exact date: its year, or the year before (a June date closes the school year that
    began the previous fall). A period: every year its span and its results day touch
    ("spring 2027 MCAS" is known in September 2027, SY2026-27 spans 2026 and 2027).
    """
    if not by.is_period:
        return {by.year, by.year - 1}
    return set(range(by.start.year, by.known.year + 1))
