"""SIP306 benchmark-missing-data-source."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import benchmarks_of


class BenchmarkMissingDataSource(Rule[NoOptions]):
    """Every benchmark names its data source: where the evidence that it was met comes from.

    Why it matters: a benchmark is only a checkpoint if someone can look at evidence and
    say whether it was met. Naming the source (a walkthrough tool, a screener, an
    attendance report) before the year starts makes sure the data will exist when the
    check is due, and that everyone reads the same numbers.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 20% at the end of each quarter.
                type: outcome
                due: [2026-11-15, 2027-01-31, 2027-04-15]
                owner: Attendance coordinator

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

    code = "SIP306"
    name = "benchmark-missing-data-source"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each benchmark without a data source."""
        for path, _goal, benchmark in benchmarks_of(plan):
            if not (benchmark.data_source or "").strip():
                yield Finding(
                    path,
                    f"Benchmark {benchmark.id} does not say where its evidence comes from. "
                    "Add data_source: naming the tool, assessment or report used to check it.",
                )
