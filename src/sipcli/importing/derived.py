"""What sip derives from the plan, in a document sip itself rendered: left out of the draft.

sip's renderer writes into every plan document blocks it works out from the plan (the phase
under each stage's heading, the contents list, the traceability, resource and totals
tables, the Turnaround Practices key) and headings of its own above what the import reads
by other wording. Imported back, they would fill the draft's ``# Not imported`` blocks with
what `sip render` writes again anyway. In a document sip rendered (`rendered_by_sip`), the
leftovers those blocks make are set apart (`set_apart`), counted and named in a note; in any
other document nothing is. Only leftovers are set apart: what the walk placed stays placed,
so no value the source holds is lost. The wording is ``sip_derived`` in
``data/import_map.yaml``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sipcli.importing.blocks import Block, Heading, SourceDocument, Table
from sipcli.importing.placed import Leftover, Placement
from sipcli.importing.wording import Path, normalise
from sipcli.model.labels import label_table

#: The author sip's renderer writes into every document (``render.docx_render.AUTHOR``).
#: Word and LibreOffice keep a document's author when they save it (they change only its
#: last editor), so a plan rendered by sip and edited since still says so.
SIP_AUTHOR = "sip"
#: The creation date sip writes (``render.docx_render.FIXED_DATE``): kept on save as well.
SIP_CREATED = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)
#: Styles of sip's Word template for what only sip writes (phase labels, spacers, tables).
SIP_STYLES = frozenset({"plan phase", "table spacer", "plan table"})

#: What each kind of derived block is called in the note.
_KINDS = {
    "paragraphs": "phase labels and title lines",
    "contents": "contents",
    "headings": "its own headings",
    "tables": "traceability, Turnaround Practices and resource tables",
    "lines": "repeated title-page values",
}


def rendered_by_sip(
    author: str | None, created: dt.datetime | None, style_names: Iterable[str]
) -> bool:
    """Whether a Word document is one sip rendered, by two signs sip's renderer writes.

    The author must be sip's, and so must its creation date or one of its styles: a person
    who calls themselves "sip" does not make a document sip's. A template a consultant
    passes to ``--template`` may lack sip's styles, but not the author and date.
    """
    if (author or "").strip() != SIP_AUTHOR:
        return False
    if created is not None and created.tzinfo is None:
        created = created.replace(tzinfo=dt.timezone.utc)  # python-docx reads UTC, naive
    names = {" ".join(name.lower().split()) for name in style_names}
    return created == SIP_CREATED or bool(names & SIP_STYLES)


@dataclass(frozen=True)
class DerivedWording:
    """``sip_derived`` in the import map: the wording of each kind of derived block."""

    paragraphs: frozenset[str]
    headings: frozenset[str]
    sections: frozenset[str]
    tables: frozenset[tuple[str, ...]]
    lines: dict[Path, tuple[str, ...]]


@cache
def derived_wording() -> DerivedWording:
    """Return ``sip_derived`` from ``data/import_map.yaml``, read once."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when importing

    text = files("sipcli").joinpath("data").joinpath("import_map.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text).get("sip_derived", {})
    return DerivedWording(
        paragraphs=frozenset(map(normalise, data.get("paragraphs", ()))),
        headings=frozenset(map(normalise, data.get("headings", ()))),
        sections=frozenset(map(normalise, data.get("sections", ()))),
        tables=frozenset(tuple(map(normalise, row)) for row in data.get("tables", ())),
        lines={
            tuple(str(k).split(".")): tuple(map(normalise, v))
            for k, v in data.get("lines", {}).items()
        },
    )


def set_apart(document: SourceDocument, placement: Placement) -> None:
    """Move the leftovers of ``document``'s derived blocks to ``placement.derived``.

    Nothing moves unless sip rendered the document.
    """
    if not document.rendered_by_sip:
        return
    found = derived_blocks(document.blocks)
    kept: list[Leftover] = []
    for leftover in placement.leftovers:
        where = leftover.origin.where
        # a table's leftovers are its rows and cells ("table 3, row 2"): the table's, all
        table = where.split(",")[0] if where.startswith("table ") else where
        kind = found.get(where) or found.get(table) or _repeats(leftover, placement)
        if kind is None:
            kept.append(leftover)
        else:
            placement.derived.append((kind, leftover))
    placement.leftovers[:] = kept


def derived_blocks(blocks: Iterable[Block]) -> dict[str, str]:
    """The derived blocks among ``blocks``: each one's origin (a table's "table 3") -> kind."""
    wording = derived_wording()
    blocks = tuple(blocks)
    headings = {normalise(b.text) for b in blocks if isinstance(b, Heading)}
    found: dict[str, str] = {}
    in_section = False  # under a heading of what sip builds, until the next heading
    for block in blocks:
        if isinstance(block, Heading):
            words = normalise(block.text)
            in_section = words in wording.sections
            if in_section or words in wording.headings:
                found[block.origin.where] = "headings"
        elif isinstance(block, Table):
            header = tuple(normalise(cell.text) for cell in block.rows[0])
            if in_section or header in wording.tables:
                found[block.origin.where] = "tables"
        else:
            words = normalise(block.text)
            if words in wording.paragraphs:
                found[block.origin.where] = "paragraphs"
            elif in_section and _PAGE_NUMBER.sub("", words) in headings:
                found[block.origin.where] = "contents"
    return found


def _repeats(leftover: Leftover, placement: Placement) -> str | None:
    """Return "lines" when the leftover is sip's wording before a value the draft holds."""
    words = normalise(leftover.text)
    for path, starts in derived_wording().lines.items():
        held = _held(path, placement)
        for start in starts:
            # an empty wording: the line is the value alone ("SY2026-27")
            rest = words if not start else words.removeprefix(f"{start} ")
            if (not start or rest != words) and rest in held:
                return "lines"
    return None


def _held(path: Path, placement: Placement) -> set[str]:
    """The words the draft's values at ``path`` are written in (a submission with its body)."""
    values = [value.value for value in placement.texts.get(path, [])]
    if path == ("plan", "school_year") and placement.school_year_text is not None:
        values.append(placement.school_year_text.value)
    held = {said for value in values for said in _spellings(str(value))}
    bodies = label_table("submitted_to")
    for item in placement.items.get(path, []):
        to, day = item.fields.get("to"), item.fields.get("date")
        if to is not None and day is not None and str(to.value) in bodies:
            body = normalise(bodies[str(to.value)])
            held |= {f"{body} {said}" for said in _spellings(str(day.value))}
    return held


#: A contents line's page number, once Word or LibreOffice has updated the contents.
_PAGE_NUMBER = re.compile(r" \d+$")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def _spellings(value: str) -> set[str]:
    """The words a value may be written in: as it is, and a date as sip writes it in words."""
    said = {normalise(value)}
    match = _ISO_DATE.fullmatch(value)
    if match:
        try:
            day = dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        except ValueError:
            return said
        said.add(normalise(f"{day:%B} {day.day}, {day.year}"))
    return said


def derived_note(placement: Placement) -> str | None:
    """The line the summary and the draft's header say about what was left out, if anything."""
    if not placement.derived:
        return None
    kinds = [_KINDS[kind] for kind in _KINDS if any(k == kind for k, _ in placement.derived)]
    count = len(placement.derived)
    blocks = "block" if count == 1 else "blocks"
    return (
        f"{count} {blocks} sip derives from the plan ({', '.join(kinds)}) were left out: "
        "sip rendered this document and writes them again from the plan"
    )
