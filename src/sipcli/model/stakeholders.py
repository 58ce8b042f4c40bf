"""Phase I, ``stakeholder_engagement``: whose input shaped the plan and how."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from pydantic import BaseModel, Field

from sipcli.model.common import Evidence
from sipcli.model.types import STRICT_MODEL, StakeholderGroupKind, Text


class StakeholderGroup(BaseModel):
    """One group of stakeholders and how the school heard from them."""

    model_config = STRICT_MODEL

    group: StakeholderGroupKind
    """Which group: families, students, teachers, staff, administrators, school_council, ..."""
    description: str | None = None
    """Who exactly, e.g. "Parents of English learners in grades 3-5"."""
    methods: list[Text] | None = None
    """How input was gathered: survey, focus group, forum, interviews, ..."""
    dates: list[dt.date] | None = None
    """When input was gathered (YYYY-MM-DD)."""
    participants: Annotated[int, Field(ge=0)] | None = None
    """How many people took part."""
    input_summary: str | None = None
    """What this group said."""


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
