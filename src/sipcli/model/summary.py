"""Phase II, ``executive_summary``: the concise description DESE asks for in writing."""

from __future__ import annotations

from pydantic import BaseModel

from sipcli.model.types import STRICT_MODEL, Identifier, Text


class KeyStrategy(BaseModel):
    """A key improvement strategy, tied to a strategic objective."""

    model_config = STRICT_MODEL

    text: Text
    """The strategy in a sentence."""
    objective_ref: Identifier | None = None
    """The id of the strategic objective it summarises."""


class ExecutiveSummary(BaseModel):
    """The executive summary: a snapshot, the vision, the new approach and the key strategies."""

    model_config = STRICT_MODEL

    school_snapshot: str | None = None
    """A brief profile of the school: demographics and what makes it unique."""
    vision: str | None = None
    """The vision, as the summary states it."""
    new_approach: str | None = None
    """What makes this plan a new approach to improvement."""
    key_strategies: list[KeyStrategy] | None = None
    """The key improvement strategies."""
    theory_of_action: str | None = None
    """The plan's theory of action: if we do ..., then ..."""
