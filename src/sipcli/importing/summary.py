"""What an import did, counted by section: values imported, values inferred, text left over."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sipcli.importing.derived import derived_note
from sipcli.importing.mapping import Item, Placement, Value
from sipcli.model import TOP_LEVEL_KEYS


@dataclass(frozen=True)
class SectionCount:
    """One section's counts: values imported (inferred ones included), inferred, left over."""

    section: str
    imported: int
    inferred: int
    left_over: int


@dataclass(frozen=True)
class ImportSummary:
    """What `sip import` did with one source, for the terminal or for a script (`to_dict`)."""

    source: str
    sections: tuple[SectionCount, ...]
    inferred: tuple[str, ...]
    """Each inferred value: its place in the plan and how it was read."""
    placeholders: int
    """How many ``<placeholders>`` the draft holds for the team to fill."""
    notes: tuple[str, ...] = ()
    derived: int = 0
    """Blocks sip derives from the plan, left out of a draft of a document sip rendered."""

    @property
    def imported(self) -> int:
        """Values imported in all."""
        return sum(count.imported for count in self.sections)

    @property
    def left_over(self) -> int:
        """Blocks of text kept in ``# Not imported`` blocks in all."""
        return sum(count.left_over for count in self.sections)

    def to_dict(self) -> dict[str, Any]:
        """The summary as plain data (``sip import --format json``)."""
        return {
            "source": self.source,
            "imported": self.imported,
            "inferred": len(self.inferred),
            "left_over": self.left_over,
            "derived_left_out": self.derived,
            "placeholders": self.placeholders,
            "sections": [count.__dict__ for count in self.sections],
            "inferred_values": list(self.inferred),
            "notes": list(self.notes),
        }


def summarise(placement: Placement, placeholders: int) -> ImportSummary:
    """Count what ``placement`` imported, inferred and left over, section by section."""
    values: dict[str, list[tuple[str, Value]]] = {}
    for path, texts in [*placement.texts.items(), *placement.lists.items()]:
        values.setdefault(path[0], []).extend((".".join(path), value) for value in texts)
    for path, items in placement.items.items():
        for index, item in enumerate(items):
            values.setdefault(path[0], []).extend(_item_values(item, f"{'.'.join(path)}[{index}]"))
    if placement.kind is not None:
        values.setdefault("plan", []).append(("plan.kind", placement.kind))
    if placement.school_year_text is not None and ("plan", "school_year") not in placement.texts:
        values.setdefault("plan", []).append(("plan.school_year", placement.school_year_text))
    left: dict[str, int] = {}
    for leftover in placement.leftovers:
        key = leftover.section or "plan"
        left[key] = left.get(key, 0) + 1
    order = ["school", "plan", *TOP_LEVEL_KEYS[3:]]
    counts = tuple(
        SectionCount(
            key,
            len(values.get(key, [])),
            sum(1 for _, value in values.get(key, []) if value.inferred),
            left.get(key, 0),
        )
        for key in order
        if key in values or key in left
    )
    inferred = tuple(
        f"{where}: {value.inferred} {value.origin.where}"
        for key in order
        for where, value in values.get(key, [])
        if value.inferred
    )
    derived = derived_note(placement)
    notes = (*placement.notes, *([derived] if derived else []))
    return ImportSummary(
        placement.file, counts, inferred, placeholders, notes, len(placement.derived)
    )


def _item_values(item: Item, where: str) -> Iterator[tuple[str, Value]]:
    ident = item.fields.get("id")
    label = str(ident.value) if ident is not None else where
    for name, value in item.fields.items():
        yield f"{label} {name}", value
    for name, children in item.children.items():
        for index, child in enumerate(children):
            yield from _item_values(child, f"{label} {name}[{index}]")
