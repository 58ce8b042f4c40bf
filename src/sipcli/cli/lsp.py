"""`sip lsp`: the language server, for live diagnostics, navigation and completion in an editor."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.support import fail

#: What to install when pygls is missing (the ``lsp`` extra).
INSTALL_HINT = "pip install 'sipcli[lsp]'"


def register(app: typer.Typer) -> None:
    """Add `sip lsp` to ``app``."""
    app.command("lsp")(lsp)


def lsp(
    log_file: Annotated[
        Path | None,
        typer.Option(
            "--log-file",
            help="Write the server's own log to this file (the editor shows its messages too).",
            dir_okay=False,
        ),
    ] = None,
    stdio: Annotated[
        bool,
        typer.Option(
            "--stdio",
            help="Talk over standard input and output (the only way; accepted because some "
            "editors always pass it).",
        ),
    ] = True,
) -> None:
    """Run a Language Server Protocol server over standard input and output.

    An editor starts it: diagnostics as you type, hover, go to definition, references,
    rename, completion, quick fixes and the outline. Needs the lsp extra.
    Exit status: 0 the editor closed the server, 2 it cannot start (pygls is not installed).
    """
    try:
        from sipcli.lsp.server import serve_stdio
    except ImportError as error:
        if (error.name or "").split(".")[0] not in {"pygls", "lsprotocol", "cattrs"}:
            raise
        fail(
            "sip lsp needs the language server library pygls, which is not installed. "
            f"Install it with: {INSTALL_HINT}"
        )
    serve_stdio(log_file)
