"""`sip report DIR`: a district rollup of many plans."""

from __future__ import annotations

import datetime as dt
import enum
from pathlib import Path
from typing import Annotated

import typer


class RollupFormat(str, enum.Enum):
    """The output formats of ``report``."""

    table = "table"
    json = "json"
    markdown = "markdown"
    html = "html"


def register(app: typer.Typer) -> None:
    """Add ``sip report`` to ``app``."""
    app.command("report")(report)


def report(
    paths: Annotated[
        list[Path], typer.Argument(help="Folders of plans (or plan files).", show_default=False)
    ],
    output_format: Annotated[
        RollupFormat,
        typer.Option("--format", "-f", help="table, json, markdown or html.", case_sensitive=False),
    ] = RollupFormat.table,
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="The date progress is judged at (YYYY-MM-DD; default today)."),
    ] = None,
    output_file: Annotated[
        Path | None, typer.Option("--output-file", "-o", help="Write the rollup to this file.")
    ] = None,
    config: Annotated[
        Path | None, typer.Option("--config", "-c", help="Use this configuration file.")
    ] = None,
) -> None:
    """Summarise many plans, one row per school: goals, SMART scores, progress, gaps.

    Exit status: 0 every plan was read, 1 some plan is not valid, 2 sip could not run.
    """
    from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs, fail, write_report
    from sipcli.monitor.rollup import build_rollup
    from sipcli.reporters.rollup_report import ROLLUP_REPORTERS

    try:
        day = dt.date.fromisoformat(as_of) if as_of else dt.date.today()
    except ValueError:
        fail(f"--as-of {as_of!r} is not a date; write it as YYYY-MM-DD")
    with cannot_run_on_sip_error():
        rollup = build_rollup(collect_inputs(paths, output_file), as_of=day, config=config)
    reporter = ROLLUP_REPORTERS[output_format.value]()
    write_report(lambda stream: reporter.write(rollup, stream), output_file)
    raise typer.Exit(rollup.exit_code())
