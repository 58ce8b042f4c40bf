"""A draft's view: the plan as far as it goes, marked Draft, its gaps and unfinished stages shown.

`sip render --draft` previews a plan still being written. The plan is read by
`sipcli.validate.draft.draft_of` (placeholders kept, unreadable parts set aside), its view is
built as any plan's, and then `as_draft` dresses it: each ``<placeholder>`` left in the text
becomes a gap ("[to fill in: school name]", marked for each format's own style), each
unfinished stage gets a line under its heading ("Not started", "In progress: 6
placeholders, 2 parts not shown yet"), a stage with nothing to show yet still appears with
its heading, and the view carries the Draft mark every format prints on every page.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from typing import Any

from sipcli.load.source import Document
from sipcli.render.escape import GAP_CLOSE, GAP_OPEN
from sipcli.render.viewmodel import PlanView, Section
from sipcli.validate.draft import Draft
from sipcli.validate.stages import StageState, stage_states

#: The mark every page of a draft carries (Word's running header, the HTML banner).
DRAFT_MARK = "DRAFT: a plan still being written, not for submission"
#: The order of the view's sections (`build_view`), where a stage not shown yet is put.
VIEW_ORDER = (
    "executive_summary",
    "school",
    "stakeholder_engagement",
    "vision",
    "assessment",
    "strategic_objectives",
    "goals",
    "traceability",
    "resources",
    "financial_plan",
    "district_systems",
    "implementation",
    "monitoring",
)
#: A placeholder inside a rendered text (the view joins and labels values, so a placeholder
#: may sit inside a longer text): only those the plan itself holds are turned into gaps.
_ANGLED = re.compile(r"<([^<>\n]+)>")


@dataclass(frozen=True)
class DraftFacts:
    """What a draft view needs from the plan in progress: its placeholders and stage states."""

    placeholders: frozenset[str]
    """The words inside each placeholder the plan holds ("school name")."""
    states: tuple[StageState, ...]
    placeholder_count: int
    set_aside: int
    """How many parts of the plan cannot be shown yet (a placeholder where a date belongs)."""


def draft_facts(document: Document, draft: Draft) -> DraftFacts:
    """Gather the facts a draft view shows, from the plan's document and its draft reading."""
    texts = frozenset(
        text.strip()[1:-1].strip() for section in draft.placeholders for text in section.texts
    )
    return DraftFacts(
        placeholders=texts,
        states=tuple(stage_states(document, draft)),
        placeholder_count=sum(section.count for section in draft.placeholders),
        set_aside=len(draft.set_aside),
    )


def gap(words: str) -> str:
    """Return the marked gap for a placeholder's words: "[to fill in: school name]"."""
    return f"{GAP_OPEN}[to fill in: {words}]{GAP_CLOSE}"


def as_draft(view: PlanView, facts: DraftFacts, with_phases: bool = True) -> PlanView:
    """Return ``view`` as a draft: gaps for placeholders, stage notes, the Draft mark.

    ``with_phases`` is False for a plan kind without DESE's phases (its sections show none).
    """
    filled = _with_gaps(view, facts.placeholders)
    sections = _with_stage_notes(filled.sections, facts.states, with_phases)
    return dataclasses.replace(filled, sections=sections, draft=True, draft_note=draft_note(facts))


def draft_note(facts: DraftFacts) -> str:
    """The note at the top of a draft: what it is, and how much is left."""
    left = []
    if facts.placeholder_count:
        left.append(
            f"{_count(facts.placeholder_count, 'placeholder')} left to fill in "
            "(shown as [to fill in: ...])"
        )
    if facts.set_aside:
        them = "it" if facts.set_aside == 1 else "them"
        left.append(
            f"{_count(facts.set_aside, 'part')} left out until filled in, because sip cannot "
            f"read {them} yet (sip validate lists {them} with the line)"
        )
    if not left:
        return f"{DRAFT_MARK}."
    return f"{DRAFT_MARK}: {'; '.join(left)}."


def stage_note(state: StageState) -> str:
    """How far a stage has got, in a few words, or nothing when it is written."""
    if state.state == "not started":
        return "Not started"
    if state.state == "written":
        return ""
    parts = []
    if state.placeholder_count:
        parts.append(f"{_count(state.placeholder_count, 'placeholder')} to fill in")
    if state.set_aside:
        # A set-aside part often holds some of the placeholders: say it apart, not as a sum.
        it = "it" if len(state.set_aside) == 1 else "they"
        parts.append(f"{_count(len(state.set_aside), 'part')} left out until {it} can be read")
    return f"In progress: {'; '.join(parts)}" if parts else "In progress"


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


def _with_gaps(view: PlanView, placeholders: frozenset[str]) -> PlanView:
    """Every text of the view with its placeholders turned into gaps."""

    def replace(match: re.Match[str]) -> str:
        words = match.group(1).strip()
        return gap(words) if words in placeholders else match.group(0)

    def visit(node: Any) -> Any:
        if isinstance(node, str):
            # The plan's own text never carries gap marks: only sip's gaps are styled.
            plain = node.replace(GAP_OPEN, "").replace(GAP_CLOSE, "")
            return _ANGLED.sub(replace, plain) if "<" in plain else plain
        if isinstance(node, tuple):
            return tuple(visit(item) for item in node)
        if dataclasses.is_dataclass(node) and not isinstance(node, type):
            changes = {
                item.name: visit(getattr(node, item.name)) for item in dataclasses.fields(node)
            }
            return dataclasses.replace(node, **changes)
        return node

    result: PlanView = visit(view)
    return result


def _with_stage_notes(
    sections: tuple[Section, ...], states: tuple[StageState, ...], with_phases: bool
) -> tuple[Section, ...]:
    """Each stage's note under its first section; a stage not shown yet gets its heading."""
    shown = list(sections)
    for state in states:
        note = stage_note(state)
        index = next(
            (i for i, section in enumerate(shown) if section.key in state.stage.sections), None
        )
        if index is not None:
            if note:
                shown[index] = dataclasses.replace(shown[index], note=note)
            continue
        if state.stage.optional and state.state == "not started":
            continue  # a financial plan is asked of some plans only: no heading for it
        phase = f"Phase {state.stage.phase}" if with_phases else ""
        stub = Section(
            state.stage.sections[0], state.stage.title, phase, note=note or "Nothing to show yet"
        )
        shown.insert(_position(shown, stub.key), stub)
    return tuple(shown)


def _position(shown: list[Section], key: str) -> int:
    """Where a section of ``key`` goes among those shown, in the view's order."""
    rank = _rank(key)
    for index, section in enumerate(shown):
        if _rank(section.key) > rank:
            return index
    return len(shown)


def _rank(key: str) -> int:
    return VIEW_ORDER.index(key) if key in VIEW_ORDER else len(VIEW_ORDER)
