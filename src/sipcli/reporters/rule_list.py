"""Reporters of `sip rules`: every code sip reports, as a table, JSON or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from sipcli.lint.catalog import Entry, all_entries
from sipcli.lint.explain import rules_json, rules_markdown, rules_table
from sipcli.reporters.base import Reporter


def rules_reference(entries: Sequence[Entry] | None = None) -> str:
    """Return the rules reference as ``docs/rules.md`` holds it, every code with its anchor.

    Each code gets an explicit ``<a id="sip201"></a>`` (its code in lower case), so that
    ``sipcli.project.rule_doc_url(code)`` (``.../rules/#sip201``) lands on it on the docs site
    and on GitHub alike: a rule with a section below the tables gets it just above its
    heading (and its table row links there), any other code in its table cell. Raw HTML
    rather than a ``{#sip201}`` heading attribute, which GitHub would show as text.
    """
    entries = all_entries() if entries is None else entries
    text = rules_markdown(entries)
    for entry in entries:
        anchor = entry.code.lower()
        tag = f'<a id="{anchor}"></a>'
        if entry.family == "lint":
            row = f"| [{entry.code}](#{anchor}-{entry.name}) |"
            text = text.replace(row, f"| [{entry.code}](#{anchor}) |", 1)
            heading = f"\n### {entry.code} {entry.name}\n"
            text = text.replace(heading, f"\n{tag}\n{heading}", 1)
        else:
            row = f"\n| {entry.code} | "
            text = text.replace(row, f"\n| {tag}{entry.code} | ", 1)
    return text


class RulesTableReporter(Reporter[Sequence[Entry]]):
    """An aligned text table: code, name, severity per profile, summary."""

    name = "table"

    def write(self, result: Sequence[Entry], stream: TextIO) -> None:
        """Write the table."""
        stream.write(rules_table(result))


class RulesJsonReporter(Reporter[Sequence[Entry]]):
    """A versioned JSON object with each code's documentation."""

    name = "json"

    def write(self, result: Sequence[Entry], stream: TextIO) -> None:
        """Write the JSON object."""
        stream.write(rules_json(result))


class RulesMarkdownReporter(Reporter[Sequence[Entry]]):
    """The rules reference, as ``docs/rules.md`` holds it."""

    name = "markdown"

    def write(self, result: Sequence[Entry], stream: TextIO) -> None:
        """Write the reference, with an anchor per code."""
        stream.write(rules_reference(result))
