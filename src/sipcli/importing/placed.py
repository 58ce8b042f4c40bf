"""What placing a document makes: values with their origin, items, leftovers, and the walk's state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from sipcli.importing.blocks import Origin
from sipcli.importing.wording import Path
from sipcli.model.types import normalise_school_year

#: Text fields that hold one value: a second one found is kept as a leftover.
SINGLE = ("school", "plan")


@dataclass(frozen=True)
class Value:
    """One value placed in the plan, where it came from, and how sip read it.

    ``inferred`` is None when the value was written as is in a cell or a paragraph, else the
    words that say how it was worked out ("read from the statement in").
    """

    value: Any
    origin: Origin
    inferred: str | None = None


@dataclass
class Item:
    """One list item placed in the plan (a goal, a benchmark, a challenge...): a table row."""

    kind: str
    origin: Origin
    fields: dict[str, Value] = field(default_factory=dict)
    """Dotted field (``baseline.value``) -> value."""
    children: dict[str, list[Item]] = field(default_factory=dict)
    """Nested lists: ``benchmarks``, ``status_updates``, ``initiatives``."""
    note: str | None = None
    """How sip placed it, when that was a guess ("under the goal above it")."""


@dataclass(frozen=True)
class Leftover:
    """Source text that could not be placed, kept verbatim with where it was."""

    text: str
    origin: Origin
    section: str | None
    """The section it most likely belongs to (None: before any section heading)."""


@dataclass
class Placement:
    """A source placed into a plan: values by path, items by list, and what was left over."""

    file: str
    texts: dict[Path, list[Value]] = field(default_factory=dict)
    lists: dict[Path, list[Value]] = field(default_factory=dict)
    items: dict[Path, list[Item]] = field(default_factory=dict)
    sections: dict[str, Origin] = field(default_factory=dict)
    """Each section found, with the heading that chose it."""
    leftovers: list[Leftover] = field(default_factory=list)
    derived: list[tuple[str, Leftover]] = field(default_factory=list)
    """In a document sip rendered, what sip derives from the plan and left out, each with
    what it is ("contents"): see `importing.derived`."""
    kind: Value | None = None
    """The kind of plan, when a heading only one kind of plan uses says it."""
    kind_on_cover: bool = False
    """The cover page's title names the kind, the default one included: no heading changes it
    then (a Sustainable Improvement Plan may have a "Financial plan" too)."""
    school_year: int | None = None
    """The first calendar year of the plan's school year, when the source says it."""
    school_year_text: Value | None = None
    """The school year as the plan writes it (SY2025-26), read from the first text naming one."""
    notes: tuple[str, ...] = ()
    group_labels: list[tuple[Item, Value, str, str]] = field(default_factory=list)
    """Goals' student groups not read as a code or an id: perhaps a group the plan names
    (its label), matched once the document is read; each with its leftover text and section."""


@dataclass
class WalkState:
    """Where the walk through the blocks is: the section, sub-heading and items above."""

    section: str | None = None
    """The section of the nearest section heading above (for leftovers)."""
    level: int = 0
    placing: bool = False
    """Whether unlabelled paragraphs may go to the section's text field."""
    label: Path | None = None
    """The field a sub-heading named, which the paragraphs below it fill."""
    items: list[Item] = field(default_factory=list)
    """The items whose headings ("O1: ...", "I1.1: ...") are above, outermost first."""
    levels: list[int] = field(default_factory=list)
    """The level of each of those headings."""
    table_kind: str | None = None
    """The kind of table the heading just above names ("Planning team"), if it names one."""


def add_text(placement: Placement, path: Path, value: Value, section: str | None) -> None:
    """Add a paragraph to a text field; a field of one value keeps its first."""
    if path == ("plan", "school_year"):
        try:
            normalise_school_year(value.value)
        except ValueError:
            placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
            return
    values = placement.texts.setdefault(path, [])
    if values and path[0] in SINGLE:
        placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
        return
    values.append(value)


def merge_into(previous: Item, item: Item) -> None:
    """Add ``item``'s fields and children to ``previous`` (a field already there is kept)."""
    for name, value in item.fields.items():
        previous.fields.setdefault(name, value)
    for name, children in item.children.items():
        previous.children.setdefault(name, []).extend(children)


def id_of(item: Item) -> str:
    """The id the item was given in the source, or "" when none."""
    ident = item.fields.get("id")
    return str(ident.value) if ident is not None else ""
