"""``text``: the default, for people: each problem with its code, message and source line."""

from __future__ import annotations

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import Reporter, summary_line


class TextReporter(Reporter):
    """Rich output: location, severity, code and name, the message, and the offending line."""

    name = "text"

    def report(self, run: RunResult) -> None:
        """Write every problem with its source line, then the summary line."""
        if not run.diagnostics:
            # Nothing to highlight: a plain line spares importing Rich, a fifth of the
            # start-up time of a clean run in pre-commit.
            self.stream.write(summary_line(run) + "\n")
            return
        from sipcli.reporters import rich_text  # noqa: PLC0415 - see above

        rich_text.write_run(run, self.stream, color=self.color)
