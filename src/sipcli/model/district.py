"""Phase II, ``district_systems``: how the district supports the school."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel

from sipcli.model.common import Evidence
from sipcli.model.types import STRICT_MODEL, Cadence, Text, Unique

SupportCategory = Literal[
    "policy",
    "autonomy",
    "coordination",
    "weekly_support",
    "resources",
    "monitoring",
    "other",
]

DistrictStandard = Literal["I", "II", "III", "IV", "V", "VI"]


class DistrictSupport(BaseModel):
    """One way the district supports the school's improvement."""

    model_config = STRICT_MODEL

    category: SupportCategory
    """policy, autonomy, coordination, weekly_support, resources, monitoring or other."""
    description: Text
    """What the district does."""
    owner: str | None = None
    """The district role responsible."""
    frequency: Cadence | None = None
    """How often, where it recurs."""


class DistrictSystems(BaseModel):
    """Phase II: the district systems that support and sustain the school's improvement."""

    model_config = STRICT_MODEL

    responsible_lead: str | None = None
    """The district administrator or team responsible for coordinating the plan."""
    supports: list[DistrictSupport] | None = None
    """The district's supports."""
    standards: Annotated[list[DistrictStandard], Unique] | None = None
    """DESE District Standards the supports relate to (I to VI)."""
    evidence: list[Evidence] | None = None
    """Evidence in a flexible format."""
