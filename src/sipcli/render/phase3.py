"""The view of Phase III: implementation and progress monitoring."""

from __future__ import annotations

from sipcli.model import Plan
from sipcli.model.labels import label
from sipcli.render.formatting import chronological, date, entries, join
from sipcli.render.viewmodel import Item, Row, Section, Table, table


def implementation(plan: Plan) -> Section | None:
    """Phase III: the multi-year roadmap and the year-one action plan, by date.

    Steps sort by when each begins, then the day it is settled, and print as written.
    """
    implementation = plan.implementation
    if implementation is None:
        return None
    tables: list[tuple[str, Table]] = []
    if implementation.roadmap:
        rows = tuple(
            Row((f"Year {y.year}", y.school_year or "", y.focus, join(y.initiative_refs)))
            for y in sorted(implementation.roadmap, key=lambda y: y.year)
        )
        tables.append(
            ("Multi-year roadmap", table(("Year", "School year", "Focus", "Initiatives"), rows))
        )
    if implementation.action_steps:
        rows = tuple(
            Row((date(s.due), s.description, s.owner or "", s.initiative_ref or ""))
            for s in sorted(implementation.action_steps, key=lambda s: chronological(s.due))
        )
        tables.append(
            ("Year one action plan", table(("Due", "Action", "Owner", "Initiative"), rows))
        )
    return Section(
        "implementation",
        "Implementation",
        "Phase III",
        paragraphs=entries(
            ("Implementation begins", date(implementation.start_date)),
            ("Systems that drive implementation", implementation.systems),
            ("Communicating progress", implementation.stakeholder_communication),
        ),
        tables=tuple(tables),
    )


def monitoring(plan: Plan) -> Section | None:
    """Phase III: school and district routines and the calendar, by when each entry begins."""
    monitoring = plan.monitoring
    if monitoring is None:
        return None
    items = tuple(
        Item(
            title,
            routine.description or "",
            entries(
                ("How often", label("cadence", routine.cadence)),
                ("Where", routine.forum),
                ("Who", join(routine.participants)),
                ("Data reviewed", join(routine.data_reviewed)),
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
                date(e.date),
                e.title,
                label("monitoring_level", e.level),
                join([*(e.goal_refs or []), *(e.benchmark_refs or [])]),
            )
        )
        for e in sorted(monitoring.calendar or [], key=lambda e: chronological(e.date))
    )
    return Section(
        "monitoring",
        "Progress monitoring",
        "Phase III",
        paragraphs=entries(("Public reporting", monitoring.public_reporting)),
        items=items,
        tables=(
            (
                "Monitoring calendar",
                table(("Date", "What", "Level", "Goals and benchmarks reviewed"), calendar),
            ),
        )
        if calendar
        else (),
    )
