"""Where the cursor is in a plan's text, read from the lines alone (the text may not parse).

Completion runs while the user types, so the text is often not YAML yet. The key path is read
from indentation the way a person reads it: a key's parent is the nearest key above it that
is less indented, a list item's parent the nearest key above its dash. One-line flow
collections (``[RC1, RC2]``, ``{id: D1, ...}``) are read with a small bracket scanner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

#: A key at the start of what is left of a line: plain, or in quotes, then ': ' or ':' at the end.
_KEY = re.compile(
    r"""(?P<key>"[^"]*"|'[^']*'|[^\s:#'"\[\]{},&*!|>%@`-][^:#]*?|-[^\s:#][^:#]*?)\s*:(?=\s|$)"""
)

CursorKind = Literal["key", "value"]


@dataclass(frozen=True)
class Shape:
    """One line as indentation sees it: its dashes, its key and what follows the key."""

    indent: int
    dashes: tuple[int, ...]
    key: str | None
    key_column: int
    value: str
    """The text after ``key:``, comments left in (empty when the key opens a block)."""

    @property
    def opens_block(self) -> bool:
        """Whether the key's value is on the following lines."""
        return self.key is not None and (not self.value or self.value.startswith("#"))

    @property
    def starts_item(self) -> bool:
        """Whether the line's key is the first key of a list item (``- key: ...``)."""
        return bool(self.dashes) and self.dashes[-1] + 2 == self.key_column


@dataclass(frozen=True)
class Cursor:
    """What the cursor is writing: a key of the mapping at ``path``, or a value of ``key``."""

    kind: CursorKind
    path: tuple[str, ...]
    """The keys leading to the mapping the cursor is in (list positions left out)."""
    key: str | None = None
    """For a value: the key whose value (or list item) is being written."""
    present: frozenset[str] = field(default_factory=frozenset)
    """The keys the mapping already has, or the items the list already has."""


def shape_of(text: str) -> Shape | None:
    """Read one line; None for a blank line or a comment."""
    body = text.lstrip(" ")
    if not body.strip() or body.startswith("#"):
        return None
    indent = len(text) - len(body)
    position = indent
    dashes: list[int] = []
    while text[position : position + 2] == "- " or text[position:].rstrip() == "-":
        dashes.append(position)
        position += 1
        while text[position : position + 1] == " ":
            position += 1
    match = _KEY.match(text, position)
    if match is None:
        return Shape(indent, tuple(dashes), None, position, text[position:].strip())
    key = match.group("key").strip()
    if key[:1] in ("'", '"'):
        key = key[1:-1]
    return Shape(indent, tuple(dashes), key, position, text[match.end() :].strip())


class Lines:
    """The shapes of a text's lines, read once."""

    def __init__(self, lines: list[str]) -> None:
        """Keep the lines and read each one's shape."""
        self.lines = lines
        self.shapes = [shape_of(line) for line in lines]

    def mapping_path(self, line: int, column: int, item: bool) -> tuple[str, ...] | None:
        """Return the keys leading to a node on ``line`` at ``column``; None if not in a mapping.

        ``item``: the node is a list item whose dash is at ``column`` (its path is then the
        path of the list's key, included).
        """
        keys: list[str] = []
        while True:
            found = self._parent(line, column, item)
            if found is None:
                return None
            if found == -1:
                return tuple(reversed(keys))
            shape = self.shapes[found]
            assert shape is not None and shape.key is not None  # _parent returns key lines
            keys.append(shape.key)
            if shape.starts_item:
                line, column, item = found, shape.dashes[0], True
            else:
                line, column, item = found, shape.key_column, False

    def _parent(self, line: int, column: int, item: bool) -> int | None:
        """Return the line of the key holding the node, -1 at the top, None if none can."""
        for number in range(line - 1, -1, -1):
            shape = self.shapes[number]
            if shape is None:
                continue
            if item:
                if shape.key is not None and shape.key_column <= column:
                    return number if shape.opens_block else None
                continue
            starts_this_item = shape.key_column == column or shape.key is None
            if shape.dashes and shape.dashes[-1] < column <= shape.key_column and starts_this_item:
                return self._parent(number, shape.dashes[0], item=True)
            if shape.key is not None and shape.key_column < column:
                return number if shape.opens_block else None
            if shape.indent < column:
                return None  # text continued from a line above: not a place for keys
        return -1

    def siblings(self, line: int, column: int, *, look_up: bool = True) -> set[str]:
        """Return the keys at ``column`` in the mapping that holds ``line`` (that line aside)."""
        found = self._siblings_above(line, column) if look_up else set()
        for number in range(line + 1, len(self.lines)):
            shape = self.shapes[number]
            if shape is None:
                continue
            if shape.indent < column:
                break
            if shape.key is not None and shape.key_column == column and not shape.dashes:
                found.add(shape.key)
        return found

    def _siblings_above(self, line: int, column: int) -> set[str]:
        found: set[str] = set()
        for number in range(line - 1, -1, -1):
            shape = self.shapes[number]
            if shape is None:
                continue
            if shape.key is not None and shape.key_column == column:
                found.add(shape.key)
                if shape.dashes:
                    break  # the first key of this list item
                continue
            if shape.indent < column:
                break
        return found

    def items(self, line: int, dash: int) -> set[str]:
        """Return the scalar items of the block list whose dashes are at ``dash`` around ``line``."""
        found: set[str] = set()
        for numbers in (range(line - 1, -1, -1), range(line + 1, len(self.lines))):
            for number in numbers:
                shape = self.shapes[number]
                if shape is None:
                    continue
                if shape.indent < dash or (shape.key is not None and shape.key_column <= dash):
                    break
                if shape.dashes and shape.dashes[0] == dash and shape.key is None:
                    found.add(shape.value.split(" #")[0].strip().strip("'\""))
        return found


def cursor_at(lines: list[str], line: int, column: int) -> Cursor | None:
    """Return what the cursor at ``line`` and ``column`` is writing, None when nothing fits."""
    if line < 0 or column < 0:
        return None
    padded = [*lines, *([""] * (line + 1 - len(lines)))]
    text = padded[line]
    # The cursor's line is read only up to the cursor: what follows is not written yet.
    padded[line] = text[:column]
    reader = Lines(padded)
    before = padded[line]
    if "#" in before and _in_comment(before):
        return None
    shape = reader.shapes[line]
    if shape is None:
        if before.strip():
            return None  # a comment
        return _key_cursor(reader, line, len(before), look_up=True)
    if shape.key is not None:
        return _value_cursor(reader, line, shape)
    return _bare_cursor(reader, line, shape)


def _in_comment(before: str) -> bool:
    """Whether the text before the cursor ends in a comment (a '#' outside quotes)."""
    quote = ""
    for position, character in enumerate(before):
        if quote:
            quote = "" if character == quote else quote
        elif character in ("'", '"'):
            quote = character
        elif character == "#" and (position == 0 or before[position - 1] in " \t"):
            return True
    return False


def _key_cursor(reader: Lines, line: int, column: int, *, look_up: bool) -> Cursor | None:
    path = reader.mapping_path(line, column, item=False)
    if path is None:
        return None
    return Cursor("key", path, present=frozenset(reader.siblings(line, column, look_up=look_up)))


def _value_cursor(reader: Lines, line: int, shape: Shape) -> Cursor | None:
    """The cursor is after ``key:`` on its line: a value, or inside a flow collection."""
    assert shape.key is not None
    if shape.starts_item:
        path = reader.mapping_path(line, shape.dashes[0], item=True)
    else:
        path = reader.mapping_path(line, shape.key_column, item=False)
    if path is None:
        return None
    if shape.value[:1] in ("[", "{"):
        return _flow_cursor(shape.value, path, shape.key)
    if shape.value[:1] in ("|", ">", "'", '"'):
        return None  # text being written
    return Cursor("value", path, key=shape.key)


def _bare_cursor(reader: Lines, line: int, shape: Shape) -> Cursor | None:
    """The cursor is on a line without a key yet: a key being typed, or a list item."""
    if shape.value[:1] in ("[", "{"):
        if not shape.dashes:
            return None
        path = reader.mapping_path(line, shape.dashes[0], item=True)
        return None if path is None else _flow_cursor(shape.value, path[:-1], path[-1], item=True)
    if not shape.dashes:
        return _key_cursor(reader, line, shape.key_column, look_up=True)
    path = reader.mapping_path(line, shape.dashes[-1], item=True)
    if path is None or not path:
        return None
    return _item_cursor(reader, line, shape, path)


def _item_cursor(reader: Lines, line: int, shape: Shape, path: tuple[str, ...]) -> Cursor:
    """A list item is being written: a key of a new mapping item, or a scalar item."""
    # Imported here: the model is needed only once the cursor is known to be in a list.
    from sipcli.editing.fields import field_at, holds_models  # noqa: PLC0415

    info = field_at(path[:-1], path[-1])
    if info is not None and holds_models(info):
        present = reader.siblings(line, shape.key_column, look_up=False)
        return Cursor("key", path, present=frozenset(present))
    present = reader.items(line, shape.dashes[-1])
    return Cursor("value", path[:-1], key=path[-1], present=frozenset(present))


@dataclass
class _Frame:
    """An open bracket of a flow collection: the key it belongs to and what it holds so far."""

    bracket: str
    key: str | None
    present: list[str] = field(default_factory=list)
    current: str | None = None
    """In a ``{``: the key whose value is being written, None while a key is."""


def _flow_cursor(
    text: str, path: tuple[str, ...], key: str, *, item: bool = False
) -> Cursor | None:
    """Read the flow collection ``text`` (from its first bracket) up to the cursor.

    ``key`` owns the collection; ``item``: the collection is an item of ``key``'s list.
    """
    frames: list[_Frame] = []
    token = ""
    quote = ""
    owner: str | None = None if item else key
    base = (*path, key) if item else path
    for character in text:
        if quote:
            quote = "" if character == quote else quote
            token += character
        elif character in ("'", '"'):
            quote = character
            token += character
        elif character in "[{":
            frames.append(_Frame(character, _owner(frames, owner)))
            token = ""
        elif character in "]}":
            if frames:
                frames.pop()
            token = ""
        elif character == ",":
            _end_token(frames, token)
            token = ""
        elif (
            character == ":" and frames and frames[-1].bracket == "{" and frames[-1].current is None
        ):
            frames[-1].current = token.strip().strip("'\"")
            frames[-1].present.append(frames[-1].current)
            token = ""
        else:
            token += character
    if quote or not frames:
        return None
    return _flow_result(frames, base)


def _owner(frames: list[_Frame], owner: str | None) -> str | None:
    """Return the key a new bracket belongs to (None: it is an item of the list around it)."""
    if not frames:
        return owner
    top = frames[-1]
    return top.current if top.bracket == "{" else None


def _end_token(frames: list[_Frame], token: str) -> None:
    if not frames:
        return
    top = frames[-1]
    if top.bracket == "[":
        if token.strip():
            top.present.append(token.strip().strip("'\""))
    else:
        top.current = None


def _flow_result(frames: list[_Frame], base: tuple[str, ...]) -> Cursor:
    keys = tuple(frame.key for frame in frames if frame.key is not None)
    top = frames[-1]
    if top.bracket == "[":
        outer = tuple(frame.key for frame in frames[:-1] if frame.key is not None)
        return Cursor("value", (*base, *outer), key=top.key, present=frozenset(top.present))
    if top.current is None:
        return Cursor("key", (*base, *keys), present=frozenset(top.present))
    return Cursor("value", (*base, *keys), key=top.current)
