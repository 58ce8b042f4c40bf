"""Phase II, ``strategic_objectives``: objectives and initiatives aligned to the Turnaround Practices."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sipcli.model.types import (
    STRICT_MODEL,
    DateOrPeriod,
    Identifier,
    Text,
    TurnaroundPractice,
    Unique,
)

PlanYear = Annotated[int, Field(ge=1, le=5)]


class EvidenceBase(BaseModel):
    """The research behind a strategy, with its ESSA evidence tier."""

    model_config = STRICT_MODEL

    strategy: Text
    """The strategy or practice, e.g. "High-dosage tutoring"."""
    essa_tier: Literal[1, 2, 3, 4] | None = None
    """The ESSA tier of evidence: 1 strong, 2 moderate, 3 promising, 4 demonstrates a rationale."""
    source: str | None = None
    """The study, clearinghouse entry or report, e.g. a What Works Clearinghouse practice guide."""


class Resource(BaseModel):
    """A cost of an initiative and how it is paid for."""

    model_config = STRICT_MODEL

    description: Text
    """What is bought, e.g. "Two interventionists (2.0 FTE)"."""
    cost: Annotated[float, Field(ge=0)] | None = None
    """The cost in US dollars."""
    funding_source: str | None = None
    """Who pays, e.g. "Title I", "School Redesign Grant", "District operating budget"."""
    fiscal_year: str | None = None
    """The fiscal year, e.g. FY26."""


class Milestone(BaseModel):
    """A step on an initiative's timeline."""

    model_config = STRICT_MODEL

    description: Text
    """What will be done."""
    due: DateOrPeriod
    """By when (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    owner: str | None = None
    """Who makes it happen, if not the initiative's owner."""
    status: Literal["not_started", "in_progress", "done", "dropped"] | None = None
    """How far it has got, when the plan is renewed or monitored."""


class Initiative(BaseModel):
    """A strategic initiative: a concrete strategy that carries out an objective."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id, e.g. I1.1."""
    title: Text
    """The initiative in a few words."""
    description: str | None = None
    """What it involves."""
    owner: str | None = None
    """The role accountable for it, e.g. "Assistant principal"."""
    start: DateOrPeriod | None = None
    """When it starts (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    end: DateOrPeriod | None = None
    """When it ends (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    years: Annotated[list[PlanYear], Unique] | None = None
    """Which plan years it runs in (1 is the first year of the plan)."""
    milestones: list[Milestone] | None = None
    """Its timeline of concrete steps."""
    resources: list[Resource] | None = None
    """What it costs and who pays."""
    professional_development: str | None = None
    """The professional development that supports it."""


class StrategicObjective(BaseModel):
    """A strategic objective: one lever for change, aligned to the Turnaround Practices."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id that goals cite, e.g. O1."""
    title: Text
    """The objective in a sentence."""
    description: str | None = None
    """What it means in practice."""
    turnaround_practices: Annotated[list[TurnaroundPractice], Unique] | None = None
    """The Turnaround Practices it serves (TP1 leadership and collaboration, TP2 instruction, TP3 student supports, TP4 climate and culture)."""
    root_cause_refs: list[Identifier] | None = None
    """Ids of the root causes it addresses."""
    rationale: str | None = None
    """Why the team expects it to work here."""
    evidence_base: list[EvidenceBase] | None = None
    """The research behind its strategies, with ESSA tiers."""
    initiatives: list[Initiative] | None = None
    """The initiatives that carry it out."""
