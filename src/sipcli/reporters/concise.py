"""``concise``: one ``path:line:col: CODE message`` line per problem, for editors and grep."""

from __future__ import annotations

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import Reporter, summary_line


class ConciseReporter(Reporter):
    """One line per diagnostic, then the summary line."""

    name = "concise"

    def report(self, run: RunResult) -> None:
        """Write each diagnostic as ``file:line:column: CODE [severity] message``."""
        for d in run.diagnostics:
            self.stream.write(
                f"{d.file}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}\n"
            )
        self.stream.write(summary_line(run) + "\n")
