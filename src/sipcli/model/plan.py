"""The root of a plan file. Its field order is the file format's contract."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from sipcli.model.assessment import Assessment
from sipcli.model.district import DistrictSystems
from sipcli.model.goals import Goal
from sipcli.model.implementation import Implementation
from sipcli.model.monitoring import Monitoring
from sipcli.model.objectives import StrategicObjective
from sipcli.model.plan_info import PlanInfo
from sipcli.model.school import School
from sipcli.model.stakeholders import StakeholderEngagement
from sipcli.model.summary import ExecutiveSummary
from sipcli.model.types import STRICT_MODEL, Text
from sipcli.model.vision import Vision

#: The plan format versions this sip reads.
SCHEMA_VERSIONS = (1,)


class Plan(BaseModel):
    """A school's Sustainable Improvement Plan, following DESE's three phases."""

    model_config = STRICT_MODEL | {"title": "Sustainable Improvement Plan"}

    schema_version: Literal[1]
    """The version of the plan file format; this sip reads version 1."""
    school: School
    """The school and its district."""
    plan: PlanInfo
    """The kind of plan, its school year and horizon, and when it was shared."""
    stakeholder_engagement: StakeholderEngagement | None = None
    """Phase I: stakeholder engagement."""
    vision: Vision | None = None
    """Phase I: envision the future."""
    assessment: Assessment | None = None
    """Phase I: assessment of assets and challenges, and root cause analysis."""
    strategic_objectives: list[StrategicObjective] | None = None
    """Phase II: strategic objectives and initiatives aligned to the Turnaround Practices."""
    goals: list[Goal] | None = None
    """Phase II: goals and benchmarks (a required written submission)."""
    district_systems: DistrictSystems | None = None
    """Phase II: district systems."""
    executive_summary: ExecutiveSummary | None = None
    """Phase II: executive summary (a required written submission)."""
    implementation: Implementation | None = None
    """Phase III: implementation."""
    monitoring: Monitoring | None = None
    """Phase III: progress monitoring."""


#: The top-level keys in their contractual order.
TOP_LEVEL_KEYS: tuple[str, ...] = tuple(Plan.model_fields)

__all__ = ["SCHEMA_VERSIONS", "TOP_LEVEL_KEYS", "Plan", "Text"]
