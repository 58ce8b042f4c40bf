"""`sip report`: a district rollup of many plans, one row per school.

For each plan: its school and year, how many goals and benchmarks it has, their average
SMART score, how many benchmarks are off track or overdue at a date, and which DESE stages
are missing. Plans that do not validate are listed with their problem count instead.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.model.reference import Reference
from sipcli.monitor.progress import Thresholds, plan_progress
from sipcli.score import score_plan
from sipcli.validate.plans import read_plans

#: The plan's stages, by key, as a DESE reviewer names them.
STAGES = {
    "stakeholder_engagement": "Stakeholder engagement",
    "vision": "Vision",
    "assessment": "Assessment",
    "strategic_objectives": "Strategic objectives",
    "goals": "Goals and benchmarks",
    "district_systems": "District systems",
    "executive_summary": "Executive summary",
    "implementation": "Implementation",
    "monitoring": "Monitoring",
}

#: Counts the benchmarks off track (first) and overdue (second) at a date.
ProgressCounter = Callable[[Plan, dt.date, Reference], tuple[int, int]]


@dataclass(frozen=True)
class SchoolRow:
    """One plan in the rollup."""

    file: str
    school: str
    district: str
    school_year: str
    plan_type: str
    goals: int
    benchmarks: int
    average_score: int | None
    lowest_score: int | None
    off_track: int | None
    overdue: int | None
    missing_stages: tuple[str, ...]


@dataclass(frozen=True)
class InvalidPlan:
    """A plan that could not be read into the rollup, and how many problems it has."""

    file: str
    problems: int


@dataclass
class Rollup:
    """The rollup of a folder of plans at a date."""

    as_of: dt.date
    rows: list[SchoolRow] = field(default_factory=list)
    invalid: list[InvalidPlan] = field(default_factory=list)

    def exit_code(self) -> int:
        """Return 1 when some plan could not be read, else 0."""
        return 1 if self.invalid else 0


def benchmarks_behind(plan: Plan, as_of: dt.date, reference: Reference) -> tuple[int, int]:
    """Count the plan's benchmarks off track and overdue at ``as_of`` (default thresholds)."""
    items = plan_progress(plan, "", as_of, reference, Thresholds()).items
    benchmarks = [item for item in items if item.kind == "benchmark"]
    return (
        sum(item.status == "off track" for item in benchmarks),
        sum(item.status == "overdue" for item in benchmarks),
    )


def missing_stages(plan: Plan) -> tuple[str, ...]:
    """Return the names of the stages the plan leaves out entirely."""
    return tuple(name for key, name in STAGES.items() if not getattr(plan, key))


def school_row(
    plan: Plan, file: str, reference: Reference, as_of: dt.date, progress: ProgressCounter | None
) -> SchoolRow:
    """Summarise one valid plan."""
    scores = [item.score for item in score_plan(plan, reference) if item.kind == "goal"]
    goals = plan.goals or []
    off_track, overdue = progress(plan, as_of, reference) if progress else (None, None)
    return SchoolRow(
        file=file,
        school=plan.school.name,
        district=plan.school.district,
        school_year=plan.plan.school_year,
        plan_type=plan.plan.type,
        goals=len(goals),
        benchmarks=sum(len(goal.benchmarks or []) for goal in goals),
        average_score=round(sum(scores) / len(scores)) if scores else None,
        lowest_score=min(scores) if scores else None,
        off_track=off_track,
        overdue=overdue,
        missing_stages=missing_stages(plan),
    )


def build_rollup(
    paths: Sequence[Path],
    *,
    as_of: dt.date,
    progress: ProgressCounter | None = benchmarks_behind,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Rollup:
    """Validate every plan and summarise each valid one, sorted by district and school.

    Raises:
        SipError: when a configuration file is invalid.
    """
    rollup = Rollup(as_of)
    for source in read_plans(paths, config=config, max_bytes=max_bytes):
        file = str(source.path)
        if source.plan is None:
            rollup.invalid.append(InvalidPlan(file, len(source.result.diagnostics)))
            continue
        rollup.rows.append(school_row(source.plan, file, source.reference, as_of, progress))
    rollup.rows.sort(key=lambda row: (row.district, row.school, row.file))
    return rollup
