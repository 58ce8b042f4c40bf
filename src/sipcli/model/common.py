"""Small building blocks used by several plan sections: evidence items and status updates."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

from sipcli.model.types import STRICT_MODEL, DateOrPeriod, EvidenceFormat, Text


class Evidence(BaseModel):
    """Something that shows a stage was carried out, in whatever format the school chose.

    DESE lets schools evidence most stages in a flexible format (a presentation, a video,
    meeting notes) instead of a written section.
    """

    model_config = STRICT_MODEL

    format: EvidenceFormat
    """What kind of evidence this is."""
    title: Text
    """A short title, e.g. "Family forum slides, October 2025"."""
    date: DateOrPeriod | None = None
    """When it was produced (a date, 2026-11-15, or a period: SY2026-27 Q2, EOY, spring 2027)."""
    location: str | None = None
    """Where to find it: a path in this repository, a shared-drive link or a URL."""


UpdateStatus = Literal["not_started", "on_track", "at_risk", "off_track", "met", "not_met"]

ResultKind = Literal["actual", "preliminary", "projected"]


class StatusUpdate(BaseModel):
    """One progress check recorded during implementation (Phase III)."""

    model_config = STRICT_MODEL

    date: DateOrPeriod
    """When the result was observed: a date, or a period such as Q2, "winter 2027 i-Ready" or "spring 2026 MCAS"."""
    actual: float | None = None
    """The value observed (or projected, see ``kind``), in the same unit as the target."""
    kind: ResultKind | None = None
    """What the value is: actual (the default), preliminary (early results, e.g. June MCAS), or projected (predicted from a diagnostic such as i-Ready, STAR or MAP, not a result)."""
    source: str | None = None
    """Where the value comes from, e.g. "Spring MCAS" or "i-Ready winter diagnostic, predicted proficiency"."""
    status: UpdateStatus | None = None
    """The team's judgement at that date."""
    period: str | None = None
    """The administration or window the result comes from, e.g. "spring 2026" or "winter i-Ready"."""
    note: str | None = None
    """What the team saw and decided."""
