"""`sip report DIR`: a district rollup of many plans, one row per school."""

from __future__ import annotations

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
from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs, output
from sipcli.cli.terminal import file_progress
from sipcli.load.limits import DEFAULT_MAX_BYTES


def register(app: typer.Typer) -> None:
    """Add `sip report` to ``app``."""
    app.command("report")(report)


def report(
    paths: PathsArgument,
    output_format: Annotated[str, format_option("rollup")] = "table",
    as_of: AsOfPeriodOption = None,
    output_file: OutputFileOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Summarise many plans, one row per school: goals, SMART scores, progress, stages.

    Each school's stages are judged as `sip status` judges them (done, in progress, not
    started); a stage its kind of plan needs that is not started is a missing stage.

    Exit status: 0 every plan was read, 1 some plan is not valid, 2 sip could not run.
    """
    from sipcli.monitor.rollup import build_rollup
    from sipcli.reporters.registry import get_reporter
    from sipcli.status.view import rollup_stages

    day = as_of_date_or_period(as_of)
    with cannot_run_on_sip_error(), file_progress("read") as on_file:
        plans = collect_inputs(paths, output_file)
        rollup = build_rollup(
            plans,
            as_of=day,
            judge_stages=rollup_stages,
            config=config,
            max_bytes=max_file_size,
            on_file=on_file,
        )
    output(get_reporter("rollup", output_format), rollup, output_file)
    raise typer.Exit(rollup.exit_code())
