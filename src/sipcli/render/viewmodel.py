"""The view model's parts: what a rendered plan is made of, independent of any format.

Every format (Markdown, HTML, DOCX) renders a `PlanView`; templates hold loops and
conditionals, not logic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Row:
    """A table row: its cells, in column order."""

    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table with a header row, body rows and an optional footer row."""

    headers: tuple[str, ...]
    rows: tuple[Row, ...]
    footer: Row | None = None


@dataclass(frozen=True)
class Entry:
    """A labelled value, e.g. ("District", "Eastbrook Public Schools"); shown only when set."""

    label: str
    value: str


@dataclass(frozen=True)
class Item:
    """A titled item with a body and labelled details (an objective, an initiative, ...)."""

    title: str
    body: str = ""
    details: tuple[Entry, ...] = ()
    tables: tuple[Table, ...] = ()
    children: tuple[Item, ...] = ()


@dataclass(frozen=True)
class Section:
    """One stage of the plan, in DESE's order: a heading, paragraphs, details, items, tables."""

    key: str
    title: str
    phase: str
    paragraphs: tuple[Entry, ...] = ()
    lists: tuple[tuple[str, tuple[str, ...]], ...] = ()
    items: tuple[Item, ...] = ()
    tables: tuple[tuple[str, Table], ...] = ()


@dataclass(frozen=True)
class PlanView:
    """The whole rendered plan."""

    title: str
    subtitle: str
    details: tuple[Entry, ...]
    sections: tuple[Section, ...]
    with_scores: bool = False
    generator: str = "sip"
