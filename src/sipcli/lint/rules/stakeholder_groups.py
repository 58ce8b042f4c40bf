"""SIP603 stakeholder-groups."""

from __future__ import annotations

import re
from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.stakeholders import StakeholderEngagement

#: From this grade up, students are expected to be heard directly.
STUDENT_VOICE_GRADE = 6


class StakeholderGroups(Rule[NoOptions]):
    """The plan heard from families and staff, and from students when it serves grade 6 or above.

    Why it matters: DESE asks schools to gather meaningful input from a range of
    stakeholders and build it into the plan. Families and the teachers and staff who will
    carry out the plan are always among them; from the middle grades up, students can speak
    for themselves about what helps them learn. A plan written without one of these groups
    risks missing what matters to them, and their commitment. A parent, a teacher or a
    student seated on the plan's school council or Local Stakeholder Group counts for their
    group.

    Fails:

        school:
          name: Harbor View Middle School
          district: Test District
          grades: [6, 7, 8]
        stakeholder_engagement:
          groups:
            - group: teachers
              methods: [Staff survey]

    Passes:

        school:
          name: Harbor View Middle School
          district: Test District
          grades: [6, 7, 8]
        stakeholder_engagement:
          groups:
            - {group: families, methods: [Family survey, Evening forum]}
            - {group: teachers, methods: [Staff survey]}
            - {group: students, methods: [Student focus groups]}
    """

    code = "SIP603"
    name = "stakeholder-groups"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each expected stakeholder group the plan did not engage."""
        engagement = plan.stakeholder_engagement
        if engagement is None:
            return  # a missing stakeholder engagement stage is SIP606's to report
        path = ("stakeholder_engagement", "groups")
        engaged = {group.group for group in engagement.groups or []} | _seated(engagement)
        if "families" not in engaged:
            yield Finding(
                path,
                "The plan lists no input from families. Add a group: families entry saying "
                "how families were heard and what they said.",
                anchor="missing",
            )
        if not engaged & {"teachers", "staff"}:
            yield Finding(
                path,
                "The plan lists no input from teachers or staff. Add a group: teachers (or "
                "staff) entry saying how they were heard and what they said.",
                anchor="missing",
            )
        if "students" not in engaged and _serves_grade_six_or_above(plan):
            yield Finding(
                path,
                "The school serves grade 6 or above, but the plan lists no input from "
                "students. Add a group: students entry saying how students were heard.",
                anchor="missing",
            )


#: Words of a roster role that seat a stakeholder group ("Parent and co-chair", "Grade 3
#: teacher"), checked in this order: a "Student support teacher" is a teacher.
_ROLE_WORDS = (
    (re.compile(r"\b(parent|parents|family|families|guardian)\b", re.I), "families"),
    (re.compile(r"\b(teacher|teachers|educator|staff)\b", re.I), "teachers"),
    (re.compile(r"\bstudents?\b", re.I), "students"),
)


def _seated(engagement: StakeholderEngagement) -> set[str]:
    """Return the groups that sit on the plan's school council or Local Stakeholder Group.

    A council that wrote the plan with a parent and a teacher on it (as M.G.L. requires of
    both) heard families and teachers, whether or not the plan also lists them as groups.
    """
    seated: set[str] = set()
    for council in (engagement.school_council, engagement.local_stakeholder_group):
        for member in (council.roster if council else None) or []:
            group = next((name for words, name in _ROLE_WORDS if words.search(member.role)), None)
            if group is not None:
                seated.add(group)
    return seated


def _serves_grade_six_or_above(plan: Plan) -> bool:
    # Grades are normalised to PK, K or "1" to "12".
    return any(
        grade.isdigit() and int(grade) >= STUDENT_VOICE_GRADE for grade in plan.school.grades or []
    )
