"""The ``sip`` command line. Thin: parse arguments, call the core, pick a reporter, exit.

Exit codes: 0 nothing found, 1 problems found, 2 sip could not do its job.
"""

from __future__ import annotations

import datetime as dt
import enum
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer

from sipcli import __version__
from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sipcli.diagnostics import RunResult
    from sipcli.lint.settings import RuleSelection
    from sipcli.reporters.scores import ScoreReporter

from sipcli.cli.commands import register_all
from sipcli.cli.support import EXIT_CANNOT_RUN, EXIT_CLEAN, collect_inputs, write_report
from sipcli.cli.support import cannot_run_on_sip_error as _cannot_run_on_sip_error
from sipcli.cli.support import fail as _fail
from sipcli.cli.support import write_or_fail as _write_or_fail

app = typer.Typer(
    name="sip",
    help="Validate, lint, score and render Sustainable Improvement Plans kept as YAML.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class OutputFormat(str, enum.Enum):
    """The output formats of ``validate`` and ``lint``; each is a reporter in ``sipcli.reporters``."""

    text = "text"
    concise = "concise"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"


class FailOn(str, enum.Enum):
    """The lowest severity that makes sip exit with status 1."""

    error = "error"
    warning = "warning"
    info = "info"


class ScoreFormat(str, enum.Enum):
    """The output formats of ``score``; each is a reporter in ``sipcli.reporters.scores``."""

    table = "table"
    json = "json"
    markdown = "markdown"


class Framework(str, enum.Enum):
    """The SMART frameworks ``score`` knows."""

    dese = "dese"
    smartie = "smartie"
    classic = "classic"


class ListFormat(str, enum.Enum):
    """Formats of ``sip rules``."""

    table = "table"
    json = "json"
    markdown = "markdown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"sip {__version__}")
        raise typer.Exit(EXIT_CLEAN)


@app.callback()
def _root(
    version: Annotated[
        bool,
        typer.Option(
            "--version", help="Show sip's version and exit.", callback=_print_version, is_eager=True
        ),
    ] = False,
) -> None:
    """Validate, lint, score and render Sustainable Improvement Plans kept as YAML."""


PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Plan files, or folders to search for *.yaml and *.yml files.", show_default=False
    ),
]
FormatOption = Annotated[
    OutputFormat,
    typer.Option(
        "--format",
        "-f",
        help="Output format: text, concise, json, github, sarif or junit.",
        case_sensitive=False,
    ),
]
MaxSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        min=1,
        envvar="SIP_MAX_FILE_SIZE",
        help="Refuse files larger than this many bytes.",
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output-file", "-o", help="Write the report to this file instead of the screen."
    ),
]
StatisticsOption = Annotated[
    bool, typer.Option("--statistics", help="Count problems per code instead of listing them.")
]
FailOnOption = Annotated[
    FailOn | None,
    typer.Option(
        "--fail-on",
        help="Exit with 1 when a problem is at least this severe (default: error, or the config's fail-on).",
        case_sensitive=False,
    ),
]
ExitZeroOption = Annotated[
    bool, typer.Option("--exit-zero", help="Exit with 0 even when problems are found.")
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Use this configuration file instead of the nearest .sip.yaml."
    ),
]
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


def _selection(select: list[str] | None, ignore: list[str] | None) -> RuleSelection | None:
    """The rules chosen with --select and --ignore (None: the configuration decides)."""
    from sipcli.lint.settings import RuleSelection

    if select is None and ignore is None:
        return None

    def split(values: list[str]) -> tuple[str, ...]:
        return tuple(part.strip() for value in values for part in value.split(",") if part.strip())

    return RuleSelection(
        select=split(select) if select is not None else None, ignore=split(ignore or [])
    )


def _finish(
    run: RunResult,
    *,
    output_format: OutputFormat,
    output_file: Path | None,
    statistics: bool,
    fail_on: FailOn | None,
    exit_zero: bool,
    title: str,
) -> NoReturn:
    from sipcli.cli.output import OutputRequest, emit, environment
    from sipcli.diagnostics import Severity

    request = OutputRequest(output_format.value, output_file, statistics, title)
    try:
        emit(run, request, sys.stdout, environment())
    except OSError as error:
        _fail(f"cannot write {error.filename or output_file}: {error.strerror or error}")
    code = run.exit_code(Severity(fail_on.value) if fail_on else None)
    raise typer.Exit(EXIT_CLEAN if exit_zero else code)


