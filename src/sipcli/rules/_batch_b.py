"""Rules of batch b while they are written in parallel; folded into __init__ when done."""

from __future__ import annotations

from sipcli.rules.base import Rule

BATCH: tuple[type[Rule], ...] = ()  # type: ignore[type-arg]
