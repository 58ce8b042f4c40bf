"""Render plan files to Markdown, HTML, DOCX and PDF: the whole `sip render` job, without printing.

A plan that fails validation renders nothing, and a file already at the output path is left
as it was. Each output is written whole to a temporary file and then moved into place.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from jinja2 import TemplateError

from sipcli.diagnostics import FileResult
from sipcli.errors import SipError
from sipcli.load.config import render_look_for
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.model.kinds import DEFAULT_KIND, kind_of
from sipcli.render.draft import DraftFacts, as_draft, draft_facts
from sipcli.render.environment import make_environment, template_error
from sipcli.render.limits import LimitedEnvironment, TemplateLimits
from sipcli.render.pdf import DEFAULT_PDF_SECONDS, PdfConversionError, docxs_to_pdfs, find_soffice
from sipcli.render.view import PlanView, build_view
from sipcli.validate.check import calendar_source
from sipcli.validate.draft import draft_of
from sipcli.validate.plans import FileProgress, PlanFile, read_plans
from sipcli.write.guard import OutputGuard

if TYPE_CHECKING:
    from sipcli.render.progress_view import ProgressView
    from sipcli.render.summary_view import SummaryView
from sipcli.write.atomic import write_atomically

#: The formats `sip render` writes, with their file extensions.
FORMATS = {"md": ".md", "html": ".html", "docx": ".docx", "pdf": ".pdf"}
#: How many plans' PDFs one LibreOffice run converts. Starting LibreOffice costs seconds and
#: a document a fraction of one, so plans are converted together; in batches, so that a folder
#: of hundreds of plans does not hold all its documents in memory at once.
PDF_BATCH = 20


@dataclass(frozen=True)
class RenderOptions:
    """What to render and how."""

    formats: tuple[str, ...]
    output: Path | None = None
    template_dir: Path | None = None
    docx_template: Path | None = None
    with_scores: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES
    report: str = "plan"
    """plan (the plan itself), progress (statuses and charts at ``as_of``) or summary (one page for families)."""
    as_of: dt.date | str | None = None
    """When the progress report judges progress (default: today): a date, or the text of a period read in each plan's calendar and school year."""
    limits: TemplateLimits = field(default_factory=TemplateLimits)
    """How long each document's templates may run and how much they may write."""
    pdf_seconds: float = DEFAULT_PDF_SECONDS
    """How long LibreOffice may take to convert one document to PDF."""
    output_is_folder: bool = False
    """``-o`` was written ending in ``/``: a folder, even for one plan in one format (a
    ``Path`` drops that slash)."""
    draft: bool = False
    """Render a plan still being written: a Draft mark on every page, its gaps and unfinished
    stages shown (`sipcli.render.draft`); a valid plan is rendered with the mark."""


@dataclass(frozen=True)
class Output:
    """One rendered file, and the files that go beside it (the Markdown report's charts)."""

    fmt: str
    content: bytes
    attachments: dict[str, bytes] = field(default_factory=dict)


@dataclass
class RenderRun:
    """What `sip render` did: the files written, and the plans it could not render."""

    written: list[Path] = field(default_factory=list)
    invalid: list[FileResult] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    """Plans a draft cannot be made of (their header cannot be read), each with what to fill."""

    def exit_code(self) -> int:
        """Return 2 when a draft could not be made, 1 when a plan was invalid, else 0."""
        return 2 if self.refused else 1 if self.invalid else 0


def output_path(plan_file: Path, fmt: str, options: RenderOptions, many: bool) -> Path:
    """Return where one plan's rendering in one format goes.

    ``-o FILE`` names the file when there is one plan and one format; otherwise ``-o`` is a
    folder (created if missing). Without ``-o`` the output goes beside the plan.
    """
    stem = plan_file.stem if options.report == "plan" else f"{plan_file.stem}-{options.report}"
    name = stem + FORMATS[fmt]
    if options.output is None:
        return plan_file.with_name(name)
    if many or options.output_is_folder or options.output.is_dir():
        return options.output / name
    return options.output


@cache
def _text_environment(template_dir: Path | None, limits: TemplateLimits) -> LimitedEnvironment:
    """One environment per template folder, so templates compile once for many plans."""
    return make_environment(template_dir, limits)


def render_text(
    view: PlanView | ProgressView | SummaryView,
    fmt: str,
    template_dir: Path | None = None,
    report: str = "plan",
    limits: TemplateLimits | None = None,
) -> str:
    """Render the view to Markdown or HTML text, within the time and output ``limits``.

    Raises:
        SipError: when a template is missing, malformed, refers to unknown data, reaches
            for Python internals (the sandbox refuses), runs past its time or output budget,
            calls itself without end, or computes a value too large.
    """
    environment = _text_environment(template_dir, limits or TemplateLimits())
    name = f"{report}.{fmt}.j2"
    try:
        text = environment.get_template(name).render(view=view)
    except TemplateError as error:
        raise template_error(error, name) from error
    if fmt == "md":
        # Templates stay readable with a blank line around each block; Markdown needs one.
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text


