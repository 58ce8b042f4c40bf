"""SIP606 missing-stage."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.assessment import Assessment

#: The stages this rule checks, in plan order, with the message for a missing one. Goals,
#: the executive summary and district systems have their own rules (SIP602, SIP601, SIP605).
STAGES = (
    (
        "stakeholder_engagement",
        "The plan has no stakeholder engagement section. Add stakeholder_engagement: with "
        "the groups whose input shaped the plan and how it was used.",
    ),
    (
        "vision",
        "The plan has no vision. Add vision: with the vision statement and what success "
        "will look like.",
    ),
    (
        "assessment",
        "The plan has no assessment of assets and challenges. Add assessment: with the "
        "data, the challenges it shows and their root causes.",
    ),
    (
        "strategic_objectives",
        "The plan has no strategic objectives. Add strategic_objectives: with the few "
        "objectives the plan bets on, each aligned to the Turnaround Practices.",
    ),
    (
        "implementation",
        "The plan has no implementation section. Add implementation: with a roadmap for "
        "each plan year and dated action steps for year one.",
    ),
    (
        "monitoring",
        "The plan does not say how progress will be monitored. Add monitoring: with the "
        "school and district routines (when, who, and what data).",
    ),
)


class MissingStage(Rule[NoOptions]):
    """The plan covers every stage of DESE's planning process, including the root cause analysis.

    Why it matters: DESE expects every school to go through each stage of the process:
    stakeholder engagement, the vision, the assessment of assets and challenges with its
    root cause analysis, strategic objectives, implementation and monitoring. Most stages
    may be shown in a format the school chooses, but a stage with no trace in the plan
    looks skipped, and the later stages lose the ground they stand on.

    Fails:

        vision:
          statement: Every student reads with confidence and knows they belong.

    Passes:

        stakeholder_engagement:
          groups:
            - {group: families, methods: [Family survey]}
        vision:
          statement: Every student reads with confidence and knows they belong.
        assessment:
          challenges:
            - {id: C1, statement: Only 24% of students in grades 3-5 meet expectations in ELA.}
          root_causes:
            - {id: RC1, statement: Teachers lack shared time to study student work., challenge_refs: [C1]}
        strategic_objectives:
          - {id: O1, title: Strengthen core instruction in ELA, root_cause_refs: [RC1]}
        implementation:
          roadmap:
            - {year: 1, focus: Launch weekly data teams.}
        monitoring:
          school_level: {cadence: monthly, participants: [Principal], data_reviewed: [Benchmarks]}
    """

    code = "SIP606"
    name = "missing-stage"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each stage with no section, and an assessment without challenges or causes."""
        for key, message in STAGES:
            section = getattr(plan, key)
            if section is None or section == []:
                # The engine points where the stage belongs: after the stage before it.
                yield Finding((key,), message, anchor="missing")
            elif isinstance(section, Assessment):
                yield from _assessment_gaps(section)


def _assessment_gaps(assessment: Assessment) -> Iterator[Finding]:
    if not assessment.challenges:
        yield Finding(
            ("assessment", "challenges"),
            "The assessment names no challenges. Add challenges: with what the data shows "
            "most needs to improve, each citing its data.",
            anchor="missing",
        )
    if not assessment.root_causes:
        yield Finding(
            ("assessment", "root_causes"),
            "The assessment has no root cause analysis. Add root_causes: with the causes "
            "behind the challenges, each naming the challenges it explains.",
            anchor="missing",
        )
