"""The view model: everything a rendered plan shows, computed once from the `Plan`.

Every format (Markdown, HTML, DOCX) renders this same object; the sections follow DESE's
plan, the executive summary first.
"""

from __future__ import annotations

from sipcli.model import Plan
from sipcli.render.formatting import date, entries, join, money, number
from sipcli.render.labels import PLAN_TYPES, humanise
from sipcli.render.phase1 import assessment, plan_development, stakeholders, vision
from sipcli.render.phase2 import (
    district,
    executive_summary,
    goals,
    objectives,
    resources,
    traceability,
)
from sipcli.render.phase3 import implementation, monitoring
from sipcli.render.viewmodel import Entry, Item, PlanView, Row, Section, Table
from sipcli.score.scorer import ItemScore

__all__ = ["Entry", "Item", "PlanView", "Row", "Section", "Table", "build_view", "money", "number"]


def build_view(plan: Plan, scores: dict[str, ItemScore] | None = None) -> PlanView:
    """Return the view of ``plan``; with ``scores`` (by goal id) the goals show their SMART score."""
    school, info = plan.school, plan.plan
    details = entries(
        ("District", school.district),
        ("School year", info.school_year),
        ("Plan type", PLAN_TYPES[info.type]),
        ("Horizon", f"{info.horizon_years} years"),
        ("Status", humanise(info.status)),
        ("Designation", humanise(info.designation)),
        ("Principal", school.principal),
        ("Grades", join(school.grades)),
        ("DESE school code", school.org_code),
        ("DESE district code", school.district_code),
        ("Shared with stakeholders", date(info.shared.stakeholders) if info.shared else None),
        (
            "Presented to the school committee",
            date(info.shared.school_committee) if info.shared else None,
        ),
        ("Submitted to DESE", date(info.shared.dese) if info.shared else None),
    )
    sections = (
        executive_summary(plan),
        plan_development(plan),
        stakeholders(plan),
        vision(plan),
        assessment(plan),
        objectives(plan),
        goals(plan, scores),
        traceability(plan),
        resources(plan),
        district(plan),
        implementation(plan),
        monitoring(plan),
    )
    return PlanView(
        title=f"{school.name}: Sustainable Improvement Plan",
        subtitle=f"{school.district} · {info.school_year} · {PLAN_TYPES[info.type]}",
        details=details,
        sections=tuple(section for section in sections if section is not None),
        with_scores=scores is not None,
    )
