"""The status of a plan in progress: each DESE stage, what it still lacks, and the next step.

A stage is *not started* when the format finds nothing of it written yet (no section, or
nothing but `sip init` placeholders); *done* when it is written and lint finds no error or
warning left in it; *in progress* otherwise. What a stage lacks is listed in plain words:
the placeholders left (how many, and the first), the parts sip cannot read yet, and what a
DESE reviewer would still ask for (lint's errors and warnings, shortened). The next step is
the first thing to do in the first stage, in DESE's order, that is not done.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from sipcli.diagnostics import Diagnostic, FileResult, Severity, format_plan_path
from sipcli.lint.engine import lint_plan
from sipcli.lint.settings import settings_for
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.model.kinds import facts_for
from sipcli.model.stages import Stage, stages
from sipcli.monitor.rollup import PlanStages
from sipcli.validate.check import calendar_source
from sipcli.validate.draft import Draft, SetAside, draft_of
from sipcli.validate.placeholders import find_placeholders
from sipcli.validate.plans import PlanFile, read_plans
from sipcli.validate.stages import StageState, stage_states

Status = Literal["done", "in progress", "not started"]
Path_ = tuple[str | int, ...]
LackKind = Literal["placeholders", "unreadable", "finding"]

#: The states in the order a workshop reads them.
STATES: tuple[Status, ...] = ("done", "in progress", "not started")
#: How many things a stage lacks are shown before "and N more" (a projected screen is short).
SHOWN_LACKS = 3
#: The longest a reviewer's finding is shown, in characters, cut at a word.
MESSAGE_WIDTH = 90

#: The lint rule (name and code) that asks for each stage: a kind of plan that skips the rule
#: (`model.kinds`: a §59C school council plan has no executive summary) does not need the
#: stage. The school and the plan are always needed; an optional stage (stages.yaml) never.
STAGE_RULES = {
    "stakeholder_engagement": ("missing-stage", "SIP606"),
    "vision": ("missing-stage", "SIP606"),
    "assessment": ("missing-stage", "SIP606"),
    "strategic_objectives": ("missing-stage", "SIP606"),
    "goals": ("goals-missing", "SIP602"),
    "district_systems": ("district-systems", "SIP605"),
    "executive_summary": ("executive-summary-elements", "SIP601"),
    "implementation": ("missing-stage", "SIP606"),
    "monitoring": ("missing-stage", "SIP606"),
}

_SECTION = re.compile(r"[^.\[]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s")


@dataclass(frozen=True)
class Lack:
    """One thing a stage still lacks, in words a school team reads in a workshop."""

    kind: LackKind
    text: str
    """E.g. "6 placeholders left, the first at line 63: <vision statement>"."""
    line: int | None
    path: str = ""
    """The plan path it is about (``vision.statement``), empty for a whole section."""
    code: str = ""
    """The lint rule's code, for a finding (JSON only: the view shows no codes)."""
    severity: str = ""
    """``error`` or ``warning``, for a finding."""


@dataclass(frozen=True)
class StageStatus:
    """One stage of the plan: its state, what it lacks, and the first thing to do in it."""

    stage: Stage
    state: Status
    required: bool
    """Whether this kind of plan needs the stage (an optional one, such as the financial plan,
    or one the kind is not asked for, is not a missing stage)."""
    line: int | None
    """The line of the stage's first section, None when the file has none of it."""
    placeholders: int
    set_aside: int
    """Parts of the stage sip cannot read yet (a placeholder where a date belongs, ...)."""
    errors: int
    warnings: int
    lacks: tuple[Lack, ...]
    first_step: str | None
    """What to do first in the stage ("fill in vision.statement (line 63)"); None when done."""

    def shown(self, limit: int = SHOWN_LACKS) -> list[str]:
        """The lacks to show: at most ``limit`` lines, the last saying "and N more"."""
        texts = [lack.text for lack in self.lacks]
        if len(texts) <= limit:
            return texts
        return [*texts[: limit - 1], f"and {len(texts) - limit + 1} more"]


@dataclass(frozen=True)
class PlanStatus:
    """Where one plan stands: its stages in DESE's order and the next step."""

    file: str
    school: str | None
    stages: tuple[StageStatus, ...]
    next_step: str
    """One sentence: "Next: Envisioning the future: fill in vision.statement (line 63).\""""
    next_stage: str | None
    """The id of the stage the next step is in, None when every needed stage is done."""
    reviewed: bool
    """Whether lint's rules ran (False while the top of the plan cannot be read)."""

    def count(self, state: Status) -> int:
        """How many stages are in ``state``."""
        return sum(stage.state == state for stage in self.stages)


