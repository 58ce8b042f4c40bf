"""SIP503 initiative-without-evidence."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class InitiativeWithoutEvidence(Rule[NoOptions]):
    """Every objective with initiatives cites the evidence behind them, with its ESSA tier.

    Why it matters: federal law (ESSA) requires schools identified for support to use
    evidence-based interventions, and DESE expects strategies that have worked for similar
    schools and students. Citing the research and its ESSA tier (1 strong, 2 moderate,
    3 promising, 4 demonstrates a rationale) shows why the team expects each strategy to
    work, and where the evidence is thin.

    Fails:

        strategic_objectives:
          - id: O1
            title: Give struggling readers more time with a skilled adult
            initiatives:
              - id: I1.1
                title: High-dosage tutoring in grades 3-5

    Passes:

        strategic_objectives:
          - id: O1
            title: Give struggling readers more time with a skilled adult
            evidence_base:
              - strategy: High-dosage tutoring
                essa_tier: 1
                source: What Works Clearinghouse
            initiatives:
              - id: I1.1
                title: High-dosage tutoring in grades 3-5
    """

    code = "SIP503"
    name = "initiative-without-evidence"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag objectives whose initiatives cite no evidence, and evidence without a tier."""
        for index, objective in enumerate(plan.strategic_objectives or []):
            path = ("strategic_objectives", index)
            if objective.initiatives and not objective.evidence_base:
                yield Finding(
                    path,
                    f"Objective {objective.id} has initiatives but cites no evidence for them. "
                    "Add evidence_base: with the research behind each strategy and its ESSA "
                    "tier (1 to 4).",
                )
            for position, entry in enumerate(objective.evidence_base or []):
                if entry.essa_tier is None:
                    yield Finding(
                        (*path, "evidence_base", position),
                        f"The evidence for '{entry.strategy}' (objective {objective.id}) gives "
                        "no ESSA tier. Add essa_tier: 1 (strong), 2 (moderate), 3 (promising) "
                        "or 4 (demonstrates a rationale).",
                    )
