"""What every check produces: a `Diagnostic` at a 1-based position, with a stable code and name."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a diagnostic is. Ordered: error > warning > info."""

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Return 2 for error, 1 for warning, 0 for info, for comparisons."""
        return {"error": 2, "warning": 1, "info": 0}[self.value]


@dataclass(frozen=True)
class Check:
    """A kind of problem sip can report: its stable code, kebab-case name and a summary."""

    code: str
    name: str
    summary: str
    severity: Severity = Severity.ERROR


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem found in one file.

    ``line`` and ``column`` are 1-based; ``path`` is the plan path such as
    ``goals[1].target.value`` (list indexes count from 0), empty for the whole file.
    """

    file: str
    line: int
    column: int
    code: str
    name: str = field(compare=False)
    severity: Severity = field(compare=False)
    message: str = field(compare=False)
    path: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        if self.line < 1 or self.column < 1:
            raise ValueError(f"positions are 1-based, got {self.line}:{self.column}")

    @classmethod
    def of(
        cls, check: Check, *, file: str, line: int, column: int, message: str, path: str = ""
    ) -> Diagnostic:
        """Build a diagnostic for ``check`` at a 1-based position."""
        return cls(
            file=file,
            line=line,
            column=column,
            code=check.code,
            name=check.name,
            severity=check.severity,
            message=message,
            path=path,
        )

    def to_dict(self) -> dict[str, Any]:
        """Return the diagnostic as the JSON output's ``diagnostics[]`` object."""
        return {
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "code": self.code,
            "name": self.name,
            "severity": self.severity.value,
            "message": self.message,
            "path": self.path,
        }


@dataclass(frozen=True)
class FileResult:
    """Everything found in one file."""

    file: str
    diagnostics: Sequence[Diagnostic]
    lines: Sequence[str] = ()
    """The file's text split into lines, for reporters that quote the offending line."""
    fail_on: Severity = Severity.ERROR
    """The lowest severity that fails the run, from the file's configuration."""

    def source_line(self, line: int) -> str | None:
        """Return the text of 1-based ``line``, or None when it is not known."""
        return self.lines[line - 1] if 0 < line <= len(self.lines) else None


@dataclass(frozen=True)
class RunResult:
    """The outcome of checking several files."""

    files: Sequence[FileResult]

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every diagnostic of every file, in file then position order."""
        return [d for result in self.files for d in result.diagnostics]

    def count(self, severity: Severity) -> int:
        """Return how many diagnostics have ``severity``."""
        return sum(1 for d in self.diagnostics if d.severity is severity)

    def exit_code(self, fail_on: Severity | None = None) -> int:
        """Return 1 when any diagnostic is at or above ``fail_on`` (else each file's own), or 0."""
        return int(
            any(
                d.severity.rank >= (fail_on or result.fail_on).rank
                for result in self.files
                for d in result.diagnostics
            )
        )


def format_plan_path(loc: Iterable[object]) -> str:
    """Format a model location as a plan path: ``("goals", 1, "target")`` -> ``goals[1].target``.

    Integers are list positions; anything else is a key (a key that is not text, such as
    ``2026:`` or an empty ``:``, is shown as text).
    """
    text = ""
    for part in loc:
        if isinstance(part, int) and not isinstance(part, bool):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


def closest(word: str, options: Sequence[str]) -> str | None:
    """Return the option closest to ``word`` when it is close enough to be a likely typo."""
    lowered = {option.lower(): option for option in options}
    if word.lower() in lowered:
        return lowered[word.lower()]
    import difflib  # noqa: PLC0415 - needed only when a value is wrong

    normalised = {option.replace("_", " "): option for option in options}
    matches = difflib.get_close_matches(
        word.replace("_", " ").lower(), list(normalised), n=1, cutoff=0.6
    )
    return normalised[matches[0]] if matches else None
