"""How far each stage of a plan in progress has got, as far as the plan format can tell.

A stage is *not started* when none of its sections is written, or every value in them is
still a `sip init` placeholder; *in progress* when placeholders are left or parts of it
cannot be read yet (`sipcli.validate.draft`); *written* otherwise. What a DESE reviewer would
still ask for (lint's findings) is added on top by `sip status`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from sipcli.load.positions import locate
from sipcli.load.source import Document
from sipcli.model.stages import Stage, stages
from sipcli.validate.draft import Draft, SetAside
from sipcli.validate.placeholders import SectionPlaceholders

State = Literal["not started", "in progress", "written"]


@dataclass(frozen=True)
class StageState:
    """One stage of the plan: how far it has got, and what is still open in it."""

    stage: Stage
    state: State
    line: int | None
    """The line of the stage's first section in the file (None when none is written)."""
    placeholders: tuple[SectionPlaceholders, ...]
    set_aside: tuple[SetAside, ...]

    @property
    def placeholder_count(self) -> int:
        """How many placeholders are left in the stage."""
        return sum(section.count for section in self.placeholders)


def stage_states(document: Document, draft: Draft) -> list[StageState]:
    """Return every stage of the process, in order, with its state in this plan."""
    by_section = {section.section: section for section in draft.placeholders}
    data = document.data if isinstance(document.data, dict) else {}
    states = []
    for stage in stages():
        written = [name for name in stage.sections if data.get(name) not in (None, "", [], {})]
        placeholders = tuple(by_section[name] for name in stage.sections if name in by_section)
        set_aside = tuple(
            part for part in draft.set_aside if part.path[:1] and part.path[0] in stage.sections
        )
        untouched = all(name in by_section and by_section[name].not_started for name in written)
        if not written or untouched:
            state: State = "not started"
        elif placeholders or set_aside:
            state = "in progress"
        else:
            state = "written"
        line = locate(document.data, (written[0],), "key").line if written else None
        states.append(StageState(stage, state, line, placeholders, set_aside))
    return states
