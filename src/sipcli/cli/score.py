"""`sip score`: how S.M.A.R.T. each goal and benchmark is, with the evidence and a fix."""

from __future__ import annotations

import enum
import sys
from pathlib import Path
from typing import Annotated

import typer

from sipcli.cli.options import (
    ConfigOption,
    MaxFileSizeOption,
    OutputFileOption,
    format_option,
)
from sipcli.cli.support import cannot_run_on_sip_error, collect_inputs, fail, output
from sipcli.load.limits import DEFAULT_MAX_BYTES


class Framework(str, enum.Enum):
    """The SMART frameworks ``score`` knows."""

    dese = "dese"
    smartie = "smartie"
    classic = "classic"


def register(app: typer.Typer) -> None:
    """Add `sip score` to ``app``."""
    app.command("score")(score)


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
    output_format: Annotated[str, format_option("scores")] = "table",
    min_score: Annotated[
        int | None,
        typer.Option(
            "--min-score",
            min=0,
            max=100,
            help="Exit with 1 when anything scores below this (0-100).",
        ),
    ] = None,
    brief: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="One line per goal: its score, the criteria it does not meet, its weakest benchmark.",
        ),
    ] = False,
    output_file: OutputFileOption = None,
    config: ConfigOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Score each goal and benchmark against S.M.A.R.T., criterion by criterion, with fixes.

    The table fits the terminal's width (COLUMNS when set, 80 when not a terminal); --summary
    gives one line per goal.

    Exit status: 0 scored, 1 a plan is invalid or something scores below --min-score,
    2 sip could not run.
    """
    from sipcli.reporters.registry import get_reporter
    from sipcli.score.run import score_files, score_statements
    from sipcli.validate.plans import reference_for

    if text is None and not paths:
        fail("give plan files to score, or a statement with --text")
    if text is not None and paths:
        fail("give either plan files or --text, not both")
    if brief and output_format != "table":
        # The summary is a terminal view; tools read every criterion from json.
        fail(f"--summary is a view of the table; leave out --format {output_format}")
    with cannot_run_on_sip_error():
        if text is not None:
            reference = reference_for(Path.cwd() / "statement", config)
            run = score_statements(
                _statements(text),
                framework=framework.value,
                min_score=min_score,
                reference=reference,
            )
        else:
            plans = collect_inputs(paths or [], output_file)
            run = score_files(
                plans,
                framework=framework.value,
                min_score=min_score,
                config=config,
                max_bytes=max_file_size,
            )
    if brief:
        from sipcli.reporters.score_table import ScoreSummaryReporter

        output(ScoreSummaryReporter(), run, output_file)
    else:
        output(get_reporter("scores", output_format), run, output_file)
    raise typer.Exit(run.exit_code())


def _statements(text: str) -> list[str]:
    if text != "-":
        if not text.strip():
            fail("the statement to score is empty")
        return [text]
    statements = [line.strip() for line in sys.stdin.read().splitlines() if line.strip()]
    if not statements:
        fail("no statement on standard input; write one per line")
    return statements
