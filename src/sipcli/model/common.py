"""Small building blocks used by several plan sections: evidence items and status updates."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel

from sipcli.model.types import STRICT_MODEL, EvidenceFormat, Text


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
    date: dt.date | None = None
    """When it was produced (YYYY-MM-DD)."""
    location: str | None = None
    """Where to find it: a path in this repository, a shared-drive link or a URL."""


UpdateStatus = Literal["not_started", "on_track", "at_risk", "off_track", "met", "not_met"]


class StatusUpdate(BaseModel):
    """One progress check recorded during implementation (Phase III)."""

    model_config = STRICT_MODEL

    date: dt.date
    """When the result was observed (YYYY-MM-DD)."""
    actual: float | None = None
    """The value observed, in the same unit as the target."""
    status: UpdateStatus | None = None
    """The team's judgement at that date."""
    period: str | None = None
    """The administration or window the result comes from, e.g. "spring 2026" or "winter i-Ready"."""
    note: str | None = None
    """What the team saw and decided."""
