"""`sip validate`: the CI gate; is each file a plan in the plan format?"""

from __future__ import annotations

from typing import Annotated

import typer

from sipcli.cli.only_plans import OnlyPlansOption, keep_plans
from sipcli.cli.options import (
    AllowSpecialFilesOption,
    MaxFileSizeOption,
    OutputFileOption,
    PathsArgument,
    StdinFilenameOption,
    format_option,
    plan_inputs,
)
from sipcli.cli.output import (
    DiagnosticsRequest,
    ExitZeroOption,
    FailOnOption,
    StatisticsOption,
    finish,
)
from sipcli.cli.support import cannot_run_on_sip_error
from sipcli.cli.terminal import file_progress
from sipcli.load.limits import DEFAULT_MAX_BYTES


def register(app: typer.Typer) -> None:
    """Add `sip validate` to ``app``."""
    app.command("validate")(validate)


def validate(
    paths: PathsArgument,
    output_format: Annotated[str, format_option("diagnostics")] = "text",
    output_file: OutputFileOption = None,
    statistics: StatisticsOption = False,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    allow_special_files: AllowSpecialFilesOption = False,
    stdin_filename: StdinFilenameOption = None,
    only_plans: OnlyPlansOption = False,
    show_placeholders: Annotated[
        bool,
        typer.Option(
            "--show-placeholders",
            help="List every <placeholder> left from sip init, not one line per section.",
        ),
    ] = False,
) -> None:
    """Check that plan files are well-formed YAML that follows the plan format.

    Exit status: 0 all valid, 1 problems found, 2 sip could not run.
    """
    from sipcli.validate.plans import validate_files

    with cannot_run_on_sip_error(), file_progress("checked") as on_file:
        run = validate_files(
            keep_plans(
                plan_inputs(
                    paths, output_file, stdin_filename=stdin_filename, max_bytes=max_file_size
                ),
                only_plans,
            ),
            max_bytes=max_file_size,
            allow_special=allow_special_files,
            show_placeholders=show_placeholders,
            on_file=on_file,
        )
    request = DiagnosticsRequest(
        output_format, output_file, statistics, fail_on, exit_zero, "sip validate"
    )
    finish(run, request)
