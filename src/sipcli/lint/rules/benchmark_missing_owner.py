"""SIP307 benchmark-missing-owner."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import benchmarks_of


class BenchmarkMissingOwner(Rule[NoOptions]):
    """Every benchmark has an owner: the role who collects the evidence and reports on it.

    Why it matters: when a check belongs to everyone it belongs to no one. A named role
    (the literacy coach, the attendance coordinator) makes sure the data is gathered on
    time and brought to the team that acts on it.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]
                data_source: Student information system attendance report

    Passes:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]
                data_source: Student information system attendance report
                owner: Attendance coordinator
    """

    code = "SIP307"
    name = "benchmark-missing-owner"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each benchmark without an owner."""
        for path, _goal, benchmark in benchmarks_of(plan):
            if not (benchmark.owner or "").strip():
                yield Finding(
                    path,
                    f"Benchmark {benchmark.id} has no owner. Add owner: with the role who "
                    "collects the evidence and reports it to the team.",
                )
