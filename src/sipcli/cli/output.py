"""Write a run's report: the chosen format to the screen or a file, plus GitHub extras.

Under GitHub Actions the text format also emits annotations, and a Markdown summary is
appended to ``$GITHUB_STEP_SUMMARY`` when that variable is set.
"""

from __future__ import annotations

import io
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from sipcli.diagnostics import RunResult
from sipcli.reporters import REPORTERS, annotation_lines
from sipcli.reporters.statistics import write_statistics
from sipcli.reporters.step_summary import step_summary
from sipcli.write.atomic import write_atomically


@dataclass(frozen=True)
class OutputRequest:
    """How the user asked for the report."""

    output_format: str
    output_file: Path | None = None
    statistics: bool = False
    title: str = "sip"


def emit(
    run: RunResult, request: OutputRequest, stdout: TextIO, environ: Mapping[str, str]
) -> None:
    """Write the report of ``run`` as ``request`` asks.

    Raises:
        OSError: when the output file or the step summary cannot be written.
    """
    if request.output_file is None:
        _write_report(run, request, stdout)
    else:
        buffer = io.StringIO()
        _write_report(run, request, buffer)
        write_atomically(request.output_file, buffer.getvalue())
    on_github = environ.get("GITHUB_ACTIONS") == "true"
    if on_github and request.output_format == "text":
        stdout.write("".join(line + "\n" for line in annotation_lines(run)))
    summary = environ.get("GITHUB_STEP_SUMMARY")
    if on_github and summary:
        with Path(summary).open("a", encoding="utf-8") as stream:
            stream.write(step_summary(run, title=request.title))


def _write_report(run: RunResult, request: OutputRequest, stream: TextIO) -> None:
    if request.statistics:
        write_statistics(run, stream, as_json=request.output_format == "json")
    else:
        REPORTERS[request.output_format](stream).report(run)


def environment() -> Mapping[str, str]:
    """Return the process environment (a seam for tests)."""
    return os.environ
