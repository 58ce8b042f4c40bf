"""`sip report DIR`: a district rollup of many plans, one row per school."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.options import AsOfOption, ConfigOption, OutputFileOption, as_of_date, format_option
from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs, output


def register(app: typer.Typer) -> None:
    """Add `sip report` to ``app``."""
    app.command("report")(report)


def report(
    paths: Annotated[
        list[Path], typer.Argument(help="Folders of plans (or plan files).", show_default=False)
    ],
    output_format: Annotated[str, format_option("rollup")] = "table",
    as_of: AsOfOption = None,
    output_file: OutputFileOption = None,
    config: ConfigOption = None,
) -> None:
    """Summarise many plans, one row per school: goals, SMART scores, progress, gaps.

    Exit status: 0 every plan was read, 1 some plan is not valid, 2 sip could not run.
    """
    from sipcli.monitor.rollup import build_rollup
    from sipcli.reporters.registry import get_reporter

    day = as_of_date(as_of) or dt.date.today()
    with cannot_run_on_sip_error():
        rollup = build_rollup(collect_inputs(paths, output_file), as_of=day, config=config)
    output(get_reporter("rollup", output_format), rollup, output_file)
    raise typer.Exit(rollup.exit_code())
