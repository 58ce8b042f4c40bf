"""`sip config`: the configuration that applies to a plan, and where each value comes from."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.lint import (
    ExtendSelectOption,
    IgnoreOption,
    ProfileOption,
    SelectOption,
    rule_selection,
)
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
    extend_select: ExtendSelectOption = None,
) -> None:
    """Show the effective configuration for a plan and where each value comes from."""
    from sipcli.lint.explain import describe_settings

    with cannot_run_on_sip_error():
        selection = rule_selection(select, ignore, extend_select)
        text = describe_settings(path, config=config, profile=profile, selection=selection)
    sys.stdout.write(_with_ignored_file(text, path, config))


def _with_ignored_file(text: str, path: Path, config: Path | None) -> str:
    """Add, under the file used, the ``pyproject.toml`` whose ``[tool.sip]`` it overrides."""
    from sipcli.load.config import config_path_for, ignored_config

    used = config_path_for(path, config)
    if used is None or config is not None:
        return text  # --config names the file: nothing was chosen over another
    ignored = ignored_config(used)
    if ignored is None:
        return text
    head, _, rest = text.partition("\n")
    file_line, _, rest = rest.partition("\n")
    note = f"  ignored:   {ignored} ([tool.sip]; {used.name} in the same folder wins)"
    return "\n".join((head, file_line, note, rest))
