"""What a reader found in a statement: the words, where they are, and what they mean."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Found:
    """A detected element: the matching ``text`` at ``start:end`` and its normalised ``value``.

    ``derived`` says how a value the statement implies but does not write was worked out
    ("from 30% minus 7 points"); None when the value is written.
    """

    text: str
    start: int
    end: int
    value: Any = None
    derived: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return the element as plain data for the JSON report."""
        data = {"text": self.text, "start": self.start, "end": self.end, "value": self.value}
        if self.derived is not None:
            data["derived"] = self.derived
        return data
