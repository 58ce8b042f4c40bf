"""The view of Phase II: executive summary, objectives, goals and benchmarks, traceability, resources, district systems."""

from __future__ import annotations

from collections import defaultdict

from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.labels import label, label_table
from sipcli.model.objectives import Initiative, Resource, StrategicObjective
from sipcli.render.formatting import (
    date,
    dates,
    entries,
    evidence,
    grades,
    join,
    money,
    value_at,
    with_unit,
)
from sipcli.render.viewmodel import Entry, Item, Row, Section, Table, table
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


def group_name(ref: str | None, local: dict[str, str]) -> str:
    """Name a goal's student group: the plan's own label for a group it defines, else DESE's."""
    if ref is None:
        return ""
    return local.get(ref) or label("student_group", ref)


def _goal_row(goal: Goal, score: ItemScore | None, local: dict[str, str]) -> Row:
    baseline = (
        value_at(goal.baseline.value, goal.unit, goal.baseline.period) if goal.baseline else ""
    )
    target = with_unit(goal.target.value, goal.unit) if goal.target else ""
    cells = (
        goal.id,
        goal.statement,
        label("metric", goal.metric) + (f" ({goal.measure_source})" if goal.measure_source else ""),
        group_name(goal.student_group, local),
        baseline,
        target,
        date(goal.target.by) if goal.target else "",
        goal.owner or "",
        join(goal.objective_refs),
    )
    return Row(cells + ((f"{score.score}/100",) if score is not None else ()))


def interim_targets(goal: Goal) -> str:
    """The yearly path, as written: "41% by SY2025-26; 44% by SY2026-27"."""
    return "; ".join(
        f"{with_unit(interim.value, goal.unit)} by {date(interim.by)}"
        for interim in goal.interim_targets or []
    )


def _benchmark_row(benchmark: Benchmark) -> Row:
    target = benchmark.target
    shown = ""
    if target is not None:
        word = label("comparison", target.comparison)
        shown = f"{word} {with_unit(target.value, target.unit)}"
    return Row(
        (
            benchmark.id,
            benchmark.statement,
            label("benchmark_type", benchmark.type),
            label("audience", benchmark.audience),
            label("cadence", benchmark.frequency),
            dates(benchmark.due),
            benchmark.data_source or "",
            benchmark.owner or "",
            shown,
        )
    )


_GOAL_HEADERS = ("Id", "Goal", "Measure", "Students", "Baseline", "Target", "By", "Owner")
_BENCHMARK_HEADERS = (
    "Id",
    "Benchmark",
    "Type",
    "Audience",
    "How often",
    "Due",
    "Data source",
    "Owner",
    "Target",
)


def goals(plan: Plan, scores: dict[str, ItemScore] | None) -> Section | None:
    """The goals table and each goal's benchmarks; with scores, a SMART score column.

    When goals sit under Turnaround Practices (a Level 4 plan), each practice gets its own
    goals table with its goals below it.
    """
    goals = plan.goals
    if not goals:
        return None
    local = {group.id: group.label for group in plan.student_groups or []}
    groups = _local_groups(plan)
    if not any(goal.turnaround_practice for goal in goals):
        return Section(
            "goals",
            "Goals and benchmarks",
            "Phase II",
            items=_goal_items(goals, scores),
            tables=(("Goals", _goals_table(goals, scores, local)), *groups),
        )
    practice_names = label_table("practice")
    practices = [*practice_names, None]
    items = tuple(
        Item(
            f"{code}: {practice_names[code]}" if code else "Goals under no Turnaround Practice",
            tables=(_goals_table(mine, scores, local),),
            children=_goal_items(mine, scores),
        )
        for code in practices
        if (mine := [goal for goal in goals if goal.turnaround_practice == code])
    )
    return Section("goals", "Goals and benchmarks", "Phase II", items=items, tables=groups)


