"""What a detector found in a statement: the words, where they are, and what they mean."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Found:
    """A detected element: the matching ``text`` at ``start:end`` and its normalised ``value``."""

    text: str
    start: int
    end: int
    value: Any = None

    def to_dict(self) -> dict[str, Any]:
        """Return the element as plain data for the JSON report."""
        return {"text": self.text, "start": self.start, "end": self.end, "value": self.value}
