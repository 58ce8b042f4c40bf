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
    return text.replace("\n", "<br>")


def html_text(value: object) -> Markup:
    """Escape text for HTML and keep its line breaks as <br>."""
    lines = _lines(value).split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)
