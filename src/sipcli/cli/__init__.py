"""The ``sip`` command line. Thin: parse arguments, call the core, pick a reporter, exit.

One module per command, each with a ``register(app)`` function, all listed in `COMMANDS`.
A command module imports only typer and the shared options at the top; the core it calls
is imported inside the command, so `sip validate` does not pay for `sip render`.
``options`` declares the options several commands share, ``support`` the exit codes and
the output writer, ``output`` how validate and lint finish.

Exit codes: 0 nothing found, 1 problems found, 2 sip could not do its job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated

import typer

from sipcli import __version__
from sipcli.cli import (
    config,
    diff,
    fmt,
    init,
    lint,
    progress,
    progress_import,
    render,
    report,
    rules,
    schema,
    score,
    status,
    template,
    validate,
)
from sipcli.cli.support import EXIT_CANNOT_RUN, EXIT_CLEAN

#: Every command, in the order `sip --help` lists them.
COMMANDS = (
    validate,
    lint,
    score,
    render,
    template,
    rules,
    config,
    schema,
    init,
    status,
    fmt,
    diff,
    progress,
    progress_import,
    report,
)

app = typer.Typer(
    name="sip",
    help="Validate, lint, score and render Sustainable Improvement Plans kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sip {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show sip's version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Validate, lint, score and render Sustainable Improvement Plans kept as YAML."""


for command in COMMANDS:
    command.register(app)


def main(run: Callable[..., object] = app) -> None:
    """Run sip; an unexpected failure is reported in one line with exit status 2, never a traceback."""
    # sip uses no Pydantic plugins; looking for them reads every installed package's
    # metadata, a tenth of the start-up time of `sip validate`.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        run()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("sip: interrupted\n")
        sys.exit(130)
    except Exception as error:  # the last line of defence for users
        sys.stderr.write(
            f"sip: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in sip; please report it with the file that caused it.\n"
        )
        sys.exit(EXIT_CANNOT_RUN)
