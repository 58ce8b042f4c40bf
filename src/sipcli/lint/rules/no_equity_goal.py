"""SIP211 no-equity-goal."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class NoEquityGoal(Rule[NoOptions]):
    """At least one goal targets a student group (a DESE group or the plan's own), not only all students.

    Why it matters: school-wide averages can rise while the students furthest behind stay
    where they are. DESE's accountability system looks at the lowest performing students and
    at student groups (high needs, English learners, students with disabilities), and a plan
    with a goal for the group its data shows furthest behind keeps that group in view.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            student_group: all

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            student_group: all
          - id: G2
            statement: By fall 2027, 35% of grade 3 high-needs students will meet or exceed expectations in ELA.
            student_group: high_needs
    """

    code = "SIP211"
    name = "no-equity-goal"
    severity = Severity.INFO

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a plan whose goals are all for all students."""
        goals = plan.goals or []
        everyone = _groups_of_all_students(plan)
        if goals and all(goal.student_group in everyone for goal in goals):
            yield Finding(
                ("goals",),
                "Every goal is for all students; none targets a student group. Add a goal, or "
                "set student_group on one, for the group the data shows furthest behind "
                "(e.g. high_needs, english_learners, students_with_disabilities).",
            )


def _groups_of_all_students(plan: Plan) -> set[str | None]:
    """Return the student_group values that mean all students.

    No group, ``all``, and a group the plan defines that combines ``all``: any other group
    the plan defines ("special populations", "the class of 2027") is a group of students.
    """
    local = {group.id for group in plan.student_groups or [] if "all" in (group.combines or [])}
    return {None, "all", *local}
