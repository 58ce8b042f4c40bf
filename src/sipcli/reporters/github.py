"""``github``: GitHub Actions workflow commands, which show as annotations on the pull request.

GitHub shows at most 10 error, 10 warning and 10 notice annotations per step, and 50 in all
per job (the sum over its steps), and drops the rest silently. So sip emits the first ones
of each kind, most severe first when the job's budget runs short, and keeps one notice slot
for a last notice that says how many it left out (the full list stays in the log, the step
summary and the other formats). The caps are those GitHub documents for workflow commands
and problem matchers (actions/toolkit, docs/problem-matchers.md).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TextIO

from sipcli.diagnostics import Diagnostic, RunResult, Severity
from sipcli.reporters.base import Reporter, summary_line
from sipcli.reporters.sanitise import terminal_text

#: Annotations GitHub shows per step and per kind (error, warning, notice).
ANNOTATION_CAP = 10

#: Annotations GitHub shows per job, all steps and kinds together.
JOB_ANNOTATION_CAP = 50

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


@dataclass(frozen=True)
class AnnotationBudget:
    """How many annotations GitHub will still show: per kind in this step, and in the job."""

    per_kind: int = ANNOTATION_CAP
    job: int = JOB_ANNOTATION_CAP

    def allot(self, counts: Counter[Severity], *, reserve: int) -> dict[Severity, int]:
        """Return how many of each severity to show, keeping ``reserve`` notice slots free.

        The job's budget goes to errors first, then warnings, then info, so what fails the
        build is what a reviewer sees.
        """
        left = max(self.job - reserve, 0)
        allotted: dict[Severity, int] = {}
        for severity in (Severity.ERROR, Severity.WARNING, Severity.INFO):
            cap = self.per_kind - (reserve if severity is Severity.INFO else 0)
            allotted[severity] = min(counts[severity], max(cap, 0), left)
            left -= allotted[severity]
        return allotted


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


def _omission_notice(omitted: Counter[Severity], budget: AnnotationBudget) -> str:
    total = sum(omitted.values())
    parts = ", ".join(
        f"{omitted[s]} {s.value}" + ("s" if omitted[s] != 1 and s is not Severity.INFO else "")
        for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)
        if omitted[s]
    )
    noun = "problem is" if total == 1 else "problems are"
    if budget.job <= 0:
        # GitHub would drop a notice too: the words go to the log as a plain line.
        return (
            f"sip: {total} {noun} not annotated ({parts}): the {JOB_ANNOTATION_CAP} "
            "annotations GitHub shows per job are used up; see the full list in the log."
        )
    return (
        f"::notice title=sip::{total} more {noun} not annotated ({parts}): GitHub shows "
        f"{budget.per_kind} of each kind per step and {JOB_ANNOTATION_CAP} per job; "
        "see the full list in the log."
    )


def annotation_lines(run: RunResult, *, budget: AnnotationBudget | None = None) -> list[str]:
    """Return the annotations for ``run`` within ``budget``, then a notice of what was left out.

    The notice is itself a notice annotation, so its slot is reserved (in the notice cap and
    in the job's budget) whenever something must be left out. With no budget left at all,
    nothing is annotated and the last line says so in plain words, for the log.
    """
    budget = budget or AnnotationBudget()
    diagnostics = run.diagnostics
    counts = Counter(d.severity for d in diagnostics)
    allotted = budget.allot(counts, reserve=0)
    if sum(allotted.values()) < len(diagnostics):
        allotted = budget.allot(counts, reserve=1)
    lines: list[str] = []
    shown: Counter[Severity] = Counter()
    for d in diagnostics:
        if shown[d.severity] < allotted[d.severity]:
            shown[d.severity] += 1
            lines.append(annotation(d))
    omitted = counts - shown
    if omitted:
        lines.append(_omission_notice(omitted, budget))
    return lines


def is_annotation(line: str) -> bool:
    """Return whether ``line`` (from `annotation_lines`) is a workflow command GitHub counts."""
    return line.startswith("::")


class GithubReporter(Reporter[RunResult]):
    """Workflow-command annotations, then the summary line."""

    name = "github"

    def __init__(self, *, color: bool | None = None) -> None:
        super().__init__(color=color)
        self.budget = AnnotationBudget()
        """What GitHub still shows; the command line lowers it by what earlier steps used."""

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the annotations and the summary line."""
        for line in annotation_lines(run, budget=self.budget):
            stream.write(line + "\n")
        stream.write(summary_line(run) + "\n")