def render_plan(
    plan: Plan, source: PlanFile, options: RenderOptions, draft: DraftFacts | None = None
) -> list[Output]:
    """Render one plan in each requested format; nothing is written here.

    ``draft`` (with ``--draft``) dresses the view as a draft: the plan may be one read as far
    as it goes.

    Raises:
        SipError: when a template cannot be used (or, for the progress report, matplotlib
            is not installed).
    """
    if options.report == "progress":
        return _render_progress(plan, source, options)
    if options.report == "summary":
        return _render_summary(plan, source, options)
    scores = None
    if options.with_scores:
        from sipcli.score import score_plan  # noqa: PLC0415 - only when scores are shown

        scores = {
            item.id: item for item in score_plan(plan, source.reference) if item.kind == "goal"
        }
    # The title page's prepared-by, logo and colours: the render: section of its .sip.yaml.
    view = build_view(plan, scores, render_look_for(source.path))
    if draft is not None:
        view = as_draft(view, draft, with_phases=kind_of(plan) == DEFAULT_KIND)
    rendered: list[Output] = []
    for fmt in options.formats:
        if fmt == "docx":
            from sipcli.render.docx_render import render_docx  # noqa: PLC0415 - docx is heavy

            rendered.append(Output(fmt, render_docx(view, options.docx_template, options.limits)))
        else:
            text = render_text(view, fmt, options.template_dir, limits=options.limits)
            rendered.append(Output(fmt, text.encode("utf-8")))
    return rendered


def _render_progress(plan: Plan, source: PlanFile, options: RenderOptions) -> list[Output]:
    """The progress report: statuses at the as-of date and a chart per goal."""
    from sipcli.monitor.progress import (  # noqa: PLC0415 - only for this report
        Thresholds,
        plan_as_of,
        scale_for,
    )
    from sipcli.render.progress_view import build_progress_view  # noqa: PLC0415

    as_of = plan_as_of(options.as_of or dt.date.today(), source.path, plan)
    # The school's own status names (status-scale: in its .sip.yaml), as `sip progress` uses.
    scale = scale_for(source.path, None, Thresholds())
    view, charts = build_progress_view(plan, source.path.stem, as_of, source.reference, scale)
    rendered: list[Output] = []
    for fmt in options.formats:
        if fmt == "docx":
            from sipcli.render.docx_progress import render_progress_docx  # noqa: PLC0415

            docx = render_progress_docx(
                view, charts, options.docx_template, render_look_for(source.path)
            )
            rendered.append(Output(fmt, docx))
        else:
            text = render_text(
                view, fmt, options.template_dir, report="progress", limits=options.limits
            )
            attachments = {name: chart.svg for name, chart in charts.items()} if fmt == "md" else {}
            rendered.append(Output(fmt, text.encode("utf-8"), attachments))
    return rendered


def _render_summary(plan: Plan, source: PlanFile, options: RenderOptions) -> list[Output]:
    """The one-page family summary: the vision, the focus, each goal and where it stands."""
    from sipcli.monitor.progress import (  # noqa: PLC0415 - only for this report
        Thresholds,
        plan_as_of,
        scale_for,
    )
    from sipcli.render.summary_view import build_summary_view  # noqa: PLC0415

    as_of = plan_as_of(options.as_of or dt.date.today(), source.path, plan)
    # Judged as the progress report judges (the school's status-scale), in families' words.
    scale = scale_for(source.path, None, Thresholds())
    view = build_summary_view(plan, as_of, source.reference, scale)
    rendered: list[Output] = []
    for fmt in options.formats:
        if fmt == "docx":
            from sipcli.render.docx_summary import render_summary_docx  # noqa: PLC0415

            docx = render_summary_docx(view, options.docx_template, render_look_for(source.path))
            rendered.append(Output(fmt, docx))
        else:
            text = render_text(
                view, fmt, options.template_dir, report="summary", limits=options.limits
            )
            rendered.append(Output(fmt, text.encode("utf-8")))
    return rendered


