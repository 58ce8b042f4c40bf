"""How validate and lint finish: the report in the chosen format, GitHub extras, the exit code.

Under GitHub Actions the text format also prints annotations, and a Markdown summary is
appended to ``$GITHUB_STEP_SUMMARY`` when that variable is set.
"""

from __future__ import annotations

import enum
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sipcli.cli.support import EXIT_CLEAN, fail, output

if TYPE_CHECKING:
    from sipcli.diagnostics import RunResult


class FailOn(str, enum.Enum):
    """The lowest severity that makes sip exit with status 1."""

    error = "error"
    warning = "warning"
    info = "info"


StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Count problems per code instead of listing them.")
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Exit with 1 when a problem is at least this severe (default: error, or the config's fail-on).",
        case_sensitive=False,
    ),
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help="Exit with 0 even when problems are found.")
]


@dataclass(frozen=True)
class DiagnosticsRequest:
    """How the user asked for the report of a validate or lint run."""

    output_format: str
    output_file: Path | None
    statistics: bool
    fail_on: FailOn | None
    exit_zero: bool
    title: str


def finish(run: RunResult, request: DiagnosticsRequest) -> NoReturn:
    """Report ``run`` as ``request`` asks, then exit with the run's status."""
    from sipcli.diagnostics import Severity
    from sipcli.reporters.registry import get_reporter

    if request.statistics:
        kind = "json" if request.output_format == "json" else "text"
        reporter = get_reporter("statistics", kind)
    else:
        reporter = get_reporter("diagnostics", request.output_format)
    output(reporter, run, request.output_file, announce=False, stop_commands=False)
    _github_extras(run, request)
    code = run.exit_code(Severity(request.fail_on.value) if request.fail_on else None)
    raise typer.Exit(EXIT_CLEAN if request.exit_zero else code)


def _github_extras(run: RunResult, request: DiagnosticsRequest) -> None:
    from sipcli.reporters.github import annotation_lines
    from sipcli.reporters.step_summary import step_summary

    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    if request.output_format == "text":
        sys.stdout.write("".join(line + "\n" for line in annotation_lines(run)))
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary:
        try:
            with Path(summary).open("a", encoding="utf-8") as stream:
                stream.write(step_summary(run, title=request.title))
        except OSError as error:
            fail(f"cannot write {error.filename or summary}: {error.strerror or error}")
