"""Escaping for each output format, so every character of the plan shows as written."""

from __future__ import annotations

import re

from markupsafe import Markup, escape

#: Characters that are Markdown markup anywhere in a line.
_MARKUP = re.compile(r"([\\`*_\[\]<>|~])")
#: Markers that are markup only at the start of a line: headings, lists, quotes, rules.
_LINE_START = re.compile(r"^([ \t]*)([#+=-])(?=[ \t#=-]|$)", re.MULTILINE)
#: "1. " or "1) " at the start of a line starts a numbered list: escape the punctuation.
_NUMBERED = re.compile(r"^([ \t]*\d+)([.)])(?=[ \t]|$)", re.MULTILINE)


def markdown_text(value: object) -> str:
    """Escape text for Markdown: markup characters get a backslash, line breaks become <br>.

    ``&`` becomes ``&amp;`` so that text such as ``&copy;`` is not read as an entity.
    """
    text = str(value).rstrip("\n").replace("\r\n", "\n")
    text = _MARKUP.sub(r"\\\1", text).replace("&", "&amp;")
    text = _LINE_START.sub(r"\1\\\2", text)
    text = _NUMBERED.sub(r"\1\\\2", text)
    return text.replace("\n", "<br>")


def html_text(value: object) -> Markup:
    """Escape text for HTML and keep its line breaks as <br>."""
    lines = str(value).rstrip("\n").replace("\r\n", "\n").split("\n")
    return Markup("<br>\n").join(escape(line) for line in lines)
