"""Phase III, ``monitoring``: how the school and the district monitor progress."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from sipcli.model.types import STRICT_MODEL, Cadence, DateOrPeriod, Identifier, Text


class MonitoringRoutine(BaseModel):
    """A monitoring routine at one level: when it happens, who is there, what they review."""

    model_config = STRICT_MODEL

    cadence: Cadence | None = None
    """How often the group meets to review progress."""
    forum: str | None = None
    """The meeting, e.g. "Instructional leadership team data meeting"."""
    participants: list[Text] | None = None
    """Who takes part (roles)."""
    data_reviewed: list[Text] | None = None
    """The data reviewed, e.g. benchmark results, walkthrough data, attendance."""
    description: str | None = None
    """How mid-course corrections are decided."""


class MonitoringEvent(BaseModel):
    """A dated entry of the monitoring calendar."""

    model_config = STRICT_MODEL

    date: DateOrPeriod
    """When (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    title: Text
    """What happens, e.g. "Mid-year progress review with the superintendent"."""
    level: Literal["school", "district", "dese", "public"] = "school"
    """Who runs it."""
    benchmark_refs: list[Identifier] | None = None
    """Ids of the benchmarks reviewed."""
    goal_refs: list[Identifier] | None = None
    """Ids of the goals reviewed."""


class Monitoring(BaseModel):
    """Phase III: school- and district-level monitoring of the plan."""

    model_config = STRICT_MODEL

    school_level: MonitoringRoutine | None = None
    """How the school monitors progress."""
    district_level: MonitoringRoutine | None = None
    """How the district monitors the school's progress."""
    calendar: list[MonitoringEvent] | None = None
    """The monitoring calendar for the year."""
    public_reporting: str | None = None
    """How progress is reported publicly (school committee, families)."""
