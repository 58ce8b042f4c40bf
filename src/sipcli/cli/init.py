"""`sip init`: a new plan with every section, ready to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import fail, write_or_fail


def register(app: typer.Typer) -> None:
    """Add `sip init` to ``app``."""
    app.command("init")(init)


def init(
    path: Annotated[
        Path, typer.Argument(help="Where to write the new plan, e.g. plans/lincoln.yaml.")
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
    schema_url: Annotated[
        str | None,
        typer.Option(
            "--schema-url",
            help="The schema location for the editor modeline; by default sip writes "
            "sip-plan.schema.json beside the plan and points to it.",
        ),
    ] = None,
) -> None:
    """Write a new plan with every section, ready to fill in.

    The new plan fails validation until each <placeholder> is replaced.
    """
    from sipcli.validate.scaffold import SCHEMA_FILE_NAME, plan_skeleton
    from sipcli.validate.schema import plan_json_schema_text

    if path.exists() and not force:
        fail(f"{path} already exists; choose another name or pass --force to overwrite it")
    if schema_url is None:
        schema_path = path.parent / SCHEMA_FILE_NAME
        if not schema_path.exists():
            write_or_fail(schema_path, plan_json_schema_text())
        schema_url = f"./{SCHEMA_FILE_NAME}"
    write_or_fail(path, plan_skeleton(schema_url))
    typer.echo(f"Wrote {path}. Replace each <placeholder>, then run: sip validate {path}", err=True)
