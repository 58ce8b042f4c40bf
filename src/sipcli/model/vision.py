"""Phase I, ``vision``: envisioning the future."""

from __future__ import annotations

from pydantic import BaseModel

from sipcli.model.common import Evidence
from sipcli.model.types import STRICT_MODEL, StakeholderGroupKind, Text


class Vision(BaseModel):
    """The school's aspirations for its students and what success will look like."""

    model_config = STRICT_MODEL

    statement: Text
    """The vision statement."""
    mission: str | None = None
    """The school's mission."""
    core_values: list[Text] | None = None
    """The values the school holds to."""
    desired_state: list[Text] | None = None
    """What success will look like: the desired state the plan works towards."""
    district_alignment: str | None = None
    """How the vision fits the district's vision."""
    new_approach: str | None = None
    """How this effort will differ from past improvement efforts."""
    developed_with: list[StakeholderGroupKind] | None = None
    """The groups who took part in the visioning."""
    evidence: list[Evidence] | None = None
    """Evidence of the visioning work in a flexible format."""
