"""Commands that live in their own modules, each adding itself to the app with `register(app)`.

Each module imports only typer at the top; the work it calls is imported inside the command,
so `sip validate` does not pay for `sip fmt`.
"""

from __future__ import annotations

import typer

from sipcli.cli.commands import diff, fmt, progress, report


def register_all(app: typer.Typer) -> None:
    """Add every command of this package to ``app``."""
    for module in (fmt, diff, progress, report):
        module.register(app)
