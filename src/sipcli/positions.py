"""Find where a plan path points in the file, using ruamel's round-trip position data.

ruamel records 0-based ``(line, column)`` pairs on every mapping and sequence:
``lc.key(k)`` and ``lc.value(k)`` for a mapping's entries, ``lc.item(i)`` for a sequence's
items. Scalars carry none, so a scalar's position is the one its parent records for it.
Positions are converted to 1-based here, once.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Literal

from ruamel.yaml.comments import CommentedMap, CommentedSeq

Anchor = Literal["key", "value", "parent"]


@dataclass(frozen=True)
class Located:
    """Where a location points: the 1-based position and the part of the path that exists."""

    line: int
    column: int
    path: tuple[str | int, ...]


def walk(data: Any, loc: Sequence[Any]) -> tuple[list[tuple[Any, str | int]], Any]:
    """Follow ``loc`` into ``data``, skipping parts that are not keys or indexes.

    Pydantic adds parts that name a union member or a validator (``'function-before[...]'``,
    ``'int'``); they are skipped. Returns the ``(container, key)`` steps taken and the node
    reached.
    """
    steps: list[tuple[Any, str | int]] = []
    node = data
    for part in loc:
        if _can_step(node, part):
            steps.append((node, part))
            node = node[part]
    return steps, node


def _can_step(node: Any, part: Any) -> bool:
    if isinstance(node, dict):
        return isinstance(part, str) and part in node
    if isinstance(node, list):
        return isinstance(part, int) and 0 <= part < len(node)
    return False


def locate(data: CommentedMap, loc: Sequence[Any], anchor: Anchor = "value") -> Located:
    """Return the position ``loc`` points to.

    ``anchor`` chooses what to point at: the ``key`` itself (unknown keys), its ``value``
    (wrong values), or the ``parent`` mapping that lacks a key (missing keys).
    """
    steps, node = walk(data, loc)
    path = tuple(key for _, key in steps)
    if not steps or (anchor == "parent" and isinstance(node, CommentedMap | CommentedSeq)):
        line, column = _start_of(node)
    else:
        container, key = steps[-1]
        line, column = _entry_position(container, key, anchor)
    return Located(line + 1, column + 1, path)


def _entry_position(container: Any, key: str | int, anchor: Anchor) -> tuple[int, int]:
    try:
        if isinstance(container, CommentedSeq):
            return tuple(container.lc.item(key))
        if isinstance(container, CommentedMap):
            pair = container.lc.key(key) if anchor == "key" else container.lc.value(key)
            return tuple(pair)
    except (KeyError, IndexError, TypeError):
        pass
    return _start_of(container)


def _start_of(node: Any) -> tuple[int, int]:
    if isinstance(node, CommentedMap | CommentedSeq):
        return node.lc.line, node.lc.col
    return 0, 0
