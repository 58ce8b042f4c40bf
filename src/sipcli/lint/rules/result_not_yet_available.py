"""SIP208 result-not-yet-available."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules._when import names_administration
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Goal
from sipcli.model.index import Path
from sipcli.model.reference import MetricFacts
from sipcli.periods import When

#: The assessment a metric's results come from, as a reader names it.
_ASSESSMENTS = {
    "mcas_meeting_exceeding": "MCAS",
    "mcas_scaled_score": "MCAS",
    "sgp_mean": "MCAS",
    "sgp_median": "MCAS",
    "access_progress": "ACCESS for ELLs",
    "access_proficiency": "ACCESS for ELLs",
}


class ResultNotYetAvailable(Rule[NoOptions]):
    """A goal's target date falls when its assessment's results are known, not between testing and results.

    Why it matters: spring MCAS is given in May but its results arrive in September. A goal
    "met by June 30, 2027" on spring 2027 MCAS cannot be judged on that date: the test has
    been taken and the results are not out. Date the target when the results are known, or
    aim it at the previous administration. A target written as the assessment window
    ("spring 2027 MCAS") is dated when its results are known, and one written as a school year
    or a season ("SY2026-27", "spring 2027") means that year's administration: neither is
    flagged.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            metric: mcas_meeting_exceeding
            target: {value: 45, by: 2027-06-30}

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            metric: mcas_meeting_exceeding
            target: {value: 45, by: 2027-09-30}
    """

    code = "SIP208"
    name = "result-not-yet-available"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each target and interim target dated between testing and results."""
        for index, goal in enumerate(plan.goals or []):
            facts = context.reference.metrics.get(goal.metric or "")
            if facts is None or facts.tested_month is None or facts.results_month is None:
                continue
            for when, path, what in _dates(goal, ("goals", index)):
                message = _pending(goal, when, facts)
                if message is not None:
                    yield Finding(path, f"Goal {goal.id}'s {what} {message}", anchor="value")


def _dates(goal: Goal, path: Path) -> Iterator[tuple[When, Path, str]]:
    if goal.target is not None:
        yield goal.target.by, (*path, "target", "by"), "target date"
    for position, interim in enumerate(goal.interim_targets or []):
        yield interim.by, (*path, "interim_targets", position, "by"), "interim target date"


def _pending(goal: Goal, when: When, facts: MetricFacts) -> str | None:
    """Return the message for a date whose latest administration has no results yet, or None.

    An assessment window ("spring 2027 MCAS") is dated on the day its results are known, and a
    school year or season ("SY2026-27", "spring 2027") means that year's administration: only
    exact dates, months and terms are judged, on their last day.
    """
    if when.kind == "assessment" or names_administration(when):
        return None
    tested, results = facts.tested_month or 0, facts.results_month or 0
    # Counting months from the test handles results that arrive in the next calendar year.
    if (when.month - tested) % 12 >= (results - tested) % 12:
        return None
    tested_year = when.year if when.month >= tested else when.year - 1
    results_year = tested_year if results > tested else tested_year + 1
    last_day = calendar.monthrange(results_year, results)[1]
    known = dt.date(results_year, results, last_day)
    metric = goal.metric or ""
    assessment = _ASSESSMENTS.get(metric, metric.replace("_", " "))
    administration = f"{_season(tested)} {tested_year} {assessment}"
    pending = (
        f"{when} falls before results of the {administration} are usually known "
        f"({calendar.month_name[results]} {results_year})."
    )
    if when.is_period:
        # A period was written: offer the period that says what is meant, not a made-up day.
        return (
            f"{pending} Write the target as the assessment window, '{administration}', which "
            "is dated when its results are known, or target the previous administration."
        )
    return f"{pending} Set the date to {known} or later, or target the previous administration."


def _season(month: int) -> str:
    return ("winter", "spring", "summer", "fall")[(month % 12) // 3]
