"""`sip render`: the plan (or its progress report) as Markdown, HTML, Word and PDF documents."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sipcli.cli.options import (
    AsOfPeriodOption,
    MaxFileSizeOption,
    PathsArgument,
    as_of_date_or_period,
    comma_list,
)
from sipcli.cli.support import cannot_run_on_sip_error, fail, prepare
from sipcli.cli.terminal import file_progress, say
from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sipcli.diagnostics import FileResult

REPORTS = ("plan", "progress", "summary")


def register(app: typer.Typer) -> None:
    """Add `sip render` to ``app``."""
    app.command("render")(render)


def render(
    paths: PathsArgument,
    to: Annotated[
        list[str] | None,
        typer.Option(
            "--to",
            "-t",
            help="Formats: md, html, docx, pdf (the Word document through LibreOffice); "
            "repeat the option or separate with commas. Default: the -o file's extension, "
            "else md.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            help="A file for one plan in one format; otherwise, or when it ends in /, a folder "
            "(created if missing). Default: beside each plan.",
            show_default=False,
        ),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template", help="A Word template (.docx with Jinja tags) for --to docx and pdf."
        ),
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
            help="plan (the plan itself), progress (statuses and a chart per goal; "
            "needs the charts extra) or summary (one page for families, in plain words).",
        ),
    ] = "plan",
    draft: Annotated[
        bool,
        typer.Option(
            "--draft",
            help="Preview a plan still being written: a Draft mark on every page, what is "
            "left to fill in shown as gaps, unfinished stages marked.",
        ),
    ] = False,
    as_of: AsOfPeriodOption = None,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
    template_seconds: Annotated[
        float | None,
        typer.Option(
            "--template-seconds",
            min=0.01,
            envvar="SIP_TEMPLATE_SECONDS",
            help="Stop a template that runs longer than this for one document "
            "(default 10 seconds).",
            show_default=False,
        ),
    ] = None,
    template_max_bytes: Annotated[
        int | None,
        typer.Option(
            "--template-max-bytes",
            min=1,
            envvar="SIP_TEMPLATE_MAX_BYTES",
            help="Stop a template that writes more than this many bytes for one document "
            "(default 20000000).",
            show_default=False,
        ),
    ] = None,
    pdf_seconds: Annotated[
        float | None,
        typer.Option(
            "--pdf-seconds",
            min=1,
            envvar="SIP_PDF_SECONDS",
            help="Stop LibreOffice when converting one document to PDF takes longer than this "
            "(default 120 seconds).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render plans to Markdown, HTML, Word or PDF documents through templates.

    Exit status: 0 rendered, 1 a plan is invalid (nothing written for it), 2 sip could not run
    (or, with --draft, the top of a plan cannot be read yet).
    """
    from sipcli.load.discover import collect_plan_files
    from sipcli.render.limits import TemplateLimits
    from sipcli.render.pdf import DEFAULT_PDF_SECONDS
    from sipcli.render.run import RenderOptions, render_files

    formats = _formats(to, output)
    if report not in REPORTS:
        fail(f"unknown report {report!r}; use plan, progress or summary")
    if draft and report != "plan":
        fail("--draft renders the plan itself; leave out --report, or use --report plan")
    options = RenderOptions(
        report=report,
        as_of=as_of_date_or_period(as_of),
        formats=formats,
        output=Path(output) if output else None,
        # Kept apart: Path("out/") forgets the slash that says "a folder".
        output_is_folder=output is not None and output.endswith(("/", "\\")),
        template_dir=template_dir,
        docx_template=template,
        with_scores=with_scores,
        max_bytes=max_file_size,
        limits=TemplateLimits.of(template_seconds, template_max_bytes),
        pdf_seconds=pdf_seconds or DEFAULT_PDF_SECONDS,
        draft=draft,
    )
    with cannot_run_on_sip_error(), file_progress("rendered") as on_file:
        run = render_files(collect_plan_files(paths), options, on_file=on_file)
    if run.invalid:
        _report_invalid(run.invalid, draft)
    for refusal in run.refused:
        typer.echo(refusal, err=True)
    for written in run.written:
        say(f"Wrote {written}")
    raise typer.Exit(run.exit_code())


def _formats(to: list[str] | None, output: str | None) -> tuple[str, ...]:
    """The formats asked for; without --to, the one an -o file's extension names, else md.

    An -o file whose extension names another format than the one asked for is refused, so
    Markdown is never written into a file called plan.docx.
    """
    from sipcli.render.run import FORMATS

    named = _format_of_file(output, FORMATS)
    if to is None:
        return (named or "md",)
    formats = tuple(dict.fromkeys(name.lower() for name in comma_list(to) or ()))
    unknown = [name for name in formats if name not in FORMATS]
    if unknown or not formats:
        known = ", ".join(FORMATS)
        fail(f"unknown format {', '.join(unknown) or '(none)'}; use {known}")
    if named is not None and formats != (named,) and len(formats) == 1:
        fail(
            f"-o {output} names a .{named} file but --to asks for {formats[0]}; "
            f"use --to {named}, or an -o file ending in .{formats[0]}"
        )
    return formats


def _format_of_file(output: str | None, formats: Mapping[str, str]) -> str | None:
    """The format an -o file's extension names (plan.docx: docx), None for a folder."""
    if output is None or output.endswith(("/", "\\")):
        return None
    suffix = Path(output).suffix.lower().lstrip(".")
    suffix = {"markdown": "md", "htm": "html"}.get(suffix, suffix)
    return suffix if suffix in formats else None


def _report_invalid(invalid: list[FileResult], draft: bool) -> None:
    import sys

    from sipcli.diagnostics import RunResult
    from sipcli.reporters.registry import get_reporter

    prepare(get_reporter("diagnostics", "text")).write(RunResult(invalid), sys.stdout)
    if not draft:
        # A plan being written is not valid yet: say how to see it anyway.
        say(
            "Nothing was rendered for a plan that is not valid. To preview a plan still being "
            "written, run sip render --draft: every page is marked Draft and what is left to "
            "fill in shows as gaps."
        )
