"""The wording map (``data/import_map.yaml``) and how a text's words are compared with it."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

Path = tuple[str, ...]


@dataclass(frozen=True)
class SectionEntry:
    """A group of heading wordings that start one plan section."""

    section: str
    headings: tuple[str, ...]
    kind: str | None


@dataclass(frozen=True)
class TableKind:
    """A kind of table row: the list it fills and its columns' wording."""

    name: str
    path: Path
    key: str
    id_prefix: str | None
    columns: dict[str, tuple[str, ...]]
    within: str | None = None
    """The kind of item the table must be under (a milestone table under an initiative)."""
    min_columns: int = 1
    """How many of its columns a table must have to be read as this kind."""


@dataclass(frozen=True)
class ImportMap:
    """``data/import_map.yaml`` read: what wording means what."""

    sections: tuple[SectionEntry, ...]
    paragraphs: dict[str, Path]
    lists: dict[str, Path]
    list_items: dict[str, tuple[str, ...]]
    labels: dict[Path, tuple[str, ...]]
    tables: tuple[TableKind, ...]
    periods: dict[str, str]
    result_kinds: dict[str, tuple[str, ...]]
    statuses: dict[str, tuple[str, ...]]
    no_result: tuple[str, ...] = ()
    """What a results cell holds to say there is no result (n/a, tbd)."""
    cover_titles: tuple[str, ...] = ()
    """Wording of a cover line naming the plan ("Sustainable Improvement Plan")."""
    cover_districts: tuple[str, ...] = ()
    """How a district's name ends ("Public Schools"), for the cover line that names it."""
    markers: tuple[str, ...] = ()
    """Paragraphs that only repeat the heading's place ("Phase II"): never put in a field."""
    restating: tuple[tuple[str, ...], ...] = ()
    """Header rows of tables that restate the plan (traceability, totals): kept, not read."""
    routine_headings: dict[Path, tuple[str, ...]] = field(default_factory=dict)
    """Monitoring routines by the sub-heading that starts each ("School level")."""
    routine_lines: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """A routine's fields by the label of its line ("How often")."""
    demographics: tuple[tuple[str, ...], ...] = ()
    """Header rows of tables of student groups and their percent of enrollment."""
    table_headings: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kinds of table by the heading above one ("Planning team")."""
    named_items: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Kinds of item by the words before an id in a heading naming one ("Goal G1")."""


def _path(dotted: str) -> Path:
    return tuple(dotted.split("."))


def _words(values: Iterable[Any]) -> tuple[str, ...]:
    return tuple(normalise(str(value)) for value in values)


@cache
def import_map() -> ImportMap:
    """Return the wording map, read once from ``sipcli/data/import_map.yaml``."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when importing

    text = files("sipcli").joinpath("data").joinpath("import_map.yaml").read_text("utf-8")
    data = YAML(typ="safe").load(text)
    return ImportMap(
        sections=tuple(
            SectionEntry(
                str(entry.get("section", name)), _words(entry["headings"]), entry.get("kind")
            )
            for name, entry in data["sections"].items()
        ),
        paragraphs={str(k): _path(v) for k, v in data["paragraphs"].items()},
        lists={str(k): _path(v) for k, v in data["lists"].items()},
        list_items={str(k): tuple(map(str, v)) for k, v in data["list_items"].items()},
        labels={_path(k): _words(v) for k, v in data["labels"].items()},
        tables=tuple(
            TableKind(
                str(name),
                _path(entry["path"]),
                str(entry["key"]),
                entry.get("id_prefix"),
                {str(f): _words(words) for f, words in entry["columns"].items()},
                entry.get("within"),
                int(entry.get("min_columns", 1)),
            )
            for name, entry in data["tables"].items()
        ),
        periods={normalise(str(k)): str(v) for k, v in data["periods"].items()},
        result_kinds={str(k): _words(v) for k, v in data["result_kinds"].items()},
        statuses={str(k): _words(v) for k, v in data["statuses"].items()},
        no_result=_words(data.get("no_result", ())),
        cover_titles=_words(data.get("cover", {}).get("plan_titles", ())),
        cover_districts=_words(data.get("cover", {}).get("districts", ())),
        markers=_words(data.get("markers", ())),
        restating=tuple(_words(row) for row in data.get("restating_tables", ())),
        demographics=tuple(_words(row) for row in data.get("demographics_tables", ())),
        table_headings={str(k): _words(v) for k, v in data.get("table_headings", {}).items()},
        named_items={str(k): _words(v) for k, v in data.get("named_items", {}).items()},
        routine_headings={
            _path(k): _words(v) for k, v in data.get("routines", {}).get("headings", {}).items()
        },
        routine_lines={
            str(k): _words(v) for k, v in data.get("routines", {}).get("lines", {}).items()
        },
    )


_NUMBERING = re.compile(
    r"^(?:(?:section|part|stage|phase|step)\s+)?"
    r"(?:\d+(?:\.\d+)+\.?|\d+[.):]|[ivxlc]+[.):]|[a-z][.):])\s*",
    re.IGNORECASE,
)


def normalise(text: str) -> str:
    """Return the words of ``text``: lower case, no punctuation or leading numbering.

    "II. Measurable Annual Goals" and "3.2 measurable annual goals:" read the same.
    """
    text = unicodedata.normalize("NFKC", text).strip()
    while True:
        stripped = _NUMBERING.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    text = text.lower().replace("&", " and ")
    return " ".join(re.sub(r"[^\w#]+", " ", text).split())


def contains(words: str, phrase: str) -> bool:
    """Whether ``phrase``'s words appear in ``words`` in order, as whole words."""
    return bool(phrase) and f" {phrase} " in f" {words} "


def best_match(words: str, candidates: Iterable[tuple[str, Any]]) -> Any | None:
    """The candidate whose phrase matches ``words`` with the most words (first on ties)."""
    best: tuple[int, Any] | None = None
    for phrase, what in candidates:
        if words == phrase:
            return what
        if contains(words, phrase):
            size = len(phrase.split())
            if best is None or size > best[0]:
                best = (size, what)
    return best[1] if best else None


def match_section(text: str) -> SectionEntry | None:
    """Return the section a heading names, or None when its wording is not known."""
    words = normalise(text)
    return best_match(words, ((p, e) for e in import_map().sections for p in e.headings))


def match_label(text: str, section: str | None = None) -> Path | None:
    """Return the field a label names ("Mission", "Theory of action"), within ``section`` if given.

    A label must be the whole text: "Mission" is a label, "Our mission is ..." is not.
    """
    words = normalise(text)
    for path, phrases in import_map().labels.items():
        if (section is None or path[0] == section) and words in phrases:
            return path
    return None
