"""How validate and lint finish: the report in the chosen format, GitHub extras, the exit code.

``--fail-on`` is applied to every file before reporting, so the reporters (JUnit's failures)
and the exit code agree. Under GitHub Actions the text format also prints annotations,
within the caps GitHub keeps per step and per job (sip's earlier steps in the job are
counted in ``$RUNNER_TEMP``), and the formats a person reads in the log (text, concise,
github) append a Markdown summary to ``$GITHUB_STEP_SUMMARY`` unless ``SIP_STEP_SUMMARY=0``.
"""

from __future__ import annotations

import contextlib
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
    from sipcli.reporters.github import AnnotationBudget

#: The formats read in the CI log, whose run also gets a step summary; the others (json,
#: sarif, junit, gitlab) are read by a tool that shows the problems its own way.
STEP_SUMMARY_FORMATS = frozenset({"text", "concise", "github"})

#: Values of ``SIP_STEP_SUMMARY`` that turn the step summary off.
_OFF = frozenset({"0", "false", "no", "off"})

#: The file in ``$RUNNER_TEMP`` (emptied by GitHub for every job) that counts the annotations
#: sip's steps have printed so far in this job.
_ANNOTATION_COUNT_FILE = "sip-annotations-count"


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
    from sipcli.reporters.github import GithubReporter
    from sipcli.reporters.registry import get_reporter

    run = with_fail_on(run, request.fail_on)
    budget = _annotation_budget()
    if request.statistics:
        kind = "json" if request.output_format == "json" else "text"
        reporter = get_reporter("statistics", kind)
    else:
        reporter = get_reporter("diagnostics", request.output_format)
        if isinstance(reporter, GithubReporter):
            reporter.budget = budget
    output(reporter, run, request.output_file, announce=False, stop_commands=False)
    _github_extras(run, request, budget)
    raise typer.Exit(EXIT_CLEAN if request.exit_zero else run.exit_code())


def with_fail_on(run: RunResult, fail_on: FailOn | None) -> RunResult:
    """Return ``run`` with ``--fail-on`` (when given) as every file's failing threshold."""
    from dataclasses import replace

    from sipcli.diagnostics import Severity

    if fail_on is None:
        return run
    severity = Severity(fail_on.value)
    return replace(run, files=[replace(result, fail_on=severity) for result in run.files])


def _annotation_budget() -> AnnotationBudget:
    # Outside GitHub Actions nothing has been annotated; inside, sip's own earlier steps in
    # this job have used part of the job's cap. Other tools' annotations cannot be known.
    from sipcli.reporters.github import JOB_ANNOTATION_CAP, AnnotationBudget

    count_file = _annotation_count_file()
    if count_file is None:
        return AnnotationBudget()
    try:
        used = int(count_file.read_text(encoding="utf-8").strip() or 0)
    except (OSError, ValueError):
        used = 0
    return AnnotationBudget(job=max(JOB_ANNOTATION_CAP - used, 0))


def _annotation_count_file() -> Path | None:
    runner_temp = os.environ.get("RUNNER_TEMP")
    if os.environ.get("GITHUB_ACTIONS") != "true" or not runner_temp:
        return None
    return Path(runner_temp) / _ANNOTATION_COUNT_FILE


def _record_annotations(printed: int, budget: AnnotationBudget) -> None:
    from sipcli.reporters.github import JOB_ANNOTATION_CAP

    count_file = _annotation_count_file()
    if count_file is None or not printed:
        return
    # A count that cannot be kept only lets a later step annotate too much: not worth exit 2.
    with contextlib.suppress(OSError):
        count_file.write_text(f"{JOB_ANNOTATION_CAP - budget.job + printed}\n", encoding="utf-8")


def step_summary_wanted(output_format: str) -> bool:
    """Return whether a run in ``output_format`` appends to ``$GITHUB_STEP_SUMMARY``."""
    if os.environ.get("SIP_STEP_SUMMARY", "").strip().lower() in _OFF:
        return False
    return output_format in STEP_SUMMARY_FORMATS


def _github_extras(run: RunResult, request: DiagnosticsRequest, budget: AnnotationBudget) -> None:
    from sipcli.reporters.github import annotation_lines, is_annotation
    from sipcli.reporters.step_summary import step_summary

    if os.environ.get("GITHUB_ACTIONS") != "true":
        return
    annotations = annotation_lines(run, budget=budget)
    if request.output_format == "text":
        sys.stdout.write("".join(line + "\n" for line in annotations))
    if request.output_format == "text" or (
        request.output_format == "github" and request.output_file is None and not request.statistics
    ):
        _record_annotations(sum(map(is_annotation, annotations)), budget)
    summary = os.environ.get("GITHUB_STEP_SUMMARY")
    if summary and step_summary_wanted(request.output_format):
        try:
            with Path(summary).open("a", encoding="utf-8") as stream:
                stream.write(step_summary(run, title=request.title))
        except OSError as error:
            fail(f"cannot write {error.filename or summary}: {error.strerror or error}")