def render_files(
    paths: Sequence[Path], options: RenderOptions, *, on_file: FileProgress | None = None
) -> RenderRun:
    """Validate and render each plan; an invalid plan is reported and skipped.

    A PDF is the Word document converted by LibreOffice (the same DOCX bytes ``--to docx``
    writes). All of a plan's formats are written together, once every one of them is made.
    ``on_file`` is told ``(done, total)`` as plans are rendered (see `read_plans`).

    Raises:
        SipError: when a template cannot be used, LibreOffice is missing or fails (for
            ``pdf``), or an output cannot be written.
    """
    run = RenderRun()
    many = len(paths) > 1 or len(options.formats) > 1
    guard = _claim_outputs(paths, options, many)
    pdf = "pdf" in options.formats
    if pdf:
        # Before any plan is rendered: without LibreOffice the run stops at once.
        find_soffice()
    # The PDF is made from the DOCX, so a run asking for pdf renders docx whether or not it
    # is written too.
    made = tuple(dict.fromkeys("docx" if fmt == "pdf" else fmt for fmt in options.formats))
    rendering = replace(options, formats=made)
    pending: list[tuple[PlanFile, list[Output]]] = []
    for source in read_plans(paths, max_bytes=options.max_bytes, on_file=on_file):
        plan, draft = _plan_to_render(source, options, run)
        if plan is None:
            continue
        # Render every format first: a template error must not leave some formats written.
        pending.append((source, render_plan(plan, source, rendering, draft)))
        if not pdf or len(pending) >= PDF_BATCH:
            _write_plans(_with_pdfs(pending, options), options, many, guard, run)
            pending = []
    if pending:
        _write_plans(_with_pdfs(pending, options), options, many, guard, run)
    return run


def _plan_to_render(
    source: PlanFile, options: RenderOptions, run: RenderRun
) -> tuple[Plan | None, DraftFacts | None]:
    """The plan to render and, with ``--draft``, its draft facts; None when it cannot be.

    Without ``--draft`` an invalid plan is recorded in ``run.invalid``. With it, a plan is
    read as far as it goes; a file that is not readable YAML is recorded as invalid, and a
    plan whose header cannot be read is refused, saying what to fill first.
    """
    if not options.draft or source.document is None:
        if source.plan is None:
            run.invalid.append(source.result)
        return source.plan, None
    draft = draft_of(source.document, calendar_source(source.path))
    if draft.plan is None:
        run.refused.append(_refusal(source.path, draft.problems))
        return None, None
    return draft.plan, draft_facts(source.document, draft)


def _refusal(path: Path, problems: tuple[str, ...]) -> str:
    """Why a draft of ``path`` cannot be made yet, and what to fill in first."""
    why = "; ".join(problems)
    return (
        f"{path}: cannot render a draft yet, because the top of the plan cannot be read "
        f"(sip found: {why}). Fill in these first: schema_version: 1, and under school: the "
        "school's name and district; sip validate shows the lines. Then render again."
    )


def _with_pdfs(
    rendered: list[tuple[PlanFile, list[Output]]], options: RenderOptions
) -> list[tuple[PlanFile, list[Output]]]:
    """Each plan's outputs in the requested formats, PDFs converted in one LibreOffice run.

    Raises:
        PdfConversionError: when LibreOffice fails or runs out of time; nothing of these
            plans is written.
    """
    if "pdf" not in options.formats:
        return rendered
    documents = {
        str(index): next(output.content for output in outputs if output.fmt == "docx")
        for index, (_, outputs) in enumerate(rendered)
    }
    try:
        pdfs = docxs_to_pdfs(documents, timeout=options.pdf_seconds)
    except PdfConversionError as error:
        names = ", ".join(str(source.path) for source, _ in rendered)
        raise PdfConversionError(f"{error} Nothing was written for {names}.") from error
    finished = []
    for index, (source, outputs) in enumerate(rendered):
        made = {output.fmt: output for output in outputs}
        made["pdf"] = Output("pdf", pdfs[str(index)])
        finished.append((source, [made[fmt] for fmt in options.formats]))
    return finished


def _write_plans(
    rendered: list[tuple[PlanFile, list[Output]]],
    options: RenderOptions,
    many: bool,
    guard: OutputGuard,
    run: RenderRun,
) -> None:
    """Write each plan's outputs and the files beside them, recording them in ``run``."""
    for source, outputs in rendered:
        for output in outputs:
            target = output_path(source.path, output.fmt, options, many)
            for name, content in output.attachments.items():
                attachment = target.with_name(name)
                guard.claim(attachment, what="the chart", source=str(source.path))
                run.written.append(_write(attachment, content))
            run.written.append(_write(target, output.content))


def _claim_outputs(paths: Sequence[Path], options: RenderOptions, many: bool) -> OutputGuard:
    """Check every output of the run before anything is rendered or written.

    Raises:
        OutputRefused: when an output would replace a plan, or two plans (``a/plan.yaml``
            and ``b/plan.yaml``, ``x.yaml`` and ``x.yml``) would render to the same file.
    """
    guard = OutputGuard(paths)
    what = "-o" if options.output is not None else "the output"
    for path in paths:
        for fmt in options.formats:
            guard.claim(output_path(path, fmt, options, many), what=what, source=str(path))
    return guard


def _write(target: Path, content: bytes) -> Path:
    try:
        write_atomically(target, content)
    except OSError as error:
        raise SipError(f"cannot write {target}: {error.strerror or error}") from error
    return target
