"""The view model: everything a rendered plan shows, computed once from the `Plan`.

Every format (Markdown, HTML, DOCX) renders this same object; templates hold loops and
conditionals, not logic. Text stays exactly as the plan wrote it: escaping is each format's
job. Numbers are formatted here so that every format shows them alike.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sipcli.model import Plan
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.objectives import StrategicObjective
from sipcli.render.labels import BENCHMARK_TYPES, METRICS, PLAN_TYPES, PRACTICES, UNITS, humanise
from sipcli.score.scorer import ItemScore


@dataclass(frozen=True)
class Row:
    """A table row: its cells, in column order."""

    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row, body rows and an optional footer row."""

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    footer: Row | None = None


@dataclass(frozen=True)
class Entry:
    """A labelled value, e.g. ("District", "Eastbrook Public Schools"); shown only when set."""

    label: str
    value: str


@dataclass(frozen=True)
class Item:
    """A titled item with a body and labelled details (an objective, an initiative, ...)."""

    title: str
    body: str = ""
    details: tuple[Entry, ...] = ()
    tables: tuple[Table, ...] = ()
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Section:
    """One stage of the plan, in DESE's order: a heading, paragraphs, details, items, tables."""

    key: str
    title: str
    phase: str
    paragraphs: tuple[Entry, ...] = ()
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    items: tuple[Item, ...] = ()
    tables: tuple[tuple[str, Table], ...] = ()


@dataclass(frozen=True)
class PlanView:
    """The whole rendered plan."""

    title: str
    subtitle: str
    details: tuple[Entry, ...]
    sections: tuple[Section, ...]
    with_scores: bool = False
    generator: str = "sip"


def number(value: float | None) -> str:
    """Format a number without a trailing .0: 45 for 45.0, 12.5 for 12.5."""
    if value is None:
        return ""
    return f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{value:,.0f}"


def money(value: float | None) -> str:
    """Format dollars: $12,500."""
    return "" if value is None else f"${value:,.0f}"


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _join(values: object) -> str:
    if not values:
        return ""
    return ", ".join(str(value) for value in values)  # type: ignore[attr-defined]


def _entries(*pairs: tuple[str, object]) -> tuple[Entry, ...]:
    """Keep the pairs whose value is set, as text."""
    return tuple(Entry(label, str(value)) for label, value in pairs if value not in (None, "", []))


