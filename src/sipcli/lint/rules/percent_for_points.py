"""SIP703 percent-for-points."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.statement.amounts import find_amounts
from sipcli.statement.compare import format_number, same_value


class PercentForPoints(Rule[NoOptions]):
    """A change in a percentage is written in percentage points, not as a percent.

    Why it matters: going from 38% to 43% is a rise of 5 percentage points, but "a 5%
    increase" reads as 5% of 38, which is 39.9%. Families, the school committee and DESE read
    the statement, not the table; the two readings differ by a factor of the baseline, so the
    statement promises something other than the target.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, increase grade 3 students meeting expectations in ELA by 5%.
            unit: percent
            baseline: {value: 38, period: spring 2026}
            target: {value: 43, by: 2027-09-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, increase grade 3 students meeting expectations in ELA by 5 percentage points, from 38% to 43%.
            unit: percent
            baseline: {value: 38, period: spring 2026}
            target: {value: 43, by: 2027-09-30}
    """

    code = "SIP703"
    name = "percent-for-points"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each percent goal whose statement gives its change in points as a percent."""
        for index, goal in enumerate(plan.goals or []):
            change = _points_written_as_percent(goal)
            if change is None:
                continue
            baseline = goal.baseline.value if goal.baseline else 0.0
            target = goal.target.value if goal.target else baseline
            relative = baseline * (1 + (change if target >= baseline else -change) / 100)
            shown = format_number(change)
            yield Finding(
                ("goals", index, "statement"),
                f'Goal {goal.id}\'s statement says "{shown}%" for a change of {shown} '
                f'percentage points, but "{shown}%" reads as a relative change '
                f"({format_number(baseline)}% to {format_number(round(relative, 1))}%). "
                f'Write "{shown} percentage points".',
                anchor="value",
            )


def _points_written_as_percent(goal: Goal) -> float | None:
    """Return the change written as a percent that is really a change in points, if any."""
    if goal.unit != "percent" or goal.baseline is None or goal.target is None:
        return None
    baseline, target = goal.baseline.value, goal.target.value
    difference = abs(target - baseline)
    relative = abs(difference / baseline * 100) if baseline else None
    for number in find_amounts(goal.statement).changes:
        if not number.percent:
            continue
        if relative is not None and same_value(number.value, relative):
            continue
        if same_value(number.value, difference):
            return number.value
    return None
