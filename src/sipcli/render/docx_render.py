r"""Render the view to a Word document with docxtpl, reproducibly.

The Word template (sip's ``templates/docx/plan.docx`` or a consultant's ``--template``) holds
docxtpl's Jinja tags. It is rendered in sip's sandboxed environment with autoescaping on:
without it, a value holding ``&`` or ``<`` would break the document's XML and docxtpl would
quietly drop the text. A line break in a value shows as a line break in Word (docxtpl turns
``\n`` inside a run into ``<w:br/>``), and characters XML cannot hold become U+FFFD.
The filled-in document is then finished: its title page gets the logo, its styles the
``.sip.yaml`` colours, its contents links and page numbers, and its long stages a new page
(``docx_cover``); then its tables are laid out (``docx_tables``).

The same input gives the same bytes: the document's dates are fixed and the zip is written
again with fixed timestamps and a fixed entry order.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from docx.document import Document
from docx.opc.exceptions import PackageNotFoundError
from docxtpl import DocxTemplate
from jinja2 import TemplateError
from markupsafe import Markup

from sipcli.errors import SipError
from sipcli.load.resources import templates_dir
from sipcli.render.docx_cover import finish_document
from sipcli.render.docx_draft import finish_draft
from sipcli.render.docx_tables import finish_tables
from sipcli.render.environment import make_environment, template_error
from sipcli.render.escape import strip_gaps
from sipcli.render.limits import TemplateLimits
from sipcli.render.view import PlanView

#: The date every rendered document carries (created, modified, last printed), as in its zip.
FIXED_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
#: The zip timestamp of every entry: the earliest a zip can hold.
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
#: The author and last editor written into every document.
AUTHOR = "sip"
#: Entries a Word package conventionally starts with; the rest follow in name order.
FIRST_ENTRIES = ("[Content_Types].xml", "_rels/.rels")

#: How much of the template's text an error message quotes.
CONTEXT_LENGTH = 160

#: Characters XML 1.0 cannot hold (control characters other than tab and line breaks,
#: lone surrogates, U+FFFE and U+FFFF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")

#: What goes wrong when a file is not a Word document, or its XML breaks while rendering.
_BROKEN_DOCUMENT = (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, SyntaxError)


def shipped_template() -> bytes:
    """Return the bytes of sip's own Word template."""
    return templates_dir().joinpath("docx").joinpath("plan.docx").read_bytes()


def word_text(value: object) -> object:
    r"""Prepare a value for a Word run (Jinja's ``finalize``): the result is then escaped.

    Line endings become ``\n`` (which docxtpl shows as a line break), a trailing line break
    is dropped, and characters XML cannot hold become U+FFFD. Markup is left as it is.
    """
    if not isinstance(value, str) or isinstance(value, Markup):
        return value
    return xml_safe(value.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n"))


def xml_safe(text: str) -> str:
    """Return ``text`` with the characters XML cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def render_docx(
    view: PlanView, template: Path | None = None, limits: TemplateLimits | None = None
) -> bytes:
    """Render ``view`` with the Word template ``template`` (sip's own when None).

    The document's parts (body, headers, footers) share one time and output budget.

    Raises:
        SipError: when the template cannot be read, is not a Word document, has a Jinja
            error, refers to unknown data, reaches for Python internals, runs past its time
            or output budget, calls itself without end, or computes a value too large.
    """
    name = str(template) if template is not None else "plan.docx"
    data = shipped_template() if template is None else read_template(template)
    document = DocxTemplate(io.BytesIO(data))
    try:
        document.init_docx()
    except _BROKEN_DOCUMENT as error:
        raise SipError(
            f"template {name} is not a Word document (.docx): {error}. "
            "Save it from Word as a .docx file."
        ) from error
    environment = make_environment(limits=limits)
    environment.finalize = word_text
    try:
        with environment.budget():
            document.render({"view": view}, jinja_env=environment, autoescape=True)
    except TemplateError as error:
        raise _with_context(template_error(error, name), error) from error
    except (*_BROKEN_DOCUMENT, AttributeError, TypeError) as error:
        raise SipError(f"template {name} could not be rendered: {error}") from error
    docx: Document = document.docx
    finish_document(docx, view.sections, view.cover)
    finish_tables(docx)
    finish_draft(docx, view)
    # Word's document properties hold at most 255 characters.
    docx.core_properties.title = xml_safe(str(strip_gaps(view.title)))[:255]
    return stable_bytes(docx)


def _with_context(problem: SipError, error: TemplateError) -> SipError:
    """Add the template's text around a Jinja error: its line numbers mean little in Word."""
    # docxtpl keeps the text of the three paragraphs before the error's, its own and three after.
    lines = [line.strip() for line in getattr(error, "docx_context", None) or ()]
    near = lines[3] if len(lines) > 3 and lines[3] else " ".join(line for line in lines if line)
    if not near:
        return problem
    if len(near) > CONTEXT_LENGTH:
        near = near[: CONTEXT_LENGTH - 1] + "…"
    return SipError(f"{problem} (in the template's text near: {near})")


def read_template(path: Path) -> bytes:
    """Return the bytes of the Word template at ``path``, or a SipError saying why not."""
    try:
        return path.read_bytes()
    except OSError as error:
        raise SipError(
            f"cannot read the Word template {path}: {error.strerror or error}"
        ) from error


def stable_bytes(document: Document) -> bytes:
    """Return ``document`` saved so that the same content always gives the same bytes.

    The core properties' dates, revision and author are fixed, and the zip is written again
    with fixed timestamps and a fixed entry order.
    """
    properties = document.core_properties
    properties.author = AUTHOR
    properties.last_modified_by = AUTHOR
    properties.created = FIXED_DATE
    properties.modified = FIXED_DATE
    properties.last_printed = FIXED_DATE
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip(buffer.getvalue())


def stable_zip(data: bytes) -> bytes:
    """Return the zip ``data`` written again with fixed timestamps and a fixed entry order."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        contents = {info.filename: source.read(info) for info in source.infolist()}
    first = [name for name in FIRST_ENTRIES if name in contents]
    order = first + sorted(name for name in contents if name not in FIRST_ENTRIES)
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as target:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, contents[name])
    return output.getvalue()
