"""Escaping for each output format, so every character of the plan shows as written."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

#: Characters that are Markdown markup anywhere in a line.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
#: An ``&`` that starts what a Markdown reader takes for an entity (``&copy;``, ``&#169;``):
#: only those need a backslash; any other ``&`` is plain text and stays as written.
_ENTITY = re.compile(r"&(?=#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|[A-Za-z][A-Za-z0-9]{0,31};)")
#: Markers that are markup only at the start of a line: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^([ \t]*)([#+=-])(?=[ \t#=-]|$)", re.MULTILINE)
#: "1. " or "1) " at the start of a line starts a numbered list: escape the punctuation.
_NUMBERED = re.compile(r"^([ \t]*\d+)([.)])(?=[ \t]|$)", re.MULTILINE)
#: Everything a Markdown or HTML reader may take for a line break: CommonMark ends a line at
#: a lone CR too, and browsers and editors break at NEL and the Unicode separators.
_LINE_BREAK = re.compile("\r\n|[\r\x85\u2028\u2029]")
#: How a draft marks a gap (a value still to fill in) inside a text: two private-use
#: characters around the words shown, which each format's filter turns into its own style.
GAP_OPEN, GAP_CLOSE = "\ue000", "\ue001"
_GAP = re.compile(f"{GAP_OPEN}([^{GAP_OPEN}{GAP_CLOSE}]*){GAP_CLOSE}")
_GAP_MARKS = re.compile(f"[{GAP_OPEN}{GAP_CLOSE}]")


def strip_gaps(value: object) -> object:
    """Return text with a draft's gap marks taken out (the words stay); other values as they are.

    The Jinja environments' ``finalize``: a value printed without a filter (a page title,
    an HTML attribute) shows the gap's words without styling, and never the marks.
    """
    if isinstance(value, str) and not isinstance(value, Markup):
        return _GAP_MARKS.sub("", value)
    return value


def _lines(value: object) -> str:
    """Return ``value`` as text with every kind of line break made a plain newline."""
    return _LINE_BREAK.sub("\n", str(value)).rstrip("\n")


def markdown_text(value: object) -> str:
    """Escape text for Markdown: markup characters get a backslash, line breaks become <br>.

    A plain ``&`` stays as written ("Boys & Girls Club"); one that would start an entity
    (``&copy;``) gets a backslash, so the reader sees the text as the plan wrote it.
    """
    text = _lines(value)
    text = _ENTITY.sub(r"\\&", _MARKUP.sub(r"\\\1", text))
    text = _LINE_START.sub(r"\1\\\2", text)
    text = _NUMBERED.sub(r"\1\\\2", text)
    # A draft's gap shows in italics; its brackets are already escaped.
    text = _GAP_MARKS.sub("", _GAP.sub(r"*\1*", text))
    return text.replace("\n", "<br>")


def html_text(value: object) -> Markup:
    """Escape text for HTML and keep its line breaks as <br>."""
    lines = _lines(value).split("\n")
    return Markup("<br>\n").join(_html_gaps(escape(line)) for line in lines)


def _html_gaps(line: Markup) -> Markup:
    """Show a draft's gaps in escaped text as highlighted ``<mark class="gap">`` runs."""
    if GAP_OPEN not in line and GAP_CLOSE not in line:
        return line
    marked = _GAP.sub(r'<mark class="gap">\1</mark>', str(line))
    return Markup(_GAP_MARKS.sub("", marked))
