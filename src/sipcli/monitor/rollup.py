"""`sip report`: a district rollup of many plans, one row per school.

For each plan: its file, school and year (blank when the plan names none), how many goals
and benchmarks it has, their average SMART score, how many benchmarks are off track or
overdue at a date, every goal and benchmark counted by its standing in the school's status
scale, each DESE stage's state as `sip status` judges it (done, in progress, not started),
and which stages are missing (not started, of those its kind of plan asks for). Plans that
do not validate are listed with their problem count instead, and plans the as-of date
cannot be read for (a bare term in a plan without a school year) as not judged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sipcli.errors import SipError
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model import Plan
from sipcli.model.reference import Reference
from sipcli.monitor.progress import (
    STATUSES,
    AsOf,
    StatusScale,
    Thresholds,
    common_as_of,
    plan_as_of,
    plan_progress,
    scale_for,
)
from sipcli.score import score_plan
from sipcli.validate.plans import FileProgress, PlanFile, read_plans


@dataclass(frozen=True)
class PlanStages:
    """Where a plan's stages stand, as `sip status` judges them (``sipcli.status``)."""

    states: tuple[tuple[str, str], ...]
    """Each stage's title and state ("done", "in progress", "not started"), in DESE's order."""
    missing: tuple[str, ...]
    """The titles of the stages the plan's kind needs that are not started."""


#: Judges the stages of one plan as read. `sip status` is above the lint rules it runs and
#: this module is below them, so the command line hands `sipcli.status.view.rollup_stages` in.
StageJudge = Callable[[PlanFile], PlanStages]


@dataclass(frozen=True)
class Standing:
    """Where a plan's goals and benchmarks stand at a date."""

    off_track: int
    """Benchmarks that count as off track."""
    overdue: int
    """Benchmarks whose check has passed with no result."""
    labels: tuple[tuple[str, int], ...] = ()
    """Every goal and benchmark counted by the name the school's scale gives its status, best first."""
    projected: int = 0
    """Goals and benchmarks that have a projected value (shown, never judged)."""


#: Counts where a plan's items stand at a date, in a status scale.
ProgressCounter = Callable[[Plan, dt.date, Reference, StatusScale], Standing]


@dataclass(frozen=True)
class SchoolRow:
    """One plan in the rollup."""

    file: str
    school: str
    district: str
    school_year: str | None
    plan_type: str | None
    goals: int
    benchmarks: int
    average_score: int | None
    lowest_score: int | None
    off_track: int | None
    overdue: int | None
    missing_stages: tuple[str, ...]
    """The stages the plan's kind needs that are not started (``stages``)."""
    standing: tuple[tuple[str, int], ...] = ()
    """Every goal and benchmark counted by its status as the school's scale names it."""
    projected: int | None = None
    """How many goals and benchmarks have a projected value."""
    as_of: dt.date | None = None
    """The plan's as-of day (a period read in its school year)."""
    stages: dict[str, str] = field(default_factory=dict)
    """Each stage's state by its title, in DESE's order, as `sip status` shows them."""


@dataclass(frozen=True)
class InvalidPlan:
    """A plan that could not be read into the rollup, and how many problems it has."""

    file: str
    problems: int


@dataclass(frozen=True)
class NotJudged:
    """A valid plan left out of the rollup because the as-of date cannot be read for it."""

    file: str
    reason: str


@dataclass
class Rollup:
    """The rollup of a folder of plans at a date."""

    as_of: dt.date
    rows: list[SchoolRow] = field(default_factory=list)
    invalid: list[InvalidPlan] = field(default_factory=list)
    not_judged: list[NotJudged] = field(default_factory=list)

    def exit_code(self) -> int:
        """Return 1 when some plan could not be read or judged, else 0."""
        return 1 if self.invalid or self.not_judged else 0


def benchmarks_behind(
    plan: Plan, as_of: dt.date, reference: Reference, scale: StatusScale | None = None
) -> Standing:
    """Return where the plan stands at ``as_of`` (the default scale when none is given)."""
    items = plan_progress(plan, "", as_of, reference, scale or Thresholds()).items
    benchmarks = [item for item in items if item.kind == "benchmark"]
    ordered = sorted(items, key=lambda item: STATUSES.index(item.status))
    labels: dict[str, int] = {}
    for item in ordered:
        labels[item.label] = labels.get(item.label, 0) + 1
    return Standing(
        off_track=sum(item.status == "off track" for item in benchmarks),
        overdue=sum(item.status == "overdue" for item in benchmarks),
        labels=tuple(labels.items()),
        projected=sum(item.projected is not None for item in items),
    )


def school_row(
    plan: Plan,
    file: str,
    reference: Reference,
    as_of: dt.date,
    progress: ProgressCounter | None,
    scale: StatusScale | None = None,
    stages: PlanStages | None = None,
) -> SchoolRow:
    """Summarise one valid plan; a school year or type the plan does not give stays None."""
    scores = [item.score for item in score_plan(plan, reference) if item.kind == "goal"]
    goals = plan.goals or []
    standing = (
        progress(plan, as_of, reference, scale or StatusScale.from_thresholds(Thresholds()))
        if progress
        else None
    )
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
        off_track=standing.off_track if standing else None,
        overdue=standing.overdue if standing else None,
        missing_stages=stages.missing if stages else (),
        standing=standing.labels if standing else (),
        projected=standing.projected if standing else None,
        as_of=as_of,
        stages=dict(stages.states) if stages else {},
    )


def build_rollup(
    paths: Sequence[Path],
    *,
    as_of: AsOf,
    judge_stages: StageJudge,
    progress: ProgressCounter | None = benchmarks_behind,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    on_file: FileProgress | None = None,
) -> Rollup:
    """Validate every plan and summarise each valid one, sorted by district and school.

    ``as_of`` is a date or a period, read in each plan's calendar and school year;
    ``judge_stages`` gives each valid plan's stage states; ``on_file`` is told
    ``(done, total)`` as plans are read (see `read_plans`).

    Raises:
        SipError: when a configuration file is invalid or ``as_of`` cannot be read.
    """
    rows: list[SchoolRow] = []
    invalid: list[InvalidPlan] = []
    not_judged: list[NotJudged] = []
    for source in read_plans(paths, config=config, max_bytes=max_bytes, on_file=on_file):
        file = str(source.path)
        if source.plan is None:
            invalid.append(InvalidPlan(file, len(source.result.diagnostics)))
            continue
        try:
            day = plan_as_of(as_of, source.path, source.plan)
        except SipError as error:
            # One plan without a school year must not stop the district's report.
            not_judged.append(NotJudged(file, str(error).removeprefix(f"{file}: ")))
            continue
        scale = scale_for(source.path, config, Thresholds())
        judged = judge_stages(source)
        rows.append(school_row(source.plan, file, source.reference, day, progress, scale, judged))
    rows.sort(key=lambda row: (row.district, row.school, row.file))
    day = common_as_of(as_of, (row.as_of for row in rows))
    return Rollup(day, rows, invalid, not_judged)
