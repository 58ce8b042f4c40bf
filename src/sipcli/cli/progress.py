"""`sip progress`: each goal's and benchmark's latest actual against the path to its target."""

from __future__ import annotations

import enum
from typing import Annotated

import typer

from sipcli.cli.options import (
    AsOfPeriodOption,
    ConfigOption,
    MaxFileSizeOption,
    OutputFileOption,
    PathsArgument,
    as_of_date_or_period,
    format_option,
)
from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs, fail, output
from sipcli.load.limits import DEFAULT_MAX_BYTES


class ProgressFailOn(str, enum.Enum):
    """The lowest status that makes ``sip progress`` exit with 1."""

    off_track = "off-track"
    at_risk = "at-risk"


def register(app: typer.Typer) -> None:
    """Add `sip progress` to ``app``."""
    app.command("progress")(progress)


def progress(
    paths: PathsArgument,
    as_of: AsOfPeriodOption = None,
    output_format: Annotated[str, format_option("progress")] = "table",
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
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    output_file: OutputFileOption = None,
) -> None:
    """Show each goal's and benchmark's latest actual against the path to its target.

    Exit status: 0 reported, 1 a plan is invalid or an item fails --fail-on, 2 sip
    could not run.
    """
    from sipcli.monitor.progress import Thresholds, progress_files
    from sipcli.reporters.registry import get_reporter

    day = as_of_date_or_period(as_of)
    if at_risk > on_track:
        fail(f"--at-risk {at_risk:g} is above --on-track {on_track:g}; at risk starts lower")
    with cannot_run_on_sip_error():
        run = progress_files(
            collect_inputs(paths, output_file),
            as_of=day,
            thresholds=Thresholds(on_track=on_track / 100, at_risk=at_risk / 100),
            fail_on=fail_on.value if fail_on else None,
            config=config,
            max_bytes=max_file_size,
        )
    output(get_reporter("progress", output_format), run, output_file)
    raise typer.Exit(run.exit_code())
