"""SIP403 challenge-without-data."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class ChallengeWithoutData(Rule[NoOptions]):
    """Every challenge cites the data that shows it.

    Why it matters: the plan's story starts from evidence. A challenge that cites no data
    point may be a belief rather than a finding, and a reader (the school committee, DESE)
    cannot see how big the problem is or check later whether it shrank.

    Fails:

        assessment:
          challenges:
            - id: C1
              statement: Too few grade 3 students read on grade level.

    Passes:

        assessment:
          current_state:
            - id: D1
              description: Grade 3 students meeting or exceeding expectations in ELA, spring 2026
              source: mcas
              value: 38
              unit: percent
          challenges:
            - id: C1
              statement: Too few grade 3 students read on grade level.
              data_refs: [D1]
    """

    code = "SIP403"
    name = "challenge-without-data"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each challenge without data references."""
        challenges = plan.assessment.challenges if plan.assessment else None
        for index, challenge in enumerate(challenges or []):
            if not challenge.data_refs:
                yield Finding(
                    ("assessment", "challenges", index),
                    f"Challenge {challenge.id} cites no data. Add data_refs: with the ids of "
                    "the data points in current_state that show it.",
                )
