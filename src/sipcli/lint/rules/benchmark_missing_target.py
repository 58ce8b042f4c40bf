"""SIP308 benchmark-missing-target."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import benchmarks_of

_TYPE_WORDS = {"early_evidence": "early-evidence", "outcome": "outcome"}


class BenchmarkMissingTarget(Rule[NoOptions]):
    """Every early-evidence and outcome benchmark sets a target: the level that counts as met.

    Why it matters: "reading scores will improve" cannot be judged at a checkpoint; "at
    least 60% of students at benchmark on the winter screener" can. Agreeing the level
    before the year starts keeps the mid-year conversation honest. Process benchmarks
    (were the coaching cycles held?) may set one too, but need not.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism falls each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]

    Passes:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]
                target: {value: 20, unit: percent, comparison: at_most}
    """

    code = "SIP308"
    name = "benchmark-missing-target"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each early-evidence or outcome benchmark without a target."""
        for path, _goal, benchmark in benchmarks_of(plan):
            if benchmark.type in _TYPE_WORDS and benchmark.target is None:
                yield Finding(
                    path,
                    f"Benchmark {benchmark.id} is an {_TYPE_WORDS[benchmark.type]} "
                    "benchmark without a target, so nobody can say whether it was met. Add "
                    "target: {value: ..., unit: ...} with the level to reach.",
                )
