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
    comma_list,
    format_option,
)
from sipcli.cli.output import (
    DiagnosticsRequest,
    ExitZeroOption,
    FailOnOption,
    StatisticsOption,
    finish,
)
from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs
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


def register(app: typer.Typer) -> None:
    """Add `sip lint` to ``app``."""
    app.command("lint")(lint)


def rule_selection(select: list[str] | None, ignore: list[str] | None) -> RuleSelection | None:
    """Return the rules chosen with --select and --ignore (None: the configuration decides)."""
    from sipcli.lint.settings import RuleSelection

    if select is None and ignore is None:
        return None
    return RuleSelection(select=comma_list(select), ignore=comma_list(ignore) or ())


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
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    allow_special_files: AllowSpecialFilesOption = False,
    only_plans: OnlyPlansOption = False,
) -> None:
    """Validate plans, then check them against the rules a DESE reviewer applies.

    Exit status: 0 nothing at or above --fail-on, 1 problems found, 2 sip could not run.
    """
    from sipcli.lint.engine import lint_files

    with cannot_run_on_sip_error():
        run = lint_files(
            keep_plans(collect_inputs(paths, output_file), only_plans),
            config=config,
            profile=profile,
            selection=rule_selection(select, ignore),
            max_bytes=max_file_size,
            allow_special=allow_special_files,
        )
    request = DiagnosticsRequest(
        output_format, output_file, statistics, fail_on, exit_zero, "sip lint"
    )
    finish(run, request)
