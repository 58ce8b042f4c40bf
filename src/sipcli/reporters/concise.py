"""``concise``: one ``path:line:col: CODE message`` line per problem, for editors and grep."""

from __future__ import annotations

from typing import TextIO

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import Reporter, summary_line
from sipcli.reporters.sanitise import terminal_text


class ConciseReporter(Reporter[RunResult]):
    """One line per diagnostic, then the summary line."""

    name = "concise"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write each diagnostic as ``file:line:column: CODE [severity] message``."""
        for d in run.diagnostics:
            # Exactly one line per problem, whatever the plan text the message quotes.
            file = terminal_text(d.file, one_line=True)
            message = terminal_text(d.message, one_line=True)
            stream.write(f"{file}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {message}\n")
        if not self.quiet:
            stream.write(summary_line(run) + "\n")
