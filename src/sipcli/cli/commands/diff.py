"""`sip diff`: what changed between two versions of a plan, item by item, for the annual renewal."""

# Like cli.py, the work is imported inside the command so that `sip validate` does not pay for it.

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sipcli.validate.check import CheckedFile


class DiffFormat(str, enum.Enum):
    """The output formats of ``diff``; each is a reporter in ``sipcli.reporters.diff_report``."""

    text = "text"
    json = "json"
    markdown = "markdown"


def register(app: typer.Typer) -> None:
    """Add `sip diff` to ``app``."""
    app.command("diff")(diff)


def diff(
    old: Annotated[
        Path,
        typer.Argument(
            help="The earlier plan; with --rev, the plan to compare with its committed version.",
            show_default=False,
        ),
    ],
    new: Annotated[
        Path | None,
        typer.Argument(help="The later plan (leave out with --rev).", show_default=False),
    ] = None,
    rev: Annotated[
        str | None,
        typer.Option(
            "--rev",
            "-r",
            help="Compare the plan with its version in this git revision, e.g. HEAD~1 or a tag.",
        ),
    ] = None,
    output_format: Annotated[
        DiffFormat,
        typer.Option("--format", "-f", help="text, json or markdown.", case_sensitive=False),
    ] = DiffFormat.text,
    output_file: Annotated[
        Path | None,
        typer.Option(
            "--output-file", "-o", help="Write the report to this file instead of the screen."
        ),
    ] = None,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with 1 when the plans differ, like git diff."),
    ] = False,
    max_file_size: Annotated[
        int,
        typer.Option(
            "--max-file-size",
            min=1,
            envvar="SIP_MAX_FILE_SIZE",
            help="Refuse files larger than this many bytes.",
        ),
    ] = DEFAULT_MAX_BYTES,
) -> None:
    """Compare two plans by id: goals, objectives, initiatives, benchmarks... added, removed, changed.

    Give two files, or one file and --rev REV to compare it with a git revision.

    Exit status: 0 compared (even when the plans differ, unless --exit-code), 1 a plan is
    invalid or, with --exit-code, the plans differ, 2 sip could not run.
    """
    from sipcli.cli.support import cannot_run_on_sip_error, emit_report, fail
    from sipcli.monitor.diff import diff_plans
    from sipcli.reporters.diff_report import DIFF_REPORTERS

    if rev is not None and new is not None:
        fail("give two plans, or one plan with --rev, not both")
    if rev is None and new is None:
        fail("give two plans to compare (sip diff OLD NEW), or one plan and --rev REV")
    with cannot_run_on_sip_error():
        before, after = _load_sides(old, new, rev, max_file_size)
    if before.plan is None or after.plan is None:
        _report_invalid(before, after)
    changes = diff_plans(before.plan, after.plan)
    report = DIFF_REPORTERS[output_format.value](changes, before.result.file, after.result.file)
    emit_report(report, output_file)
    raise typer.Exit(1 if exit_code and changes.has_changes else 0)


def _load_sides(
    old: Path, new: Path | None, rev: str | None, max_bytes: int
) -> tuple[CheckedFile, CheckedFile]:
    from sipcli.validate.check import validate_file

    if new is not None:
        return validate_file(old, max_bytes=max_bytes), validate_file(new, max_bytes=max_bytes)
    # The working copy first: a missing file is clearer reported as such than as a git error.
    current = validate_file(old, max_bytes=max_bytes)
    return _validate_committed(old, rev or "HEAD", max_bytes), current


def _validate_committed(path: Path, rev: str, max_bytes: int) -> CheckedFile:
    from sipcli.load.git_revision import read_at_revision
    from sipcli.validate.check import validate_bytes

    committed = read_at_revision(path, rev)
    return validate_bytes(committed.content, file=committed.label, max_bytes=max_bytes)


def _report_invalid(*sides: CheckedFile) -> NoReturn:
    from sipcli.diagnostics import RunResult
    from sipcli.reporters import REPORTERS

    invalid = [side.result for side in sides if side.plan is None]
    # Standard error: standard output is kept for the diff itself, which is not written.
    REPORTERS["text"](sys.stderr).report(RunResult(invalid))
    names = " and ".join(dict.fromkeys(result.file for result in invalid))
    typer.echo(
        f"sip: cannot compare: {names} {'is' if len(invalid) == 1 else 'are'} not a valid "
        "plan; fix the problems above (sip validate shows them too) and run sip diff again",
        err=True,
    )
    raise typer.Exit(1)
