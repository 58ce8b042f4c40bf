"""SIP405 objective-without-root-cause."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class ObjectiveWithoutRootCause(Rule[NoOptions]):
    """Every strategic objective names the root causes it addresses.

    Why it matters: strategic objectives should follow from the root cause analysis, not
    from a list of programs the school already wanted. Naming the root causes shows DESE
    and the school committee why each objective was chosen, and shows the team which
    causes no objective tackles yet.

    Fails:

        strategic_objectives:
          - id: O1
            title: Strengthen core instruction in ELA

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

    code = "SIP405"
    name = "objective-without-root-cause"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each strategic objective without root cause references."""
        for index, objective in enumerate(plan.strategic_objectives or []):
            if not objective.root_cause_refs:
                yield Finding(
                    ("strategic_objectives", index),
                    f"Strategic objective {objective.id} does not say which root cause it "
                    "addresses. Add root_cause_refs: with the ids of the root causes it tackles.",
                )
