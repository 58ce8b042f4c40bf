"""`sip progress-import PLAN CSV`: add results from a CSV to a plan's status updates.

A command of its own rather than `progress import`: a Click group whose callback takes a
variable number of plan paths would read `import` as a plan path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import EXIT_CLEAN, cannot_run_on_sip_error, write_or_fail


def register(app: typer.Typer) -> None:
    """Add `sip progress-import` to ``app``."""
    app.command("progress-import")(progress_import)


def progress_import(
    plan: Annotated[Path, typer.Argument(help="The plan file to add the updates to.")],
    csv_file: Annotated[
        Path,
        typer.Argument(
            help="A CSV with a header row: id,date and any of actual,status,period,note."
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and report, but do not write the plan.")
    ] = False,
) -> None:
    """Add status updates (actuals) from a CSV to a plan's goals and benchmarks.

    Every row is checked first; on any problem nothing is written. Comments and layout
    are kept: only new lines are added. An update already in the plan (same id and
    date) is reported and skipped.

    Exit status: 0 imported (or nothing new), 2 nothing written because of a problem.
    """
    from sipcli.monitor.progress_import import import_progress

    with cannot_run_on_sip_error():
        result, content = import_progress(plan, csv_file)
    for row in result.duplicates:
        typer.echo(
            f"{csv_file}: row {row.row}: {row.id} already has an update dated "
            f"{row.update.date}; skipped",
            err=True,
        )
    if result.added and not dry_run:
        write_or_fail(plan, content)
    verb = "would add" if dry_run else "added"
    typer.echo(
        f"{plan}: {verb} {len(result.added)} status update(s), "
        f"{len(result.duplicates)} already recorded.",
        err=True,
    )
    raise typer.Exit(EXIT_CLEAN)
