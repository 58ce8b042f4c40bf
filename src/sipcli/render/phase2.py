"""The view of Phase II: executive summary, objectives, traceability, resources, district systems.

The goals and benchmarks are `sipcli.render.goals_view`'s.
"""

from __future__ import annotations

from collections import defaultdict

from sipcli.model import Plan
from sipcli.model.labels import label, label_table
from sipcli.model.objectives import Initiative, Resource, StrategicObjective
from sipcli.render.formatting import date, entries, evidence, join, money
from sipcli.render.goals_view import goals, group_name
from sipcli.render.viewmodel import Item, Row, Section, Table, table

__all__ = [
    "district",
    "executive_summary",
    "financial_plan",
    "goals",
    "group_name",
    "objectives",
    "resources",
    "traceability",
]


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
    practice_names = label_table("practice")
    # Every practice keeps its column, filled or not: a blank one says no objective serves it.
    alignment = Table(
        ("Objective", *practice_names),
        tuple(
            Row(
                (
                    f"{o.id}: {o.title}",
                    *("✓" if p in (o.turnaround_practices or []) else "" for p in practice_names),
                )
            )
            for o in objectives
        ),
    )
    practices = Table(
        ("Practice", "Turnaround Practice"),
        tuple(Row((code, name)) for code, name in practice_names.items()),
    )
    # A plan whose objectives name no practice (a school council's plan) has nothing to align.
    aligned = any(objective.turnaround_practices for objective in objectives)
    return Section(
        "strategic_objectives",
        "Strategic objectives and initiatives",
        "Phase II",
        items=tuple(_objective(objective) for objective in objectives),
        tables=(
            ("Turnaround Practices alignment", alignment),
            ("The Turnaround Practices", practices),
        )
        if aligned
        else (),
    )


def _objective(objective: StrategicObjective) -> Item:
    evidence = tuple(
        Row((e.strategy, "" if e.essa_tier is None else f"Tier {e.essa_tier}", e.source or ""))
        for e in objective.evidence_base or []
    )
    return Item(
        f"{objective.id}: {objective.title}",
        objective.description or "",
        entries(
            ("Turnaround Practices", join(objective.turnaround_practices)),
            ("Root causes addressed", join(objective.root_cause_refs)),
            ("Rationale", objective.rationale),
        ),
        tables=(table(("Evidence-based strategy", "ESSA tier", "Source"), evidence),)
        if evidence
        else (),
        children=tuple(_initiative(i) for i in objective.initiatives or []),
    )


def _initiative(initiative: Initiative) -> Item:
    milestones = table(
        ("Milestone", "Due", "Owner", "Status"),
        tuple(
            Row((m.description, date(m.due), m.owner or "", label("milestone_status", m.status)))
            for m in initiative.milestones or []
        ),
    )
    timeline = " to ".join(part for part in (date(initiative.start), date(initiative.end)) if part)
    return Item(
        f"{initiative.id}: {initiative.title}",
        initiative.description or "",
        entries(
            ("Owner", initiative.owner),
            ("Timeline", timeline),
            ("Plan years", join(initiative.years)),
            ("Professional development", initiative.professional_development),
        ),
        tables=tuple(
            shown for shown in (milestones, _resource_table(initiative.resources)) if shown.rows
        ),
    )


def _resource_table(items: list[Resource] | None) -> Table:
    """Each cost, what it pays for, who pays and in which fiscal year."""
    rows = tuple(
        Row((r.description, money(r.cost), r.funding_source or "", r.fiscal_year or ""))
        for r in items or []
    )
    return table(("Resource", "Cost", "Funding source", "Fiscal year"), rows)


def traceability(plan: Plan) -> Section | None:
    """One row per objective: its challenges, root causes and goals."""
    objectives = plan.strategic_objectives or []
    if not objectives:
        return None
    assessment = plan.assessment
    causes = {cause.id: cause for cause in (assessment.root_causes if assessment else None) or []}
    challenges = {c.id: c for c in (assessment.challenges if assessment else None) or []}
    rows: list[Row] = []
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
                    # One per line: statements end with a full stop, so "; " would read ".;".
                    "\n".join(f"{ref}: {challenges[ref].statement}" for ref in challenge_ids),
                    "\n".join(f"{ref}: {causes[ref].statement}" for ref in cause_ids),
                    f"{objective.id}: {objective.title}",
                    ", ".join(goal_ids),
                )
            )
        )
    return _traceability_section(rows)


def _traceability_section(rows: list[Row]) -> Section | None:
    """The traceability table, or nothing when no objective traces to a challenge or cause.

    A plan without challenges (a Level 4 plan) traces from its root causes; one without
    either has nothing to trace, and a table of objectives alone would repeat them.
    """
    if not any(row.cells[0] or row.cells[1] for row in rows):
        return None
    headers = ("Challenges", "Root causes", "Strategic objective", "Goals")
    traced = "challenges" if any(row.cells[0] for row in rows) else "root causes"
    return Section(
        "traceability",
        f"From {traced} to goals",
        "Phase II",
        tables=(("Traceability", table(headers, tuple(rows))),),
    )


def district(plan: Plan) -> Section | None:
    """The district lead, standards and supports."""
    district = plan.district_systems
    if district is None:
        return None
    rows = tuple(
        Row(
            (
                label("support_category", s.category),
                s.description,
                s.owner or "",
                label("cadence", s.frequency),
            )
        )
        for s in district.supports or []
    )
    return Section(
        "district_systems",
        "District systems",
        "Phase II",
        paragraphs=entries(
            ("Responsible district lead", district.responsible_lead),
            (
                "District Standards",
                join(label("district_standard", code) for code in district.standards or []),
            ),
        ),
        lists=evidence(district.evidence),
        tables=(("District supports", table(("Kind", "Support", "Owner", "How often"), rows)),)
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
                table(
                    ("Initiative", "Resource", "Cost", "Funding source", "Fiscal year"), tuple(rows)
                ),
            ),
            ("Totals by funding source", by_source),
        ),
    )


def financial_plan(plan: Plan) -> Section | None:
    """How the plan is paid for: the summary, the total the plan states and its main costs."""
    finance = plan.financial_plan
    if finance is None:
        return None
    items = _resource_table(finance.items)
    return Section(
        "financial_plan",
        "Financial plan",
        "Phase II",
        paragraphs=entries(
            ("Summary", finance.summary),
            ("Total cost", money(finance.total_cost)),
        ),
        tables=(("Costs and funding", items),) if items.rows else (),
    )
