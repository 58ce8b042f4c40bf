"""SIP206 goal-against-metric."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.statement.compare import format_number


class GoalAgainstMetric(Rule[NoOptions]):
    """A goal moves its measure the way that is better: attendance up, chronic absenteeism down.

    Why it matters: for some measures lower is better (chronic absenteeism, suspensions,
    dropouts), for most higher is. A goal to increase chronic absenteeism is almost always a
    slip in the direction or the metric, and it would report success for the wrong result.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will go from 24% to 19%.
            metric: chronic_absenteeism
            unit: percent
            direction: increase
            baseline: {value: 24, period: SY2025-26}
            target: {value: 19, by: 2027-06-30}

    Passes:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 19%.
            metric: chronic_absenteeism
            unit: percent
            direction: decrease
            baseline: {value: 24, period: SY2025-26}
            target: {value: 19, by: 2027-06-30}
    """

    code = "SIP206"
    name = "goal-against-metric"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal that moves its metric away from better.

        The goal's direction decides when it is set (a target that contradicts the direction
        is SIP205's business); otherwise the move from baseline to target does.
        """
        for index, goal in enumerate(plan.goals or []):
            facts = context.reference.metrics.get(goal.metric or "")
            if facts is None or facts.better is None:
                continue
            finding = _against(goal, index, facts.better)
            if finding is not None:
                yield finding


def _against(goal: Goal, index: int, better: str) -> Finding | None:
    wrong_way = "decrease" if better == "higher" else "increase"
    measure = (goal.metric or "").replace("_", " ")
    fix = f"For {measure}, {better} is better: check the metric, the direction and the target."
    if goal.direction is not None:
        if goal.direction != wrong_way:
            return None
        return Finding(
            ("goals", index, "direction"),
            f"Goal {goal.id} aims to {wrong_way} {measure}. {fix}",
            anchor="value",
        )
    if goal.baseline is None or goal.target is None:
        return None
    baseline, target = goal.baseline.value, goal.target.value
    if (target - baseline) * (1 if better == "higher" else -1) >= 0:
        return None
    return Finding(
        ("goals", index, "target", "value"),
        f"Goal {goal.id} takes {measure} from {format_number(baseline)} to "
        f"{format_number(target)}, the wrong way. {fix}",
        anchor="value",
    )
