"""The Jinja environment every template runs in: sandboxed, strict, limited, with the escaping filters.

User templates are code a consultant received by email: they run in Jinja's sandbox, so a
template that reaches for Python internals fails instead of running, and within the time and
output budgets of ``render.limits``. `template_error` words every way a template can fail.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from jinja2.exceptions import SecurityError, TemplateNotFound, TemplateSyntaxError

from sipcli.errors import SipError
from sipcli.load.resources import templates_dir
from sipcli.render.escape import html_text, markdown_text, strip_gaps
from sipcli.render.limits import LimitedEnvironment, TemplateLimitError, TemplateLimits


def render_templates_dir() -> Path:
    """Return the folder of the shipped Markdown and HTML templates."""
    return Path(str(templates_dir().joinpath("render")))


def make_environment(
    template_dir: Path | None = None, limits: TemplateLimits | None = None
) -> LimitedEnvironment:
    """Return the sandboxed environment; files in ``template_dir`` replace shipped ones by name."""
    folders = [str(template_dir)] if template_dir else []
    folders.append(str(render_templates_dir()))
    environment = LimitedEnvironment(
        loader=ChoiceLoader([FileSystemLoader(folder) for folder in folders]),
        autoescape=select_autoescape(enabled_extensions=("html", "html.j2", "xml"), default=False),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=False,
        lstrip_blocks=False,
        limits=limits,
    )
    environment.filters["md"] = markdown_text
    environment.filters["cell"] = markdown_text
    environment.filters["br"] = html_text
    # A draft's gap marks never show raw: a value printed without a filter loses them.
    environment.finalize = strip_gaps
    return environment


def template_error(error: TemplateError, name: str) -> SipError:
    """Turn a Jinja error into a message that says which template, where, and what to do."""
    if isinstance(error, TemplateLimitError):
        return _limit_error(error, name)
    if isinstance(error, SecurityError):
        return SipError(
            f"template {name} was stopped: it tried to reach Python internals ({error}). "
            "Templates may only use the plan's data."
        )
    if isinstance(error, TemplateNotFound):
        return SipError(f"template {error.name} not found in the template folder or sip's own")
    if isinstance(error, TemplateSyntaxError):
        where = f"{error.filename or error.name or name}:{error.lineno}"
        return SipError(f"{where}: template syntax error: {error.message}")
    return SipError(f"template {name}: {error}")


def _limit_error(error: TemplateLimitError, name: str) -> SipError:
    """Name the template (the included one, when the problem is in it), the line and a hint."""
    where = name
    if error.filename and not error.filename.startswith("<") and Path(error.filename).name != name:
        where = f"{Path(error.filename).name} (used by {name})"
    line = f" at line {error.lineno}" if error.lineno is not None else ""
    hint = f"; {error.hint}" if error.hint else ""
    return SipError(f"template {where} {error.problem}{line}{hint}")
