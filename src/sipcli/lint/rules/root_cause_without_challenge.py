"""SIP404 root-cause-without-challenge."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class RootCauseWithoutChallenge(Rule[NoOptions]):
    """Every root cause names the challenges it explains.

    Why it matters: root causes are the reason the plan's strategies exist. A root cause
    that explains no named challenge breaks the chain from data to action: nobody can tell
    which problem fixing it will solve, or whether it is the cause the team should tackle
    first.

    Fails:

        assessment:
          challenges:
            - id: C1
              statement: Too few grade 3 students read on grade level.
          root_causes:
            - id: RC1
              statement: K-2 teachers have had no training in foundational skills instruction.

    Passes:

        assessment:
          challenges:
            - id: C1
              statement: Too few grade 3 students read on grade level.
          root_causes:
            - id: RC1
              statement: K-2 teachers have had no training in foundational skills instruction.
              challenge_refs: [C1]
    """

    code = "SIP404"
    name = "root-cause-without-challenge"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each root cause without challenge references."""
        root_causes = plan.assessment.root_causes if plan.assessment else None
        for index, root_cause in enumerate(root_causes or []):
            if not root_cause.challenge_refs:
                yield Finding(
                    ("assessment", "root_causes", index),
                    f"Root cause {root_cause.id} does not say which challenge it explains. Add "
                    "challenge_refs: with the ids of the challenges it causes.",
                )
