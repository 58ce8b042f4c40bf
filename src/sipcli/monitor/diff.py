"""A semantic diff of two plans for the annual renewal: items matched by id, not lines.

Goals, benchmarks, strategic objectives, initiatives, challenges, root causes, data points
and assets are matched by their ``id``; each is added, removed or changed, and a change lists
every field that differs (``target.value: 45 → 48``). Everything else in the plan (the
``plan`` and ``school`` sections, the vision, the executive summary...) is compared field by
field as one plan-wide item. An item whose id changed shows as removed and added.

Values are compared in their JSON form: dates and periods as the plan writes them (2027-01-30,
Q2, spring 2027 MCAS), absent and empty fields alike. A status update always shows its kind
(actual when the plan leaves it out), so a new projection reads as one.
Pure: no printing, no files.
"""

from __future__ import annotations

import difflib
import json
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel

from sipcli.model import Plan
from sipcli.model.assessment import Assessment

#: The JSON form of a value: what `model_dump(mode="json")` gives.
JsonValue = Any

ChangeKind = Literal["added", "removed", "changed"]

#: Item kinds in the order a renewal memo lists them; "plan" is every field outside them.
KINDS: tuple[str, ...] = (
    "plan",
    "strategic_objective",
    "initiative",
    "goal",
    "benchmark",
    "data_point",
    "asset",
    "challenge",
    "root_cause",
)

#: How each kind reads in a sentence.
KIND_LABELS: dict[str, str] = {
    "plan": "Plan",
    "strategic_objective": "Strategic objective",
    "initiative": "Initiative",
    "goal": "Goal",
    "benchmark": "Benchmark",
    "data_point": "Data point",
    "asset": "Asset",
    "challenge": "Challenge",
    "root_cause": "Root cause",
}

#: Assessment fields compared as items of their own, so left out of the plan-wide item.
_ASSESSMENT_ITEMS = frozenset({"current_state", "assets", "challenges", "root_causes"})

_MISSING: JsonValue = None


@dataclass(frozen=True)
class FieldChange:
    """One field that differs: its dotted path inside the item, the old and the new value.

    ``None`` stands for a field that is absent (or empty) on that side. A path ending in an
    index (``milestones[2]``) with one side ``None`` is a list element added or removed.
    """

    path: str
    old: JsonValue
    new: JsonValue

    def describe(self) -> str:
        """Return the change in one readable line, e.g. ``target.value: 45 → 48``."""
        return f"{self.path}: {self.what()}"

    def what(self) -> str:
        """Return what happened to the field, without its path: ``45 → 48``."""
        if self.old is None and self.path.endswith("]"):
            return f"added {render_value(self.new)}"
        if self.new is None and self.path.endswith("]"):
            return f"removed {render_value(self.old)}"
        return f"{render_value(self.old)} → {render_value(self.new)}" + _list_summary(
            self.old, self.new
        )

    def to_dict(self) -> dict[str, JsonValue]:
        """Return the JSON object of the change."""
        return {"path": self.path, "old": self.old, "new": self.new, "text": self.describe()}


@dataclass(frozen=True)
class ItemChange:
    """One item added, removed or changed between the plans.

    ``parent`` is the goal of a benchmark or the objective of an initiative (in the new plan
    when there is one); ``label`` is the item's statement or title, for a reader.
    """

    kind: str
    id: str
    change: ChangeKind
    label: str
    parent: str | None = None
    fields: tuple[FieldChange, ...] = ()

    @property
    def title(self) -> str:
        """Return how the item is named in a report, e.g. ``Goal G1``."""
        return (
            KIND_LABELS[self.kind] if self.kind == "plan" else f"{KIND_LABELS[self.kind]} {self.id}"
        )

    def to_dict(self) -> dict[str, JsonValue]:
        """Return the JSON object of the item's change."""
        return {
            "kind": self.kind,
            "id": self.id,
            "change": self.change,
            "label": self.label,
            "parent": self.parent,
            "fields": [field.to_dict() for field in self.fields],
        }


@dataclass(frozen=True)
class PlanDiff:
    """Every difference between two plans, plan-wide fields first, then by kind."""

    changes: tuple[ItemChange, ...]

    @property
    def has_changes(self) -> bool:
        """Return True when the plans differ at all."""
        return bool(self.changes)

    def of(self, change: ChangeKind) -> list[ItemChange]:
        """Return the items added, removed or changed, in report order."""
        return [item for item in self.changes if item.change == change]

    def counts(self) -> dict[str, int]:
        """Return how many items were added, removed and changed."""
        return {kind: len(self.of(kind)) for kind in ("added", "removed", "changed")}


