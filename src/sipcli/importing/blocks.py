"""What a source document holds, read out of its file format: the importers' common ground.

A Word document and a spreadsheet both become a list of blocks in reading order. Each block
says where it came from (`Origin`), so every value the plan gets from it can say so in a
comment, and what cannot be placed can be kept verbatim with its place.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Origin:
    """Where a block or a cell is in the source, in words a person can find it by.

    ``where`` is e.g. ``"heading 'Goals and Benchmarks'"``, ``"table 3, row 2"``,
    ``"sheet 'Goals', cell C4"`` or ``"goals.csv, row 5"``.
    """

    where: str


@dataclass(frozen=True)
class Heading:
    """A heading: its text and level (1 for a title or top section, 2 below it, ...)."""

    text: str
    level: int
    origin: Origin


@dataclass(frozen=True)
class Paragraph:
    """A paragraph of text; ``list_level`` is None for body text, 0 or more for a list item."""

    text: str
    origin: Origin
    list_level: int | None = None


@dataclass(frozen=True)
class Cell:
    """One cell of a table, after merged cells are resolved.

    A cell merged across columns or rows appears once, at its top-left position, with
    ``span`` columns and ``rows`` rows; the positions it covers hold a cell with
    ``merged=True`` and the same text, so every row has one cell per column.
    """

    text: str
    origin: Origin
    span: int = 1
    rows: int = 1
    merged: bool = False
    number: float | None = None
    """The value a spreadsheet stored, when it stored a number (0.23 for a cell showing 23%)."""
    percent: bool = False
    """Whether a spreadsheet formats the number as a percentage."""


@dataclass(frozen=True)
class Table:
    """A table: its rows of cells, every row as wide as the widest."""

    rows: tuple[tuple[Cell, ...], ...]
    origin: Origin
    title: str | None = None
    """A caption, a sheet name or a merged title row above the header, when there is one."""


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class SourceDocument:
    """A source read into blocks, in reading order, with the file it came from."""

    file: str
    blocks: tuple[Block, ...]
    notes: tuple[str, ...] = field(default_factory=tuple)
    """What the reader did that the user should know (tracked changes accepted, ...)."""
    rendered_by_sip: bool = False
    """Whether sip rendered the document (`importing.derived.rendered_by_sip`): what sip
    derives from the plan is then left out of the draft, not kept as text to place."""
