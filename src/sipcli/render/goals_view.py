"""The view of the goals stage: the goals table, each goal's details, benchmarks and results."""

from __future__ import annotations

from sipcli.model import Plan
from sipcli.model.common import StatusUpdate
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.labels import label, label_table
from sipcli.render.formatting import date, dates, entries, grades, join, value_at, with_unit
from sipcli.render.viewmodel import Entry, Item, Row, Section, Table, table
from sipcli.score.scorer import ItemScore


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
            benchmark_statement(benchmark),
            label("benchmark_type", benchmark.type),
            label("audience", benchmark.audience),
            label("cadence", benchmark.frequency),
            dates(benchmark.due),
            benchmark.data_source or "",
            benchmark.owner or "",
            shown,
        )
    )


def benchmark_statement(benchmark: Benchmark) -> str:
    """The benchmark's sentence, and on a line below it the initiatives whose work it tracks."""
    refs = join(benchmark.initiative_refs)
    return f"{benchmark.statement}\n{INITIATIVES_LINE}: {refs}" if refs else benchmark.statement


#: The words before a benchmark's initiatives, in its statement's cell ("Initiatives: I1.1").
INITIATIVES_LINE = "Initiatives"


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
    assessment = plan.assessment
    points = {p.id: p.description for p in (assessment.current_state if assessment else None) or []}
    if not any(goal.turnaround_practice for goal in goals):
        return Section(
            "goals",
            "Goals and benchmarks",
            "Phase II",
            items=_goal_items(goals, scores, points),
            tables=(("Goals", _goals_table(goals, scores, local)), *groups),
        )
    practice_names = label_table("practice")
    practices = [*practice_names, None]
    items = tuple(
        Item(
            f"{code}: {practice_names[code]}" if code else "Goals under no Turnaround Practice",
            tables=(_goals_table(mine, scores, local),),
            children=_goal_items(mine, scores, points),
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


def _goal_items(
    goals: list[Goal], scores: dict[str, ItemScore] | None, points: dict[str, str]
) -> tuple[Item, ...]:
    """An item per goal with more to show than its row of the goals table."""
    items = (_goal_item(goal, scores, points) for goal in goals)
    return tuple(item for item in items if item.details or item.tables)


def _goal_item(goal: Goal, scores: dict[str, ItemScore] | None, points: dict[str, str]) -> Item:
    """A goal's details, interim targets, SMART score, benchmarks and results, under its statement."""
    rows = tuple(_benchmark_row(b) for b in goal.benchmarks or [])
    tables = (table(_BENCHMARK_HEADERS, rows),) if rows else ()
    results = _results_table(goal)
    return Item(
        f"Goal {goal.id}",
        goal.statement,
        tables=tables + ((results,) if results.rows else ()),
        details=_goal_details(goal, points)
        + entries(("Interim targets", interim_targets(goal)))
        + _score_details((scores or {}).get(goal.id)),
    )


def _goal_details(goal: Goal, points: dict[str, str]) -> tuple[Entry, ...]:
    """What the goals table has no column for: rank, grades, subject, the baseline's note and data.

    The data point the baseline comes from is named by its id and what it measured
    ("D1: Grade 4 readers at benchmark"), as the current-state table lists it.
    """
    grade_list = goal.grades or []
    ref = goal.baseline.data_ref if goal.baseline else None
    measured = points.get(ref or "")
    data = f"{ref}: {measured}" if measured else ref
    return entries(
        ("Priority", goal.priority),
        ("Grade" if len(grade_list) == 1 else "Grades", grades(grade_list)),
        ("Subject", label("subject", goal.subject)),
        ("Direction", "" if _direction_is_evident(goal) else label("direction", goal.direction)),
        ("Baseline note", goal.baseline.note if goal.baseline else None),
        ("Baseline data point", data),
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
