"""SIP401 unknown-reference."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import REFERENCE_KINDS, references


class UnknownReference(Rule[NoOptions]):
    """Every reference names an existing item of the right kind.

    Why it matters: the plan's story runs from data to challenges, root causes, objectives,
    goals and benchmarks through ids. A reference to an id that does not exist (a typo, an
    item deleted in a revision) silently breaks that chain, and the rendered traceability
    table shows a gap DESE will notice.

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
