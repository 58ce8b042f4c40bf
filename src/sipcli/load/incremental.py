"""Parse a plan again after an edit, reusing its top-level sections whose text did not change.

In an editor (`sip lsp`) the whole text is checked after every keystroke, and parsing it is
most of the work. A keystroke changes one top-level section (``goals:``, ``assessment:``...):
`IncrementalParser` splits the text where each top-level key starts, parses each section on
its own and keeps what it parsed, so the next text parses only the sections that changed. A
section that moved up or down keeps its data; its positions are moved with it.

The result equals `sipcli.load.source.parse` of the whole text, data and positions, for every
text it splits. Whatever it does not split plainly (a document marker, a top-level key that is
quoted or not at the start of its line, a duplicated key) and every text with a problem in it
goes to `parse` whole, so refusals and their messages are exactly the loader's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.load.source import Refusal, parse

#: A top-level key written plainly at the start of its line: where a section starts.
_SECTION_START = re.compile(r"[A-Za-z_][A-Za-z0-9_.-]*:(?:[ \t]|$)")
#: The line breaks YAML knows (as `sipcli.load.source.split_lines`).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")
#: Sections kept between texts; a plan has about a dozen, this leaves room for edits.
_KEPT = 64


@dataclass
class _Section:
    """A top-level section's parse, and the line its positions are counted from now."""

    data: CommentedMap
    line: int


class IncrementalParser:
    """`parse`, section by section, reusing the sections whose text is unchanged since."""

    def __init__(self) -> None:
        """Start with nothing kept."""
        self._kept: dict[str, _Section] = {}

    def __call__(self, text: str) -> CommentedMap:
        """Parse ``text`` as `parse` does; raise `Refusal` as it does."""
        sections = split_sections(text)
        if sections is None:
            return parse(text)
        try:
            parsed = [self._section(line, part) for line, part in sections]
        except Refusal:
            return parse(text)  # the whole text gives the refusal its exact place and words
        merged = _merge(parsed)
        if merged is None:
            return parse(text)
        self._kept = {part: found for (_, part), found in zip(sections, parsed, strict=True)}
        if len(self._kept) > _KEPT:
            self._kept.clear()
        return merged

    def _section(self, line: int, part: str) -> _Section:
        """The parse of one section starting at 0-based ``line``, kept or new."""
        found = self._kept.get(part)
        if found is None:
            found = _Section(parse(part), 0)
        if found.line != line:
            shift_lines(found.data, line - found.line)
            found.line = line
        return found


def split_sections(text: str) -> list[tuple[int, str]] | None:
    """Split ``text`` where each top-level key starts: each section with its first line.

    None when the text is not plainly a list of such sections (anything at the start of a
    line but a plain key, a comment or a blank line), or has none.
    """
    pieces = _LINE_BREAK.split(text)
    starts: list[int] = []
    for number, line in enumerate(pieces):
        if not line or line[0] in " \t#":
            # Before the first key only comments and blank lines: an indented value there
            # belongs to no section (the loader says what is wrong with it).
            if not starts and line.strip() and not line.lstrip().startswith("#"):
                return None
            continue
        if not _SECTION_START.match(line):
            return None
        starts.append(number)
    if not starts:
        return None
    # Each line keeps its own line break, so positions inside a section count as in the text.
    breaks = [match.group(0) for match in _LINE_BREAK.finditer(text)] + [""]
    lines = [piece + end for piece, end in zip(pieces, breaks, strict=True)]
    # What comes before the first key is comments and blank lines, left out: the first
    # section's positions are counted from its own line, as every section's are.
    bounds = [*starts[1:], len(lines)]
    return [(start, "".join(lines[start:end])) for start, end in zip(starts, bounds, strict=True)]


def _merge(parsed: list[_Section]) -> CommentedMap | None:
    """One mapping of every section's key, with their positions; None when a key repeats."""
    merged = CommentedMap()
    for section in parsed:
        data = section.data
        if len(data) != 1:
            return None
        (key,) = data.keys()
        if key in merged:
            return None  # a duplicated key: the loader's refusal says where
        merged[key] = data[key]
        merged.lc.add_kv_line_col(key, list(data.lc.data[key]))
    first = parsed[0].data
    merged.lc.line, merged.lc.col = first.lc.line, first.lc.col
    return merged


def shift_lines(node: object, delta: int) -> None:
    """Move every position in ``node`` and what it holds ``delta`` lines down."""
    stack = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, CommentedMap):
            positions = current.lc
            if positions.line is not None:
                positions.line += delta
            for entry in (positions.data or {}).values():
                entry[0] += delta
                entry[2] += delta
            stack.extend(current.values())
        elif isinstance(current, CommentedSeq):
            positions = current.lc
            if positions.line is not None:
                positions.line += delta
            for entry in (positions.data or {}).values():
                entry[0] += delta
            stack.extend(current)
