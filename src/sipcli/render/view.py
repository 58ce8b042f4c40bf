"""The view model: everything a rendered plan shows, computed once from the `Plan`.

Every format (Markdown, HTML, DOCX) renders this same object; the sections follow DESE's
plan, the executive summary first. Only what the plan says is shown: a detail the plan
leaves out (its type, horizon or status) and a section with nothing in it are left out.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from sipcli.load.config import RenderLook
from sipcli.model import Plan
from sipcli.model.kinds import DEFAULT_KIND, facts_for, kind_of, plan_title
from sipcli.model.labels import exit_label, label, submitted_to
from sipcli.model.plan_info import PlanInfo
from sipcli.render.cover import build_cover
from sipcli.render.formatting import entries, join, long_date, money, number
from sipcli.render.phase1 import assessment, plan_development, stakeholders, vision
from sipcli.render.phase2 import (
    district,
    executive_summary,
    financial_plan,
    goals,
    objectives,
    resources,
    traceability,
)
from sipcli.render.phase3 import implementation, monitoring
from sipcli.render.viewmodel import Entry, Item, PlanView, Row, Section, Table
from sipcli.score.scorer import ItemScore

__all__ = ["Entry", "Item", "PlanView", "Row", "Section", "Table", "build_view", "money", "number"]


def build_view(
    plan: Plan, scores: dict[str, ItemScore] | None = None, look: RenderLook | None = None
) -> PlanView:
    """Return the view of ``plan``; with ``scores`` (by goal id) the goals show their SMART score.

    ``look`` (the ``render:`` settings of the plan's ``.sip.yaml``) dresses the title page.
    """
    school, info = plan.school, plan.plan
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
        financial_plan(plan),
        district(plan),
        implementation(plan),
        monitoring(plan),
    )
    shown = [section for section in sections if section is not None and not section.is_empty]
    if kind_of(plan) != DEFAULT_KIND:
        # DESE's three phases are the Sustainable Improvement Plan's; other plans have none.
        shown = [replace(section, phase="") for section in shown]
    details = plan_details(plan)
    return PlanView(
        title=f"{school.name}: {plan_title(plan)}",
        subtitle=" · ".join(
            part for part in (school.district, info.school_year, plan_type(info)) if part
        ),
        details=details,
        sections=tuple(shown),
        with_scores=scores is not None,
        cover=build_cover(plan, details, look),
    )


def plan_type(info: PlanInfo) -> str:
    """The plan type in words ("Initial plan"), or nothing when the plan does not say."""
    return label("plan_type", info.type)


def plan_details(plan: Plan) -> tuple[Entry, ...]:
    """The cover page's details: only those the plan gives, its submissions in their order."""
    school, info = plan.school, plan.plan
    shared = info.shared
    horizon = info.horizon_years
    return entries(
        ("District", school.district),
        ("School year", info.school_year),
        ("Plan type", plan_type(info)),
        # A title of the plan's own stands where its kind's would: the kind is said here.
        ("Kind of plan", facts_for(plan).title if info.title else None),
        ("Horizon", f"{horizon} year{'s' if horizon != 1 else ''}" if horizon else None),
        ("Status", label("plan_status", info.status)),
        ("Designation", label("designation", info.designation)),
        (exit_label(kind_of(plan)), info.exit_eligibility_year),
        ("Previous plan", info.prior_plan),
        ("Principal", school.principal),
        ("Grades", join(school.grades)),
        ("DESE school code", school.org_code),
        ("DESE district code", school.district_code),
        # The title page writes its dates out, as its credit line does ("October 15, 2026").
        ("Shared with stakeholders", _long(shared.stakeholders) if shared else None),
        ("Presented to the school committee", _long(shared.school_committee) if shared else None),
        ("Submitted to DESE", _long(shared.dese) if shared else None),
        *(
            (
                submitted_to(item.to, kind_of(plan)),
                f"{long_date(item.date)} ({item.what})" if item.what else long_date(item.date),
            )
            for item in info.submissions or []
        ),
    )


def _long(day: dt.date | None) -> str | None:
    """A title-page date written out, or nothing when the plan gives none."""
    return None if day is None else long_date(day)
