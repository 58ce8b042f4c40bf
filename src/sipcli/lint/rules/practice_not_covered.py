"""SIP502 practice-not-covered."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan

#: DESE's four Turnaround Practices, by code.
PRACTICES = {
    "TP1": "leadership, shared responsibility and professional collaboration",
    "TP2": "intentional practices for improving instruction",
    "TP3": "student-specific supports and instruction to all students",
    "TP4": "school climate and culture",
}


class PracticeNotCovered(Rule[NoOptions]):
    """Each of the four Turnaround Practices is served by at least one strategic objective.

    Why it matters: the Turnaround Practices (TP1 leadership, shared responsibility and
    professional collaboration; TP2 intentional practices for improving instruction; TP3
    student-specific supports and instruction to all students; TP4 school climate and
    culture) work together in schools that improve quickly. A plan may rightly focus on
    some of them, but leaving one out should be a choice the team can explain to DESE, not
    an oversight. A goal filed under a practice (turnaround_practice) serves it too.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
            turnaround_practices: [TP1, TP2]

    Passes:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
            turnaround_practices: [TP1, TP2]
          - id: O2
            title: Give every student the support they need, when they need it
            turnaround_practices: [TP3, TP4]
    """

    code = "SIP502"
    name = "practice-not-covered"
    severity = Severity.INFO

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each Turnaround Practice no objective serves, when the plan has objectives."""
        objectives = plan.strategic_objectives or []
        if not objectives:
            return
        served = {
            practice
            for objective in objectives
            for practice in objective.turnaround_practices or []
        }
        # A plan that groups its goals by practice (the Level 4 template) serves it there too.
        served |= {
            goal.turnaround_practice for goal in plan.goals or [] if goal.turnaround_practice
        }
        for code, title in PRACTICES.items():
            if code not in served:
                yield Finding(
                    ("strategic_objectives",),
                    f"No strategic objective serves Turnaround Practice {code} ({title}). "
                    f"Add {code} to the turnaround_practices of the objective that addresses "
                    "it, or note why the plan leaves it out.",
                )
