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


def table(headers: tuple[str, ...], rows: tuple[Row, ...], footer: Row | None = None) -> Table:
    """Return a table without the columns no row fills (an Owner column no item names).

    A blank column tells the reader nothing the plan said; a column the footer fills (a
    total) stays.
    """
    filled = [
        index
        for index in range(len(headers))
        if any(row.cells[index] for row in rows) or (footer is not None and footer.cells[index])
    ]
    if len(filled) == len(headers):
        return Table(headers, rows, footer)

    def keep(row: Row) -> Row:
        return Row(tuple(row.cells[index] for index in filled))

    return Table(
        tuple(headers[index] for index in filled),
        tuple(keep(row) for row in rows),
        keep(footer) if footer is not None else None,
    )


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
    note: str = ""
    """A draft's word on how far the stage has got ("Not started"); empty in a finished plan."""

    @property
    def is_empty(self) -> bool:
        """True when the section would print only its heading."""
        return not (self.paragraphs or self.lists or self.items or self.tables)


@dataclass(frozen=True)
class Cover:
    """The title page: the title block, who prepared the plan and when, and the house look.

    ``lines`` follow the title ("SY2026-27 · Annual renewal", the district); ``credits`` say
    who prepared it and when it was handed over; ``details`` are the plan's other details
    (those the title block does not already show). ``primary`` and ``accent`` are ``#RRGGBB``
    colours, empty when the user set none (a template's own look then stays).
    """

    school: str = ""
    plan_name: str = ""
    lines: tuple[str, ...] = ()
    credits: tuple[str, ...] = ()
    details: tuple[Entry, ...] = ()
    logo: bytes = b""
    logo_uri: str = ""
    primary: str = ""
    accent: str = ""


@dataclass(frozen=True)
class PlanView:
    """The whole rendered plan."""

    title: str
    subtitle: str
    details: tuple[Entry, ...]
    sections: tuple[Section, ...]
    with_scores: bool = False
    generator: str = "sip"
    cover: Cover = Cover()
    draft: bool = False
    """Rendered with ``--draft``: every page carries a Draft mark, gaps show what is left."""
    draft_note: str = ""
    """The draft's note at the top: not for submission, and how much is left to fill in."""
