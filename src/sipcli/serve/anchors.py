"""Where in a rendered page a finding points: the id of the item it is about, or its section.

The HTML templates give each stage section its key (``goals``), each item titled by its id
(``O1: ...``) and each row of a table whose first column is ``Id`` that id. A finding's plan
path (``goals[1].benchmarks[0].target``) is walked through the file's data, and the deepest
item with an id the page has is the anchor; else the section of its top-level key (the title
block for ``school``, which has no section).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sipcli.diagnostics import Diagnostic

_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
#: Top-level keys with no section of their own: the title block (``id="plan"``) shows them.
_IN_THE_TITLE_BLOCK = {"school": "plan", "schema_version": "plan"}
_ID_ATTRIBUTE = re.compile(r'\bid="([^"<>]+)"')


def page_ids(html: str) -> frozenset[str]:
    """Return every ``id`` attribute value in ``html``."""
    return frozenset(_ID_ATTRIBUTE.findall(html))


def path_parts(path: str) -> list[str | int]:
    """Split a plan path: ``goals[1].target`` -> ``["goals", 1, "target"]``."""
    return [int(index) if index else key for index, key in _PATH_PART.findall(path)]


def anchor_for(diagnostic: Diagnostic, data: object, ids: frozenset[str]) -> str | None:
    """Return the id in ``ids`` that ``diagnostic`` is best shown at, or None.

    ``data`` is the file's parsed YAML (None when it could not be parsed); a finding with no
    path is placed by its line, under the top-level key whose entry holds that line.
    """
    parts: Sequence[str | int] = path_parts(diagnostic.path)
    if not parts and isinstance(data, Mapping):
        key = _top_key_at(data, diagnostic.line)
        parts = [key] if key is not None else []
    for candidate in _candidates(data, parts):
        if candidate in ids:
            return candidate
    return None


def _candidates(data: object, parts: Sequence[str | int]) -> list[str]:
    """The ids met along ``parts``, deepest first, then the top-level key."""
    found: list[str] = []
    node: Any = data
    for part in parts:
        node = _step(node, part)
        if node is None:
            break
        if isinstance(node, Mapping) and isinstance(node.get("id"), str):
            found.append(node["id"])
    found.reverse()
    if parts and isinstance(parts[0], str):
        found.append(parts[0])
        if parts[0] in _IN_THE_TITLE_BLOCK:
            found.append(_IN_THE_TITLE_BLOCK[parts[0]])
    return found


def _step(node: object, part: str | int) -> Any:
    """The child of ``node`` at ``part``, or None when there is none."""
    if isinstance(part, int) and isinstance(node, Sequence) and not isinstance(node, str):
        return node[part] if 0 <= part < len(node) else None
    if isinstance(part, str) and isinstance(node, Mapping):
        return node.get(part)
    return None


def _top_key_at(data: Mapping[Any, Any], line: int) -> str | None:
    """The top-level key whose entry holds 1-based ``line`` (ruamel keeps each key's line)."""
    positions = getattr(data, "lc", None)
    if positions is None:
        return None
    best: str | None = None
    for key in _string_keys(data):
        try:
            key_line = positions.key(key)[0] + 1
        except (KeyError, TypeError):
            continue
        if key_line <= line:
            best = key
    return best


def _string_keys(data: Mapping[Any, Any]) -> Iterable[str]:
    """The mapping's text keys, in file order."""
    return (key for key in data if isinstance(key, str))
