"""The ``sip`` command line. Thin: parse arguments, call the core, pick a reporter, exit.

One module per command, each with a ``register(app)`` function, all listed in `COMMANDS`.
A command module imports only typer and the shared options at the top; the core it calls
is imported inside the command, so `sip validate` does not pay for `sip render`.
``options`` declares the options several commands share, ``support`` the exit codes and
the output writer, ``output`` how validate and lint finish, ``terminal`` the global
``--color`` and ``--quiet``, progress and broken pipes.

Exit codes: 0 nothing found, 1 problems found, 2 sip could not do its job.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated, Any

import typer
import typer.core

from sipcli import __version__
from sipcli.cli import (
    config,
    diff,
    fmt,
    import_plan,
    init,
    lint,
    lsp,
    progress,
    progress_import,
    render,
    report,
    rules,
    schema,
    score,
    serve,
    status,
    template,
    validate,
)
from sipcli.cli.support import EXIT_CANNOT_RUN, EXIT_CLEAN
from sipcli.cli.terminal import ColorChoice, configure, reader_gone

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
    import_plan,
    report,
    lsp,
    serve,
)

#: The global options, which ruff users also write after the command (`sip lint -q plans/`).
_GLOBAL_FLAGS = frozenset({"-q", "--quiet"})
_GLOBAL_WITH_VALUE = "--color"


def hoist_global_options(args: list[str]) -> list[str]:
    """Return ``args`` with ``-q``/``--quiet`` and ``--color`` moved before the command.

    Click reads the root command's options only before the command's name; ruff accepts
    them anywhere, and pre-commit hooks append ``args`` after the command. Nothing after
    ``--`` is moved (it may be a file named ``-q``).
    """
    hoisted: list[str] = []
    rest: list[str] = []
    index = 0
    while index < len(args):
        arg = args[index]
        if arg == "--":
            rest.extend(args[index:])
            break
        if arg in _GLOBAL_FLAGS or arg.startswith(_GLOBAL_WITH_VALUE + "="):
            hoisted.append(arg)
        elif arg == _GLOBAL_WITH_VALUE and index + 1 < len(args):
            hoisted.extend(args[index : index + 2])
            index += 1
        else:
            rest.append(arg)
        index += 1
    return hoisted + rest


class _Sip(typer.core.TyperGroup):
    """The root command: accepts the global options after the command's name too."""

    # The context's class is click's or, from typer 0.22 on, typer's own copy of click.
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Parse ``args`` with the global options moved to the front."""
        return super().parse_args(ctx, hoist_global_options(args))


app = typer.Typer(
    name="sip",
    cls=_Sip,
    help="Validate, lint, score and render Sustainable Improvement Plans kept as YAML.",
    no_args_is_help=True,
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
    color: Annotated[
        ColorChoice,
        typer.Option(
            "--color",
            help="Colour: auto (on a terminal, unless NO_COLOR is set or FORCE_COLOR asks "
            "for it), always or never. Wins over NO_COLOR and FORCE_COLOR.",
            case_sensitive=False,
        ),
    ] = ColorChoice.auto,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet",
            "-q",
            help="Print only the problems: no summary line, no 'Wrote ...', no progress. "
            "Exit codes stay the same.",
        ),
    ] = False,
) -> None:
    """Validate, lint, score and render Sustainable Improvement Plans kept as YAML."""
    configure(color, quiet)


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
    except BrokenPipeError:
        # The reader left early. Reports that know their outcome (validate, lint, score...)
        # catch it first and keep their exit status; anywhere else (click handles most of
        # these itself the same way) stop quietly with 1, Python's convention, so that
        # `set -o pipefail` never takes a cut-short run for a clean one.
        reader_gone()
        sys.exit(1)
    except KeyboardInterrupt:
        sys.stderr.write("sip: interrupted\n")
        sys.exit(130)
    except Exception as error:  # the last line of defence for users
        sys.stderr.write(
            f"sip: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in sip; please report it with the file that caused it.\n"
        )
        sys.exit(EXIT_CANNOT_RUN)
