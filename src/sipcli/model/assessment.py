"""Phase I, ``assessment``: current-state data, assets, challenges and root causes."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sipcli.model.types import (
    STRICT_MODEL,
    Grade,
    Identifier,
    SchoolYear,
    StudentGroup,
    Subject,
    Text,
    TurnaroundPractice,
)

DataSourceKind = Literal[
    "mcas",
    "access",
    "attendance",
    "discipline",
    "graduation",
    "dropout",
    "advanced_coursework",
    "survey",
    "vocal",
    "local_assessment",
    "site_visit",
    "review_report",
    "focus_group",
    "observation",
    "other",
]


class DataPoint(BaseModel):
    """One figure that describes the current state, e.g. grade 3 ELA meeting or exceeding, 31%."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id that challenges and assets cite, e.g. D1."""
    description: Text
    """What was measured, in words."""
    source: DataSourceKind
    """Where the figure comes from."""
    value: float | None = None
    """The figure itself."""
    unit: Literal["percent", "scaled_score", "sgp", "count", "days", "rating", "other"] | None = (
        None
    )
    """What the value counts."""
    period: str | None = None
    """When it was measured, e.g. "spring 2025" or SY2024-25."""
    student_group: StudentGroup | None = None
    """The student group it describes, if not all students."""
    grades: list[Grade] | None = None
    """The grades it covers."""
    subject: Subject | None = None
    """The subject, where there is one."""
    comparison: str | None = None
    """A comparison that gives it meaning, e.g. "state: 42%"."""


class Asset(BaseModel):
    """A strength the plan can build on."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id, e.g. A1."""
    statement: Text
    """The strength, in a sentence."""
    data_refs: list[Identifier] | None = None
    """Ids of the data points that show it."""


class Challenge(BaseModel):
    """A challenge the data shows, to be explained by root causes."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id that root causes cite, e.g. C1."""
    statement: Text
    """The challenge, in a sentence."""
    data_refs: list[Identifier] | None = None
    """Ids of the data points that show it."""
    priority: Annotated[int, Field(ge=1)] | None = None
    """Its rank when the team prioritised challenges (1 is the highest)."""


class RootCause(BaseModel):
    """A root cause behind one or more challenges."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id that strategic objectives cite, e.g. RC1."""
    statement: Text
    """The root cause, in a sentence."""
    challenge_refs: list[Identifier] | None = None
    """Ids of the challenges it explains."""
    evidence: str | None = None
    """What led the team to this cause (the analysis, e.g. a five-whys or fishbone)."""


class PracticeRating(BaseModel):
    """A rating on a Turnaround Practices indicator from a site visit."""

    model_config = STRICT_MODEL

    practice: TurnaroundPractice
    """The Turnaround Practice the indicator belongs to (TP1-TP4)."""
    indicator: Text
    """The indicator's name as the rubric words it."""
    rating: Literal["no_evidence", "developing", "providing", "sustaining"]
    """The rating on the four-point continuum."""
    source: Literal["msv", "tsv", "self_assessment", "other"] | None = None
    """Who rated it: a monitoring site visit, a targeted site visit or the school itself."""
    year: SchoolYear | None = None
    """The school year of the rating."""


class Assessment(BaseModel):
    """Phase I: the current state, its assets and challenges, and the root causes."""

    model_config = STRICT_MODEL

    current_state: list[DataPoint] | None = None
    """The figures the analysis rests on."""
    assets: list[Asset] | None = None
    """Strengths to build on."""
    challenges: list[Challenge] | None = None
    """Challenges the data shows."""
    root_causes: list[RootCause] | None = None
    """The root causes of those challenges."""
    practice_ratings: list[PracticeRating] | None = None
    """Site-visit ratings on the Turnaround Practices indicators."""
    summary: str | None = None
    """The story the data tells, in a paragraph."""