@app.command()
def validate(
    paths: PathsArgument,
    output_format: FormatOption = OutputFormat.text,
    output_file: OutputFileOption = None,
    statistics: StatisticsOption = False,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    max_file_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Check that plan files are well-formed YAML that follows the plan format.

    Exit status: 0 all valid, 1 problems found, 2 sip could not run.
    """
    from sipcli.validate.plans import validate_files

    with _cannot_run_on_sip_error():
        run = validate_files(collect_inputs(paths, output_file), max_bytes=max_file_size)
    _finish(
        run,
        output_format=output_format,
        output_file=output_file,
        statistics=statistics,
        fail_on=fail_on,
        exit_zero=exit_zero,
        title="sip validate",
    )


@app.command()
def lint(
    paths: PathsArgument,
    output_format: FormatOption = OutputFormat.text,
    output_file: OutputFileOption = None,
    statistics: StatisticsOption = False,
    fail_on: FailOnOption = None,
    exit_zero: ExitZeroOption = False,
    config: ConfigOption = None,
    profile: ProfileOption = None,
    select: SelectOption = None,
    ignore: IgnoreOption = None,
    max_file_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Validate plans, then check them against the rules a DESE reviewer applies.

    Exit status: 0 nothing at or above --fail-on, 1 problems found, 2 sip could not run.
    """
    from sipcli.lint.engine import lint_files

    with _cannot_run_on_sip_error():
        run = lint_files(
            collect_inputs(paths, output_file),
            config=config,
            profile=profile,
            selection=_selection(select, ignore),
            max_bytes=max_file_size,
        )
    _finish(
        run,
        output_format=output_format,
        output_file=output_file,
        statistics=statistics,
        fail_on=fail_on,
        exit_zero=exit_zero,
        title="sip lint",
    )


@app.command()
def score(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Plan files or folders whose goals and benchmarks to score.", show_default=False
        ),
    ] = None,
    text: Annotated[
        str | None,
        typer.Option(
            "--text",
            "-t",
            help='Score one free-text statement instead of plans; "-" reads one statement per line from standard input.',
        ),
    ] = None,
    framework: Annotated[
        Framework,
        typer.Option(
            "--framework",
            help="dese (S.M.A.R.T.), smartie (adds Inclusive, Equitable) or classic.",
            case_sensitive=False,
        ),
    ] = Framework.dese,
    output_format: Annotated[
        ScoreFormat,
        typer.Option("--format", "-f", help="table, json or markdown.", case_sensitive=False),
    ] = ScoreFormat.table,
    min_score: Annotated[
        int | None,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            help="Exit with 1 when anything scores below this (0-100).",
        ),
    ] = None,
    output_file: OutputFileOption = None,
    config: ConfigOption = None,
    max_file_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Score each goal and benchmark against S.M.A.R.T., criterion by criterion, with fixes.

    Exit status: 0 scored, 1 a plan is invalid or something scores below --min-score,
    2 sip could not run.
    """
    from sipcli.score.run import score_files, score_statements

    if text is None and not paths:
        _fail("give plan files to score, or a statement with --text")
    if text is not None and paths:
        _fail("give either plan files or --text, not both")
    with _cannot_run_on_sip_error():
        if text is not None:
            from sipcli.validate.plans import reference_for

            reference = reference_for(Path.cwd() / "statement", config)
            run = score_statements(
                _statements(text),
                framework=framework.value,
                min_score=min_score,
                reference=reference,
            )
        else:
            run = score_files(
                collect_inputs(paths or [], output_file),
                framework=framework.value,
                min_score=min_score,
                config=config,
                max_bytes=max_file_size,
            )
    reporter = _score_reporter(output_format)
    write_report(lambda stream: reporter.write(run, stream), output_file)
    raise typer.Exit(run.exit_code())


def _statements(text: str) -> list[str]:
    if text != "-":
        if not text.strip():
            _fail("the statement to score is empty")
        return [text]
    statements = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if not statements:
        _fail("no statement on standard input; write one per line")
    return statements


def _score_reporter(output_format: ScoreFormat) -> ScoreReporter:
    from sipcli.reporters.scores import SCORE_REPORTERS

    return SCORE_REPORTERS[output_format.value]()


@app.command()
def render(
    paths: PathsArgument,
    to: Annotated[
        list[str],
        typer.Option(
            "--to",
            "-t",
            help="Formats: md, html, docx; repeat the option or separate with commas.",
        ),
    ] = ["md"],  # noqa: B006 - typer reads the default; it is never mutated
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="A file for one plan in one format; otherwise a folder (created if missing). "
            "Default: beside each plan.",
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option("--template", help="A Word template (.docx with Jinja tags) for --to docx."),
    ] = None,
    template_dir: Annotated[
        Path | None,
        typer.Option(
            "--template-dir",
            help="A folder whose plan.md.j2, plan.html.j2, macros or plan.css replace sip's own.",
        ),
    ] = None,
    with_scores: Annotated[
        bool, typer.Option("--with-scores", help="Show each goal's SMART score.")
    ] = False,
    report: Annotated[
        str,
        typer.Option(
            "--report",
            help="plan (the plan itself) or progress (statuses and a chart per goal; "
            "needs the charts extra).",
        ),
    ] = "plan",
    as_of: Annotated[
        str | None,
        typer.Option("--as-of", help="For --report progress: the date to judge at (YYYY-MM-DD)."),
    ] = None,
    max_file_size: MaxSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Render plans to Markdown, HTML or Word documents through templates.

    Exit status: 0 rendered, 1 a plan is invalid (nothing written for it), 2 sip could not run.
    """
    from sipcli.load.discover import collect_plan_files
    from sipcli.render.run import FORMATS, RenderOptions, render_files

    formats = tuple(
        dict.fromkeys(f.strip().lower() for value in to for f in value.split(",") if f.strip())
    )
    unknown = [fmt for fmt in formats if fmt not in FORMATS]
    if unknown or not formats:
        _fail(f"unknown format {', '.join(unknown) or '(none)'}; use md, html or docx")
    if report not in {"plan", "progress"}:
        _fail(f"unknown report {report!r}; use plan or progress")
    try:
        day = dt.date.fromisoformat(as_of) if as_of else None
    except ValueError:
        _fail(f"--as-of {as_of!r} is not a date; write it as YYYY-MM-DD")
    options = RenderOptions(
        report=report,
        as_of=day,
        formats=formats,
        output=output,
        template_dir=template_dir,
        docx_template=template,
        with_scores=with_scores,
        max_bytes=max_file_size,
    )
    with _cannot_run_on_sip_error():
        run = render_files(collect_plan_files(paths), options)
    if run.invalid:
        from sipcli.diagnostics import RunResult
        from sipcli.reporters import REPORTERS

        REPORTERS["text"](sys.stdout).report(RunResult(run.invalid))
    for written in run.written:
        typer.echo(f"Wrote {written}", err=True)
    raise typer.Exit(run.exit_code())


