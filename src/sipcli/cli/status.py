"""`sip status PLAN`: where a plan in progress stands, stage by stage, and the next step."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.options import ConfigOption, MaxFileSizeOption, OutputFileOption, format_option
from sipcli.cli.support import (
    EXIT_CANNOT_RUN,
    EXIT_CLEAN,
    cannot_run_on_sip_error,
    output,
    prepare,
)
from sipcli.load.limits import DEFAULT_MAX_BYTES

PlanArgument = Annotated[
    Path, typer.Argument(help="The plan file, finished or still being written.", show_default=False)
]
ProfileOption = Annotated[
    str | None,
    typer.Option(
        "--profile",
        help="Judge what is left as lint's draft, standard or submission profile would.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add `sip status` to ``app``."""
    app.command("status")(status)


def status(
    plan: PlanArgument,
    output_format: Annotated[str, format_option("status")] = "table",
    output_file: OutputFileOption = None,
    config: ConfigOption = None,
    profile: ProfileOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Show DESE's stages in order, each done, in progress or not started, and the next step.

    A plan with placeholders left is a plan in progress: status is a view, not a check.
    Exit status: 0 the plan could be read, 2 it cannot be read at all (not YAML, not a plan).
    """
    import sys

    from sipcli.reporters.registry import get_reporter
    from sipcli.status.view import status_of_file

    with cannot_run_on_sip_error():
        run = status_of_file(plan, config=config, profile=profile, max_bytes=max_file_size)
    if run.status is None:
        from sipcli.diagnostics import RunResult

        if run.unreadable is not None:
            # The problem as `sip validate` reports it, in JSON when JSON was asked for.
            shown = "json" if output_format == "json" else "text"
            prepare(get_reporter("diagnostics", shown)).write(
                RunResult([run.unreadable]), sys.stdout
            )
        typer.echo(
            f"sip: error: {plan} cannot be read as a plan, so sip cannot say where it stands. "
            "Fix the problem above (sip validate shows it too), or start a plan with sip init.",
            err=True,
        )
        raise typer.Exit(EXIT_CANNOT_RUN)
    output(get_reporter("status", output_format), run.status, output_file)
    raise typer.Exit(EXIT_CLEAN)
