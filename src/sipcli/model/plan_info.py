"""The ``plan`` section: what kind of plan this is, for which years, and who saw it when."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sipcli.model.types import STRICT_MODEL, SchoolYear, Text


class TeamMember(BaseModel):
    """A member of the school planning team."""

    model_config = STRICT_MODEL

    name: Text
    """The person's name."""
    role: Text
    """Their role, e.g. "Principal" or "Grade 3 teacher"."""


class Workshop(BaseModel):
    """A facilitated planning session (the seed process runs one full-day workshop or several)."""

    model_config = STRICT_MODEL

    date: dt.date
    """When it took place (YYYY-MM-DD)."""
    focus: Text
    """Which planning steps it covered, e.g. "Root cause analysis"."""
    participants: Annotated[int, Field(ge=1)] | None = None
    """How many people took part."""


class SharedDates(BaseModel):
    """When the plan was shared with each audience DESE expects to see it."""

    model_config = STRICT_MODEL

    stakeholders: dt.date | None = None
    """When the plan was shared with stakeholders (families, staff, community)."""
    school_committee: dt.date | None = None
    """When it was presented to the school committee."""
    dese: dt.date | None = None
    """When it was submitted to DESE."""


class Development(BaseModel):
    """How the plan was developed: the team, the facilitator and the workshops."""

    model_config = STRICT_MODEL

    facilitator: str | None = None
    """Who facilitated the planning process, if anyone."""
    team: list[TeamMember] | None = None
    """The school planning team."""
    workshops: list[Workshop] | None = None
    """Planning workshops held."""
    review_report: str | None = None
    """A formal review report the plan draws on (e.g. a monitoring or targeted site visit)."""


class PlanInfo(BaseModel):
    """What kind of plan this is and the years it covers."""

    model_config = STRICT_MODEL

    type: Literal["initial", "annual_renewal"]
    """initial for a school's first plan; annual_renewal for the yearly update of an existing one."""
    school_year: SchoolYear
    """The school year this version of the plan starts in, e.g. SY2025-26."""
    horizon_years: Annotated[int, Field(ge=1, le=5)] = 3
    """How many school years the plan's roadmap covers (DESE asks for at least three)."""
    designation: Literal["broad_comprehensive", "focused_targeted", "none", "other"] | None = None
    """The school's accountability designation, if it requires assistance or intervention."""
    status: Literal["draft", "final", "submitted"] = "draft"
    """Where the plan is in its life: draft, final or submitted."""
    prior_plan: str | None = None
    """For an annual renewal: the previous plan (a file in this repository or its title)."""
    shared: SharedDates | None = None
    """When the plan was shared with stakeholders, the school committee and DESE."""
    development: Development | None = None
    """How the plan was developed."""
