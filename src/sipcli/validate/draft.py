"""A plan in progress: what a half-written plan already says, its unfinished parts set aside.

A plan is written over weeks, stage by stage. `sip init` leaves ``<placeholders>`` wherever a
value is still to come, and a team fills a section at a time. `placeholder_sections` counts
what is left in each top-level section; `draft_of` reads the plan as far as it goes: a
placeholder in a text field stays (a renderer shows it as a gap), and any part that cannot be
read yet (a placeholder where a date or number belongs, an item missing a required key) is set
aside, the smallest part that makes the rest readable: the value, else its list item (one
goal, one benchmark), else its section. What was set aside is listed with its line, so a
preview can say what is not shown yet.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from sipcli.load.positions import locate, walk
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.periods import PeriodContext
from sipcli.validate.document import CalendarSource
from sipcli.validate.placeholders import (
    PLACEHOLDER_PATTERN,
    SectionPlaceholders,
    placeholder_sections,
)

Path = tuple[str | int, ...]

#: Keys a plan cannot be read without; an error inside one is not set aside but reported.
_REQUIRED_SECTIONS = frozenset({"schema_version", "school", "plan"})
#: How many rounds of setting parts aside before giving up (each round sets aside every
#: part the last reading complained about; a plan of any real size needs a handful).
_MAX_ROUNDS = 50


@dataclass(frozen=True)
class SetAside:
    """A part of the plan a draft leaves out because it cannot be read yet."""

    path: Path
    line: int
    column: int
    reason: str
    """Why, in a few words: "a placeholder where a date belongs", "is missing 'target'"."""


@dataclass(frozen=True)
class Draft:
    """A plan in progress: the readable plan, its placeholders and what was set aside."""

    plan: Plan | None
    """None only when the plan's header (schema_version, school, plan) cannot be read."""
    placeholders: tuple[SectionPlaceholders, ...]
    set_aside: tuple[SetAside, ...]
    problems: tuple[str, ...] = ()
    """Why there is no plan, when there is none (the header's errors, in words)."""


def draft_of(document: Document, calendar: CalendarSource | None = None) -> Draft:
    """Read the plan as far as it goes, setting aside what cannot be read yet."""
    placeholders = tuple(placeholder_sections(document))
    removed: list[Path] = []
    reasons: dict[Path, str] = {}
    for _ in range(_MAX_ROUNDS):
        data, origins = _without(document.data, set(removed))
        try:
            plan = Plan.model_validate(data, context=PeriodContext(calendar))
        except ValidationError as error:
            parts = list(_parts_to_set_aside(data, origins, error))
            # A value inside the header may go (an unfilled school code); the header may not.
            header = [reason for part, reason in parts if len(part) <= 1 and _is_header(part)]
            if not parts or header:
                listed = _listed(document, removed, reasons)
                return Draft(None, placeholders, listed, tuple(header or ["unreadable"]))
            for part, reason in parts:
                if part not in reasons:
                    removed.append(part)
                    reasons[part] = reason
            continue
        return Draft(plan, placeholders, _listed(document, removed, reasons))
    return Draft(
        None, placeholders, _listed(document, removed, reasons), ("too many unfinished parts",)
    )


def _is_header(part: Path) -> bool:
    return not part or part[0] in _REQUIRED_SECTIONS


def _listed(
    document: Document, removed: list[Path], reasons: dict[Path, str]
) -> tuple[SetAside, ...]:
    """The parts set aside, outermost only (a goal set aside takes its benchmarks with it)."""
    kept = [path for path in removed if not any(_inside(path, other) for other in removed)]
    items = []
    for path in kept:
        where = locate(document.data, path, "key")
        items.append(SetAside(path, where.line, where.column, reasons[path]))
    return tuple(sorted(items, key=lambda item: (item.line, item.column)))


def _inside(path: Path, other: Path) -> bool:
    return len(other) < len(path) and path[: len(other)] == other


def _parts_to_set_aside(
    data: Any, origins: dict[Path, Path], error: ValidationError
) -> Iterator[tuple[Path, str]]:
    """For each error, the smallest part of the original plan whose removal clears it."""
    for details in error.errors(include_url=False):
        steps, node = walk(data, details["loc"])
        path: Path = tuple(key for _, key in steps)
        original = _original(path, origins)
        if details["type"] == "missing":
            # The item lacking a key cannot be read: set aside its list item, else its section.
            yield _enclosing_item(original), f"is missing '{details['loc'][-1]}'"
        elif isinstance(node, str) and PLACEHOLDER_PATTERN.match(node):
            yield original, f"a placeholder ({node.strip()}) where a value of another kind belongs"
        else:
            yield original, str(details["msg"])


def _enclosing_item(path: Path) -> Path:
    """The innermost list item around ``path``, else its top-level section."""
    for end in range(len(path), 0, -1):
        if isinstance(path[end - 1], int):
            return path[:end]
    return path[:1]


def _without(node: Any, removed: set[Path], path: Path = ()) -> tuple[Any, dict[Path, Path]]:
    """A plain copy of ``node`` without the ``removed`` parts, and where its items came from.

    ``origins`` maps each path in the copy that holds a list index to the same item's path in
    the original, since removing list items shifts the indexes after them.
    """
    origins: dict[Path, Path] = {}
    copied = _copy(node, removed, path, path, origins)
    return copied, origins


def _copy(
    node: Any, removed: set[Path], original: Path, copy: Path, origins: dict[Path, Path]
) -> Any:
    if isinstance(node, dict):
        result: dict[Any, Any] = {}
        for key, value in node.items():
            if (*original, key) in removed:
                continue
            result[key] = _copy(value, removed, (*original, key), (*copy, key), origins)
        return result
    if isinstance(node, list):
        items: list[Any] = []
        for index, value in enumerate(node):
            if (*original, index) in removed:
                continue
            place = (*copy, len(items))
            origins[place] = (*original, index)
            items.append(_copy(value, removed, (*original, index), place, origins))
        return items
    return node


def _original(path: Path, origins: dict[Path, Path]) -> Path:
    """The path in the original plan of a path in the copy."""
    for end in range(len(path), 0, -1):
        if path[:end] in origins:
            return (*origins[path[:end]], *path[end:])
    return path
