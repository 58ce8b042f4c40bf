"""`sip diff`: what changed between two versions of a plan, item by item, for the renewal."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sipcli.cli.options import MaxFileSizeOption, OutputFileOption, format_option
from sipcli.cli.support import cannot_run_on_sip_error, fail, guard_output, output, prepare
from sipcli.cli.terminal import color_for
from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sipcli.validate.plans import PlanFile


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
    output_format: Annotated[str, format_option("diff")] = "text",
    output_file: OutputFileOption = None,
    exit_code: Annotated[
        bool,
        typer.Option("--exit-code", help="Exit with 1 when the plans differ, like git diff."),
    ] = False,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Compare two plans by id: goals, objectives, initiatives, benchmarks... added, removed, changed.

    Give two files, or one file and --rev REV to compare it with a git revision.

    Exit status: 0 compared (even when the plans differ, unless --exit-code), 1 a plan is
    invalid or, with --exit-code, the plans differ, 2 sip could not run.
    """
    from sipcli.monitor.diff import Comparison, diff_plans
    from sipcli.reporters.registry import get_reporter

    if rev is not None and new is not None:
        fail("give two plans, or one plan with --rev, not both")
    if rev is None and new is None:
        fail("give two plans to compare (sip diff OLD NEW), or one plan and --rev REV")
    guard_output(output_file, [old] if new is None else [old, new])
    with cannot_run_on_sip_error():
        before, after = _load_sides(old, new, rev, max_file_size)
    if before.plan is None or after.plan is None:
        _report_invalid(before, after)
    changes = diff_plans(before.plan, after.plan)
    comparison = Comparison(changes, before.result.file, after.result.file)
    output(get_reporter("diff", output_format), comparison, output_file)
    raise typer.Exit(1 if exit_code and changes.has_changes else 0)


def _load_sides(
    old: Path, new: Path | None, rev: str | None, max_bytes: int
) -> tuple[PlanFile, PlanFile]:
    from sipcli.validate.plans import read_plan_at_revision, read_plans

    if new is not None:
        before, after = read_plans([old, new], max_bytes=max_bytes)
        return before, after
    # The working copy first: a missing file is clearer reported as such than as a git error.
    (current,) = read_plans([old], max_bytes=max_bytes)
    return read_plan_at_revision(old, rev or "HEAD", max_bytes=max_bytes), current


def _report_invalid(*sides: PlanFile) -> NoReturn:
    from sipcli.diagnostics import RunResult
    from sipcli.reporters.registry import get_reporter

    invalid = [side.result for side in sides if side.plan is None]
    # Standard error: standard output is kept for the diff itself, which is not written.
    reporter = get_reporter("diagnostics", "text")
    reporter.color = color_for(sys.stderr)
    prepare(reporter).write(RunResult(invalid), sys.stderr)
    names = " and ".join(dict.fromkeys(result.file for result in invalid))
    typer.echo(
        f"sip: cannot compare: {names} {'is' if len(invalid) == 1 else 'are'} not a valid "
        "plan; fix the problems above (sip validate shows them too) and run sip diff again",
        err=True,
    )
    raise typer.Exit(1)
