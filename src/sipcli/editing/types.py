"""The values ``sipcli.editing`` hands to an editor: spans, edits, hovers, completions, symbols.

Positions are 0-based lines and 0-based columns counted in Python ``str`` characters (code
points); an LSP server converts them to and from UTF-16. Ends are exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CompletionKind = Literal["id", "value", "key"]
SymbolKind = Literal["stage", "section", "objective", "initiative", "goal", "benchmark", "item"]


@dataclass(frozen=True)
class Span:
    """A range of text: 0-based line and column, end exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int

    def contains(self, line: int, column: int) -> bool:
        """Whether the position lies inside the span (its end included, as editors expect)."""
        if (line, column) < (self.line, self.column):
            return False
        return (line, column) <= (self.end_line, self.end_column)


@dataclass(frozen=True)
class Edit:
    """Replace ``span`` with ``text``; an insertion has an empty span."""

    span: Span
    text: str


@dataclass(frozen=True)
class HoverText:
    """Markdown to show for the text under the cursor, and the span it is about."""

    markdown: str
    span: Span


@dataclass(frozen=True)
class Completion:
    """One completion candidate: an id, an enumeration value or a key."""

    label: str
    kind: CompletionKind
    detail: str
    insert_text: str


@dataclass(frozen=True)
class Symbol:
    """One entry of the document outline, with the entries nested inside it."""

    name: str
    detail: str
    kind: SymbolKind
    span: Span
    selection_span: Span
    children: tuple[Symbol, ...]


@dataclass(frozen=True)
class Action:
    """A code action: one safe fix for one finding."""

    title: str
    code: str
    edits: tuple[Edit, ...]


class RenameRefused(Exception):
    """A rename sip will not make; the message says why in plain words."""
