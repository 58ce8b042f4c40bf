"""Hover text for sip's rule codes: the rule's explanation and the link to its documentation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache

from sipcli.editing.types import HoverText, Span
from sipcli.lint.catalog import find_entry
from sipcli.lint.explain import explain_entry
from sipcli.project import rule_doc_url

#: A rule code in the text, e.g. in ``# sip: noqa: SIP401``.
_CODE = re.compile(r"\bSIP\d{3}\b", re.IGNORECASE)


@cache
def rule_hover(code: str) -> str | None:
    """Markdown for a rule code (or name): its explanation and its documentation link.

    None when sip has no such code.
    """
    entry = find_entry(code)
    if entry is None:
        return None
    return f"{explain_entry(entry).rstrip()}\n\n[Documentation]({rule_doc_url(entry.code)})\n"


def code_hover(lines: Sequence[str], line: int, column: int) -> HoverText | None:
    """The hover for a rule code under the cursor (in a noqa comment or anywhere), or None.

    Needs only the text's lines, so it answers while the YAML does not parse.
    """
    if not 0 <= line < len(lines):
        return None
    for match in _CODE.finditer(lines[line]):
        if match.start() <= column <= match.end():
            text = rule_hover(match.group(0).upper())
            if text is not None:
                return HoverText(text, Span(line, match.start(), line, match.end()))
    return None
