"""`sip template check`: the names a custom template uses that the plan's view does not have."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import cannot_run_on_sip_error


def register(app: typer.Typer) -> None:
    """Add the `sip template` group, with `check`, to ``app``."""
    group = typer.Typer(help="Work with render templates.", no_args_is_help=True)
    group.command("check")(check)
    app.add_typer(group, name="template")


def check(
    file: Annotated[
        Path, typer.Argument(help="A Markdown or HTML template (.j2) or a Word template (.docx).")
    ],
) -> None:
    """Report variables and attributes a custom template uses that the plan's view does not have.

    Exit status: 0 every name is known, 1 unknown names found, 2 the template cannot be read.
    """
    from sipcli.render.template_check import check_template

    with cannot_run_on_sip_error():
        problems = check_template(file)
    for problem in problems:
        typer.echo(f"{file}:{problem.line}: {problem.message}")
    typer.echo(
        f"{len(problems)} unknown name(s) in {file}."
        if problems
        else f"{file}: every name is known."
    )
    raise typer.Exit(1 if problems else 0)
