"""Reporters of `sip rules`: every code sip reports, as a table, JSON or Markdown."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TextIO

from sipcli.lint.catalog import Entry
from sipcli.lint.explain import rules_json, rules_markdown, rules_table
from sipcli.reporters.base import Reporter


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
        """Write the reference."""
        stream.write(rules_markdown(result))
