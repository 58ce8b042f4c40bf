"""`sip progress-import PLAN CSV`: add results from a CSV to a plan's status updates.

A command of its own rather than `progress import`: a Click group whose callback takes a
variable number of plan paths would read `import` as a plan path.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.options import ConfigOption, MaxFileSizeOption
from sipcli.cli.support import EXIT_CLEAN, cannot_run_on_sip_error, write_or_fail
from sipcli.cli.terminal import say
from sipcli.load.limits import DEFAULT_MAX_BYTES


def register(app: typer.Typer) -> None:
    """Add `sip progress-import` to ``app``."""
    app.command("progress-import")(progress_import)


def progress_import(
    plan: Annotated[Path, typer.Argument(help="The plan file to add the updates to.")],
    csv_file: Annotated[
        Path,
        typer.Argument(
            help="A CSV with a header row: id,date and any of actual,kind,source,status,"
            "period,note; or a progress sheet: id, any of kind,source,note, and one column "
            "per period (Q1,Q2,Q3,EOY)."
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check and report, but do not write the plan.")
    ] = False,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    config: ConfigOption = None,
) -> None:
    """Add status updates (actuals) from a CSV to a plan's goals and benchmarks.

    Every row is checked first; on any problem nothing is written. Comments and layout
    are kept: only new lines are added. Periods are written as the CSV writes them. An
    update already in the plan (same id, date and kind) is reported and skipped.

    Exit status: 0 imported (or nothing new), 2 nothing written because of a problem.
    """
    from sipcli.monitor.progress_import import import_progress

    with cannot_run_on_sip_error():
        planned = import_progress(plan, csv_file, max_bytes=max_file_size, config=config)
    result = planned.result
    for row in result.duplicates:
        conflict = row.conflict()
        typer.echo(
            f"{csv_file}: {row.where()}: "
            + (
                f"{conflict}; skipped"
                if conflict
                else f"{row.id} already has "
                f"{'a projected' if row.update.kind == 'projected' else 'an'} update for "
                f"{row.update.date}; skipped"
            ),
            err=True,
        )
    if result.added and not dry_run:
        # Replaced only if the plan still holds what was read: an edit saved meanwhile stays.
        write_or_fail(plan, planned.content, expected=planned.original)
    verb = "would add" if dry_run else "added"
    say(
        f"{plan}: {verb} {len(result.added)} status update(s), "
        f"{len(result.duplicates)} already recorded."
    )
    raise typer.Exit(EXIT_CLEAN)
