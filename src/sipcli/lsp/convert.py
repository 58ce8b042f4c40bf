r"""Between sip's values and the protocol's: positions, diagnostics, edits, symbols, completions.

sip counts lines and columns from 1 in code points (its messages) or from 0 in code points
(`sipcli.editing`); the protocol counts from 0 in the units the client chose, UTF-16 unless
it asked for another. The pygls codec does the unit conversion; the lines it is given are
cut where YAML and the protocol cut them (``\\n``, ``\\r\\n``, ``\\r``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from lsprotocol import types
from pygls.workspace.position_codec import PositionCodec

from sipcli.diagnostics import Diagnostic, Severity
from sipcli.editing.types import Completion, Edit, Span, Symbol
from sipcli.project import rule_doc_url

SOURCE = "sip"

_SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
_COMPLETION_KIND = {
    "id": types.CompletionItemKind.Reference,
    "value": types.CompletionItemKind.EnumMember,
    "key": types.CompletionItemKind.Property,
}
_SYMBOL_KIND = {
    "stage": types.SymbolKind.Namespace,
    "section": types.SymbolKind.Module,
    "objective": types.SymbolKind.Class,
    "initiative": types.SymbolKind.Method,
    "goal": types.SymbolKind.Event,
    "benchmark": types.SymbolKind.Field,
    "item": types.SymbolKind.Object,
}
#: Where the text a diagnostic points at ends: a comma, bracket, comment or ``key: ``.
_TOKEN_END = re.compile(r"\s+#|[,\]}]|:(?:\s|$)|$")


class Positions:
    """Converts positions of one text between code points and the client's units."""

    def __init__(self, lines: Sequence[str], codec: PositionCodec) -> None:
        self.lines = lines
        self.codec = codec

    def to_client(self, line: int, column: int) -> types.Position:
        """Return the protocol position of a 0-based line and code-point column."""
        if line >= len(self.lines):
            # Past the last line: the end of the text, where an editor puts an insertion.
            last = len(self.lines) - 1
            if last < 0:
                return types.Position(line=0, character=0)
            line, column = last, len(self.lines[last])
        column = min(column, len(self.lines[line]))
        return self.codec.position_to_client_units(
            self.lines, types.Position(line=line, character=column)
        )

    def from_client(self, position: types.Position) -> tuple[int, int]:
        """Return the 0-based line and code-point column of a protocol position."""
        if position.line >= len(self.lines):
            return position.line, 0
        server = self.codec.position_from_client_units(self.lines, position)
        return server.line, server.character

    def range(self, span: Span) -> types.Range:
        """Return the protocol range of a span."""
        return types.Range(
            start=self.to_client(span.line, span.column),
            end=self.to_client(span.end_line, span.end_column),
        )

    def span(self, range_: types.Range) -> Span:
        """Return the span of a protocol range."""
        line, column = self.from_client(range_.start)
        end_line, end_column = self.from_client(range_.end)
        return Span(line, column, end_line, end_column)

    def diagnostic(self, found: Diagnostic) -> types.Diagnostic:
        """Return a sip diagnostic as the protocol's, its code linked to the rule's page."""
        span = self.token_at(found.line - 1, found.column - 1)
        return types.Diagnostic(
            range=self.range(span),
            message=found.message,
            severity=_SEVERITY[found.severity],
            code=found.code,
            code_description=types.CodeDescription(href=rule_doc_url(found.code)),
            source=SOURCE,
            # Handed back in a code action request: the fixes that edit the plan's
            # structure need the plan path, which the range alone does not give.
            data={"path": found.path, "name": found.name},
        )

    def token_at(self, line: int, column: int) -> Span:
        """Return the span of what starts at a position: a key, a value, a comment.

        sip places a finding at one point; an editor underlines a range, so it runs to the
        end of the value or key there (a comment: to the end of the line), at least one
        character when the line has one.
        """
        if line >= len(self.lines):
            return Span(line, 0, line, 0)
        text = self.lines[line]
        column = min(column, len(text))
        if text[column:].startswith("#"):
            end = len(text)
        else:
            match = _TOKEN_END.search(text, column + 1 if column < len(text) else column)
            end = len(text[: match.start() if match else len(text)].rstrip())
        if end <= column:
            end = min(column + 1, len(text))
        return Span(line, column, line, end)

    def text_edit(self, edit: Edit) -> types.TextEdit:
        """Return an edit as the protocol's."""
        return types.TextEdit(range=self.range(edit.span), new_text=edit.text)

    def symbol(self, symbol: Symbol) -> types.DocumentSymbol:
        """Return an outline entry, with those nested in it, as the protocol's."""
        return types.DocumentSymbol(
            name=symbol.name or "(no name)",
            detail=symbol.detail or None,
            kind=_SYMBOL_KIND.get(symbol.kind, types.SymbolKind.Object),
            range=self.range(symbol.span),
            selection_range=self.range(symbol.selection_span),
            children=[self.symbol(child) for child in symbol.children],
        )


def completion_item(candidate: Completion) -> types.CompletionItem:
    """Return a completion candidate as the protocol's."""
    return types.CompletionItem(
        label=candidate.label,
        kind=_COMPLETION_KIND.get(candidate.kind, types.CompletionItemKind.Text),
        detail=candidate.detail or None,
        insert_text=candidate.insert_text,
    )
