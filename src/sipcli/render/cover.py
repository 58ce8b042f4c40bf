"""The title page of a rendered plan: its title block, credits, quiet details and house look.

Who prepared the document comes from ``.sip.yaml`` (``render: prepared-by:``), never guessed:
a plan's ``development.facilitator`` is who ran the planning, so it is credited as such
("Planning facilitated by ..."), not as the document's author. The date on the title page is
the plan's last hand-over (to DESE, the school committee or stakeholders), as the plan dates it.
"""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Iterator

from sipcli.load.config import RenderLook
from sipcli.model import Plan
from sipcli.model.kinds import kind_of, plan_title
from sipcli.model.labels import label, submitted_to
from sipcli.render.formatting import chronological, long_date
from sipcli.render.viewmodel import Cover, Entry

#: How the title page names each of ``plan.shared``'s dates, as the plan's details do.
SHARED_WORDS = {
    "stakeholders": "Shared with stakeholders",
    "school_committee": "Presented to the school committee",
    "dese": "Submitted to DESE",
}


def build_cover(plan: Plan, details: tuple[Entry, ...], look: RenderLook | None = None) -> Cover:
    """Return the title page of ``plan``; ``details`` are the plan's details, ``look`` its settings.

    The details the title block already shows (district, school year, plan type) are left
    out of the quiet block below it.
    """
    look = look or RenderLook()
    school, info = plan.school, plan.plan
    kind = label("plan_type", info.type) if info.type else ""
    year_line = " · ".join(part for part in (info.school_year or "", kind) if part)
    lines = tuple(line for line in (year_line, school.district or "") if line)
    shown = {school.district, info.school_year, kind}
    logo = look.logo
    return Cover(
        school=school.name,
        plan_name=plan_title(plan),
        lines=lines,
        credits=tuple(_credits(plan, look)),
        details=tuple(entry for entry in details if entry.value not in shown),
        logo=logo.data if logo else b"",
        logo_uri=_data_uri(logo.data, logo.media_type) if logo else "",
        primary=look.primary or "",
        accent=look.accent or "",
    )


def _credits(plan: Plan, look: RenderLook) -> Iterator[str]:
    """Who prepared the plan, who facilitated its planning, and its last hand-over."""
    if look.prepared_by:
        yield f"Prepared by {look.prepared_by}"
    development = plan.plan.development
    facilitator = development.facilitator if development is not None else None
    if facilitator and facilitator not in (look.prepared_by or ""):
        yield f"Planning facilitated by {facilitator}"
    handover = last_handover(plan)
    if handover is not None:
        words, day = handover
        yield f"{words}: {long_date(day)}"


def last_handover(plan: Plan) -> tuple[str, dt.date] | None:
    """The plan's latest dated hand-over (to DESE, the committee, ...) and its words."""
    info = plan.plan
    dated: list[tuple[str, dt.date]] = []
    if info.shared is not None:
        for key, words in SHARED_WORDS.items():
            day = getattr(info.shared, key)
            if day is not None:
                dated.append((words, day))
    dated += [(submitted_to(item.to, kind_of(plan)), item.date) for item in info.submissions or []]
    if not dated:
        return None
    # The last in time, in sip's order for dates (a period by when it begins, so an exact
    # date inside it comes after); of two alike, the one the plan lists last.
    return max(reversed(dated), key=lambda pair: chronological(pair[1]))


def _data_uri(data: bytes, media_type: str) -> str:
    """The image as a ``data:`` URI, for an HTML page that fetches nothing."""
    return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
