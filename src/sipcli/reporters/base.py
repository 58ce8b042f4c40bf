"""The reporter interface: each output format is one class that writes a `RunResult` to a stream."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, TextIO

from sipcli.diagnostics import RunResult, Severity


class Reporter(ABC):
    """Writes the diagnostics of a run in one output format."""

    name: ClassVar[str]
    """The name users pass to ``--format``."""

    def __init__(self, stream: TextIO, *, color: bool | None = None) -> None:
        self.stream = stream
        self.color = color

    @abstractmethod
    def report(self, run: RunResult) -> None:
        """Write ``run`` to the stream."""


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
