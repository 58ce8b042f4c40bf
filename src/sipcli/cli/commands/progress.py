"""`sip progress PLAN...` and `sip progress-import PLAN CSV`: actuals against the plan's path.

Two commands rather than a `progress` group with an `import` subcommand: a Click group whose
callback takes a variable number of plan paths would read `import` as a plan path.
"""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import (
    EXIT_CLEAN,
    cannot_run_on_sip_error,
    collect_inputs,
    fail,
    write_or_fail,
    write_report,
)
from sipcli.load.limits import DEFAULT_MAX_BYTES


class ProgressFormat(str, enum.Enum):
    """The output formats of ``progress``; each is a reporter in ``sipcli.reporters.progress_report``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class ProgressFailOn(str, enum.Enum):
    """The lowest status that makes ``sip progress`` exit with 1."""

    off_track = "off-track"
    at_risk = "at-risk"


def _as_of(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of '{text}' is not a date; write it YYYY-MM-DD, e.g. 2027-01-31")


def register(app: typer.Typer) -> None:
    """Add `sip progress` and `sip progress-import` to ``app``."""

    @app.command("progress")
    def progress(
        paths: Annotated[
            list[Path],
            typer.Argument(
                help="Plan files, or folders of plans, to report on.", show_default=False
            ),
        ],
        as_of: Annotated[
            str | None,
            typer.Option("--as-of", help="The date to report at (YYYY-MM-DD); default today."),
        ] = None,
        output_format: Annotated[
            ProgressFormat,
            typer.Option("--format", "-f", help="table, json or markdown.", case_sensitive=False),
        ] = ProgressFormat.table,
        fail_on: Annotated[
            ProgressFailOn | None,
            typer.Option(
                "--fail-on",
                help="Exit with 1 when an item is off track or overdue (off-track), "
                "or also at risk (at-risk).",
                case_sensitive=False,
            ),
        ] = None,
        on_track: Annotated[
            float,
            typer.Option(
                "--on-track",
                min=0,
                max=100,
                help="Percent of the expected progress that counts as on track.",
            ),
        ] = 90,
        at_risk: Annotated[
            float,
            typer.Option(
                "--at-risk",
                min=0,
                max=100,
                help="Percent of the expected progress below which an item is off track.",
            ),
        ] = 70,
        config: Annotated[
            Path | None,
            typer.Option(
                "--config", "-c", help="A configuration file instead of the nearest .sip.yaml."
            ),
        ] = None,
        max_file_size: Annotated[
            int,
            typer.Option(
                "--max-file-size",
                min=1,
                envvar="SIP_MAX_FILE_SIZE",
                help="Refuse files larger than this many bytes.",
            ),
        ] = DEFAULT_MAX_BYTES,
        output_file: Annotated[
            Path | None,
            typer.Option(
                "--output-file", "-o", help="Write the report to this file instead of the screen."
            ),
        ] = None,
    ) -> None:
        """Show each goal's and benchmark's latest actual against the path to its target.

        Exit status: 0 reported, 1 a plan is invalid or an item fails --fail-on, 2 sip
        could not run.
        """
        from sipcli.monitor.progress import Thresholds, progress_files
        from sipcli.reporters.progress_report import PROGRESS_REPORTERS

        day = _as_of(as_of)
        if at_risk > on_track:
            fail(f"--at-risk {at_risk:g} is above --on-track {on_track:g}; at risk starts lower")
        thresholds = Thresholds(on_track=on_track / 100, at_risk=at_risk / 100)
        with cannot_run_on_sip_error():
            run = progress_files(
                collect_inputs(paths, output_file),
                as_of=day,
                thresholds=thresholds,
                config=config,
                max_bytes=max_file_size,
            )
        gate = fail_on.value if fail_on else None
        reporter = PROGRESS_REPORTERS[output_format.value]()
        write_report(lambda stream: reporter.write(run, stream, gate), output_file)
        raise typer.Exit(run.exit_code(gate))

    @app.command("progress-import")
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