@dataclass(frozen=True)
class StatusRun:
    """The status of one file, or the file's problems when it cannot be read as a plan."""

    status: PlanStatus | None
    unreadable: FileResult | None = None


def status_of_file(
    path: Path,
    *,
    config: Path | None = None,
    profile: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> StatusRun:
    """Read ``path`` as a plan in progress and say where each stage stands.

    A file that is not readable YAML, or not a plan at all, comes back as ``unreadable``
    with its diagnostics.

    Raises:
        SipError: when the file or a configuration file cannot be read.
    """
    source = next(iter(read_plans([path], config=config, max_bytes=max_bytes)))
    if source.document is None or not _looks_like_plan(source.document):
        return StatusRun(None, source.result)
    return StatusRun(plan_status(source, profile=profile))


def _looks_like_plan(document: Document) -> bool:
    """Whether the file has any key of a plan: anything else is not a plan in progress."""
    keys = {"schema_version", *(name for stage in stages() for name in stage.sections)}
    return not keys.isdisjoint(str(key) for key in document.data)


def plan_status(source: PlanFile, *, profile: str | None = None) -> PlanStatus:
    """Return where each stage of a loaded plan stands, and the next step.

    Raises:
        ValueError: when ``source`` holds no document (a file that is not YAML).
        SipError: when the plan's configuration file is invalid.
    """
    document = source.document
    if document is None:
        raise ValueError(f"{source.path} was not loaded")
    draft = draft_of(document, calendar_source(source.path, source.config))
    findings = _findings(source, document, draft, profile)
    placeholders = _first_placeholders(document)
    unfilled = {path for path, _ in find_placeholders(document.data)}
    judged = tuple(
        _stage_status(state, draft, findings, placeholders, unfilled)
        for state in stage_states(document, draft)
    )
    pending = next((stage for stage in judged if _pending(stage)), None)
    if pending is None:
        step = (
            "Next: every stage is done. Check the whole plan with sip validate and sip lint, "
            "then share it with sip render."
        )
    else:
        step = f"Next: {pending.stage.title}: {pending.first_step}."
    return PlanStatus(
        file=str(source.path),
        school=_school(document),
        stages=judged,
        next_step=step,
        next_stage=pending.stage.id if pending else None,
        reviewed=draft.plan is not None,
    )


def _pending(stage: StageStatus) -> bool:
    """A stage still to work on: not done, and needed or already begun."""
    return stage.state != "done" and (stage.required or stage.state != "not started")


def _school(document: Document) -> str | None:
    school = document.data.get("school")
    name = school.get("name") if isinstance(school, dict) else None
    return name.strip() if isinstance(name, str) and not name.strip().startswith("<") else None


def _findings(
    source: PlanFile, document: Document, draft: Draft, profile: str | None
) -> list[Diagnostic]:
    """Lint's errors and warnings on the plan as far as it reads, left to the team to fix.

    A finding at a placeholder is left out (the placeholder is counted already), and so is
    one inside a part set aside (it is about the gap left by the part, not the plan).
    """
    if draft.plan is None:
        return []
    settings = settings_for(source.path, config=source.config, profile=profile)
    readable = PlanFile(source.path, source.result, draft.plan, document, source.config)
    linted = lint_plan(readable, settings)
    skipped = {format_plan_path(path) for path, _ in find_placeholders(document.data)}
    aside = [format_plan_path(part.path) for part in draft.set_aside]
    return [
        found
        for found in linted.diagnostics
        if found.severity in (Severity.ERROR, Severity.WARNING)
        and found.path not in skipped
        and not any(_within(found.path, part) for part in aside)
    ]


def _within(path: str, part: str) -> bool:
    return path == part or path.startswith((f"{part}.", f"{part}["))


def _first_placeholders(document: Document) -> dict[str, str]:
    """The path of the first placeholder in each top-level section, as written."""
    first: dict[str, str] = {}
    for path, _ in find_placeholders(document.data):
        if path:
            first.setdefault(str(path[0]), format_plan_path(path))
    return first


def _stage_status(
    state: StageState,
    draft: Draft,
    findings: list[Diagnostic],
    placeholders: dict[str, str],
    unfilled: set[Path_],
) -> StageStatus:
    stage = state.stage
    own = [found for found in findings if _stage_of(found.path) == stage.id]
    if state.state == "not started" and state.placeholders:
        # A skeleton's findings are about the skeleton (a reference to an item not filled in
        # yet): what such a stage lacks is its placeholders.
        own = []
    errors = sum(found.severity == Severity.ERROR for found in own)
    warnings = len(own) - errors
    header = list(draft.problems) if stage.id == "about" and draft.plan is None else []
    lacks = (
        *_placeholder_lacks(state, placeholders),
        *(Lack("unreadable", _header_problem(why), None) for why in header),
        *_unreadable_lacks(state.set_aside, unfilled),
        *_finding_lacks(own),
    )
    if state.state == "not started":
        status: Status = "not started"
    elif state.state == "written" and not own and not header and draft.plan is not None:
        # Without a readable top, lint cannot run: a written stage is not known to be done.
        status = "done"
    else:
        status = "in progress"
    return StageStatus(
        stage=stage,
        state=status,
        required=_required(stage, draft.plan),
        line=state.line,
        placeholders=state.placeholder_count,
        set_aside=len(state.set_aside),
        errors=errors,
        warnings=warnings,
        lacks=lacks,
        first_step=None if status == "done" else _first_step(stage, lacks, state.line is not None),
    )


def _header_problem(why: str) -> str:
    """Why the top of the plan cannot be read, as a lack: "the top of the plan is missing ..."."""
    if why.startswith("is "):
        return f"the top of the plan {why}"
    return f"the top of the plan cannot be read yet: {why}"


def _stage_of(path: str) -> str:
    """The id of the stage whose section a finding's path starts with (the plan's own: about)."""
    match = _SECTION.match(path)
    section = match.group(0) if match else ""
    for stage in stages():
        if section in stage.sections:
            return stage.id
    return "about"


def _required(stage: Stage, plan: Plan | None) -> bool:
    if stage.optional:
        return False
    rules = STAGE_RULES.get(stage.id)
    if rules is None or plan is None:
        return True
    return facts_for(plan).skip.isdisjoint(rules)


def _placeholder_lacks(state: StageState, first: dict[str, str]) -> Iterator[Lack]:
    for section in state.placeholders:
        left = "1 placeholder left" if section.count == 1 else f"{section.count} placeholders left"
        yield Lack(
            "placeholders",
            f"{section.section}: {left}, the first at line {section.line}",
            section.line,
            first.get(section.section, section.section),
        )


def _unreadable_lacks(parts: Iterable[SetAside], unfilled: set[Path_]) -> Iterator[Lack]:
    for part in parts:
        # A part set aside because of a placeholder in it (a date still "<YYYY-MM-DD>") is
        # counted with the placeholders: it is not said twice.
        if any(path[: len(part.path)] == part.path for path in unfilled):
            continue
        path = format_plan_path(part.path)
        why = part.reason if part.reason.startswith("is ") else f"cannot be read: {part.reason}"
        yield Lack("unreadable", f"{path} (line {part.line}) {why}", part.line, path)


def _finding_lacks(found: list[Diagnostic]) -> Iterator[Lack]:
    ordered = sorted(found, key=lambda item: (item.severity != Severity.ERROR, item.line))
    for item in ordered:
        text = f"{shorten(item.message)} (line {item.line})"
        yield Lack("finding", text, item.line, item.path, item.code, item.severity.value)


def shorten(message: str, width: int = MESSAGE_WIDTH) -> str:
    """The first sentence of a message, cut at a word to at most ``width`` characters."""
    first = _SENTENCE_END.split(message.strip(), maxsplit=1)[0].rstrip(".")
    if len(first) <= width:
        return first
    cut = first[: width - 1].rsplit(" ", 1)[0].rstrip(",;:")
    return f"{cut}…"


def _first_step(stage: Stage, lacks: tuple[Lack, ...], written: bool) -> str:
    """The first thing to do in a stage that is not done, as the end of a sentence."""
    if not lacks:
        if written:
            return "check it with sip lint once the top of the plan can be read"
        return f"write the {stage.sections[0]} section"
    lack = lacks[0]
    if lack.kind == "placeholders":
        return f"fill in {lack.path} (line {lack.line})"
    if lack.kind == "unreadable" and lack.path:
        return f"complete {lack.text}"
    if not written and lack.line is not None:
        # The line of a missing stage's finding is where its section belongs.
        what = _lower(lack.text.removesuffix(f" (line {lack.line})"))
        return f"add {stage.sections[0]}: at line {lack.line} ({what})"
    return _lower(lack.text)


def _lower(text: str) -> str:
    """A message's first letter in lower case, to follow a colon (not an id such as "G1")."""
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def rollup_stages(source: PlanFile) -> PlanStages:
    """The stage states `sip report` shows for one plan: the same as `sip status` gives."""
    status = plan_status(source)
    return PlanStages(
        states=tuple((stage.stage.title, stage.state) for stage in status.stages),
        missing=tuple(
            stage.stage.title
            for stage in status.stages
            if stage.required and stage.state == "not started"
        ),
    )