template_app = typer.Typer(help="Work with render templates.", no_args_is_help=True)
app.add_typer(template_app, name="template")


@template_app.command("check")
def template_check(
    file: Annotated[
        Path, typer.Argument(help="A Markdown or HTML template (.j2) or a Word template (.docx).")
    ],
) -> None:
    """Report variables and attributes a custom template uses that the plan's view does not have.

    Exit status: 0 every name is known, 1 unknown names found, 2 the template cannot be read.
    """
    from sipcli.render.template_check import check_template

    with _cannot_run_on_sip_error():
        problems = check_template(file)
    for problem in problems:
        typer.echo(f"{file}:{problem.line}: {problem.message}")
    typer.echo(
        f"{len(problems)} unknown name(s) in {file}."
        if problems
        else f"{file}: every name is known."
    )
    raise typer.Exit(1 if problems else 0)


@app.command("rules")
def list_rules(
    output_format: Annotated[
        ListFormat,
        typer.Option("--format", "-f", help="table, json or markdown.", case_sensitive=False),
    ] = ListFormat.table,
) -> None:
    """List every code sip reports, with its name, severity and summary."""
    from sipcli.lint.explain import rules_json, rules_markdown, rules_table

    render = {
        ListFormat.table: rules_table,
        ListFormat.json: rules_json,
        ListFormat.markdown: rules_markdown,
    }
    sys.stdout.write(render[output_format]())


@app.command("rule")
def explain_rule(
    code: Annotated[str, typer.Argument(help="A code (SIP201) or name (goal-missing-baseline).")],
) -> None:
    """Explain one rule: why it matters, and a failing and a passing example."""
    from sipcli.lint.explain import explain

    with _cannot_run_on_sip_error():
        text = explain(code)
    from rich.console import Console
    from rich.markdown import Markdown

    Console(soft_wrap=False).print(Markdown(text))


@app.command("config")
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

    with _cannot_run_on_sip_error():
        text = describe_settings(
            path, config=config, profile=profile, selection=_selection(select, ignore)
        )
    sys.stdout.write(text)


@app.command()
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
    _write_or_fail(output, text)
    typer.echo(f"Wrote {output}", err=True)


@app.command()
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
        _fail(f"{path} already exists; choose another name or pass --force to overwrite it")
    if schema_url is None:
        schema_path = path.parent / SCHEMA_FILE_NAME
        if not schema_path.exists():
            _write_or_fail(schema_path, plan_json_schema_text())
        schema_url = f"./{SCHEMA_FILE_NAME}"
    _write_or_fail(path, plan_skeleton(schema_url))
    typer.echo(f"Wrote {path}. Replace each <placeholder>, then run: sip validate {path}", err=True)


register_all(app)


def main(run: Callable[..., object] = app) -> None:
    """Run sip; an unexpected failure is reported in one line with exit status 2, never a traceback."""
    # sip uses no Pydantic plugins; looking for them reads every installed package's
    # metadata, a tenth of the start-up time of `sip validate`.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    try:
        run()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("sip: interrupted\n")
        sys.exit(130)
    except Exception as error:  # the last line of defence for users
        sys.stderr.write(
            f"sip: internal error: {type(error).__name__}: {error}\n"
            "This is a bug in sip; please report it with the file that caused it.\n"
        )
        sys.exit(EXIT_CANNOT_RUN)
