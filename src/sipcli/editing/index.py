"""Every id a plan defines, every place one is referred to, and every key, with exact spans.

Built from the loader's round-trip data (`sipcli.load.source.parse`: safe loading, ruamel
positions) walked along the plan model, so it works on a plan that does not validate yet.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.editing.fields import model_at
from sipcli.editing.types import Span
from sipcli.model.assessment import Asset, Challenge, DataPoint, RootCause
from sipcli.model.goals import Benchmark, Goal
from sipcli.model.groups import LocalStudentGroup
from sipcli.model.index import REFERENCE_KINDS
from sipcli.model.objectives import Initiative, StrategicObjective
from sipcli.model.types import StudentGroup

Path = tuple[str | int, ...]

#: The kind of item each model with an ``id`` is, in the words sip's messages use.
KIND_OF_MODEL: dict[type[BaseModel], str] = {
    DataPoint: "data point",
    Asset: "asset",
    Challenge: "challenge",
    RootCause: "root cause",
    StrategicObjective: "strategic objective",
    Initiative: "initiative",
    Goal: "goal",
    Benchmark: "benchmark",
    LocalStudentGroup: "student group",
}

#: A goal's student_group names a DESE group or the id of a group under student_groups.
GROUP_FIELD = "student_group"

#: Which kind of item each reference field names (the lint rules' table, plus student groups).
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {**REFERENCE_KINDS, GROUP_FIELD: ("student group",)}

#: The student groups DESE reports on: values of student_group, not references.
DESE_GROUPS: frozenset[str] = frozenset(get_args(StudentGroup))

#: The keys whose text names an item in hovers and completions, by preference.
_TITLE_KEYS = ("title", "statement", "label", "description", "text")


@dataclass(frozen=True)
class Definition:
    """An item that carries an id: the id's span, the item's kind, path and title."""

    identifier: str
    kind: str
    span: Span
    path: Path
    title: str


@dataclass(frozen=True)
class Reference:
    """One use of an id in a reference field, with the kinds that field may name."""

    identifier: str
    field: str
    kinds: tuple[str, ...]
    span: Span
    path: Path


@dataclass(frozen=True)
class KeyUse:
    """A key written in the file: its path (ending with the key) and its span."""

    key: str
    path: Path
    span: Span


@dataclass
class Index:
    """The ids, references and keys of one text, in file order."""

    definitions: list[Definition] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    keys: list[KeyUse] = field(default_factory=list)

    def definition_of(self, identifier: str, kinds: tuple[str, ...] = ()) -> Definition | None:
        """Return the item with this id, preferring one of ``kinds``; the first one wins."""
        found = [d for d in self.definitions if d.identifier == identifier]
        preferred = [d for d in found if d.kind in kinds]
        return next(iter(preferred or found), None)

    def uses_of(self, identifier: str) -> list[Reference]:
        """Return every reference to ``identifier``."""
        return [r for r in self.references if r.identifier == identifier]

    def of_kind(self, kinds: tuple[str, ...]) -> list[Definition]:
        """Return the items of these kinds, each id once, in file order."""
        seen: dict[str, Definition] = {}
        for definition in self.definitions:
            if definition.kind in kinds:
                seen.setdefault(definition.identifier, definition)
        return list(seen.values())


class Positions:
    """Turns ruamel's positions into spans of the text, checking the text really is there."""

    def __init__(self, lines: list[str], bom: bool) -> None:
        """Keep the lines; ``bom``: the text starts with a BOM ruamel did not count."""
        self.lines = lines
        self.bom = bom

    def scalar(self, position: Any, value: str) -> Span | None:
        """Return the span of ``value`` written at ``position`` (quotes left outside)."""
        try:
            line, column = int(position[0]), int(position[1])
        except (TypeError, ValueError, IndexError):
            return None
        if self.bom and line == 0:
            column += 1
        if not 0 <= line < len(self.lines) or not value:
            return None
        text = self.lines[line]
        start = column + 1 if text[column : column + 1] in ("'", '"') else column
        if text[start : start + len(value)] != value:
            return None  # written over several lines or with escapes: no exact place
        return Span(line, start, line, start + len(value))


