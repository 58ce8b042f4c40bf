"""``text``: the default, for people: each problem with its code, message and source line."""

from __future__ import annotations

from typing import TextIO

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import Reporter, summary_line


class TextReporter(Reporter[RunResult]):
    """Rich output: location, severity, code and name, the message, and the offending line."""

    name = "text"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write every problem with its source line, then the summary line."""
        if not run.diagnostics:
            # Nothing to highlight: a plain line spares importing Rich, a fifth of the
            # start-up time of a clean run in pre-commit.
            stream.write(summary_line(run) + "\n")
            return
        from sipcli.reporters import rich_text  # noqa: PLC0415 - see above

        rich_text.write_run(run, stream, color=self.color)
