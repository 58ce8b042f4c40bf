"""`sip config`: the configuration that applies to a plan, and where each value comes from."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.lint import IgnoreOption, ProfileOption, SelectOption, rule_selection
from sipcli.cli.options import ConfigOption
from sipcli.cli.support import cannot_run_on_sip_error


def register(app: typer.Typer) -> None:
    """Add `sip config` to ``app``."""
    app.command("config")(show_config)


def show_config(
    path: Annotated[
        Path, typer.Argument(help="A plan or folder whose configuration to show.")
    ] = Path("."),
    config: ConfigOption = None,
    profile: ProfileOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
) -> None:
    """Show the effective configuration for a plan and where each value comes from."""
    from sipcli.lint.explain import describe_settings

    with cannot_run_on_sip_error():
        text = describe_settings(
            path, config=config, profile=profile, selection=rule_selection(select, ignore)
        )
    sys.stdout.write(text)