def build_index(data: CommentedMap, positions: Positions) -> Index:
    """Collect the ids, references and keys of a parsed plan."""
    index = Index()
    _Walker(index, positions).mapping(data, (), model_at(()))
    return index


class _Walker:
    """Walks the raw data beside the model, filling an `Index`."""

    def __init__(self, index: Index, positions: Positions) -> None:
        self.index = index
        self.positions = positions

    def node(self, node: Any, path: Path, model: type[BaseModel] | None) -> None:
        """Walk any node: a mapping follows ``model``; a list's items each follow it."""
        if isinstance(node, CommentedMap):
            self.mapping(node, path, model)
        elif isinstance(node, CommentedSeq):
            for position, item in enumerate(node):
                self.node(item, (*path, position), model)

    def mapping(self, node: CommentedMap, path: Path, model: type[BaseModel] | None) -> None:
        """Record the mapping's keys, its id and its references, then walk its values."""
        for key, value in node.items():
            if not isinstance(key, str):
                continue
            self._key(node, key, path)
            info = model.model_fields.get(key) if model is not None else None
            if info is None:
                continue
            if key == "id" and model in KIND_OF_MODEL:
                self._definition(node, path, KIND_OF_MODEL[model])
            elif key in REFERENCE_FIELDS:
                self._references(node, key, path)
            self.node(value, (*path, key), model_at((*path, key)))

    def _key(self, node: CommentedMap, key: str, path: Path) -> None:
        span = self.positions.scalar(_lc(node, key, "key"), key)
        if span is not None:
            self.index.keys.append(KeyUse(key, (*path, key), span))

    def _definition(self, node: CommentedMap, path: Path, kind: str) -> None:
        identifier = node.get("id")
        if not isinstance(identifier, str):
            return
        span = self.positions.scalar(_lc(node, "id", "value"), identifier)
        if span is not None:
            self.index.definitions.append(Definition(identifier, kind, span, path, title_of(node)))

    def _references(self, node: CommentedMap, key: str, path: Path) -> None:
        value = node[key]
        if isinstance(value, str):
            self._reference(value, key, _lc(node, key, "value"), (*path, key))
        elif isinstance(value, CommentedSeq):
            for position, item in enumerate(value):
                if isinstance(item, str):
                    self._reference(item, key, _item_lc(value, position), (*path, key, position))

    def _reference(self, identifier: str, key: str, where: Any, path: Path) -> None:
        if key == GROUP_FIELD and identifier in DESE_GROUPS:
            return  # a DESE group, not an item of the plan
        span = self.positions.scalar(where, identifier)
        if span is not None:
            self.index.references.append(
                Reference(identifier, key, REFERENCE_FIELDS[key], span, path)
            )


def _lc(node: CommentedMap, key: str, anchor: str) -> Any:
    try:
        return node.lc.key(key) if anchor == "key" else node.lc.value(key)
    except (KeyError, AttributeError, TypeError):
        return None


def _item_lc(node: CommentedSeq, position: int) -> Any:
    try:
        return node.lc.item(position)
    except (KeyError, IndexError, AttributeError, TypeError):
        return None


def title_of(node: Any) -> str:
    """Return the text that names an item: its title, statement, label or description."""
    if not isinstance(node, dict):
        return ""
    for key in _TITLE_KEYS:
        value = node.get(key)
        if isinstance(value, str) and value.strip():
            return " ".join(value.split())
    return ""


__all__ = [
    "DESE_GROUPS",
    "GROUP_FIELD",
    "KIND_OF_MODEL",
    "REFERENCE_FIELDS",
    "Definition",
    "Index",
    "KeyUse",
    "Positions",
    "Reference",
    "build_index",
    "title_of",
]
