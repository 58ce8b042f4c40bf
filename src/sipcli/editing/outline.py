"""The outline of a plan: its sections, objectives with their initiatives, goals with benchmarks."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.editing.index import Positions, title_of
from sipcli.editing.types import Span, Symbol, SymbolKind
from sipcli.model.stages import stages

#: Lists whose items are shown in the outline, by (section, key) and the kind of each item.
_ITEM_LISTS: dict[tuple[str, ...], SymbolKind] = {
    ("strategic_objectives",): "objective",
    ("strategic_objectives", "initiatives"): "initiative",
    ("goals",): "goal",
    ("goals", "benchmarks"): "benchmark",
    ("student_groups",): "item",
    ("assessment", "current_state"): "item",
    ("assessment", "assets"): "item",
    ("assessment", "challenges"): "item",
    ("assessment", "root_causes"): "item",
}

#: Sections whose keys holding lists of items are shown as sub-sections.
_SUB_SECTIONS = {"assessment"}


@dataclass(frozen=True)
class _Place:
    """Where a node starts and the line before which its next sibling starts."""

    line: int
    column: int
    limit: int


def build_outline(data: CommentedMap, positions: Positions) -> list[Symbol]:
    """Return the top-level sections, each with the items the outline shows inside it."""
    builder = _Outline(positions)
    return builder.sections(data)


class _Outline:
    def __init__(self, positions: Positions) -> None:
        self.positions = positions
        self.lines = positions.lines
        self.stage_titles = {
            section: stage.title for stage in stages() for section in stage.sections
        }

    def sections(self, data: CommentedMap) -> list[Symbol]:
        symbols: list[Symbol] = []
        for key, place in self._key_places(data, len(self.lines)):
            kind: SymbolKind = "stage" if key in self.stage_titles else "section"
            children = self._children(data[key], (key,), place.limit)
            symbols.append(
                self._symbol(key, self.stage_titles.get(key, ""), kind, place, data, key, children)
            )
        return symbols

    def _children(self, value: Any, path: tuple[str, ...], limit: int) -> tuple[Symbol, ...]:
        if path in _ITEM_LISTS and isinstance(value, CommentedSeq):
            return tuple(self._items(value, path, limit))
        if path[0] in _SUB_SECTIONS and len(path) == 1 and isinstance(value, CommentedMap):
            return tuple(
                self._symbol(
                    key,
                    "",
                    "section",
                    place,
                    value,
                    key,
                    self._children(value[key], (*path, key), place.limit),
                )
                for key, place in self._key_places(value, limit)
                if (*path, key) in _ITEM_LISTS
            )
        return ()

    def _items(self, items: CommentedSeq, path: tuple[str, ...], limit: int) -> list[Symbol]:
        found: list[Symbol] = []
        starts = [_position(items.lc, "item", index) for index in range(len(items))]
        for index, item in enumerate(items):
            if not isinstance(item, CommentedMap) or starts[index] is None:
                continue
            line, column = starts[index]  # type: ignore[misc]
            nxt = next((s[0] for s in starts[index + 1 :] if s is not None), limit)
            place = _Place(line, column, max(nxt, line + 1))
            identifier = item.get("id")
            name = str(identifier) if identifier is not None else f"item {index + 1}"
            children: list[Symbol] = []
            for key, sub in self._key_places(item, place.limit):
                if (*path, key) in _ITEM_LISTS and isinstance(item[key], CommentedSeq):
                    children += self._items(item[key], (*path, key), sub.limit)
            selection = (
                self.positions.scalar(_position(item.lc, "value", "id"), identifier)
                if isinstance(identifier, str)
                else None
            )
            span = self._span(place)
            found.append(
                Symbol(
                    name,
                    _short(title_of(item)),
                    _ITEM_LISTS[path],
                    span,
                    selection
                    if selection is not None and _inside(selection, span)
                    else Span(span.line, span.column, span.line, span.column),
                    tuple(children),
                )
            )
        return found

    def _key_places(self, node: CommentedMap, limit: int) -> list[tuple[str, _Place]]:
        keys = [key for key in node if isinstance(key, str)]
        starts = [_position(node.lc, "key", key) for key in keys]
        places: list[tuple[str, _Place]] = []
        for index, key in enumerate(keys):
            start = starts[index]
            if start is None:
                continue
            nxt = next((s[0] for s in starts[index + 1 :] if s is not None), limit)
            places.append((key, _Place(start[0], start[1], max(nxt, start[0] + 1))))
        return places

    def _symbol(
        self,
        name: str,
        detail: str,
        kind: SymbolKind,
        place: _Place,
        node: CommentedMap,
        key: str,
        children: tuple[Symbol, ...],
    ) -> Symbol:
        span = self._span(place)
        selection = self.positions.scalar(_position(node.lc, "key", key), key)
        if selection is None or not _inside(selection, span):
            selection = Span(span.line, span.column, span.line, span.column)
        return Symbol(name, detail, kind, span, selection, children)

    def _span(self, place: _Place) -> Span:
        """From the node's start to the end of its last written line before ``limit``."""
        shift = 1 if self.positions.bom and place.line == 0 else 0
        start_column = place.column + shift
        end = place.line
        for number in range(min(place.limit, len(self.lines)) - 1, place.line, -1):
            body = self.lines[number].strip()
            if body and not body.startswith("#"):
                end = number
                break
        end_column = len(self.lines[end]) if end < len(self.lines) else start_column
        if end == place.line:
            end_column = max(end_column, start_column)
        return Span(place.line, start_column, end, end_column)


def _position(lc: Any, anchor: str, key: Any) -> tuple[int, int] | None:
    try:
        if anchor == "item":
            found = lc.item(key)
        elif anchor == "key":
            found = lc.key(key)
        else:
            found = lc.value(key)
        return int(found[0]), int(found[1])
    except (KeyError, IndexError, AttributeError, TypeError, ValueError):
        return None


def _inside(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


def _short(text: str, limit: int = 80) -> str:
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."
