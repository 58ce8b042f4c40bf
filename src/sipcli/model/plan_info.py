"""The ``plan`` section: what kind of plan this is, for which years, and who saw it when."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sipcli.model.types import STRICT_MODEL, DateOrPeriod, SchoolYear, Text


class TeamMember(BaseModel):
    """A member of the school planning team, by name or by role alone."""

    model_config = STRICT_MODEL

    name: Text | None = None
    """The person's name (plans that describe the team by role leave it out)."""
    role: Text
    """Their role, e.g. "Principal", "Grade 3 teacher" or "Union representative"."""


class Workshop(BaseModel):
    """A facilitated planning session (the seed process runs one full-day workshop or several)."""

    model_config = STRICT_MODEL

    date: DateOrPeriod
    """When it took place (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    focus: Text
    """Which planning steps it covered, e.g. "Root cause analysis"."""
    participants: Annotated[int, Field(ge=1)] | None = None
    """How many people took part."""


class SharedDates(BaseModel):
    """When the plan was shared with each audience DESE expects to see it."""

    model_config = STRICT_MODEL

    stakeholders: DateOrPeriod | None = None
    """When the plan was shared with stakeholders (families, staff, community)."""
    school_committee: DateOrPeriod | None = None
    """When it was presented to the school committee."""
    dese: DateOrPeriod | None = None
    """When it was submitted to DESE."""


class Submission(BaseModel):
    """One dated hand-over of the plan: to DESE, the school committee, a stakeholder group, ..."""

    model_config = STRICT_MODEL

    to: Literal[
        "dese",
        "school_committee",
        "stakeholder_group",
        "school_council",
        "district",
        "public",
        "other",
    ]
    """Who received it."""
    date: DateOrPeriod
    """When (a date, or a period such as "fall 2026")."""
    what: str | None = None
    """What was submitted, e.g. "Final plan" or "Draft for comment"."""


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


PlanKind = Literal[
    "sustainable_improvement",
    "turnaround_level4",
    "turnaround_level5",
    "school_improvement",
    "district_improvement",
    "other",
]

#: The plan length sip assumes when a plan does not give ``horizon_years``.
DEFAULT_HORIZON_YEARS = 3


class PlanInfo(BaseModel):
    """What kind of plan this is and the years it covers."""

    model_config = STRICT_MODEL

    kind: PlanKind | None = None
    """The kind of plan: sustainable_improvement (DESE's, 2019 on; the default), turnaround_level4 or turnaround_level5 (DESE's earlier turnaround plans), school_improvement (the yearly plan under M.G.L. c.71 §59C), district_improvement, or other (give its title)."""
    title: Text | None = None
    """The document's title, when it is not the kind's usual one (required for kind: other)."""
    type: Literal["initial", "annual_renewal"] | None = None
    """initial for a school's first plan; annual_renewal for the yearly update of an existing one."""
    school_year: SchoolYear | None = None
    """The school year this version of the plan starts in, e.g. SY2025-26."""
    horizon_years: Annotated[int, Field(ge=1, le=5)] | None = None
    """How many school years the plan's roadmap covers (DESE asks for at least three; sip assumes three when not given)."""
    designation: (
        Literal["broad_comprehensive", "focused_targeted", "level4", "level5", "none", "other"]
        | None
    ) = None
    """The school's accountability designation, if it requires assistance or intervention (level4 and level5: the designations before 2019)."""
    status: Literal["draft", "final", "submitted"] | None = None
    """Where the plan is in its life: draft, final or submitted."""
    exit_eligibility_year: SchoolYear | None = None
    """For a turnaround plan: the school year the school is eligible to exit its designation."""
    submissions: list[Submission] | None = None
    """Each dated submission of the plan (to the stakeholder group, the school committee, DESE)."""
    prior_plan: str | None = None
    """For an annual renewal: the previous plan (a file in this repository or its title)."""
    shared: SharedDates | None = None
    """When the plan was shared with stakeholders, the school committee and DESE."""
    development: Development | None = None
    """How the plan was developed."""

    @property
    def horizon(self) -> int:
        """The number of school years the plan covers (three when the plan does not say)."""
        return self.horizon_years or DEFAULT_HORIZON_YEARS

    @property
    def first_year(self) -> int | None:
        """The first calendar year of ``school_year`` (2026 for SY2026-27), if given."""
        return int(self.school_year[2:6]) if self.school_year else None
