"""SIP204 goal-missing-measure."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class GoalMissingMeasure(Rule[NoOptions]):
    """Every goal names its measure (metric) and where the data comes from (measure_source).

    Why it matters: a goal is only as good as the evidence that will show whether it was
    met. Naming the measure and its source up front means the team, the district and DESE
    agree now on which report will settle it, instead of arguing about it next fall.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            metric: mcas_meeting_exceeding

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            metric: mcas_meeting_exceeding
            measure_source: Spring MCAS grade 3 ELA
    """

    code = "SIP204"
    name = "goal-missing-measure"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal without a metric or a measure source, once per goal."""
        for index, goal in enumerate(plan.goals or []):
            missing = []
            if goal.metric is None:
                missing.append("what measures it (metric)")
            if not goal.measure_source:
                missing.append("where the data comes from (measure_source)")
            if missing:
                yield Finding(
                    ("goals", index),
                    f"Goal {goal.id} does not say {' or '.join(missing)}. Add "
                    f"{_fix(goal.metric is None, not goal.measure_source)}.",
                )


def _fix(no_metric: bool, no_source: bool) -> str:
    parts = []
    if no_metric:
        parts.append("metric: (e.g. mcas_meeting_exceeding, sgp_mean, chronic_absenteeism)")
    if no_source:
        parts.append('measure_source: (e.g. "Spring MCAS grade 3 ELA")')
    return " and ".join(parts)
