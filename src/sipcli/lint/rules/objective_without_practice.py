"""SIP501 objective-without-practice."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class ObjectiveWithoutPractice(Rule[NoOptions]):
    """Every strategic objective names the Turnaround Practices it serves.

    Why it matters: DESE asks for strategic objectives aligned to the four Massachusetts
    Turnaround Practices, the practices found in schools that improved quickly. Naming the
    practice each objective serves shows that alignment, and lets the team see at a glance
    whether a practice has been left out.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA

    Passes:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
            turnaround_practices: [TP2]
    """

    code = "SIP501"
    name = "objective-without-practice"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each strategic objective that names no Turnaround Practice."""
        for index, objective in enumerate(plan.strategic_objectives or []):
            if not objective.turnaround_practices:
                yield Finding(
                    ("strategic_objectives", index),
                    f"Objective {objective.id} names no Turnaround Practice. Add "
                    "turnaround_practices: with the ones it serves (TP1 leadership and "
                    "collaboration, TP2 instruction, TP3 student supports, TP4 climate and "
                    "culture).",
                )
