"""Phase I, ``stakeholder_engagement``: whose input shaped the plan and how."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sipcli.model.common import Evidence
from sipcli.model.types import STRICT_MODEL, DateOrPeriod, StakeholderGroupKind, Text


class StakeholderGroup(BaseModel):
    """One group of stakeholders and how the school heard from them."""

    model_config = STRICT_MODEL

    group: StakeholderGroupKind
    """Which group: families, students, teachers, staff, administrators, school_council, ..."""
    description: str | None = None
    """Who exactly, e.g. "Parents of English learners in grades 3-5"."""
    methods: list[Text] | None = None
    """How input was gathered: survey, focus group, forum, interviews, ..."""
    dates: list[DateOrPeriod] | None = None
    """When input was gathered (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    participants: Annotated[int, Field(ge=0)] | None = None
    """How many people took part."""
    input_summary: str | None = None
    """What this group said."""


class CouncilMember(BaseModel):
    """A member of a stakeholder group or school council, by role and, if given, by name."""

    model_config = STRICT_MODEL

    role: Text
    """Their seat, e.g. "Parent", "Teacher", "Union president" or "Community member"."""
    name: str | None = None
    """The person's name, if the plan gives it."""


class Council(BaseModel):
    """A standing group with a roster: a Local Stakeholder Group or a school council."""

    model_config = STRICT_MODEL

    roster: list[CouncilMember] | None = None
    """Its members (a Local Stakeholder Group includes a parent and a teacher by law)."""
    meetings: list[DateOrPeriod] | None = None
    """When it met about the plan."""
    recommendations: str | None = None
    """What it recommended, and what the plan took from it."""


class StakeholderEngagement(BaseModel):
    """Phase I: gathering input from stakeholders and sharing progress with them."""

    model_config = STRICT_MODEL

    groups: list[StakeholderGroup] | None = None
    """The stakeholder groups engaged."""
    how_input_used: str | None = None
    """How their input changed the plan."""
    ongoing_communication: str | None = None
    """How progress will keep being shared and input sought during implementation."""
    evidence: list[Evidence] | None = None
    """Evidence of engagement in a flexible format."""
    local_stakeholder_group: Council | None = None
    """For a Level 4 or 5 turnaround plan: the Local Stakeholder Group, its roster and recommendations."""
    school_council: Council | None = None
    """For a school improvement plan under M.G.L. c.71 §59C: the school council that wrote it."""
