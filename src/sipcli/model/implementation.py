"""Phase III, ``implementation``: the multi-year roadmap and the year-one plan."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sipcli.model.types import STRICT_MODEL, DateOrPeriod, Identifier, SchoolYear, Text


class RoadmapYear(BaseModel):
    """What one year of the multi-year roadmap focuses on."""

    model_config = STRICT_MODEL

    year: Annotated[int, Field(ge=1, le=5)]
    """The plan year (1 is the first)."""
    school_year: SchoolYear | None = None
    """The school year it corresponds to, e.g. SY2027-28."""
    focus: Text
    """What that year concentrates on."""
    initiative_refs: list[Identifier] | None = None
    """Ids of the initiatives active that year."""


class ActionStep(BaseModel):
    """A dated step of the year-one action plan."""

    model_config = STRICT_MODEL

    description: Text
    """What will be done."""
    due: DateOrPeriod
    """By when (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    owner: str | None = None
    """Who does it."""
    initiative_ref: Identifier | None = None
    """The id of the initiative it belongs to."""


class Implementation(BaseModel):
    """Phase III: how the plan will be carried out, year by year."""

    model_config = STRICT_MODEL

    start_date: DateOrPeriod | None = None
    """When implementation begins (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    roadmap: list[RoadmapYear] | None = None
    """The multi-year roadmap, one entry per year."""
    action_steps: list[ActionStep] | None = None
    """Year one in detail: dated steps with owners."""
    systems: str | None = None
    """The structures that drive implementation (teams, meeting routines, data cycles)."""
    stakeholder_communication: str | None = None
    """How progress is shared with stakeholders and their input sought."""
