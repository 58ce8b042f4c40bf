"""Editor-independent analysis of a plan's text for ``sip lsp``.

Ids and references with their positions, hover texts, completions, code actions and the
outline, for any editor.

Pure: no editor protocol, no network, never prints.
"""

from sipcli.editing.analysis import Analysis
from sipcli.editing.rules import rule_hover
from sipcli.editing.types import (
    Action,
    Completion,
    Edit,
    HoverText,
    RenameRefused,
    Span,
    Symbol,
)

__all__ = [
    "Action",
    "Analysis",
    "Completion",
    "Edit",
    "HoverText",
    "RenameRefused",
    "Span",
    "Symbol",
    "rule_hover",
]
