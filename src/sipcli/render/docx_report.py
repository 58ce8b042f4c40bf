"""The start of every Word report other than the plan: the plan's template, its body emptied.

The progress report and the family summary are built with python-docx on a copy of the plan's
Word template (sip's own or a firm's ``--template``) whose body is emptied: its styles, page
setup, header and footer stay, so the template that restyles the plan restyles them too.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.document import Document as DocumentObject
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn

from sipcli.errors import SipError
from sipcli.load.config import RenderLook
from sipcli.render.docx_cover import apply_colours
from sipcli.render.docx_render import read_template, shipped_template, xml_safe


def blank_report(
    template: Path | None, title: str, look: RenderLook | None = None
) -> DocumentObject:
    """Return the Word template (sip's own when None) emptied, its page headers showing ``title``.

    The colours of ``look`` (``render:`` in the plan's ``.sip.yaml``) recolour its styles, as
    they do the plan's, so a school's reports match its plan.

    Raises:
        SipError: when the template cannot be read or is not a Word document.
    """
    data = shipped_template() if template is None else read_template(template)
    try:
        document = Document(io.BytesIO(data))
    except (PackageNotFoundError, zipfile.BadZipFile, ValueError, KeyError) as error:
        raise SipError(
            f"template {template} is not a Word document (.docx): {error}. "
            "Save it from Word as a .docx file."
        ) from error
    _empty_body(document)
    _title_in_headers(document, title)
    if look is not None:
        apply_colours(document, look.primary or "", look.accent or "")
    return document


def _empty_body(document: DocumentObject) -> None:
    """Drop the template's own content (its Jinja tags), keeping the last page setup only."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def _title_in_headers(document: DocumentObject, title: str) -> None:
    """Put ``title`` where the template's page headers show the plan's title tag."""
    for section in document.sections:
        for header in (section.header, section.first_page_header, section.even_page_header):
            for paragraph in header.paragraphs:
                if "{{" in paragraph.text or "{%" in paragraph.text:
                    for run in paragraph.runs[1:]:
                        run._r.getparent().remove(run._r)
                    if paragraph.runs:
                        paragraph.runs[0].text = xml_safe(title)
