"""Render plan files to Markdown, HTML and DOCX: the whole `sip render` job, without printing.

A plan that fails validation renders nothing, and a file already at the output path is left
as it was. Each output is written whole to a temporary file and then moved into place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import TemplateError

from sipcli.check import validate_file
from sipcli.config import settings_for
from sipcli.diagnostics import FileResult
from sipcli.errors import SipError
from sipcli.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.render.environment import make_environment, template_error
from sipcli.render.view import PlanView, build_view
from sipcli.writing import write_atomically

#: The formats `sip render` writes, with their file extensions.
FORMATS = {"md": ".md", "html": ".html", "docx": ".docx"}


@dataclass(frozen=True)
class RenderOptions:
    """What to render and how."""

    formats: tuple[str, ...]
    output: Path | None = None
    template_dir: Path | None = None
    docx_template: Path | None = None
    with_scores: bool = False
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass
class RenderRun:
    """What `sip render` did: the files written, and the plans it could not render."""

    written: list[Path] = field(default_factory=list)
    invalid: list[FileResult] = field(default_factory=list)

    def exit_code(self) -> int:
        """Return 1 when a plan was invalid (and so not rendered), else 0."""
        return 1 if self.invalid else 0


def output_path(plan_file: Path, fmt: str, options: RenderOptions, many: bool) -> Path:
    """Return where one plan's rendering in one format goes.

    ``-o FILE`` names the file when there is one plan and one format; otherwise ``-o`` is a
    folder (created if missing). Without ``-o`` the output goes beside the plan.
    """
    name = plan_file.with_suffix(FORMATS[fmt]).name
    if options.output is None:
        return plan_file.with_suffix(FORMATS[fmt])
    if many or options.output.is_dir() or str(options.output).endswith(("/", "\\")):
        return options.output / name
    return options.output


def render_text(view: PlanView, fmt: str, template_dir: Path | None = None) -> str:
    """Render the view to Markdown or HTML text.

    Raises:
        SipError: when a template is missing, malformed, refers to unknown data, or reaches
            for Python internals (the sandbox refuses).
    """
    environment = make_environment(template_dir)
    name = {"md": "plan.md.j2", "html": "plan.html.j2"}[fmt]
    try:
        text = environment.get_template(name).render(view=view)
    except TemplateError as error:
        raise template_error(error, name) from error
    if fmt == "md":
        # Templates stay readable with a blank line around each block; Markdown needs one.
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text


def render_plan(plan: Plan, plan_file: Path, options: RenderOptions) -> dict[str, bytes]:
    """Render one valid plan in each requested format; nothing is written here.

    Raises:
        SipError: when a template cannot be used.
    """
    scores = None
    if options.with_scores:
        from sipcli.score import score_plan  # noqa: PLC0415 - only when scores are shown

        reference = settings_for(plan_file).reference
        scores = {item.id: item for item in score_plan(plan, reference) if item.kind == "goal"}
    view = build_view(plan, scores)
    rendered: dict[str, bytes] = {}
    for fmt in options.formats:
        if fmt == "docx":
            from sipcli.render.docx_render import render_docx  # noqa: PLC0415 - docx is heavy

            rendered[fmt] = render_docx(view, options.docx_template)
        else:
            rendered[fmt] = render_text(view, fmt, options.template_dir).encode("utf-8")
    return rendered


def render_files(paths: Sequence[Path], options: RenderOptions) -> RenderRun:
    """Validate and render each plan; an invalid plan is reported and skipped.

    Raises:
        SipError: when a template cannot be used or an output cannot be written.
    """
    run = RenderRun()
    many = len(paths) > 1 or len(options.formats) > 1
    for path in paths:
        checked = validate_file(path, max_bytes=options.max_bytes)
        if checked.plan is None:
            run.invalid.append(checked.result)
            continue
        # Render every format first: a template error must not leave some formats written.
        for fmt, content in render_plan(checked.plan, path, options).items():
            target = output_path(path, fmt, options, many)
            try:
                write_atomically(target, content)
            except OSError as error:
                raise SipError(f"cannot write {target}: {error.strerror or error}") from error
            run.written.append(target)
    return run