# --- diffing --------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    kind: str
    id: str
    label: str
    parent: str | None
    data: dict[str, JsonValue]


def diff_plans(old: Plan, new: Plan) -> PlanDiff:
    """Compare two valid plans item by item and field by field."""
    changes: list[ItemChange] = []
    plan_fields = diff_values(_plan_wide(old), _plan_wide(new))
    if plan_fields:
        changes.append(ItemChange("plan", "plan", "changed", "", None, tuple(plan_fields)))
    old_items, new_items = _items_by_kind(old), _items_by_kind(new)
    for kind in KINDS[1:]:
        changes.extend(_diff_kind(old_items.get(kind, {}), new_items.get(kind, {})))
    return PlanDiff(tuple(changes))


def _diff_kind(old: dict[str, _Item], new: dict[str, _Item]) -> Iterator[ItemChange]:
    # The new plan's order first (what the renewal reads like), then what it dropped.
    for key, item in new.items():
        before = old.get(key)
        if before is None:
            yield ItemChange(item.kind, item.id, "added", item.label, item.parent)
            continue
        fields = diff_values(_with_parent(before), _with_parent(item))
        if fields:
            yield ItemChange(item.kind, item.id, "changed", item.label, item.parent, tuple(fields))
    for key, item in old.items():
        if key not in new:
            yield ItemChange(item.kind, item.id, "removed", item.label, item.parent)


def _with_parent(item: _Item) -> dict[str, JsonValue]:
    # A benchmark moved to another goal (or an initiative to another objective) is a change
    # of that item, shown as a field of its own.
    if item.parent is None:
        return item.data
    name = "goal" if item.kind == "benchmark" else "objective"
    return {name: item.parent, **item.data}


def _dump(model: BaseModel, exclude: set[str] | None = None) -> dict[str, JsonValue]:
    dumped = model.model_dump(mode="json", exclude_none=True, exclude=exclude)
    kinded: dict[str, JsonValue] = _with_kinds(dumped)
    return kinded


def _with_kinds(data: JsonValue) -> JsonValue:
    """Give every status update its kind (actual when not written), so a diff names it."""
    if isinstance(data, list):
        return [_with_kinds(item) for item in data]
    if not isinstance(data, dict):
        return data
    found = {key: _with_kinds(value) for key, value in data.items()}
    updates = found.get("status_updates")
    if isinstance(updates, list):
        found["status_updates"] = [_kind_first(update) for update in updates]
    return found


def _kind_first(update: JsonValue) -> JsonValue:
    # Placed right after the date and value, where a reader looks for it.
    if not isinstance(update, dict):
        return update
    kind = update.get("kind", "actual")
    head = {key: update[key] for key in ("date", "actual") if key in update}
    rest = {key: value for key, value in update.items() if key not in (*head, "kind")}
    return {**head, "kind": kind, **rest}


def _plan_wide(plan: Plan) -> dict[str, JsonValue]:
    data = _dump(plan, exclude={"strategic_objectives", "goals"})
    assessment = data.get("assessment")
    if isinstance(assessment, dict):
        data["assessment"] = {k: v for k, v in assessment.items() if k not in _ASSESSMENT_ITEMS}
    return data


def _items_by_kind(plan: Plan) -> dict[str, dict[str, _Item]]:
    items: dict[str, dict[str, _Item]] = {kind: {} for kind in KINDS[1:]}
    for kind, model, identifier, label, parent in _walk_items(plan):
        key, number = identifier, 1
        # Duplicate ids are a lint finding; keep each occurrence rather than lose one.
        while key in items[kind]:
            number += 1
            key = f"{identifier}#{number}"
        # Nested items are items of their own, compared by id wherever they sit.
        data = _dump(model, {"id", "initiatives", "benchmarks"})
        items[kind][key] = _Item(kind, identifier, label, parent, data)
    return items


_Found = tuple[str, BaseModel, str, str, str | None]


def _walk_items(plan: Plan) -> Iterator[_Found]:
    for objective in plan.strategic_objectives or ():
        yield "strategic_objective", objective, objective.id, objective.title, None
        for initiative in objective.initiatives or ():
            yield "initiative", initiative, initiative.id, initiative.title, objective.id
    for goal in plan.goals or ():
        yield "goal", goal, goal.id, goal.statement, None
        for benchmark in goal.benchmarks or ():
            yield "benchmark", benchmark, benchmark.id, benchmark.statement, goal.id
    if plan.assessment is not None:
        yield from _assessment_items(plan.assessment)


