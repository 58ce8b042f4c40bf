"""The view of Phase II: executive summary, objectives, goals and benchmarks, traceability, resources, district systems."""

from __future__ import annotations

from collections import defaultdict

from sipcli.model import Plan
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.objectives import StrategicObjective
from sipcli.render.formatting import date, entries, evidence, join, money, with_unit
from sipcli.render.labels import BENCHMARK_TYPES, METRICS, PRACTICES, humanise
from sipcli.render.viewmodel import Entry, Item, Row, Section, Table
from sipcli.score.scorer import ItemScore


def executive_summary(plan: Plan) -> Section | None:
    """The executive summary with its key strategies, each named with its objective."""
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
        paragraphs=entries(
            ("School snapshot", summary.school_snapshot),
            ("Vision", summary.vision),
            ("A new approach", summary.new_approach),
            ("Theory of action", summary.theory_of_action),
        ),
        lists=(("Key strategies", strategies),) if strategies else (),
    )


def objectives(plan: Plan) -> Section | None:
    """The objectives with their initiatives, and the Turnaround Practices alignment."""
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
            entries(
                ("Owner", i.owner),
                ("Timeline", " to ".join(part for part in (date(i.start), date(i.end)) if part)),
                ("Plan years", join(i.years)),
                ("Professional development", i.professional_development),
            ),
            tables=tuple(
                table
                for table in (
                    Table(
                        ("Milestone", "Due", "Owner", "Status"),
                        tuple(
                            Row((m.description, date(m.due), m.owner or "", humanise(m.status)))
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
        entries(
            ("Turnaround Practices", join(objective.turnaround_practices)),
            ("Root causes addressed", join(objective.root_cause_refs)),
            ("Rationale", objective.rationale),
        ),
        tables=(Table(("Evidence-based strategy", "ESSA tier", "Source"), evidence),)
        if evidence
        else (),
        children=initiatives,
    )


def _goal_row(goal: Goal, score: ItemScore | None) -> Row:
    baseline = (
        f"{with_unit(goal.baseline.value, goal.unit)} ({goal.baseline.period})"
        if goal.baseline
        else ""
    )
    target = with_unit(goal.target.value, goal.unit) if goal.target else ""
    cells = (
        goal.id,
        goal.statement,
        METRICS.get(goal.metric or "", "")
        + (f" ({goal.measure_source})" if goal.measure_source else ""),
        humanise(goal.student_group),
        baseline,
        target,
        date(goal.target.by) if goal.target else "",
        goal.owner or "",
        join(goal.objective_refs),
    )
    return Row(cells + ((f"{score.score}/100",) if score is not None else ()))


def _benchmark_row(benchmark: Benchmark) -> Row:
    target = benchmark.target
    shown = ""
    if target is not None:
        word = "at least" if target.comparison == "at_least" else "at most"
        shown = f"{word} {with_unit(target.value, target.unit)}"
    return Row(
        (
            benchmark.id,
            benchmark.statement,
            BENCHMARK_TYPES[benchmark.type],
            join(date(day) for day in benchmark.due),
            benchmark.data_source or "",
            benchmark.owner or "",
            shown,
        )
    )


def goals(plan: Plan, scores: dict[str, ItemScore] | None) -> Section | None:
    """The goals table and each goal's benchmarks; with scores, a SMART score column."""
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


def traceability(plan: Plan) -> Section | None:
    """One row per objective: its challenges, root causes and goals."""
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


def district(plan: Plan) -> Section | None:
    """The district lead, standards and supports."""
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
        paragraphs=entries(
            ("Responsible district lead", district.responsible_lead),
            ("District Standards", join(district.standards)),
        ),
        lists=evidence(district.evidence),
        tables=(("District supports", Table(("Kind", "Support", "Owner", "How often"), rows)),)
        if rows
        else (),
    )


def resources(plan: Plan) -> Section | None:
    """Every resource by initiative, and the totals per funding source."""
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
