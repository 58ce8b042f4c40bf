"""What `sip init` leaves to fill in: values written as ``<...>``, found and counted by section.

A plan in progress is a normal state: what is left is counted per top-level section ("vision:
6 placeholders left, the first at 61:14"), and a section that holds nothing but placeholders
and the skeleton's codes is not started yet.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sipcli.load.positions import locate
from sipcli.load.source import Document

Path = tuple[str | int, ...]

#: A whole value written as ``<...>``: how `sip init` marks what is still to be filled in.
PLACEHOLDER_PATTERN = re.compile(r"^\s*<[^<>\n]+>\s*$")


def find_placeholders(node: Any, path: Path = ()) -> Iterator[tuple[Path, str]]:
    """Yield ``(path, text)`` for every value written as a ``<placeholder>``."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield from find_placeholders(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from find_placeholders(value, (*path, index))
    elif isinstance(node, str) and PLACEHOLDER_PATTERN.match(node):
        yield path, node.strip()


@dataclass(frozen=True)
class SectionPlaceholders:
    """The placeholders left in one top-level section of the plan."""

    section: str
    count: int
    line: int
    """Line (1-based) of the first placeholder."""
    column: int
    texts: tuple[str, ...]
    """Each placeholder as written ("<school name>"), in file order."""
    written: int
    """How many values of the section are the team's own words (not placeholders or codes)."""

    @property
    def not_started(self) -> bool:
        """Nothing but placeholders and the skeleton's codes (ids, units, cadences) so far."""
        return self.written == 0


def placeholder_sections(document: Document) -> list[SectionPlaceholders]:
    """Return the placeholders left in each top-level section, in file order of sections."""
    grouped: dict[str, list[tuple[Path, str]]] = {}
    for path, text in find_placeholders(document.data):
        grouped.setdefault(str(path[0]) if path else "", []).append((path, text))
    sections = []
    for section, found in grouped.items():
        first = locate(document.data, found[0][0], "value")
        sections.append(
            SectionPlaceholders(
                section=section,
                count=len(found),
                line=first.line,
                column=first.column,
                texts=tuple(text for _, text in found),
                written=_written(document.data.get(section)) if section else 0,
            )
        )
    return sorted(sections, key=lambda item: (item.line, item.column))


#: A value `sip init` writes as it is: an id (G1, G1.B1, TP2), a code (percent, families).
_CODE = re.compile(r"^(?:[a-z_]+|[A-Z]{1,3}\d+(?:\.[A-Z]{0,2}\d+)*)$")


def _written(node: Any) -> int:
    """How many values in ``node`` are words a team wrote (text that is not a code)."""
    if isinstance(node, dict):
        return sum(_written(value) for value in node.values())
    if isinstance(node, list):
        return sum(_written(value) for value in node)
    if isinstance(node, str):
        return 0 if PLACEHOLDER_PATTERN.match(node) or _CODE.match(node.strip()) else 1
    return 0
