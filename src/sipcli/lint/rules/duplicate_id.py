"""SIP402 duplicate-id."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity, format_plan_path
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class DuplicateId(Rule[NoOptions]):
    """Every id in the plan is used once: no two items share an id, nor two student groups.

    Why it matters: ids are how the plan links data to challenges, root causes, objectives,
    goals and benchmarks. When two items share an id, every reference to it is ambiguous,
    the traceability table links the wrong items, and progress reports can be filed
    against the wrong goal or benchmark.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
          - id: G2
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
    """

    code = "SIP402"
    name = "duplicate-id"
    severity = Severity.ERROR

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each repeated id, at its second and later uses."""
        for identifier, first, again in context.index.duplicates:
            # The index records the path of the id itself; name the item that carries it.
            where = format_plan_path(first.path[:-1])
            yield Finding(
                again.path,
                f"The id {identifier} of this {again.kind} is also used by the {first.kind} at "
                f"{where}. Give each item its own id, and update the references that mean "
                "this one.",
                anchor="value",
            )
        yield from _duplicate_groups(plan)


def _duplicate_groups(plan: Plan) -> Iterator[Finding]:
    """Flag each student group whose id an earlier student group already has.

    Student groups are named only by goals' student_group, so their ids are compared with
    each other, not with the ids of goals or benchmarks.
    """
    first_at: dict[str, int] = {}
    for index, group in enumerate(plan.student_groups or []):
        if group.id not in first_at:
            first_at[group.id] = index
            continue
        yield Finding(
            ("student_groups", index, "id"),
            f"The id {group.id} of this student group is also used by the student group at "
            f"student_groups[{first_at[group.id]}]. Give each group its own id, and update "
            "the student_group of the goals that mean this one.",
            anchor="value",
        )