def _goals_table(
    goals: list[Goal], scores: dict[str, ItemScore] | None, local: dict[str, str]
) -> Table:
    headers: tuple[str, ...] = (*_GOAL_HEADERS, "Objectives")
    if scores is not None:
        headers += ("SMART score",)
    return table(
        headers, tuple(_goal_row(goal, (scores or {}).get(goal.id), local) for goal in goals)
    )


def _goal_items(goals: list[Goal], scores: dict[str, ItemScore] | None) -> tuple[Item, ...]:
    """An item per goal with more to show than its row of the goals table."""
    items = (_goal_item(goal, scores) for goal in goals)
    return tuple(item for item in items if item.details or item.tables)


def _goal_item(goal: Goal, scores: dict[str, ItemScore] | None) -> Item:
    """A goal's details, interim targets, SMART score, benchmarks and results, under its statement."""
    rows = tuple(_benchmark_row(b) for b in goal.benchmarks or [])
    tables = (table(_BENCHMARK_HEADERS, rows),) if rows else ()
    results = _results_table(goal)
    return Item(
        f"Goal {goal.id}",
        goal.statement,
        tables=tables + ((results,) if results.rows else ()),
        details=_goal_details(goal)
        + entries(("Interim targets", interim_targets(goal)))
        + _score_details((scores or {}).get(goal.id)),
    )


def _goal_details(goal: Goal) -> tuple[Entry, ...]:
    """What the goals table has no column for: rank, grades, subject, and the baseline's note."""
    grade_list = goal.grades or []
    return entries(
        ("Priority", goal.priority),
        ("Grade" if len(grade_list) == 1 else "Grades", grades(grade_list)),
        ("Subject", label("subject", goal.subject)),
        ("Direction", "" if _direction_is_evident(goal) else label("direction", goal.direction)),
        ("Baseline note", goal.baseline.note if goal.baseline else None),
        ("Target period", goal.target.period if goal.target else None),
    )


def _direction_is_evident(goal: Goal) -> bool:
    """True when the baseline and target already say which way the measure should go.

    "Maintain" never is: a target equal to the baseline could be a typing slip.
    """
    if goal.baseline is None or goal.target is None:
        return False
    change = goal.target.value - goal.baseline.value
    return (goal.direction == "increase" and change > 0) or (
        goal.direction == "decrease" and change < 0
    )


_RESULT_HEADERS = ("Result for", "Date", "Period", "Result", "Kind", "Status", "Source", "Note")


def _results_table(goal: Goal) -> Table:
    """The results recorded so far for the goal and its benchmarks, goal first, as written."""
    rows = [_result_row(goal.id, update, goal.unit) for update in goal.status_updates or []]
    for benchmark in goal.benchmarks or []:
        unit = benchmark.target.unit if benchmark.target else None
        rows += [_result_row(benchmark.id, u, unit) for u in benchmark.status_updates or []]
    return table(_RESULT_HEADERS, tuple(rows))


def _result_row(ref: str, update: StatusUpdate, unit: str | None) -> Row:
    """One recorded result: whose, when, the figure, what kind of figure, the team's judgement."""
    return Row(
        (
            ref,
            date(update.date),
            update.period or "",
            with_unit(update.actual, unit),
            label("result_kind", update.kind),
            label("update_status", update.status),
            update.source or "",
            update.note or "",
        )
    )


def _local_groups(plan: Plan) -> tuple[tuple[str, Table], ...]:
    """The student groups the plan names itself, so a reader knows who each one counts."""
    # The id is what the plan's goals cite (student_group: special_populations).
    rows = tuple(
        Row(
            (
                group.id,
                group.label,
                join(label("student_group", code) for code in group.combines or []),
                group.description or "",
            )
        )
        for group in plan.student_groups or []
    )
    if not rows:
        return ()
    headers = ("Id", "Group", "Brings together", "Who is counted")
    return (("Student groups this plan names", table(headers, rows)),)


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
