"""The reporter contract: every output format of every command is one `Reporter` class.

A reporter writes one kind of result (a lint run, scores, progress, a diff, a rollup, the
rule list) to a text stream, and nothing else: it never opens files, reads the environment
or exits. ``registry`` finds a reporter by kind and ``--format`` name; ``writer`` sends its
output to the terminal or, whole, to a file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Generic, TextIO, TypeVar

from sipcli.diagnostics import RunResult, Severity

ResultT = TypeVar("ResultT")


class Reporter(ABC, Generic[ResultT]):
    """Writes one kind of result in one output format."""

    name: ClassVar[str]
    """The name users pass to ``--format``."""

    def __init__(self, *, color: bool | None = None) -> None:
        self.color = color
        """Colour on (True), off (False), or decided by the terminal (None)."""

    @abstractmethod
    def write(self, result: ResultT, stream: TextIO) -> None:
        """Write ``result`` to ``stream``."""


def summary_line(run: RunResult) -> str:
    """Return one line that sums the run up, e.g. ``2 errors in 1 of 3 files.``."""
    files = len(run.files)
    noun = "file" if files == 1 else "files"
    counts = [
        _plural(run.count(severity), severity.value) for severity in Severity if run.count(severity)
    ]
    if not counts:
        return f"All {files} {noun} passed." if files != 1 else "1 file checked: no problems."
    with_problems = sum(1 for result in run.files if result.diagnostics)
    return f"Found {', '.join(counts)} in {with_problems} of {files} {noun}."


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'s' if count != 1 else ''}"
