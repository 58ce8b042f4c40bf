"""The ``school`` section: who the plan is for."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sipcli.model.types import STRICT_MODEL, Grade, OrgCode, StudentGroup, Text, Unique


class SchoolSnapshot(BaseModel):
    """The school in figures, for the executive summary's snapshot."""

    model_config = STRICT_MODEL

    enrollment: Annotated[int, Field(ge=0)] | None = None
    """Number of students enrolled."""
    as_of: str | None = None
    """When the figures were taken, e.g. "October 1, 2025" or SY2025-26."""
    demographics: dict[StudentGroup, Annotated[float, Field(ge=0, le=100)]] | None = None
    """Percent of students in each DESE student group, e.g. high_needs: 78.4."""
    description: str | None = None
    """A few sentences on what makes the school what it is."""


class School(BaseModel):
    """The school the plan is for, and its district."""

    model_config = STRICT_MODEL

    name: Text
    """The school's name as DESE lists it."""
    district: Text
    """The district's name."""
    org_code: OrgCode | None = None
    """The school's 8-digit DESE org code, in quotes (e.g. '00010505')."""
    district_code: OrgCode | None = None
    """The district's 8-digit DESE org code, in quotes."""
    grades: Annotated[list[Grade], Unique] | None = None
    """Grades served, e.g. [K, 1, 2, 3, 4, 5]."""
    principal: str | None = None
    """The principal's name."""
    snapshot: SchoolSnapshot | None = None
    """Enrollment, student groups and a short description."""
