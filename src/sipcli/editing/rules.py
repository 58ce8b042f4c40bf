"""Hover text for sip's rule codes: the rule's explanation and the link to its documentation."""

from __future__ import annotations

from functools import cache

from sipcli.lint.catalog import find_entry
from sipcli.lint.explain import explain_entry
from sipcli.project import rule_doc_url


@cache
def rule_hover(code: str) -> str | None:
    """Markdown for a rule code (or name): its explanation and its documentation link.

    None when sip has no such code.
    """
    entry = find_entry(code)
    if entry is None:
        return None
    return f"{explain_entry(entry).rstrip()}\n\n[Documentation]({rule_doc_url(entry.code)})\n"
