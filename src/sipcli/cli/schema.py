"""`sip schema`: the plan's JSON Schema, for editor completion and other tools."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import guard_output, write_or_fail
from sipcli.cli.terminal import say


def register(app: typer.Typer) -> None:
    """Add `sip schema` to ``app``."""
    app.command("schema")(schema)


def schema(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the schema to this file instead of the screen."),
    ] = None,
) -> None:
    """Print the JSON Schema of a plan file, for editor completion and other tools."""
    from sipcli.validate.schema import plan_json_schema_text

    text = plan_json_schema_text()
    if output is None:
        sys.stdout.write(text)
        return
    guard_output(output, option="--output")
    write_or_fail(output, text)
    say(f"Wrote {output}")
