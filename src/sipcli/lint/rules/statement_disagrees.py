"""SIP704 statement-disagrees."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import Path
from sipcli.periods import When
from sipcli.statement.amounts import Amounts, find_amounts
from sipcli.statement.compare import format_number, same_value
from sipcli.statement.deadlines import find_deadline
from sipcli.statement.found import Found
from sipcli.statement.numbers import Quantity
from sipcli.statement.years import years_covered


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
            amounts = find_amounts(goal.statement)
            yield from _baseline_finding(goal, amounts, path)
            yield from _target_finding(goal, amounts, path)
            yield from _year_finding(goal, path)


def _baseline_finding(goal: Goal, amounts: Amounts, path: Path) -> Iterator[Finding]:
    said = amounts.baseline
    if goal.baseline is None or said is None:
        return
    baseline = goal.baseline.value
    if same_value(float(said.value), baseline):
        return
    yield Finding(
        (*path, "baseline", "value"),
        f"Goal {goal.id}'s statement starts from {_said(said, goal)}, but its baseline "
        f"is {format_number(baseline)}. Make the statement and the baseline agree.",
        anchor="value",
    )


def _said(found: Found, goal: Goal) -> str:
    """A baseline as the statement gives it: "38%", or "23% (from 30% minus 7 points)"."""
    shown = format_number(float(found.value)) + ("%" if goal.unit == "percent" else "")
    return f"{shown} ({found.derived})" if found.derived else shown


def _target_finding(goal: Goal, amounts: Amounts, path: Path) -> Iterator[Finding]:
    levels = amounts.levels
    # Only a statement that states a target and gives levels (38%, from 38 to 45) is compared.
    if (
        goal.target is None
        or amounts.target is None
        or not any(number.percent or number.role == "baseline" for number in levels)
    ):
        return
    target = goal.target.value
    if any(same_value(value, target) for value in _candidates(goal, amounts)):
        return
    shown = _listed([_shown(number) for number in levels])
    yield Finding(
        (*path, "target", "value"),
        f"Goal {goal.id}'s statement gives {shown}, but its target is {format_number(target)}. "
        "Make the statement and the target agree.",
        anchor="value",
    )


def _shown(number: Quantity) -> str:
    return format_number(number.value) + ("%" if number.percent else "")


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _candidates(goal: Goal, amounts: Amounts) -> Iterator[float]:
    """Yield the targets the statement gives: its levels, and baseline plus or minus a change."""
    baseline = goal.baseline.value if goal.baseline else None
    if amounts.target is not None:
        yield float(amounts.target.value)
    yield from (number.value for number in amounts.levels)
    if baseline is None:
        return
    for number in amounts.changes:
        yield from (baseline + number.value, baseline - number.value)
        if number.percent:
            yield from (baseline * (1 + number.value / 100), baseline * (1 - number.value / 100))


def _year_finding(goal: Goal, path: Path) -> Iterator[Finding]:
    """Compare the year of the statement's deadline (as `sip score` reads it) with the target's.

    Years that only date the baseline ("up from 41% in spring 2025") are not the deadline.
    """
    deadline = find_deadline(goal.statement)
    years = years_covered(deadline.text) if deadline else set()
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
