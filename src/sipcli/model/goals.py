"""Phase II, ``goals``: measurable goals, each with its interim benchmarks."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from sipcli.model.common import StatusUpdate
from sipcli.model.types import (
    STRICT_MODEL,
    Cadence,
    DateOrPeriod,
    Grade,
    GroupRef,
    Identifier,
    Subject,
    Text,
    TurnaroundPractice,
)

Metric = Literal[
    "mcas_meeting_exceeding",
    "mcas_scaled_score",
    "sgp_mean",
    "sgp_median",
    "chronic_absenteeism",
    "attendance_rate",
    "access_progress",
    "access_proficiency",
    "graduation_rate",
    "dropout_rate",
    "suspension_rate",
    "advanced_coursework",
    "accountability_percentile",
    "criterion_referenced_target",
    "survey",
    "local_assessment",
    "observation",
    "count",
    "other",
]

Unit = Literal["percent", "scaled_score", "sgp", "percentile", "count", "days", "rating", "score"]


class Baseline(BaseModel):
    """Where the measure stands before the plan: value and when it was measured."""

    model_config = STRICT_MODEL

    value: float
    """The starting value, in the goal's unit."""
    period: Text
    """When it was measured, e.g. "spring 2025" or SY2024-25."""
    note: str | None = None
    """Anything a reader needs to interpret it."""
    data_ref: Identifier | None = None
    """The id of the assessment data point it comes from, if any."""


class Target(BaseModel):
    """Where the measure should be, and by when."""

    model_config = STRICT_MODEL

    value: float
    """The target value, in the goal's unit."""
    by: DateOrPeriod
    """When the result will be known: a date, or a period such as "spring 2027 MCAS" (whose results arrive in the fall), SY2026-27 or EOY."""
    period: str | None = None
    """The administration the target refers to, e.g. "spring 2027"."""


class InterimTarget(BaseModel):
    """A point on the path from baseline to target, e.g. the end of year one of three."""

    model_config = STRICT_MODEL

    value: float
    """The value expected by then, in the goal's unit."""
    by: DateOrPeriod
    """By when (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""


class BenchmarkTarget(BaseModel):
    """The level a benchmark should reach."""

    model_config = STRICT_MODEL

    value: float
    """The value to reach."""
    unit: Unit
    """What the value counts."""
    comparison: Literal["at_least", "at_most"] = "at_least"
    """at_least when the benchmark is met at or above the value, at_most when at or below it (e.g. absences)."""


class Benchmark(BaseModel):
    """An interim benchmark: a checkpoint on the way to a goal, agreed before implementation."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id, e.g. G1.B1."""
    statement: Text
    """The benchmark in a sentence."""
    type: Literal["process", "early_evidence", "outcome"]
    """process (are we doing what we said?), early_evidence (is practice changing?) or outcome (are results moving?)."""
    audience: Literal["educators", "students", "families", "leaders", "district"] | None = None
    """Whose practice or results it tracks."""
    frequency: Cadence | None = None
    """How often it is checked."""
    due: Annotated[list[DateOrPeriod], Field(min_length=1)]
    """When it is checked, as a list of dates or periods: [2026-11-15, 2027-02-15] or [Q1, Q2, Q3, EOY]."""
    data_source: str | None = None
    """Where the evidence comes from, e.g. "Walkthrough tool" or "i-Ready winter diagnostic"."""
    owner: str | None = None
    """The role who collects and reports it."""
    target: BenchmarkTarget | None = None
    """The level to reach, for early-evidence and outcome benchmarks."""
    initiative_refs: list[Identifier] | None = None
    """Ids of the initiatives whose implementation it tracks."""
    status_updates: list[StatusUpdate] | None = None
    """Progress recorded during implementation."""


class Goal(BaseModel):
    """A measurable goal: what will change, for whom, by how much and by when."""

    model_config = STRICT_MODEL

    id: Identifier
    """An id, e.g. G1."""
    statement: Text
    """The goal as it will read in the plan."""
    priority: Annotated[int, Field(ge=1)] | None = None
    """Its rank among the goals (1 is the highest)."""
    objective_refs: list[Identifier] | None = None
    """Ids of the strategic objectives it measures."""
    turnaround_practice: TurnaroundPractice | None = None
    """The Turnaround Practice it sits under, in plans that group goals by practice (Level 4 turnaround plans)."""
    metric: Metric | None = None
    """The measure, e.g. mcas_meeting_exceeding, sgp_mean, chronic_absenteeism."""
    measure_source: str | None = None
    """The assessment or data set, e.g. "Spring MCAS grade 3-5 ELA"."""
    student_group: GroupRef | None = None
    """Whose results: all students, a DESE student group, or the id of a group the plan defines under student_groups."""
    grades: list[Grade] | None = None
    """The grades it covers."""
    subject: Subject | None = None
    """The subject, where there is one."""
    unit: Unit | None = None
    """What baseline and target count: percent, scaled_score, sgp, ..."""
    direction: Literal["increase", "decrease", "maintain"] | None = None
    """Whether the measure should go up, down or hold."""
    baseline: Baseline | None = None
    """Where the measure stands now."""
    target: Target | None = None
    """Where it should be, and by when."""
    interim_targets: list[InterimTarget] | None = None
    """The yearly path to the target in a multi-year plan (e.g. the end of years one and two)."""
    owner: str | None = None
    """The role accountable for the goal."""
    benchmarks: list[Benchmark] | None = None
    """Interim benchmarks that show progress during the year."""
    status_updates: list[StatusUpdate] | None = None
    """Results recorded during implementation."""
