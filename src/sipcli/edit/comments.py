"""Comments and blank lines as `sip fmt` sees them: each one beside a key path, not a line.

ruamel keeps a comment as the tail of whatever token came before it, drops some inside flow
collections, and so moves comments to the wrong key when keys are reordered. Here the text is
read directly instead: a comment or blank line on its own line belongs above the first key or
list item that starts after it; a comment at a line's end belongs to the last key or item
started on that line. The data is then written without comments and each one is put back beside
its key path, wherever that key now is.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.tokens import ScalarToken

from sipcli.load.source import new_yaml

#: A key path: mapping keys and list indexes from the top of the plan.
KeyPath = tuple[Any, ...]


@dataclass(frozen=True)
class EndComment:
    """A comment at the end of a line with content."""

    text: str
    column: int
    gap: int
    node_column: int


@dataclass
class Layout:
    """What formatting must put back: lines above key paths, line-end comments, the rest."""

    header: list[str] = field(default_factory=list)
    above: dict[KeyPath, list[str]] = field(default_factory=dict)
    end: dict[KeyPath, list[EndComment]] = field(default_factory=dict)
    footer: list[str] = field(default_factory=list)
    to_block: list[KeyPath] = field(default_factory=list)
    """Flow collections that hold a comment: written in block style, so it has a line."""


def node_starts(data: Any) -> list[tuple[int, int, KeyPath]]:
    """Every key and list item as (line, column, path), 0-based, in document order."""
    found: list[tuple[int, int, KeyPath]] = []
    stack: list[tuple[Any, KeyPath]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        if isinstance(node, CommentedMap):
            for key, value in node.items():
                line, column = node.lc.key(key)
                found.append((int(line), int(column), (*path, key)))
                stack.append((value, (*path, key)))
        elif isinstance(node, CommentedSeq):
            for index, value in enumerate(node):
                line, column = node.lc.item(index)
                found.append((int(line), int(column), (*path, index)))
                stack.append((value, (*path, index)))
    found.sort(key=lambda start: (start[0], start[1]))
    return found


def _scalar_spans(text: str) -> list[tuple[int, int, int, int, str]]:
    """Each scalar as (start offset, end offset, first line, last line, value)."""
    spans = []
    for token in new_yaml(comments=False).scan(text):
        if isinstance(token, ScalarToken):
            start, end = token.start_mark, token.end_mark
            last = end.line if end.column else end.line - 1  # it ends with its line break
            spans.append((start.index, end.index, start.line, last, str(token.value)))
    return spans


def _content_lines(lines: list[str], spans: list[tuple[int, int, int, int, str]]) -> set[int]:
    """Lines inside a scalar spread over several lines: never comments or layout blank lines."""
    inside: set[int] = set()
    for _, _, first, last, value in spans:
        if last <= first:
            continue
        # A block scalar's token runs on over the blank lines after it; only those its value
        # keeps (``|+``) are its own.
        end = min(last, len(lines) - 1)
        while end > first and not lines[end].strip():
            end -= 1
        end += max(len(value) - len(value.rstrip("\n")) - 1, 0)
        inside.update(range(first + 1, end + 1))
    return inside


def _comment_start(line: str, offset: int, starts: list[int], ends: list[int]) -> int:
    """The column where ``line``'s comment starts, or -1: a ``#`` after a space, outside text."""
    column = line.find("#")
    while column >= 0:
        if column == 0 or line[column - 1] in " \t":
            at = offset + column
            index = bisect.bisect_right(starts, at) - 1
            if index < 0 or ends[index] <= at:
                return column
        column = line.find("#", column + 1)
    return -1


def read_layout(text: str, data: Any, flow_spans: dict[KeyPath, tuple[int, int]]) -> Layout:
    """Find where each comment and blank line of ``text`` belongs in ``data``'s key paths.

    ``flow_spans`` gives the offsets of each flow collection (``{...}``, ``[...]``) by path,
    so that one holding a comment can be written in block style.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    spans = _scalar_spans(text)
    starts, ends = [span[0] for span in spans], [span[1] for span in spans]
    inside = _content_lines(lines, spans)
    nodes = node_starts(data)
    node_lines = [node[0] for node in nodes]
    layout = Layout()
    first_line = nodes[0][0] if nodes else len(lines)
    layout.header.extend(lines[:first_line])
    offset = sum(len(line) + 1 for line in lines[:first_line])
    to_block: set[KeyPath] = set()
    for number in range(first_line, len(lines)):
        line = lines[number]
        line_offset, offset = offset, offset + len(line) + 1
        if number in inside:
            continue
        column = _comment_start(line, line_offset, starts, ends)
        if not line.strip() or (column >= 0 and not line[:column].strip()):
            below = bisect.bisect_right(node_lines, number)
            if below >= len(nodes):
                layout.footer.append(line.strip())
                continue
            path = nodes[below][2]
            layout.above.setdefault(path, []).append(line.strip())
            if column >= 0:
                _mark_flows(path, line_offset + column, flow_spans, to_block)
            continue
        if column < 0:
            continue
        here = bisect.bisect_right(node_lines, number) - 1
        while here > 0 and nodes[here][0] == number and nodes[here][1] > column:
            here -= 1
        _, node_column, path = nodes[max(here, 0)]
        content = line[:column].rstrip()
        layout.end.setdefault(path, []).append(
            EndComment(line[column:].rstrip(), column, column - len(content), node_column)
        )
        _mark_flows(path, line_offset + column, flow_spans, to_block)
    layout.to_block.extend(sorted(to_block, key=len))
    return layout


def _mark_flows(
    path: KeyPath, at: int, flow_spans: dict[KeyPath, tuple[int, int]], to_block: set[KeyPath]
) -> None:
    for depth in range(len(path)):
        span = flow_spans.get(path[:depth])
        if span is not None and span[0] < at < span[1]:
            to_block.add(path[:depth])


def place(formatted: str, output: Any, layout: Layout) -> str:
    """Put ``layout``'s comments and blank lines back into ``formatted`` beside their keys.

    ``output`` is ``formatted`` loaded with positions.
    """
    lines = formatted.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    where = {path: (line, column) for line, column, path in node_starts(output)}
    before: dict[int, list[str]] = {}
    after: dict[int, list[EndComment]] = {}
    for path, texts in layout.above.items():
        before.setdefault(where[path][0], []).extend(texts)
    for path, comments in layout.end.items():
        row, column = where[path]
        moved = [c if c.node_column == column else _with_gap(c) for c in comments]
        after.setdefault(row, []).extend(moved)
    result = list(layout.header)
    for number, line in enumerate(lines):
        indent = " " * (len(line) - len(line.lstrip()))
        ends = after.get(number, [])
        for body in [*before.get(number, []), *(c.text for c in ends[1:])]:
            result.append(indent + body if body else "")
        result.append(_append(line, ends[0]) if ends else line)
    result.extend(layout.footer)
    return "\n".join(result) + "\n"


def _with_gap(comment: EndComment) -> EndComment:
    # Its line was rewritten (a flow collection in block style): keep the spacing, not the column.
    return EndComment(comment.text, 0, comment.gap, comment.node_column)


def _append(line: str, comment: EndComment) -> str:
    content = line.rstrip()
    if len(content) < comment.column:
        return content.ljust(comment.column) + comment.text
    return content + " " * max(comment.gap, 1) + comment.text
