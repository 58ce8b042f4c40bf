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
        key = _step(node, part)
        if key is not _NO_STEP:
            steps.append((node, key))
            node = node[key]
    return steps, node


_NO_STEP = object()


def _step(node: Any, part: Any) -> Any:
    """Return the key or index ``part`` names in ``node``, or ``_NO_STEP``."""
    if isinstance(node, list):
        return part if isinstance(part, int) and 0 <= part < len(node) else _NO_STEP
    if not isinstance(node, dict) or isinstance(part, bool):
        return _NO_STEP
    if isinstance(part, str) and part in node:
        return part
    # Pydantic reports a key that is not text (2026:, null:) as text ('2026', 'None').
    for key in node:
        if not isinstance(key, str) and str(key) == str(part):
            return key
    return _NO_STEP


def locate(data: CommentedMap, loc: Sequence[Any], anchor: Anchor = "value") -> Located:
    """Return the position ``loc`` points to.

    ``anchor`` chooses what to point at: the ``key`` itself (unknown keys), its ``value``
    (wrong values), or the ``parent`` mapping that lacks a key (missing keys).
    """
    steps, node = walk(data, loc)
    path = tuple(key if isinstance(container, list) else str(key) for container, key in steps)
    if not steps or (anchor == "parent" and isinstance(node, CommentedMap | CommentedSeq)):
        line, column = _start_of(node)
    else:
        container, key = steps[-1]
        if node is None and anchor == "value":
            # An empty value has no position of its own: ruamel gives the next token's.
            anchor = "key"
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
