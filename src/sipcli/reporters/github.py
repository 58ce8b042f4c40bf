"""``github``: GitHub Actions workflow commands, which show as annotations on the pull request.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step and drops the
rest silently, so sip emits the first ones of each kind and then one notice with the count
it left out (the full list stays in the log and in the other formats).
"""

from __future__ import annotations

from typing import TextIO

from sipcli.diagnostics import Diagnostic, RunResult, Severity
from sipcli.reporters.base import Reporter, summary_line
from sipcli.reporters.sanitise import terminal_text

#: Annotations GitHub shows per step and per kind.
ANNOTATION_CAP = 10

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    # The log shows the command line as written, so ESC and bidi controls are made visible
    # too; line breaks keep GitHub's own %0A encoding, which shows them as breaks.
    return terminal_text(text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(d: Diagnostic) -> str:
    """Return the workflow command that annotates ``d``."""
    properties = ",".join(
        (
            f"file={_escape_property(d.file)}",
            f"line={d.line}",
            f"col={d.column}",
            f"title={_escape_property(f'{d.code} {d.name}')}",
        )
    )
    return f"::{_COMMAND[d.severity]} {properties}::{_escape_data(d.message)}"


def annotation_lines(run: RunResult, *, cap: int = ANNOTATION_CAP) -> list[str]:
    """Return the annotations for ``run``: at most ``cap`` of each kind, then an omission notice."""
    shown: dict[Severity, int] = dict.fromkeys(Severity, 0)
    lines: list[str] = []
    omitted = 0
    for d in run.diagnostics:
        if shown[d.severity] < cap:
            shown[d.severity] += 1
            lines.append(annotation(d))
        else:
            omitted += 1
    if omitted:
        lines.append(
            f"::notice title=sip::{omitted} more problems are not annotated (GitHub shows "
            f"{cap} of each kind per step); see the full list in the log."
        )
    return lines


class GithubReporter(Reporter[RunResult]):
    """Workflow-command annotations, then the summary line."""

    name = "github"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the annotations and the summary line."""
        for line in annotation_lines(run):
            stream.write(line + "\n")
        stream.write(summary_line(run) + "\n")
