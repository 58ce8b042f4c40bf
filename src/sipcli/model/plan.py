"""The root of a plan file. Its field order is the file format's contract."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, PrivateAttr, ValidationInfo, model_validator

from sipcli.model.assessment import Assessment
from sipcli.model.district import DistrictSystems
from sipcli.model.finance import FinancialPlan
from sipcli.model.goals import Goal
from sipcli.model.groups import LocalStudentGroup
from sipcli.model.implementation import Implementation
from sipcli.model.monitoring import Monitoring
from sipcli.model.objectives import StrategicObjective
from sipcli.model.plan_info import PlanInfo
from sipcli.model.school import School
from sipcli.model.stakeholders import StakeholderEngagement
from sipcli.model.summary import ExecutiveSummary
from sipcli.model.types import STRICT_MODEL, Text, normalise_school_year
from sipcli.model.vision import Vision
from sipcli.periods import Calendar, PeriodContext

#: The plan format versions this sip reads.
SCHEMA_VERSIONS = (1,)


class Plan(BaseModel):
    """A school's improvement plan: a DESE Sustainable Improvement Plan (the default, in three phases), a turnaround plan, or a school or district improvement plan."""

    model_config = STRICT_MODEL | {"title": "School improvement plan (sip)"}

    schema_version: Literal[1]
    """The version of the plan file format; this sip reads version 1."""
    school: School
    """The school and its district."""
    plan: PlanInfo
    """The kind of plan, its school year and horizon, and when it was shared."""
    student_groups: list[LocalStudentGroup] | None = None
    """The plan's own student groups (unions such as "special populations", or local groups such as a class year), which goals name by id."""
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
    financial_plan: FinancialPlan | None = None
    """How the plan is paid for (a section of turnaround plans)."""
    monitoring: Monitoring | None = None
    """Phase III: progress monitoring."""

    _periods: PeriodContext | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _read_periods_in_the_plans_year(cls, data: Any, info: ValidationInfo) -> Any:
        """Let bare terms ("Q2", "EOY") and plan years be read in ``plan.school_year``."""
        if isinstance(info.context, PeriodContext) and isinstance(data, dict):
            info.context.school_year = first_school_year(data)
            info.context.school_year_written = _school_year_written(data)
        return data

    @model_validator(mode="after")
    def _keep_the_calendar(self, info: ValidationInfo) -> Plan:
        """Remember what the plan's periods were read against (see `calendar`)."""
        if isinstance(info.context, PeriodContext):
            self._periods = info.context
        return self

    def __eq__(self, other: object) -> bool:
        """Two plans are equal when they say the same (how their periods were read aside)."""
        if not isinstance(other, Plan):
            return NotImplemented
        return self.__dict__ == other.__dict__

    __hash__ = None  # type: ignore[assignment]  # as pydantic's own: a plan is mutable

    @property
    def periods(self) -> PeriodContext:
        """What the plan's periods were read against; more text (``--as-of``, a CSV) is read so too."""
        if self._periods is None:  # a plan built without validation's context
            self._periods = PeriodContext(school_year=self.plan.first_year)
        return self._periods

    @property
    def calendar(self) -> Calendar:
        """The school calendar the plan's periods were read in (its ``.sip.yaml``'s, else the shipped one).

        Built on first use, so a plan of exact dates reads no calendar file until asked.
        """
        return self.periods.resolved_calendar()


def _school_year_written(data: dict[Any, Any]) -> bool:
    info = data.get("plan")
    return isinstance(info, dict) and info.get("school_year") is not None


def first_school_year(data: dict[Any, Any]) -> int | None:
    """Return the first calendar year of the raw plan's ``plan.school_year`` (None if unreadable)."""
    info = data.get("plan")
    written = info.get("school_year") if isinstance(info, dict) else None
    try:
        return int(normalise_school_year(written)[2:6])
    except ValueError:
        return None


#: The top-level keys in their contractual order.
TOP_LEVEL_KEYS: tuple[str, ...] = tuple(Plan.model_fields)

__all__ = ["SCHEMA_VERSIONS", "TOP_LEVEL_KEYS", "Plan", "Text"]
