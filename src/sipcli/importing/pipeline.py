"""One import, start to end: read the source, place its blocks, write the draft, count."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ruamel.yaml import YAML

from sipcli.errors import SipError
from sipcli.importing.blocks import SourceDocument
from sipcli.importing.build import build_plan
from sipcli.importing.mapping import place
from sipcli.importing.summary import ImportSummary, summarise
from sipcli.load.bounded import read_bounded
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.validate.placeholders import find_placeholders


@dataclass(frozen=True)
class Imported:
    """A draft plan's text and what the import did."""

    text: str
    summary: ImportSummary


def read_source(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceDocument:
    """Read a Word document or a goal sheet into blocks, refusing what is not one.

    Raises:
        SipError: when the file cannot be read or is not a .docx, .xlsx or .csv sip can read.
    """
    from sipcli.importing.sniff import ZIP_FACTOR, kind_of  # noqa: PLC0415 - per format

    name = str(path)
    read = read_bounded(path, ZIP_FACTOR * max_bytes)
    if read.too_large:
        raise SipError(
            f"{name} is larger than sip reads ({ZIP_FACTOR * max_bytes} bytes); split the "
            "document, or raise the limit with --max-file-size."
        )
    kind = kind_of(read.data, name, max_bytes=max_bytes)
    if kind == "docx":
        from sipcli.importing.docx import read_docx  # noqa: PLC0415

        return read_docx(read.data, name)
    from sipcli.importing.sheet import read_sheet  # noqa: PLC0415

    return read_sheet(read.data, name, kind)


def import_document(document: SourceDocument, overrides: dict[str, str] | None = None) -> Imported:
    """Place ``document``'s blocks into a draft plan and count what was done."""
    placement = place(document, overrides)
    text = build_plan(placement)
    data = YAML(typ="safe").load(text)
    placeholders = sum(1 for _ in find_placeholders(data))
    return Imported(text, summarise(placement, placeholders))


def import_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, overrides: dict[str, str] | None = None
) -> Imported:
    """Import the plan in ``path`` (a .docx, .xlsx or .csv)."""
    return import_document(read_source(path, max_bytes=max_bytes), overrides)
