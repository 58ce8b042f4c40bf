"""`sip serve PLAN`: the plan rendered in the browser, its findings beside it, reloaded on save."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.options import AsOfPeriodOption, MaxFileSizeOption, as_of_date_or_period
from sipcli.cli.support import cannot_run_on_sip_error, fail
from sipcli.cli.terminal import say
from sipcli.load.limits import DEFAULT_MAX_BYTES

#: The port when --port is not given (mkdocs serve's, so it is where users look).
DEFAULT_PORT = 8000
REPORTS = ("plan", "progress", "summary")


def register(app: typer.Typer) -> None:
    """Add `sip serve` to ``app``."""
    app.command("serve")(serve)


def serve(
    plan: Annotated[Path, typer.Argument(help="The plan file to preview.", show_default=False)],
    port: Annotated[
        int,
        typer.Option(
            "--port", "-p", min=0, max=65535, help="The port on 127.0.0.1; 0 picks a free one."
        ),
    ] = DEFAULT_PORT,
    report: Annotated[
        str,
        typer.Option(
            "--report",
            help="The page at /: plan (the plan itself), progress (statuses and a chart per "
            "goal; needs the charts extra) or summary (one page for families). Each is also "
            "at /plan, /progress and /summary.",
        ),
    ] = "plan",
    as_of: AsOfPeriodOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Preview a plan in the browser, reloaded each time the file is saved.

    The plan is rendered as sip render --to html does, with its validate and lint findings
    beside it, each linked to its place. Listens on 127.0.0.1 only.

    Exit status: 0 stopped with Ctrl+C, 2 the preview cannot start (no such file, the port
    is taken).
    """
    from sipcli.serve.server import PreviewServer
    from sipcli.serve.site import ServeOptions, Site

    if report not in REPORTS:
        fail(f"unknown report {report!r}; use plan, progress or summary")
    if not plan.is_file():
        fail(f"{plan}: no such plan file; give the path of a plan's .yaml file")
    options = ServeOptions(
        report=report,
        as_of=None if as_of is None else as_of_date_or_period(as_of),
        max_bytes=max_file_size,
    )
    with cannot_run_on_sip_error():
        server = PreviewServer(Site(plan, options, say), port, say)
    say(f"Serving {plan} at {server.url} (Ctrl+C to stop)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        say("Stopped.")
    finally:
        server.close()
