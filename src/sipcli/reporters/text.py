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
            if not self.quiet:
                stream.write(summary_line(run) + "\n")
            return
        from sipcli.reporters import rich_text  # noqa: PLC0415 - see above

        rich_text.write_run(run, stream, color=self.color, summary=not self.quiet)
        if not self.quiet and _is_terminal(stream):
            stream.write(rule_links(run))


def rule_links(run: RunResult) -> str:
    """Return one line per distinct code found, with its documentation page, by code.

    Written only on a terminal, where the address can be clicked: a pipe or a CI log has
    the machine formats (SARIF links each rule too) and keeps the summary as its last line.
    """
    from sipcli.project import rule_doc_url  # noqa: PLC0415 - only when there are findings

    seen = sorted({(d.code, d.name) for d in run.diagnostics})
    lines = [f"  {code} {name}: {rule_doc_url(code)}" for code, name in seen]
    return "Rule pages:\n" + "\n".join(lines) + "\n"


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False  # a closed or minimal stream
