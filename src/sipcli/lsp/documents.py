"""What the server knows of each open plan: its analysis, kept from the last text that parsed.

While a user types, the text is often not YAML for a moment (a key without its colon, an
unclosed quote). The last analysis that parsed is kept, so hover, definition and the outline
go on answering from it; the syntax error itself is a diagnostic like any other.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

from sipcli.editing.analysis import Analysis
from sipcli.load.incremental import IncrementalParser


@dataclass
class OpenPlan:
    """One open document: its analysis, its last text that parsed, its pending diagnostics run."""

    analysed_version: int | None = None
    """The version of the text `analysis` was last asked for (whether or not it parsed)."""
    analysis: Analysis | None = None
    analysis_of: int | None = None
    """The version `analysis` was made from."""
    good: tuple[int | None, str] | None = None
    """The last text that parsed, and its version, kept to analyse when asked."""
    pending: asyncio.Task[None] | None = None
    parser: IncrementalParser = field(default_factory=IncrementalParser)
    """Parses each new text reusing the sections of the last that did not change (used by
    the diagnostics worker only, one run at a time)."""

    def supersede(self) -> None:
        """Cancel the diagnostics run still waiting: a newer text replaces it."""
        if self.pending is not None and not self.pending.done():
            self.pending.cancel()
        self.pending = None

    def parsed(self, text: str, version: int | None) -> None:
        """Remember a text that parsed; it is analysed only when a request needs it."""
        self.good = (version, text)

    def analysed(self, text: str, version: int | None, max_chars: int) -> Analysis | None:
        """Return the analysis of ``text``, or of the last text that parsed when it does not.

        A text over sip's size limit is not parsed at all (it gets its one diagnostic).
        """
        if version is not None and version == self.analysed_version:
            return self.analysis
        self.analysed_version = version
        fresh = Analysis.of(text) if len(text) <= max_chars else None
        if fresh is not None:
            self.analysis, self.analysis_of = fresh, version
        elif self.good is not None and self.good[0] != self.analysis_of:
            good_version, good_text = self.good
            older = Analysis.of(good_text)
            if older is not None:
                self.analysis, self.analysis_of = older, good_version
        return self.analysis
