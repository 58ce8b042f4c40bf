"""SIP401 unknown-reference."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import get_args

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import REFERENCE_KINDS, references
from sipcli.model.types import StudentGroup
from sipcli.validate.synonyms import normalised, synonym_tables

#: The student groups DESE reports on, which every plan may name without defining them.
DESE_GROUPS: tuple[str, ...] = get_args(StudentGroup)


class UnknownReference(Rule[NoOptions]):
    """Every reference names an existing item of the right kind, and every goal's group exists.

    Why it matters: the plan's story runs from data to challenges, root causes, objectives,
    goals and benchmarks through ids. A reference to an id that does not exist (a typo, an
    item deleted in a revision) silently breaks that chain, and the rendered traceability
    table shows a gap DESE will notice. A goal's student_group is a DESE group
    (english_learners) or the id of a group the plan defines under student_groups; any
    other name is a typo, and the goal's results would be read for a group nobody defined.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
            root_cause_refs: [RC9]

    Passes:

        assessment:
          root_causes:
            - id: RC1
              statement: Teachers lack common planning time to analyse student work.
        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA
            root_cause_refs: [RC1]
    """

    code = "SIP401"
    name = "unknown-reference"
    severity = Severity.ERROR

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each reference to a missing id, or to an item of another kind."""
        index = context.index
        for field, identifier, path in references(plan):
            expected = REFERENCE_KINDS[field]
            kind = index.kind_of(identifier)
            if kind is None:
                yield Finding(
                    path,
                    f"{field} names '{identifier}', but no {' or '.join(expected)} has that id. "
                    "Fix the id, or add the missing item.",
                    anchor="value",
                )
            elif kind not in expected:
                yield Finding(
                    path,
                    f"{field} names '{identifier}', which is a {kind}, not a "
                    f"{' or '.join(expected)}.",
                    anchor="value",
                )
        yield from _unknown_groups(plan)


def _unknown_groups(plan: Plan) -> Iterator[Finding]:
    """Flag each goal's student_group that is neither a DESE group nor one the plan defines."""
    local = [group.id for group in plan.student_groups or []]
    known = set(DESE_GROUPS) | set(local)
    for index, goal in enumerate(plan.goals or []):
        group = goal.student_group
        if group is None or group in known:
            continue
        close = _closest(group, local)
        suggestion = f" Did you mean '{close}'?" if close else ""
        yield Finding(
            ("goals", index, "student_group"),
            f"Goal {goal.id}'s student_group is '{group}', which is neither a DESE student "
            f"group nor a group this plan defines under student_groups.{suggestion} Use a DESE "
            "group (e.g. high_needs, english_learners, students_with_disabilities), or add the "
            f"group under student_groups: with id: {group} and its label.",
            anchor="value",
        )


def _closest(group: str, local: list[str]) -> str | None:
    """Return the DESE group or plan's group ``group`` most likely means, if any is close."""
    # What schools call a group (ELL, SWD, FRL) comes from data/synonyms.yaml, as in validate.
    shorthand = synonym_tables()["student_group"].get(normalised(group))
    if shorthand is not None:
        return shorthand
    close = difflib.get_close_matches(group, [*DESE_GROUPS, *local], n=1, cutoff=0.7)
    return close[0] if close else None
