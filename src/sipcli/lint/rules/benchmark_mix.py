"""SIP302 benchmark-mix."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan

_EVIDENCE_TYPES = frozenset({"early_evidence", "outcome"})


class BenchmarkMix(Rule[NoOptions]):
    """Each goal's benchmarks check both the work and its effect: process and evidence.

    Why it matters: DESE asks two questions of interim benchmarks: are we doing what we said
    we would (a process benchmark), and is it working (an early-evidence or outcome
    benchmark)? With only process benchmarks the team can carry out every step and never
    learn that results are not moving; with only evidence benchmarks, a disappointing result
    cannot be traced to whether the plan was actually carried out.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-02-15, 2027-05-15]

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-02-15, 2027-05-15]
              - id: G1.B2
                statement: Grade 3 students at benchmark on the winter reading screener rise to 50%.
                type: outcome
                due: [2027-02-15]
                target: {value: 50, unit: percent}
    """

    code = "SIP302"
    name = "benchmark-mix"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each goal whose benchmarks lack a process, or an evidence, benchmark."""
        for index, goal in enumerate(plan.goals or []):
            if not goal.benchmarks:
                continue  # a goal without benchmarks is SIP301's business
            types = {benchmark.type for benchmark in goal.benchmarks}
            if "process" not in types:
                message = (
                    f"Goal {goal.id} has no process benchmark, so nobody checks that the plan "
                    "is being carried out. Add a benchmark of type process (e.g. coaching "
                    "cycles completed, sessions held)."
                )
            elif not types & _EVIDENCE_TYPES:
                message = (
                    f"Goal {goal.id} has only process benchmarks, so nobody checks that the "
                    "work is making a difference. Add a benchmark of type early_evidence "
                    "(practice changing) or outcome (results moving)."
                )
            else:
                continue
            yield Finding(("goals", index, "benchmarks"), message)