def _assessment_items(assessment: Assessment) -> Iterator[_Found]:
    for point in assessment.current_state or ():
        yield "data_point", point, point.id, point.description, None
    for asset in assessment.assets or ():
        yield "asset", asset, asset.id, asset.statement, None
    for challenge in assessment.challenges or ():
        yield "challenge", challenge, challenge.id, challenge.statement, None
    for cause in assessment.root_causes or ():
        yield "root_cause", cause, cause.id, cause.statement, None


def diff_values(old: JsonValue, new: JsonValue, path: str = "") -> list[FieldChange]:
    """Return the field changes between two JSON values, with dotted paths below ``path``.

    Mappings are compared key by key; lists of scalars as whole values; lists of mappings
    element by element, aligned so that an inserted milestone shows as one added element
    rather than a change of every one after it.
    """
    if _same(old, new):
        return []
    old, new = _or_missing(old), _or_missing(new)
    # A section or list present on one side only is compared with an empty one, so that
    # each of its fields or elements shows on a line of its own.
    if _both(old, new, dict):
        return _diff_mappings(old or {}, new or {}, path)
    if _both(old, new, list) and _has_mappings(old or [], new or []):
        return _diff_sequences(old or [], new or [], path)
    return [FieldChange(path, old, new)]


def _both(old: JsonValue, new: JsonValue, kind: type) -> bool:
    return (old is None or isinstance(old, kind)) and (new is None or isinstance(new, kind))


def _diff_mappings(
    old: dict[str, JsonValue], new: dict[str, JsonValue], path: str
) -> list[FieldChange]:
    changes: list[FieldChange] = []
    for key in [*old, *(key for key in new if key not in old)]:
        child = f"{path}.{key}" if path else str(key)
        changes.extend(diff_values(old.get(key), new.get(key), child))
    return changes


def _diff_sequences(old: list[JsonValue], new: list[JsonValue], path: str) -> list[FieldChange]:
    matcher = difflib.SequenceMatcher(
        a=[_key(v) for v in old], b=[_key(v) for v in new], autojunk=False
    )
    changes: list[FieldChange] = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            continue
        paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
        for offset in range(paired):
            changes.extend(
                diff_values(old[i1 + offset], new[j1 + offset], f"{path}[{j1 + offset}]")
            )
        for index in range(i1 + paired, i2):
            changes.append(FieldChange(f"{path}[{index}]", old[index], _MISSING))
        for index in range(j1 + paired, j2):
            changes.append(FieldChange(f"{path}[{index}]", _MISSING, new[index]))
    return changes


def _has_mappings(*lists: list[JsonValue]) -> bool:
    return any(isinstance(value, dict) for values in lists for value in values)


def _key(value: JsonValue) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _or_missing(value: JsonValue) -> JsonValue:
    return _MISSING if value in (None, [], {}) else value


def _same(old: JsonValue, new: JsonValue) -> bool:
    # 45 and 45.0 are the same target; an absent list and an empty one the same nothing.
    if _or_missing(old) is None and _or_missing(new) is None:
        return True
    if _is_number(old) and _is_number(new):
        return bool(old == new)
    return type(old) is type(new) and bool(old == new)


def _is_number(value: JsonValue) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


# --- rendering values -----------------------------------------------------------------------


def render_value(value: JsonValue) -> str:
    """Return a value as a person reads it: 45 not 45.0, lists in brackets, (none) for absent."""
    if value is None:
        return "(none)"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        return str(int(value))
    if isinstance(value, list):
        return "[" + ", ".join(render_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{key}: {render_value(item)}" for key, item in value.items()) + "}"
    if isinstance(value, str):
        return value if value.strip() else json.dumps(value)
    return str(value)


def _list_summary(old: JsonValue, new: JsonValue) -> str:
    if not (isinstance(old, list) and isinstance(new, list)):
        return ""
    added = _missing_from(new, old)
    removed = _missing_from(old, new)
    parts = [f"added {', '.join(added)}"] if added else []
    parts += [f"removed {', '.join(removed)}"] if removed else []
    return f" ({'; '.join(parts)})" if parts else " (reordered)"


def _missing_from(values: Sequence[JsonValue], others: Sequence[JsonValue]) -> list[str]:
    remaining = [_key(value) for value in others]
    missing: list[str] = []
    for value in values:
        key = _key(value)
        if key in remaining:
            remaining.remove(key)
        else:
            missing.append(render_value(value))
    return missing


@dataclass(frozen=True)
class Comparison:
    """What `sip diff` reports: the changes, and the names of the two sides compared."""

    diff: PlanDiff
    old: str
    new: str
