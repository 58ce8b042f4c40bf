"""The view of Phase I: the school and how the plan was made, stakeholders, vision, assessment."""

from __future__ import annotations

from sipcli.model import Plan
from sipcli.model.assessment import DataPoint
from sipcli.model.labels import label
from sipcli.model.stakeholders import Council
from sipcli.render.formatting import (
    date,
    dates,
    entries,
    evidence,
    grades,
    join,
    number,
    with_unit,
)
from sipcli.render.viewmodel import Entry, Row, Section, Table, table


def plan_development(plan: Plan) -> Section | None:
    """The school in figures and how the plan was developed (team, workshops)."""
    development = plan.plan.development
    snapshot = plan.school.snapshot
    if development is None and snapshot is None:
        return None
    tables: list[tuple[str, Table]] = []
    if snapshot and snapshot.demographics:
        rows = tuple(
            Row((label("student_group", group), f"{number(share)}%"))
            for group, share in snapshot.demographics.items()
        )
        tables.append(("Student groups (percent of enrollment)", table(("Group", "Percent"), rows)))
    if development and development.team:
        # Role first: a team described by role alone (as turnaround plans often do) has no
        # Name column, and a mixed team leaves the name empty only where it is not given.
        rows = tuple(Row((member.role, member.name or "")) for member in development.team)
        tables.append(("Planning team", table(("Role", "Name"), rows)))
    if development and development.workshops:
        rows = tuple(
            Row((date(w.date), w.focus, number(w.participants) if w.participants else ""))
            for w in development.workshops
        )
        tables.append(("Planning workshops", table(("Date", "Focus", "Participants"), rows)))
    return Section(
        "school",
        "The school and how this plan was developed",
        "",
        paragraphs=entries(
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


def stakeholders(plan: Plan) -> Section | None:
    """Phase I: the stakeholder groups engaged and how their input was used."""
    engagement = plan.stakeholder_engagement
    if engagement is None:
        return None
    rows = tuple(
        Row(
            (
                label("stakeholder_group", group.group)
                + (f": {group.description}" if group.description else ""),
                join(group.methods),
                dates(group.dates),
                "" if group.participants is None else str(group.participants),
                group.input_summary or "",
            )
        )
        for group in engagement.groups or []
    )
    tables: list[tuple[str, Table]] = []
    if rows:
        headers = ("Group", "How", "When", "Participants", "What they said")
        tables.append(("Stakeholder groups", table(headers, rows)))
    paragraphs = entries(
        ("How their input shaped the plan", engagement.how_input_used),
        ("Ongoing communication", engagement.ongoing_communication),
    )
    for name, council in (
        ("Local Stakeholder Group", engagement.local_stakeholder_group),
        ("School council", engagement.school_council),
    ):
        if council is not None:
            paragraphs += _council_entries(name, council)
            if council.roster:
                tables.append((f"{name}: members", _roster(council)))
    return Section(
        "stakeholder_engagement",
        "Stakeholder engagement",
        "Phase I",
        paragraphs=paragraphs,
        lists=evidence(engagement.evidence),
        tables=tuple(tables),
    )


def _council_entries(name: str, council: Council) -> tuple[Entry, ...]:
    """When a Local Stakeholder Group or school council met, and what it recommended."""
    return entries(
        (f"{name}: meetings", dates(council.meetings)),
        (f"{name}: recommendations", council.recommendations),
    )


def _roster(council: Council) -> Table:
    """The members by role, with their names where the plan gives them."""
    rows = tuple(Row((member.role, member.name or "")) for member in council.roster or [])
    return table(("Role", "Name"), rows)


def vision(plan: Plan) -> Section | None:
    """Phase I: the vision, mission, values and desired state."""
    vision = plan.vision
    if vision is None:
        return None
    lists = [
        ("Core values", tuple(vision.core_values or ())),
        ("What success will look like", tuple(vision.desired_state or ())),
        (
            "Developed with",
            tuple(label("stakeholder_group", group) for group in vision.developed_with or ()),
        ),
    ]
    return Section(
        "vision",
        "Vision",
        "Phase I",
        paragraphs=entries(
            ("Vision", vision.statement),
            ("Mission", vision.mission),
            ("Fit with the district's vision", vision.district_alignment),
            ("A new approach", vision.new_approach),
        ),
        lists=tuple(pair for pair in lists if pair[1]) + evidence(vision.evidence),
    )


def _who(point: DataPoint) -> str:
    """Whose figure it is and in what: the student group, the grades and the subject.

    "High needs · Grades 4, 5 · ELA"; the parts not given are left out.
    """
    shown = grades(point.grades)
    grade_words = (
        f"{'Grade' if len(point.grades or []) == 1 else 'Grades'} {shown}" if shown else ""
    )
    return " · ".join(
        part
        for part in (
            label("student_group", point.student_group),
            grade_words,
            label("subject", point.subject),
        )
        if part
    )


def assessment(plan: Plan) -> Section | None:
    """Phase I: current-state data, assets, challenges, root causes and ratings."""
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
                    with_unit(point.value, point.unit),
                    point.period or "",
                    _who(point),
                    point.comparison or "",
                    label("data_source", point.source),
                )
            )
            for point in assessment.current_state
        )
        headers = ("Id", "Measure", "Value", "When", "Students", "Comparison", "Data source")
        tables.append(("Current state", table(headers, rows)))
    if assessment.assets:
        rows = tuple(
            Row((asset.id, asset.statement, join(asset.data_refs))) for asset in assessment.assets
        )
        tables.append(("Assets", table(("Id", "Asset", "Data"), rows)))
    if assessment.challenges:
        rows = tuple(
            Row(
                (
                    c.id,
                    c.statement,
                    join(c.data_refs),
                    "" if c.priority is None else str(c.priority),
                )
            )
            for c in assessment.challenges
        )
        tables.append(("Challenges", table(("Id", "Challenge", "Data", "Priority"), rows)))
    if assessment.root_causes:
        rows = tuple(
            Row((cause.id, cause.statement, join(cause.challenge_refs), cause.evidence or ""))
            for cause in assessment.root_causes
        )
        tables.append(
            (
                "Root causes",
                table(("Id", "Root cause", "Challenges", "How the team found it"), rows),
            )
        )
    if assessment.practice_ratings:
        rows = tuple(
            Row(
                (
                    r.practice,
                    r.indicator,
                    label("rating", r.rating),
                    label("rating_source", r.source),
                    r.year or "",
                )
            )
            for r in assessment.practice_ratings
        )
        tables.append(
            (
                "Turnaround Practices ratings",
                table(("Practice", "Indicator", "Rating", "Source", "Year"), rows),
            )
        )
    return Section(
        "assessment",
        "Assessment of assets and challenges, and root cause analysis",
        "Phase I",
        paragraphs=entries(("Summary", assessment.summary)),
        tables=tuple(tables),
    )
