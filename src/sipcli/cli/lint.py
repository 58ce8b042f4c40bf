"""`sip lint`: validate, then check plans against the rules a DESE reviewer applies."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from sipcli.cli.only_plans import OnlyPlansOption, keep_plans
from sipcli.cli.options import (
    AllowSpecialFilesOption,
    ConfigOption,
    MaxFileSizeOption,
    OutputFileOption,
    PathsArgument,
    StdinFilenameOption,
    comma_list,
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

if TYPE_CHECKING:
    from sipcli.lint.settings import RuleSelection

ProfileOption = Annotated[
    str | None,
    typer.Option("--profile", help="draft, standard or submission (overrides the configuration)."),
]
SelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--select",
        help="Run only these rules: codes, names, code prefixes (SIP2) or ALL, comma-separated or repeated; overrides the configuration.",
        show_default=False,
    ),
]
IgnoreOption = Annotated[
    list[str] | None,
    typer.Option(
        "--ignore",
        help="Never run these rules (codes, names or prefixes, comma-separated or repeated), even when selected.",
        show_default=False,
    ),
]
ExtendSelectOption = Annotated[
    list[str] | None,
    typer.Option(
        "--extend-select",
        help="Also run these rules (codes, names or prefixes, comma-separated or repeated), "
        "in addition to those the configuration or --select chooses.",
        show_default=False,
    ),
]


def register(app: typer.Typer) -> None:
    """Add `sip lint` to ``app``."""
    app.command("lint")(lint)


def rule_selection(
    select: list[str] | None, ignore: list[str] | None, extend_select: list[str] | None = None
) -> RuleSelection | None:
    """Return the rules chosen with --select, --extend-select and --ignore (None: the file)."""
    from sipcli.lint.settings import RuleSelection

    if select is None and ignore is None and extend_select is None:
        return None
    return RuleSelection(
        select=comma_list(select),
        ignore=comma_list(ignore) or (),
        extend_select=comma_list(extend_select) or (),
    )


def lint(
    paths: PathsArgument,
    output_format: Annotated[str, format_option("diagnostics")] = "text",
    output_file: OutputFileOption = None,
    statistics: StatisticsOption = False,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    config: ConfigOption = None,
    profile: ProfileOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    extend_select: ExtendSelectOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    allow_special_files: AllowSpecialFilesOption = False,
    only_plans: OnlyPlansOption = False,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Validate plans, then check them against the rules a DESE reviewer applies.

    Exit status: 0 nothing at or above --fail-on, 1 problems found, 2 sip could not run.
    """
    from sipcli.lint.engine import lint_files

    with cannot_run_on_sip_error(), file_progress("linted") as on_file:
        run = lint_files(
            keep_plans(
                plan_inputs(
                    paths, output_file, stdin_filename=stdin_filename, max_bytes=max_file_size
                ),
                only_plans,
            ),
            config=config,
            profile=profile,
            selection=rule_selection(select, ignore, extend_select),
            max_bytes=max_file_size,
            allow_special=allow_special_files,
            on_file=on_file,
        )
    request = DiagnosticsRequest(
        output_format, output_file, statistics, fail_on, exit_zero, "sip lint"
    )
    finish(run, request)
