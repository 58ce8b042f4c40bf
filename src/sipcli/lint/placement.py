"""Where a missing part of a plan belongs in its file, so a finding about it points there.

A whole-plan finding ("the plan has no vision", "monitoring has no district level") is about
a key that is not in the file. Pointing at the top of the file sends the user to the wrong
place; this module finds where the key goes instead: after the key that comes before it in
the plan format's order, or before the one that follows it. That order is the plan model's
field order (the order `sip fmt` writes keys in), so it is stated once, in ``model/``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.load.positions import walk
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.model.introspect import models_in

Path = tuple[str | int, ...]


@dataclass(frozen=True)
class Placement:
    """Where a missing key goes: a 1-based line and column, and the place in words."""

    line: int
    column: int
    key: str
    where: str
    """E.g. ``after stakeholder_engagement`` or ``under monitoring, after school_level``."""

    def sentence(self) -> str:
        """Return the sentence a message ends with: ``Put it after vision, at line 41.``."""
        return f"Put it {self.where}, at line {self.line}."


def place_missing(document: Document, path: Path, root: type[BaseModel] = Plan) -> Placement | None:
    """Return where the first key of ``path`` that the file lacks belongs.

    None when the whole path is in the file (point at it as it is), or when the key would go
    in a mapping written on one line (``{...}``), where no line can be named for it.
    """
    steps, node = walk(document.data, path)
    if len(steps) == len(path):
        return None
    missing = path[len(steps)]
    if not isinstance(missing, str) or not _is_block_mapping(node) or not node:
        return None
    order = _field_order(root, path[: len(steps)])
    previous, following = _neighbours(node, missing, order)
    parent = f"under {_name_of(steps)}, " if steps else ""
    if previous is not None:
        line = _last_content_line(document.lines, [*steps, (node, previous)]) + 1
        column = node.lc.key(previous)[1]
        where = f"{parent}after {previous}"
    else:
        line, column = node.lc.key(following)
        where = f"{parent}before {following}"
    return Placement(line + 1, column + 1, missing, where)


def _name_of(steps: list[tuple[Any, str | int]]) -> str:
    """Name the mapping a key goes in as a person reads it: ``school_level in monitoring``."""
    keys = [str(key) for container, key in steps if not isinstance(container, list)]
    return " in ".join(reversed(keys))


def _is_block_mapping(node: Any) -> bool:
    return isinstance(node, CommentedMap) and not node.fa.flow_style()


def _field_order(root: type[BaseModel], path: Sequence[str | int]) -> list[str]:
    """Return the keys of the model at ``path`` in the format's order ([] if none is known)."""
    model = root
    for part in path:
        if isinstance(part, int):
            continue  # a list item has the model of the list's items
        info = model.model_fields.get(part)
        found = models_in(info.annotation) if info is not None else []
        if not found:
            return []
        model = found[0]
    return list(model.model_fields)


def _neighbours(node: CommentedMap, missing: str, order: list[str]) -> tuple[Any, Any]:
    """Return the present key the missing one follows, else the one it precedes.

    Keys outside the format's order (there are none in a valid plan) are passed over; with
    no known order, the missing key goes after the last key written.
    """
    written = [key for key in node if isinstance(key, str)]
    if missing not in order:
        return (written[-1], None) if written else (None, next(iter(node)))
    rank = order.index(missing)
    before = [key for key in written if key in order and order.index(key) < rank]
    if before:
        return max(before, key=order.index), None
    after = [key for key in written if key in order]
    first = min(after, key=order.index) if after else next(iter(node))
    return None, first


def _last_content_line(lines: Sequence[str], steps: list[tuple[Any, str | int]]) -> int:
    """Return the 0-based index of the last line of the entry ``steps`` ends at.

    The entry runs from its own line to the line before the next entry of its container
    (or of an enclosing one); blank lines and comments at its end are not part of it, since
    comments before a key usually introduce that key.
    """
    container, key = steps[-1]
    start = _entry_line(container, key)
    stop = _region_end(lines, steps)
    last = stop - 1
    while last > start and _is_blank_or_comment(lines[last]):
        last -= 1
    return max(last, start)


def _region_end(lines: Sequence[str], steps: list[tuple[Any, str | int]]) -> int:
    """Return the 0-based index one past the last line that may belong to the entry."""
    for depth in range(len(steps), 0, -1):
        container, key = steps[depth - 1]
        start = _entry_line(container, key)
        later = [line for line in _entry_lines(container) if line > start]
        if later:
            return min(later)
    return len(lines)


def _entry_lines(container: Any) -> list[int]:
    if isinstance(container, CommentedSeq):
        return [_entry_line(container, index) for index in range(len(container))]
    return [_entry_line(container, key) for key in container]


def _entry_line(container: Any, key: str | int) -> int:
    if isinstance(container, CommentedSeq):
        return int(container.lc.item(key)[0])
    return int(container.lc.key(key)[0])


def _is_blank_or_comment(text: str) -> bool:
    stripped = text.strip()
    return not stripped or stripped.startswith("#")
