"""The reporter contract: every output format of every command is one `Reporter` class.

A reporter writes one kind of result (a lint run, scores, progress, a diff, a rollup, the
rule list) to a text stream, and nothing else: it never opens files, reads the environment
or exits. ``registry`` finds a reporter by kind and ``--format`` name; ``writer`` sends its
output to the terminal or, whole, to a file.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import ClassVar, Generic, Literal, TextIO, TypedDict, TypeVar

from sipcli.diagnostics import RunResult, Severity

ResultT = TypeVar("ResultT")


class Reporter(ABC, Generic[ResultT]):
    """Writes one kind of result in one output format."""

    name: ClassVar[str]
    """The name users pass to ``--format``."""

    def __init__(self, *, color: bool | None = None) -> None:
        self.color = color
        """Colour on (True), off (False), or decided by the terminal (None)."""
        self.quiet = False
        """Only the problems: no summary line (``sip -q``); set by the command line."""

    @abstractmethod
    def write(self, result: ResultT, stream: TextIO) -> None:
        """Write ``result`` to ``stream``."""


class RichColour(TypedDict):
    """The colour arguments of a Rich ``Console``."""

    force_terminal: bool | None
    no_color: bool | None
    color_system: Literal["auto", "standard"] | None


def rich_colour(color: bool | None) -> RichColour:
    """Return the colour arguments of a Rich ``Console`` for a reporter's ``color``.

    Off means no ANSI code at all (not even bold), as ``NO_COLOR`` users expect. On means
    the 16 standard colours (all sip uses) even where Rich would find none (``TERM=dumb``):
    ``--color always`` is always. None leaves it to Rich's own look at the stream.
    """
    if color is None:
        return RichColour(force_terminal=None, no_color=None, color_system="auto")
    if color:
        return RichColour(force_terminal=True, no_color=False, color_system="standard")
    return RichColour(force_terminal=False, no_color=True, color_system=None)


def summary_line(run: RunResult) -> str:
    """Return one line that sums the run up, e.g. ``2 errors in 1 of 3 files.``."""
    files = len(run.files)
    noun = "file" if files == 1 else "files"
    counts = [
        _plural(run.count(severity), severity.value) for severity in Severity if run.count(severity)
    ]
    if not files:
        # --only-plans (the pre-commit hooks) can pass over every file it was given.
        return "No plan files to check."
    if not counts:
        return f"All {files} {noun} passed." if files != 1 else "1 file checked: no problems."
    with_problems = sum(1 for result in run.files if result.diagnostics)
    return f"Found {', '.join(counts)} in {with_problems} of {files} {noun}."


def _plural(count: int, word: str) -> str:
    if word == "info":
        return f"{count} info"
    return f"{count} {word}{'s' if count != 1 else ''}"