def _with_unit(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    return f"{number(value)}{UNITS.get(unit or '', '')}"


def build_view(plan: Plan, scores: dict[str, ItemScore] | None = None) -> PlanView:
    """Return the view of ``plan``; with ``scores`` (by goal id) the goals show their SMART score."""
    school, info = plan.school, plan.plan
    details = _entries(
        ("District", school.district),
        ("School year", info.school_year),
        ("Plan type", PLAN_TYPES[info.type]),
        ("Horizon", f"{info.horizon_years} years"),
        ("Status", humanise(info.status)),
        ("Designation", humanise(info.designation)),
        ("Principal", school.principal),
        ("Grades", _join(school.grades)),
        ("DESE school code", school.org_code),
        ("DESE district code", school.district_code),
        ("Shared with stakeholders", _date(info.shared.stakeholders) if info.shared else None),
        (
            "Presented to the school committee",
            _date(info.shared.school_committee) if info.shared else None,
        ),
        ("Submitted to DESE", _date(info.shared.dese) if info.shared else None),
    )
    sections = (
        _executive_summary(plan),
        _plan_development(plan),
        _stakeholders(plan),
        _vision(plan),
        _assessment(plan),
        _objectives(plan),
        _goals(plan, scores),
        _traceability(plan),
        _resources(plan),
        _district(plan),
        _implementation(plan),
        _monitoring(plan),
    )
    return PlanView(
        title=f"{school.name}: Sustainable Improvement Plan",
        subtitle=f"{school.district} · {info.school_year} · {PLAN_TYPES[info.type]}",
        details=details,
        sections=tuple(section for section in sections if section is not None),
        with_scores=scores is not None,
    )


def _executive_summary(plan: Plan) -> Section | None:
    summary = plan.executive_summary
    if summary is None:
        return None
    titles = {objective.id: objective.title for objective in plan.strategic_objectives or []}
    strategies = tuple(
        f"{strategy.text} ({strategy.objective_ref}: {titles[strategy.objective_ref]})"
        if strategy.objective_ref in titles
        else strategy.text
        for strategy in summary.key_strategies or []
    )
    return Section(
        "executive_summary",
        "Executive summary",
        "Phase II",
        paragraphs=_entries(
            ("School snapshot", summary.school_snapshot),
            ("Vision", summary.vision),
            ("A new approach", summary.new_approach),
            ("Theory of action", summary.theory_of_action),
        ),
        lists=(("Key strategies", strategies),) if strategies else (),
    )


def _plan_development(plan: Plan) -> Section | None:
    development = plan.plan.development
    snapshot = plan.school.snapshot
    if development is None and snapshot is None:
        return None
    tables: list[tuple[str, Table]] = []
    if snapshot and snapshot.demographics:
        rows = tuple(
            Row((humanise(group), f"{number(share)}%"))
            for group, share in snapshot.demographics.items()
        )
        tables.append(("Student groups (percent of enrollment)", Table(("Group", "Percent"), rows)))
    if development and development.team:
        rows = tuple(Row((member.name, member.role)) for member in development.team)
        tables.append(("Planning team", Table(("Name", "Role"), rows)))
    if development and development.workshops:
        rows = tuple(
            Row((_date(w.date), w.focus, number(w.participants) if w.participants else ""))
            for w in development.workshops
        )
        tables.append(("Planning workshops", Table(("Date", "Focus", "Participants"), rows)))
    return Section(
        "school",
        "The school and how this plan was developed",
        "",
        paragraphs=_entries(
            (
                "Enrollment",
                f"{snapshot.enrollment} ({snapshot.as_of})"
                if snapshot and snapshot.enrollment and snapshot.as_of
                else snapshot.enrollment
                if snapshot
                else None,
            ),
            ("About the school", snapshot.description if snapshot else None),
            ("Facilitator", development.facilitator if development else None),
            ("Review report", development.review_report if development else None),
        ),
        tables=tuple(tables),
    )


def _stakeholders(plan: Plan) -> Section | None:
    engagement = plan.stakeholder_engagement
    if engagement is None:
        return None
    rows = tuple(
        Row(
            (
                humanise(group.group) + (f": {group.description}" if group.description else ""),
                _join(group.methods),
                _join(_date(day) for day in group.dates or []),
                "" if group.participants is None else str(group.participants),
                group.input_summary or "",
            )
        )
        for group in engagement.groups or []
    )
    tables = (
        (
            (
                "Stakeholder groups",
                Table(("Group", "How", "When", "Participants", "What they said"), rows),
            ),
        )
        if rows
        else ()
    )
    return Section(
        "stakeholder_engagement",
        "Stakeholder engagement",
        "Phase I",
        paragraphs=_entries(
            ("How their input shaped the plan", engagement.how_input_used),
            ("Ongoing communication", engagement.ongoing_communication),
        ),
        lists=_evidence(engagement.evidence),
        tables=tables,
    )


def _evidence(evidence: list | None) -> tuple[tuple[str, tuple[str, ...]], ...]:  # type: ignore[type-arg]
    if not evidence:
        return ()
    lines = tuple(
        " · ".join(
            part
            for part in (item.title, humanise(item.format), _date(item.date), item.location or "")
            if part
        )
        for item in evidence
    )
    return (("Evidence", lines),)


def _vision(plan: Plan) -> Section | None:
    vision = plan.vision
    if vision is None:
        return None
    lists = [
        ("Core values", tuple(vision.core_values or ())),
        ("What success will look like", tuple(vision.desired_state or ())),
        ("Developed with", tuple(humanise(group) for group in vision.developed_with or ())),
    ]
    return Section(
        "vision",
        "Vision",
        "Phase I",
        paragraphs=_entries(
            ("Vision", vision.statement),
            ("Mission", vision.mission),
            ("Fit with the district's vision", vision.district_alignment),
            ("A new approach", vision.new_approach),
        ),
        lists=tuple(pair for pair in lists if pair[1]) + _evidence(vision.evidence),
    )


def _assessment(plan: Plan) -> Section | None:
    assessment = plan.assessment
    if assessment is None:
        return None
    tables: list[tuple[str, Table]] = []
    if assessment.current_state:
        rows = tuple(
            Row(
                (
                    point.id,
                    point.description,
                    _with_unit(point.value, point.unit),
                    point.period or "",
                    humanise(point.student_group),
                    point.comparison or "",
                )
            )
            for point in assessment.current_state
        )
        tables.append(
            (
                "Current state",
                Table(("Id", "Measure", "Value", "When", "Students", "Comparison"), rows),
            )
        )
    if assessment.assets:
        rows = tuple(
            Row((asset.id, asset.statement, _join(asset.data_refs))) for asset in assessment.assets
        )
        tables.append(("Assets", Table(("Id", "Asset", "Data"), rows)))
    if assessment.challenges:
        rows = tuple(
            Row(
                (
                    c.id,
                    c.statement,
                    _join(c.data_refs),
                    "" if c.priority is None else str(c.priority),
                )
            )
            for c in assessment.challenges
        )
        tables.append(("Challenges", Table(("Id", "Challenge", "Data", "Priority"), rows)))
    if assessment.root_causes:
        rows = tuple(
            Row((cause.id, cause.statement, _join(cause.challenge_refs), cause.evidence or ""))
            for cause in assessment.root_causes
        )
        tables.append(
            (
                "Root causes",
                Table(("Id", "Root cause", "Challenges", "How the team found it"), rows),
            )
        )
    if assessment.practice_ratings:
        rows = tuple(
            Row(
                (
                    r.practice,
                    r.indicator,
                    humanise(r.rating),
                    (r.source or "").upper(),
                    r.year or "",
                )
            )
            for r in assessment.practice_ratings
        )
        tables.append(
            (
                "Turnaround Practices ratings",
                Table(("Practice", "Indicator", "Rating", "Source", "Year"), rows),
            )
        )
    return Section(
        "assessment",
        "Assessment of assets and challenges, and root cause analysis",
        "Phase I",
        paragraphs=_entries(("Summary", assessment.summary)),
        tables=tuple(tables),
    )


def _objectives(plan: Plan) -> Section | None:
    objectives = plan.strategic_objectives
    if not objectives:
        return None
    alignment = Table(
        ("Objective", *PRACTICES),
        tuple(
            Row(
                (
                    f"{o.id}: {o.title}",
                    *("✓" if p in (o.turnaround_practices or []) else "" for p in PRACTICES),
                )
            )
            for o in objectives
        ),
    )
    practices = Table(
        ("Practice", "Turnaround Practice"),
        tuple(Row((code, name)) for code, name in PRACTICES.items()),
    )
    return Section(
        "strategic_objectives",
        "Strategic objectives and initiatives",
        "Phase II",
        items=tuple(_objective(objective) for objective in objectives),
        tables=(
            ("Turnaround Practices alignment", alignment),
            ("The Turnaround Practices", practices),
        ),
    )


def _objective(objective: StrategicObjective) -> Item:
    evidence = tuple(
        Row((e.strategy, "" if e.essa_tier is None else f"Tier {e.essa_tier}", e.source or ""))
        for e in objective.evidence_base or []
    )
    initiatives = tuple(
        Item(
            f"{i.id}: {i.title}",
            i.description or "",
            _entries(
                ("Owner", i.owner),
                ("Timeline", " to ".join(part for part in (_date(i.start), _date(i.end)) if part)),
                ("Plan years", _join(i.years)),
                ("Professional development", i.professional_development),
            ),
            tables=tuple(
                table
                for table in (
                    Table(
                        ("Milestone", "Due", "Owner", "Status"),
                        tuple(
                            Row((m.description, _date(m.due), m.owner or "", humanise(m.status)))
                            for m in i.milestones or []
                        ),
                    ),
                    Table(
                        ("Resource", "Cost", "Funding source", "Fiscal year"),
                        tuple(
                            Row(
                                (
                                    r.description,
                                    money(r.cost),
                                    r.funding_source or "",
                                    r.fiscal_year or "",
                                )
                            )
                            for r in i.resources or []
                        ),
                    ),
                )
                if table.rows
            ),
        )
        for i in objective.initiatives or []
    )
    return Item(
        f"{objective.id}: {objective.title}",
        objective.description or "",
        _entries(
            ("Turnaround Practices", _join(objective.turnaround_practices)),
            ("Root causes addressed", _join(objective.root_cause_refs)),
            ("Rationale", objective.rationale),
        ),
        tables=(Table(("Evidence-based strategy", "ESSA tier", "Source"), evidence),)
        if evidence
        else (),
        children=initiatives,
    )


def _goal_row(goal: Goal, score: ItemScore | None) -> Row:
    baseline = (
        f"{_with_unit(goal.baseline.value, goal.unit)} ({goal.baseline.period})"
        if goal.baseline
        else ""
    )
    target = _with_unit(goal.target.value, goal.unit) if goal.target else ""
    cells = (
        goal.id,
        goal.statement,
        METRICS.get(goal.metric or "", "")
        + (f" ({goal.measure_source})" if goal.measure_source else ""),
        humanise(goal.student_group),
        baseline,
        target,
        _date(goal.target.by) if goal.target else "",
        goal.owner or "",
        _join(goal.objective_refs),
    )
    return Row(cells + ((f"{score.score}/100",) if score is not None else ()))


def _benchmark_row(benchmark: Benchmark) -> Row:
    target = benchmark.target
    shown = ""
    if target is not None:
        word = "at least" if target.comparison == "at_least" else "at most"
        shown = f"{word} {_with_unit(target.value, target.unit)}"
    return Row(
        (
            benchmark.id,
            benchmark.statement,
            BENCHMARK_TYPES[benchmark.type],
            _join(_date(day) for day in benchmark.due),
            benchmark.data_source or "",
            benchmark.owner or "",
            shown,
        )
    )


def _goals(plan: Plan, scores: dict[str, ItemScore] | None) -> Section | None:
    goals = plan.goals
    if not goals:
        return None
    headers: tuple[str, ...] = (
        "Id",
        "Goal",
        "Measure",
        "Students",
        "Baseline",
        "Target",
        "By",
        "Owner",
        "Objectives",
    )
    if scores is not None:
        headers += ("SMART score",)
    table = Table(headers, tuple(_goal_row(goal, (scores or {}).get(goal.id)) for goal in goals))
    benchmark_headers = ("Id", "Benchmark", "Type", "Due", "Data source", "Owner", "Target")
    items = tuple(
        Item(
            f"Goal {goal.id}: benchmarks",
            goal.statement,
            tables=(Table(benchmark_headers, tuple(_benchmark_row(b) for b in goal.benchmarks)),)
            if goal.benchmarks
            else (),
            details=_score_details((scores or {}).get(goal.id)),
        )
        for goal in goals
    )
    return Section(
        "goals", "Goals and benchmarks", "Phase II", items=items, tables=(("Goals", table),)
    )


def _score_details(score: ItemScore | None) -> tuple[Entry, ...]:
    if score is None:
        return ()
    letters = ", ".join(f"{c.letter} {c.score}" for c in score.criteria)
    return (Entry("SMART score", f"{score.score}/100 ({letters})"),)


def _traceability(plan: Plan) -> Section | None:
    objectives = plan.strategic_objectives or []
    if not objectives:
        return None
    assessment = plan.assessment
    causes = {cause.id: cause for cause in (assessment.root_causes if assessment else None) or []}
    challenges = {c.id: c for c in (assessment.challenges if assessment else None) or []}
    rows = []
    for objective in objectives:
        cause_ids = [ref for ref in objective.root_cause_refs or [] if ref in causes]
        challenge_ids = sorted(
            {
                ref
                for cause in cause_ids
                for ref in causes[cause].challenge_refs or []
                if ref in challenges
            }
        )
        goal_ids = [
            goal.id for goal in plan.goals or [] if objective.id in (goal.objective_refs or [])
        ]
        rows.append(
            Row(
                (
                    "; ".join(f"{ref}: {challenges[ref].statement}" for ref in challenge_ids),
                    "; ".join(f"{ref}: {causes[ref].statement}" for ref in cause_ids),
                    f"{objective.id}: {objective.title}",
                    ", ".join(goal_ids),
                )
            )
        )
    table = Table(("Challenges", "Root causes", "Strategic objective", "Goals"), tuple(rows))
    return Section(
        "traceability", "From challenges to goals", "Phase II", tables=(("Traceability", table),)
    )


def _district(plan: Plan) -> Section | None:
    district = plan.district_systems
    if district is None:
        return None
    rows = tuple(
        Row((humanise(s.category), s.description, s.owner or "", humanise(s.frequency)))
        for s in district.supports or []
    )
    return Section(
        "district_systems",
        "District systems",
        "Phase II",
        paragraphs=_entries(
            ("Responsible district lead", district.responsible_lead),
            ("District Standards", _join(district.standards)),
        ),
        lists=_evidence(district.evidence),
        tables=(("District supports", Table(("Kind", "Support", "Owner", "How often"), rows)),)
        if rows
        else (),
    )


def _implementation(plan: Plan) -> Section | None:
    implementation = plan.implementation
    if implementation is None:
        return None
    tables: list[tuple[str, Table]] = []
    if implementation.roadmap:
        rows = tuple(
            Row((f"Year {y.year}", y.school_year or "", y.focus, _join(y.initiative_refs)))
            for y in sorted(implementation.roadmap, key=lambda y: y.year)
        )
        tables.append(
            ("Multi-year roadmap", Table(("Year", "School year", "Focus", "Initiatives"), rows))
        )
    if implementation.action_steps:
        rows = tuple(
            Row((_date(s.due), s.description, s.owner or "", s.initiative_ref or ""))
            for s in sorted(implementation.action_steps, key=lambda s: s.due)
        )
        tables.append(
            ("Year one action plan", Table(("Due", "Action", "Owner", "Initiative"), rows))
        )
    return Section(
        "implementation",
        "Implementation",
        "Phase III",
        paragraphs=_entries(
            ("Implementation begins", _date(implementation.start_date)),
            ("Systems that drive implementation", implementation.systems),
            ("Communicating progress", implementation.stakeholder_communication),
        ),
        tables=tuple(tables),
    )


def _resources(plan: Plan) -> Section | None:
    rows: list[Row] = []
    totals: dict[str, float] = defaultdict(float)
    for objective in plan.strategic_objectives or []:
        for initiative in objective.initiatives or []:
            for resource in initiative.resources or []:
                source = resource.funding_source or "Not stated"
                rows.append(
                    Row(
                        (
                            f"{initiative.id}: {initiative.title}",
                            resource.description,
                            money(resource.cost),
                            source,
                            resource.fiscal_year or "",
                        )
                    )
                )
                totals[source] += resource.cost or 0
    if not rows:
        return None
    by_source = Table(
        ("Funding source", "Total"),
        tuple(Row((source, money(total))) for source, total in sorted(totals.items())),
        footer=Row(("All sources", money(sum(totals.values())))),
    )
    return Section(
        "resources",
        "Resources",
        "Phase II",
        tables=(
            (
                "Resources by initiative",
                Table(
                    ("Initiative", "Resource", "Cost", "Funding source", "Fiscal year"), tuple(rows)
                ),
            ),
            ("Totals by funding source", by_source),
        ),
    )


def _monitoring(plan: Plan) -> Section | None:
    monitoring = plan.monitoring
    if monitoring is None:
        return None
    items = tuple(
        Item(
            title,
            routine.description or "",
            _entries(
                ("How often", humanise(routine.cadence)),
                ("Where", routine.forum),
                ("Who", _join(routine.participants)),
                ("Data reviewed", _join(routine.data_reviewed)),
            ),
        )
        for title, routine in (
            ("School level", monitoring.school_level),
            ("District level", monitoring.district_level),
        )
        if routine is not None
    )
    calendar = tuple(
        Row(
            (
                _date(e.date),
                e.title,
                humanise(e.level),
                _join([*(e.goal_refs or []), *(e.benchmark_refs or [])]),
            )
        )
        for e in sorted(monitoring.calendar or [], key=lambda e: e.date)
    )
    return Section(
        "monitoring",
        "Progress monitoring",
        "Phase III",
        paragraphs=_entries(("Public reporting", monitoring.public_reporting)),
        items=items,
        tables=(
            (
                "Monitoring calendar",
                Table(("Date", "What", "Level", "Goals and benchmarks reviewed"), calendar),
            ),
        )
        if calendar
        else (),
    )
