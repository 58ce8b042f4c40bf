"""Place a source document's blocks into a plan, by their wording: pure functions, no output.

`place` walks the blocks in reading order. A heading chooses the section the blocks below it
belong to (``data/import_map.yaml``); a labelled paragraph or sub-heading chooses a text
field; a table is matched to a kind of item (goal, challenge, ...) by its header rows, one
item per row. Every value keeps the `Origin` it came from and, when sip worked it out rather
than reading it in a cell, how (``inferred``). What cannot be placed is a `Leftover` with the
section it most likely belongs to: the section of the nearest heading above it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from sipcli.errors import SipError
from sipcli.importing.blocks import Block, Cell, Heading, Origin, Paragraph, SourceDocument, Table
from sipcli.model.kinds import DEFAULT_KIND, plan_kinds
from sipcli.model.labels import label_table
from sipcli.model.types import normalise_school_year
from sipcli.periods import PeriodContext, PeriodError, read_when
from sipcli.statement.amounts import find_amounts
from sipcli.statement.deadlines import find_deadline

Path = tuple[str, ...]

#: The fields whose cells hold a number (the rest is kept as a leftover).
_NUMBER_FIELDS = frozenset({"baseline.value", "target.value", "cost", "priority", "participants"})
#: The fields whose cells hold a date or a period.
_WHEN_FIELDS = frozenset({"target.by", "start", "end", "date"})
#: Text fields that hold one value: a second one found is kept as a leftover.
_SINGLE = ("school", "plan")
_NUMBER = re.compile(r"[-+]?\$?\d[\d,]*(?:\.\d+)?")
#: A cell that holds a figure and nothing else: "23%", "19 %", "$12,000", "1,142".
_WHOLE_NUMBER = re.compile(r"^\s*([-+]?\$?\d[\d,]*(?:\.\d+)?)\s*%?\s*$")
#: An id written where the goal's text would be (a sheet's "Goal" column of G1, G2.B1).
_ID_ONLY = re.compile(r"^[A-Z]{1,3}\d+(?:\.[A-Z]{1,3}\d+)?$")
_LEGEND = re.compile(r"^\s*(?:key|legend|notes?|source)\s*:", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"\b(?:SY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\b", re.IGNORECASE)
_IDENTIFIER = re.compile(r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$")
_BENCHMARK_ID = re.compile(r"^([A-Za-z][A-Za-z0-9_-]*)\.[A-Za-z][A-Za-z0-9_-]*$")
#: Words in a period column's header that say nothing about the period itself.
_RESULT_WORDS = re.compile(r"\b(?:results?|actuals?|data|scores?|status|check)\b")


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
    kind: Value | None = None
    """The kind of plan, when a heading only one kind of plan uses says it."""
    school_year: int | None = None
    """The first calendar year of the plan's school year, when the source says it."""
    school_year_text: Value | None = None
    """The school year as the plan writes it (SY2025-26), read from the first text naming one."""
    notes: tuple[str, ...] = ()


# --- the map ------------------------------------------------------------------------------


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
        routine_headings={
            _path(k): _words(v) for k, v in data.get("routines", {}).get("headings", {}).items()
        },
        routine_lines={
            str(k): _words(v) for k, v in data.get("routines", {}).get("lines", {}).items()
        },
    )


# --- wording ------------------------------------------------------------------------------

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


def _contains(words: str, phrase: str) -> bool:
    """Whether ``phrase``'s words appear in ``words`` in order, as whole words."""
    return bool(phrase) and f" {phrase} " in f" {words} "


def _best(words: str, candidates: Iterable[tuple[str, Any]]) -> Any | None:
    """The candidate whose phrase matches ``words`` with the most words (first on ties)."""
    best: tuple[int, Any] | None = None
    for phrase, what in candidates:
        if words == phrase:
            return what
        if _contains(words, phrase):
            size = len(phrase.split())
            if best is None or size > best[0]:
                best = (size, what)
    return best[1] if best else None


def match_section(text: str) -> SectionEntry | None:
    """Return the section a heading names, or None when its wording is not known."""
    words = normalise(text)
    return _best(words, ((p, e) for e in import_map().sections for p in e.headings))


def match_label(text: str, section: str | None = None) -> Path | None:
    """Return the field a label names ("Mission", "Theory of action"), within ``section`` if given.

    A label must be the whole text: "Mission" is a label, "Our mission is ..." is not.
    """
    words = normalise(text)
    for path, phrases in import_map().labels.items():
        if (section is None or path[0] == section) and words in phrases:
            return path
    return None


# --- walking the blocks -------------------------------------------------------------------


@dataclass
class _State:
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


def place(document: SourceDocument, overrides: dict[str, str] | None = None) -> Placement:
    """Place every block of ``document``; ``overrides`` maps a column header to a field."""
    placement = Placement(document.file, notes=document.notes)
    placement.school_year_text = _school_year_in(document.blocks)
    if placement.school_year_text is not None:
        placement.school_year = int(str(placement.school_year_text.value)[2:6])
    state = _State()
    wanted = {normalise(k): v for k, v in (overrides or {}).items()}
    read = _cover(document.blocks, placement)
    for index, block in enumerate(document.blocks):
        if index in read:
            continue
        if isinstance(block, Heading):
            _heading(block, state, placement)
        elif isinstance(block, Paragraph):
            _paragraph(block, state, placement)
        else:
            _table(block, state, placement, wanted)
    return placement


def _school_year_in(blocks: Iterable[Block]) -> Value | None:
    """The first school year a heading, paragraph or table title writes (SY2025-26)."""
    for block in blocks:
        if isinstance(block, Table):
            labelled = [r[1].text for r in block.rows if len(r) == 2 and _is_year_label(r[0].text)]
            titles = [" ".join(c.text for c in r) for r in block.rows[:1] if _is_title_row(r)]
            text = " ".join([block.title or "", *titles, *labelled])
        else:
            text = block.text
        match = _SCHOOL_YEAR.search(text)
        if match is None or int(match.group(1)) < 1900:
            continue
        try:
            year = normalise_school_year(match.group(0))
        except ValueError:
            continue
        return Value(year, block.origin, "read from")
    return None


def _is_year_label(text: str) -> bool:
    return match_label(text) == ("plan", "school_year")


def _heading(block: Heading, state: _State, placement: Placement) -> None:
    if _item_heading(block, state, placement):
        return
    state.items, state.levels = [], []
    words = normalise(block.text)
    named = import_map().table_headings.items()
    state.table_kind = next((kind for kind, ws in named if words in ws), None)
    if state.table_kind is not None:
        return  # the table below says what it is: the heading is its title
    routine = next((p for p, ws in import_map().routine_headings.items() if words in ws), None)
    if routine is not None and state.section == routine[0]:
        state.label = routine  # "School level" under Monitoring: the lines below are its
        return
    entry = match_section(block.text)
    label = match_label(block.text, state.section) if state.section else None
    if label is not None and (entry is None or block.level > state.level):
        state.label = label  # "Theory of Action" under the executive summary
        return
    if entry is not None:
        state.section, state.level, state.placing, state.label = (
            entry.section,
            block.level,
            True,
            None,
        )
        placement.sections.setdefault(entry.section, block.origin)
        if entry.kind and placement.kind is None:
            placement.kind = Value(entry.kind, block.origin, "chosen from")
        return
    anywhere = match_label(block.text)
    if anywhere is not None:
        state.label = anywhere
        return
    # An unknown heading: what is under it is not guessed into a field, but kept, at the
    # end of the section above it.
    placement.leftovers.append(Leftover(block.text, block.origin, state.section))
    state.label = None
    state.placing = False


def _paragraph(block: Paragraph, state: _State, placement: Placement) -> None:
    text = block.text.strip()
    if not text or _labelled_paragraph(block, state, placement):
        return
    map_ = import_map()
    if state.label in _LIST_LABELS and block.list_level is not None:
        _list_entry(block, state.label, state.section, placement)
    elif state.label is not None:
        _add_text(placement, state.label, Value(text, block.origin), state.section)
    elif state.placing and block.list_level is not None and _list_item(block, state, placement):
        return
    elif state.placing and block.list_level is not None and state.section in map_.lists:
        placement.lists.setdefault(map_.lists[state.section], []).append(Value(text, block.origin))
    elif state.placing and block.list_level is None and state.section in map_.paragraphs:
        _add_text(
            placement, map_.paragraphs[state.section], Value(text, block.origin), state.section
        )
    else:
        placement.leftovers.append(Leftover(text, block.origin, state.section))


def _list_item(block: Paragraph, state: _State, placement: Placement) -> bool:
    """A bullet that is an item of the plan (an objective, its initiative): True if placed."""
    kinds = import_map().list_items.get(state.section or "", ())
    level = block.list_level or 0
    if level >= len(kinds):
        return False
    kind = next(table for table in import_map().tables if table.name == kinds[level])
    item = Item(kind.name, block.origin)
    item.fields[kind.key] = Value(block.text.strip(), block.origin)
    if kind.name == "goal":
        _infer_from_statement(item)
    _attach(kind, item, placement, state.section or kind.path[0])
    return True


def _add_text(placement: Placement, path: Path, value: Value, section: str | None) -> None:
    """Add a paragraph to a text field; a field of one value keeps its first."""
    if path == ("plan", "school_year"):
        try:
            normalise_school_year(value.value)
        except ValueError:
            placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
            return
    values = placement.texts.setdefault(path, [])
    if values and path[0] in _SINGLE:
        placement.leftovers.append(Leftover(value.value, value.origin, section or path[0]))
        return
    values.append(value)


# --- a document's cover, labelled lines and item headings ---------------------------------

#: A heading that names an item by its id: "O1: Build a leadership team", "I2.1: Coaching".
_ITEM_HEADING = re.compile(r"^([A-Z]{1,3}\d+(?:\.\d+)*)\s*:\s+(\S.*)$")
#: A long date as documents write it: "June 4, 2026".
_LONG_DATE = re.compile(r"^([A-Z][a-z]+)\s+(\d{1,2}),\s*(\d{4})$")
_MONTHS = [
    *("january", "february", "march", "april", "may", "june"),
    *("july", "august", "september", "october", "november", "december"),
]
#: Label fields whose value is read as a date, written as sip writes one.
_DATE_LABELS = frozenset(
    {
        ("plan", "shared", "stakeholders"),
        ("plan", "shared", "school_committee"),
        ("plan", "shared", "dese"),
        ("implementation", "start_date"),
    }
)
#: Label fields that name a code, and the table of ``data/labels.yaml`` whose words name it.
_CODE_LABELS = {
    ("plan", "status"): "plan_status",
    ("plan", "designation"): "designation",
    ("plan", "type"): "plan_type",
}


def _labelled_paragraph(block: Paragraph, state: _State, placement: Placement) -> bool:
    """A paragraph that says what it is: True when it was placed or kept because of that.

    A marker ("Phase II") is kept; a line under an item's heading ("Owner: Principal") goes
    to the item; a labelled paragraph ("Mission. We teach ...") to its field.
    """
    text = block.text.strip()
    if normalise(text) in import_map().markers:
        placement.leftovers.append(Leftover(text, block.origin, state.section))
        return True
    if state.items and _item_line(block, state.items[-1], placement, state.section):
        return True
    if state.label in import_map().routine_headings:
        _routine_line(block, state.label, placement)
        return True
    if state.label == _KEY_STRATEGIES and block.list_level is not None:
        _key_strategy(block, placement)
        return True
    if state.section is None and _submission(block, placement):
        return True
    labelled, rest = _labelled(text, state.section)
    if labelled is None:
        return False
    if not _add_labelled(placement, labelled, rest, block.origin, state.section):
        placement.leftovers.append(Leftover(text, block.origin, state.section))
    return True


_KEY_STRATEGIES: Path = ("executive_summary", "key_strategies")
#: A key strategy as sip writes it: its text, then its objective's id and title in parentheses.
_STRATEGY = re.compile(r"^(.*?)\s+\(([A-Z]{1,3}\d+(?:\.\d+)*): .*\)$")


def _key_strategy(block: Paragraph, placement: Placement) -> None:
    """A bullet under "Key strategies": "Weekly data teams. (O1: Build a team ...)"."""
    text = block.text.strip()
    item = Item("key_strategy", block.origin)
    match = _STRATEGY.match(text)
    item.fields["text"] = Value(match.group(1) if match else text, block.origin)
    if match is not None:
        how = "read from the objective named in"
        item.fields["objective_ref"] = Value(match.group(2), block.origin, how)
    placement.items.setdefault(_KEY_STRATEGIES, []).append(item)


def _submission(block: Paragraph, placement: Placement) -> bool:
    """A title page's "Submitted to the school committee October 13, 2026 (Final plan)".

    "Submitted to DESE" with a date alone is the plan's date shared with DESE (``shared``),
    read as a label; with what was submitted in parentheses it is a submission.
    """
    text = block.text.strip()
    for code, words in label_table("submitted_to").items():
        if not text.startswith(f"{words} "):
            continue
        rest = re.fullmatch(r"(.+?)(?:\s+\((.+)\))?", text[len(words) + 1 :].strip())
        if rest is None or (code == "dese" and rest.group(2) is None):
            return False
        when = long_date(rest.group(1)) or _when(rest.group(1), placement.school_year)
        if when is None:
            return False
        item = Item("submission", block.origin)
        item.fields["to"] = Value(code, block.origin)
        item.fields["date"] = Value(when, block.origin)
        if rest.group(2):
            item.fields["what"] = Value(rest.group(2), block.origin)
        placement.items.setdefault(("plan", "submissions"), []).append(item)
        return True
    return False


def _routine_line(block: Paragraph, routine: Path, placement: Placement) -> None:
    """A line under "School level": "How often: Monthly", "Who: A, B", or its description."""
    text = block.text.strip()
    head, colon, rest = text.partition(":")
    words = normalise(head) if colon else ""
    name = next((f for f, ws in import_map().routine_lines.items() if words in ws), None)
    origin, section = block.origin, routine[0]
    path: Path = (*routine, name or "description")
    if name is None:
        _add_text(placement, path, Value(text, origin), section)
    elif name == "cadence":
        code = choice(rest, "cadence")
        if code is None:
            placement.leftovers.append(Leftover(text, origin, section))
        else:
            placement.texts[path] = [Value(code, origin)]
    elif name == "forum":
        placement.texts[path] = [Value(rest.strip(), origin)]
    else:  # "Principal, Assistant principal": one entry each
        entries = [Value(part.strip(), origin) for part in rest.split(",") if part.strip()]
        placement.lists[path] = entries


def _list_entry(block: Paragraph, path: Path, section: str | None, placement: Placement) -> None:
    """A bullet under "Core values": one entry of the list (a code, where the list has codes)."""
    text = block.text.strip()
    table = _LIST_LABELS[path]
    entry = choice(text, table) if table else text
    if entry is None:
        placement.leftovers.append(Leftover(text, block.origin, section))
    else:
        placement.lists.setdefault(path, []).append(Value(entry, block.origin))


def _cover(blocks: tuple[Block, ...], placement: Placement) -> set[int]:
    """Read a cover page: the first heading, when a line below it names the plan.

    Returns the indexes of the blocks read (the school's name, the district's, the plan
    type); the cover's other lines are read as any paragraph is.
    """
    if not blocks or not isinstance(blocks[0], Heading) or match_section(blocks[0].text):
        return set()
    lines: list[tuple[int, Paragraph]] = []
    for index, block in enumerate(blocks[1:], start=1):
        if not isinstance(block, Paragraph):
            break
        lines.append((index, block))
    map_ = import_map()
    written = [normalise(line.text) for _, line in lines]
    if not any(_contains(line, title) for line in written for title in map_.cover_titles):
        return set()
    title = blocks[0]
    how = "read from the cover page's title"
    placement.texts.setdefault(("school", "name"), []).append(Value(title.text, title.origin, how))
    read = {0}
    for index, line in lines:
        words = normalise(line.text)
        kind = next((k for k, f in plan_kinds().items() if normalise(f.title) == words), None)
        if kind is not None and kind != DEFAULT_KIND and placement.kind is None:
            # "School Improvement Plan": the title only one kind of plan is printed with
            placement.kind = Value(kind, line.origin, "chosen from the cover page's title in")
            read.add(index)
        elif any(words.endswith(f" {end}") for end in map_.cover_districts):
            if ("school", "district") not in placement.texts:
                value = Value(line.text.strip(), line.origin, "read from the cover page's line")
                placement.texts[("school", "district")] = [value]
                read.add(index)
        elif "\u00b7" in line.text and _cover_type_line(line, placement):
            read.add(index)
    return read


def _cover_type_line(line: Paragraph, placement: Placement) -> bool:
    """A cover line "SY2026-27 · Initial plan": True when every part reads (year, type)."""
    for part in line.text.split("\u00b7"):
        code = choice(part, "plan_type")
        if code is not None:
            if ("plan", "type") not in placement.texts:
                how = "read from the cover page's line"
                placement.texts[("plan", "type")] = [Value(code, line.origin, how)]
        elif not _SCHOOL_YEAR.fullmatch(part.strip()):
            return False
    return True


def _labelled(text: str, section: str | None) -> tuple[Path | None, str]:
    """The field a paragraph's label names and the rest of it, or (None, "").

    Three forms: "Mission: We teach ...", "Mission. We teach ..." (a label as its own first
    sentence) and, before any section (a title page's details), "Principal Dana Okafor".
    """
    for separator in (":", ". "):
        head, found, rest = text.partition(separator)
        if found and rest.strip():
            path = (match_label(head, section) if section else None) or match_label(head)
            if path is not None:
                return path, rest.strip()
    if section is None:
        words = text.split()
        for count in range(min(len(words) - 1, 5), 0, -1):
            path = match_label(" ".join(words[:count]))
            if path is not None and path[0] in _SINGLE:
                return path, " ".join(words[count:])
    return None, ""


def label_value(path: Path, text: str, school_year: int | None = None) -> Any | None:
    """A labelled value read as its field holds it, or None when it does not read.

    "3 years" is a horizon of 3, "Final" the status final, "K, 1, 2" grades, "June 4, 2026"
    the date 2026-06-04; a text field takes the text as it is.
    """
    if path in _CODE_LABELS:
        return choice(text, _CODE_LABELS[path])
    if path in _DATE_LABELS:
        return long_date(text) or _when(text, school_year)
    if path[-1] == "meetings":  # "2026-04-16, 2026-05-21, fall 2026": each must read
        dates = [_when(part, school_year) for part in text.split(",")]
        return dates if dates and all(dates) else None
    if path == ("plan", "horizon_years"):
        match = re.fullmatch(r"(\d+)\s*years?", text.strip())
        return int(match.group(1)) if match else None
    if path == ("school", "grades"):
        grades = [part.strip() for part in text.split(",")]
        if not all(re.fullmatch(r"PK|K|\d{1,2}", grade) for grade in grades):
            return None
        return [int(grade) if grade.isdigit() else grade for grade in grades]
    if path == ("district_systems", "standards"):  # "I: Leadership and governance, II: ..."
        codes = [part.split(":")[0].strip() for part in text.split(",")]
        return codes if all(re.fullmatch(r"[IV]{1,3}", code) for code in codes) else None
    if path == ("school", "snapshot", "enrollment"):
        match = re.fullmatch(r"(\d[\d,]*)(?:\s*\((.+)\))?", text.strip())
        return int(match.group(1).replace(",", "")) if match else None
    return text


def _add_labelled(
    placement: Placement, path: Path, text: str, origin: Origin, section: str | None
) -> bool:
    """Put a labelled value in its field; False when it does not read as the field needs."""
    value = label_value(path, text, placement.school_year)
    if value is None:
        return False
    if path[0] in _SINGLE and path in placement.texts:
        return False  # a second value for a field of one: kept as it is written
    _add_text(placement, path, Value(value, origin), section)
    if path == ("school", "snapshot", "enrollment"):  # "412 (October 1, 2025)"
        as_of = re.fullmatch(r"[\d,]+\s*\((.+)\)", text.strip())
        if as_of is not None:
            value = Value(as_of.group(1), origin, "read from the parentheses in")
            _add_text(placement, ("school", "snapshot", "as_of"), value, section)
    return True


def long_date(text: str) -> str | None:
    """A long date ("June 4, 2026") as sip writes a date (2026-06-04), or None if not one."""
    match = _LONG_DATE.fullmatch(text.strip())
    if match is None or match.group(1).lower() not in _MONTHS:
        return None
    month = _MONTHS.index(match.group(1).lower()) + 1
    return f"{match.group(3)}-{month:02d}-{int(match.group(2)):02d}"


def _item_heading(block: Heading, state: _State, placement: Placement) -> bool:
    """A heading naming an item by its id ("O1: ...", "I1.1: ..."): True if it made one.

    Under a section whose list items are items of the plan (``list_items``), the first level
    of such headings is the section's items and the next their children (an objective's
    initiatives), each keeping the id the document shows.
    """
    match = _ITEM_HEADING.match(block.text.strip())
    kinds = import_map().list_items.get(state.section or "", ())
    if match is None or not kinds:
        return False
    while state.items and state.levels[-1] >= block.level:  # a sibling or an uncle
        state.items.pop()
        state.levels.pop()
    depth = len(state.items)
    if depth >= len(kinds):
        return False
    kind = next(table for table in import_map().tables if table.name == kinds[depth])
    ident, title = match.group(1), match.group(2).strip()
    siblings = (
        state.items[-1].children.setdefault(kind.path[-1], [])
        if state.items
        else placement.items.setdefault(kind.path, [])
    )
    item = next((one for one in siblings if _id_of(one) == ident), None)
    if item is None:
        item = Item(kind.name, block.origin)
        siblings.append(item)
    item.fields["id"] = Value(ident, block.origin)
    item.fields[kind.key] = Value(title, block.origin)
    state.items.append(item)
    state.levels.append(block.level)
    state.label = None
    return True


def _item_line(block: Paragraph, item: Item, placement: Placement, section: str | None) -> bool:
    """A line under an item's heading: "Owner: Principal" fills a field, body text describes it."""
    text = block.text.strip()
    kind = next(table for table in import_map().tables if table.name == item.kind)
    head, colon, rest = text.partition(":")
    if colon and rest.strip():
        words = normalise(head)
        name = next((f for f, phrases in kind.columns.items() if words in phrases), None)
        if name == "timeline":  # "2026-08-17 to 2029-06-30", or a start alone
            return _timeline(item, rest, block.origin, placement.school_year)
        if name is not None and name != kind.key:
            cell = Cell(rest.strip(), block.origin)
            _cell_value(item, _Column(0, head, name), cell, placement, section or kind.path[0])
            return True
    if block.list_level is None and "description" not in item.fields:
        item.fields["description"] = Value(text, block.origin)
        return True
    return False


def _timeline(item: Item, text: str, origin: Origin, school_year: int | None) -> bool:
    """An initiative's "start to end"; one date alone is read as its start (and says so)."""
    start, to, end = text.strip().partition(" to ")
    starts = _when(start, school_year)
    ends = _when(end, school_year) if to else None
    if starts is None or (to and ends is None):
        return False
    if ends is None:
        item.fields["start"] = Value(starts, origin, "read as the start from")
        return True
    item.fields["start"] = Value(starts, origin)
    item.fields["end"] = Value(ends, origin)
    return True


# --- tables -------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Column:
    index: int
    header: str
    field: str | None
    period: str | None = None
    result_kind: str | None = None


def _table(table: Table, state: _State, placement: Placement, wanted: dict[str, str]) -> None:
    only, state.table_kind = state.table_kind, None  # a heading names one table, not more
    if only is None and _key_value(table, state, placement):
        return
    headers, body = _split_header(table)
    header_words = tuple(normalise(header) for header in headers)
    if header_words in import_map().restating:
        placement.leftovers.extend(_table_leftovers(table, state.section))
        return
    if header_words in import_map().demographics:
        _demographics(body, placement, state.section)
        return
    for row in table.rows:
        if not _is_title_row(row):
            break
        text = next(cell.text.strip() for cell in row if cell.text.strip())
        placement.leftovers.append(Leftover(text, _row_origin(row), state.section))
    # a header naming a period ("Q1", "Benchmarks: Mid-year") is a period column, whatever
    # other words it has; the rest are matched to fields
    period_columns = _period_columns(headers, wanted, placement.school_year)
    periods = {column.index for column in period_columns}
    named = ["" if index in periods else header for index, header in enumerate(headers)]
    within = state.items[-1].kind if state.items else None
    best = _choose_kind(named, state.section, wanted, within, only)
    if best is None:
        placement.leftovers.extend(_table_leftovers(table, state.section))
        return
    kind, columns = best
    placement.sections.setdefault(kind.path[0], table.origin)
    under = state.items[-1] if kind.within is not None and state.items else None
    if under is not None:
        _rows_under(under, kind, columns + period_columns, body, placement, state.section)
        return
    previous: Item | None = None
    for row in body:
        previous = _row(
            kind, columns + period_columns, row, placement, state.section or kind.path[0], previous
        )


def _demographics(
    body: tuple[tuple[Cell, ...], ...], placement: Placement, section: str | None
) -> None:
    """Rows of "High needs | 81.3%": the school's share of enrollment in each group."""
    for row in body:
        code = choice(row[0].text, "student_group")
        number = cell_number(row[1]) if len(row) > 1 else None
        if code is None or number is None:
            text = " | ".join(cell.text.strip() for cell in row)
            placement.leftovers.append(Leftover(text, _row_origin(row), section))
            continue
        path = ("school", "snapshot", "demographics", code)
        placement.texts[path] = [Value(number, row[1].origin)]


def _rows_under(
    under: Item,
    kind: TableKind,
    columns: list[_Column],
    body: tuple[tuple[Cell, ...], ...],
    placement: Placement,
    section: str | None,
) -> None:
    """A table under an item's heading (an initiative's milestones): its rows are that item's.

    The rows are read as if that item were the only one of its list.
    """
    saved = placement.items.get(kind.path[:-1])
    placement.items[kind.path[:-1]] = [under]
    previous: Item | None = None
    for row in body:
        previous = _row(kind, columns, row, placement, section or kind.path[0], previous)
    if saved is None:
        del placement.items[kind.path[:-1]]
    else:
        placement.items[kind.path[:-1]] = saved
    rows = placement.items.pop(kind.path, [])
    under.children.setdefault(kind.path[-1], []).extend(rows)
    for row_item in under.children[kind.path[-1]]:
        row_item.note = None  # its heading says whose it is


def _key_value(table: Table, state: _State, placement: Placement) -> bool:
    """A two-column table of labels and values ("School name | Lincoln"): True if it was one."""
    if not table.rows or len(table.rows[0]) != 2:
        return False
    labels = [match_label(row[0].text) for row in table.rows]
    if not any(labels):
        return False
    for row, path in zip(table.rows, labels, strict=True):
        value = row[1].text.strip()
        if path is not None and value:
            _add_text(placement, path, Value(value, row[1].origin), state.section)
        elif row[0].text.strip() or value:
            text = " | ".join(cell.text for cell in row)
            placement.leftovers.append(Leftover(text, row[0].origin, state.section))
    return True


def _split_header(table: Table) -> tuple[list[str], tuple[tuple[Cell, ...], ...]]:
    """The header text per column (a multi-row header's words joined) and the body rows.

    A header row with a cell spanning several columns ("Results" over Q1..EOY) has a second
    header row below it; so does one whose cells run down into the next row.
    """
    rows = table.rows
    while rows and _is_title_row(rows[0]):
        rows = rows[1:]  # "Goals for 2025-26" across the whole table
    if not rows:
        return [], ()
    count = 1
    while count < min(len(rows), 3) and any(
        cell.span > 1 or cell.rows > 1 for cell in rows[count - 1] if not cell.merged
    ):
        count += 1
    headers: list[str] = []
    for index in range(len(rows[0])):
        words: list[str] = []
        for row in rows[:count]:
            text = row[index].text.strip() if index < len(row) else ""
            if text and text not in words:
                words.append(text)
        # the rows' words joined with " / " so the lowest row ("Q1") can be read alone
        headers.append(" / ".join(words))
    return headers, rows[count:]


def _is_title_row(row: tuple[Cell, ...]) -> bool:
    """A row of one cell across the whole table: a title, not a header or an item."""
    written = [cell for cell in row if not cell.merged and cell.text.strip()]
    if len(row) < 2 or len(written) != 1:
        return False
    # a CSV has no merged cells: a lone "Key: ..." or "Note: ..." line is a legend
    return written[0].span > 1 or _LEGEND.match(written[0].text) is not None


def _choose_kind(
    headers: list[str],
    section: str | None,
    wanted: dict[str, str],
    within: str | None = None,
    only: str | None = None,
) -> tuple[TableKind, list[_Column]] | None:
    """The kind of row whose columns the headers match best (it must have its key column).

    A kind read only under an item (``within``) is considered only under such an item; a
    heading naming the kind of table (``only``) leaves no other choice.
    """
    best: tuple[float, TableKind, list[_Column]] | None = None
    for kind in import_map().tables:
        if (kind.within is not None and kind.within != within) or only not in {None, kind.name}:
            continue
        columns = _columns_for(kind, headers, wanted)
        fields = {column.field for column in columns}
        keyed = kind.key in fields
        if len(fields) < kind.min_columns:
            continue
        if not keyed and not (kind.name == "goal" and "benchmark" in fields):
            continue  # a goal sheet of benchmark rows has no goal column, only a benchmark one
        score = len(fields) + (0.5 if kind.path[0] == section else 0) - (0 if keyed else 0.75)
        if best is None or score > best[0]:
            best = (score, kind, columns)
    return (best[1], best[2]) if best else None


def _columns_for(kind: TableKind, headers: list[str], wanted: dict[str, str]) -> list[_Column]:
    columns: list[_Column] = []
    taken: set[str] = set()
    for index, header in enumerate(headers):
        words = normalise(header)
        if words in wanted:
            if wanted[words] in kind.columns and wanted[words] not in taken:
                columns.append(_Column(index, header, wanted[words]))
                taken.add(wanted[words])
            continue
        found = _best(
            words, ((p, f) for f, ps in kind.columns.items() for p in ps if f not in taken)
        )
        if found is not None:
            columns.append(_Column(index, header, found))
            taken.add(found)
    return columns


def _period_columns(
    headers: list[str], wanted: dict[str, str], school_year: int | None
) -> list[_Column]:
    """The columns whose header names a period: results ("Q1", "MOY i-Ready projected")."""
    found: list[_Column] = []
    for index, header in enumerate(headers):
        if not header.strip() or normalise(header) in wanted:
            continue
        period = read_period(header, school_year)
        if period is None and " / " in header:
            period = read_period(header.rsplit(" / ", 1)[1], school_year)
        kind = result_kind(header)
        if period is None and kind in {"projected", "preliminary"}:
            # "Projected (i-Ready)": figures of a kind, for a period the header does not
            # name; the team writes it in (a placeholder), the figures are not left over
            period = f"<when: the header '{header}' names no period, e.g. winter 2026 i-Ready>"
        if period is not None:
            found.append(_Column(index, header, None, period, kind))
    return found


def result_kind(header: str) -> str | None:
    """What a period column's figures are: projected, preliminary, target, or None (actual)."""
    words = normalise(header)
    for kind, phrases in import_map().result_kinds.items():
        if any(_contains(words, phrase) for phrase in phrases):
            return kind
    return None


def read_period(header: str, school_year: int | None) -> str | None:
    """The period a column header names, written as sip reads it ("Q1 2025-26"), or None.

    Without the plan's school year a bare term ("Q1") cannot be dated: it is returned with a
    placeholder mark (``<Q1 ...>``) for the team to write its year.
    """
    if _readable(header.strip(), school_year):
        words = header.strip()  # a date (2026-09-30) or a period written as sip writes it
    else:
        words = _period_words(header, school_year)
    if not words:
        return None
    context = PeriodContext(school_year=school_year if school_year is not None else 2000)
    when = read_when(words, context)
    if school_year is None:
        try:
            return str(read_when(words, PeriodContext()))
        except PeriodError:
            return f"<{words.upper()} in which school year? e.g. SY2026-27 {words.upper()}>"
    return str(when)


def _readable(words: str, school_year: int | None) -> bool:
    context = PeriodContext(school_year=school_year if school_year is not None else 2000)
    try:
        read_when(words, context)
    except PeriodError:
        return False
    return True


def _period_words(header: str, school_year: int | None) -> str:
    """The header's words that name its period, or "" when none do.

    The words that say what the figures are ("projected", "actual") are dropped one phrase
    at a time, in the map's order, until the rest reads as a period: so "fall 2026 i-Ready
    projected" keeps its assessment window (fall 2026 i-Ready) and "MOY i-Ready projected"
    reads as MOY.
    """
    phrases = [phrase for kind in import_map().result_kinds.values() for phrase in kind]
    # first with the dashes of dates and school years kept (2026-09-30 (actual)), then in
    # plain words ("Mid-year" is "mid year")
    light = unicodedata.normalize("NFKC", header).lower()
    for form in (" ".join(re.sub(r"[()\[\]:;,/|]+", " ", light).split()), normalise(header)):
        words = " ".join(_RESULT_WORDS.sub(" ", form).split())
        for phrase in [None, *phrases]:
            if phrase is not None:
                words = " ".join(f" {words} ".replace(f" {phrase} ", " ").split())
            if not words:
                break
            candidate = import_map().periods.get(normalise(words), words)
            candidate = candidate.replace(" i ready", " i-Ready")
            if _readable(candidate, school_year):
                return candidate
    return ""


def _row(
    kind: TableKind,
    columns: list[_Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
    previous: Item | None,
) -> Item | None:
    """Place one body row; return the item it made or added to (for the row below)."""
    if not any(cell.text.strip() for cell in row):
        return previous  # a blank spacer row
    origin = _row_origin(row)
    if _is_title_row(row):
        # a title across the table ("Turnaround Practice 1"): kept, not read as an item
        text = next(cell.text.strip() for cell in row if cell.text.strip())
        placement.leftovers.append(Leftover(text, origin, section))
        return previous
    item = _read_row(kind, columns, row, placement, section)
    benchmark_text = _benchmark_cell(columns, row)
    if kind.name == "goal" and _is_benchmark_row(item, benchmark_text):
        _benchmark_row(item, benchmark_text, placement, section, columns)
        return previous
    if benchmark_text is not None:
        child = Item("benchmark", benchmark_text.origin)
        child.fields["statement"] = Value(benchmark_text.text.strip(), benchmark_text.origin)
        item.children.setdefault("benchmarks", []).append(child)
    if kind.key not in item.fields and "id" not in item.fields:
        if previous is not None and _continues(kind, columns, row):
            _merge_into(previous, item)  # the item above runs down into this row
            return previous
        # a row with no statement: nothing to hang its cells on, so they are kept verbatim
        text = " | ".join(cell.text for cell in row if cell.text.strip() and not cell.merged)
        placement.leftovers.append(Leftover(text, origin, section))
        return previous
    if kind.name == "goal":
        _goal_row_extras(item, placement, section)
        _infer_from_statement(item)
    if kind.name == "benchmark":
        _due_from_periods(item, columns)
    _attach(kind, item, placement, section)
    return item


def _due_from_periods(benchmark: Item, columns: list[_Column]) -> None:
    """A benchmark with no due date is checked when the sheet's period columns say."""
    if "due" in benchmark.fields:
        return
    periods = [
        column.period
        for column in columns
        if column.period and column.result_kind != "target" and not column.period.startswith("<")
    ]
    if periods:
        how = "read from the period columns' headers for"
        benchmark.fields["due"] = Value(list(dict.fromkeys(periods)), benchmark.origin, how)


def _read_row(
    kind: TableKind,
    columns: list[_Column],
    row: tuple[Cell, ...],
    placement: Placement,
    section: str,
) -> Item:
    """The row's cells read into an item's fields and results."""
    item = Item(kind.name, _row_origin(row))
    for column in columns:
        cell = row[column.index] if column.index < len(row) else None
        if cell is None or cell.merged or not cell.text.strip():
            continue  # a merged cell's text was read where the merge starts
        if column.field is None:
            if not _result(item, column, cell):
                text = f"{column.header}: {cell.text.strip()}"
                placement.leftovers.append(Leftover(text, cell.origin, section))
        elif column.field != "benchmark":
            _cell_value(item, column, cell, placement, section)
    _unplaced_cells(row, columns, placement, section)
    return item


def _continues(kind: TableKind, columns: list[_Column], row: tuple[Cell, ...]) -> bool:
    """Whether the row's key cell is merged with the one above (one goal over two rows)."""
    return any(
        column.field == kind.key and column.index < len(row) and row[column.index].merged
        for column in columns
    )


def _merge_into(previous: Item, item: Item) -> None:
    for name, value in item.fields.items():
        previous.fields.setdefault(name, value)
    for name, children in item.children.items():
        previous.children.setdefault(name, []).extend(children)


def _row_origin(row: tuple[Cell, ...]) -> Origin:
    """A row's origin: its first cell's, read as "table 3, row 2" where the reader says so."""
    where = row[0].origin.where
    if ", column" in where:
        where = where.split(", column")[0]
    return Origin(where)


def _benchmark_cell(columns: list[_Column], row: tuple[Cell, ...]) -> Cell | None:
    for column in columns:
        cell = row[column.index] if column.index < len(row) else None
        if column.field == "benchmark" and cell is not None and cell.text.strip():
            return None if cell.merged else cell
    return None


def _is_benchmark_row(item: Item, benchmark: Cell | None) -> bool:
    """A goal sheet's benchmark row: an id like G1.B2, or a benchmark and no goal statement."""
    ident = item.fields.get("id")
    if ident is not None and _BENCHMARK_ID.match(str(ident.value)):
        return True
    return benchmark is not None and "statement" not in item.fields


def _benchmark_row(
    item: Item, cell: Cell | None, placement: Placement, section: str, columns: list[_Column]
) -> None:
    """Make a goal-sheet row a benchmark of its goal (by its id, else the goal above)."""
    benchmark = Item("benchmark", item.origin, children=item.children)
    for name, value in item.fields.items():
        field_name = _BENCHMARK_FIELDS.get(name)
        if field_name is not None:
            benchmark.fields[field_name] = value
        elif name not in {"target.by", "unit"}:
            # a goal's column a benchmark has no place for (its baseline): kept verbatim
            text = f"{name}: {_shown(value.value)}"
            placement.leftovers.append(Leftover(text, value.origin, section))
    unit = item.fields.get("unit")
    if unit is not None and "target.value" in item.fields:
        benchmark.fields["target.unit"] = unit
    by = item.fields.get("target.by")
    if by is not None and "due" not in benchmark.fields:
        benchmark.fields["due"] = Value([by.value], by.origin, by.inferred)
    elif by is not None:
        placement.leftovers.append(Leftover(f"target.by: {by.value}", by.origin, section))
    if cell is not None:
        benchmark.fields["statement"] = Value(cell.text.strip(), cell.origin)
    _due_from_periods(benchmark, columns)
    goals = placement.items.get(("goals",), [])
    parent_id = _BENCHMARK_ID.match(_id_of(item))
    parent = next(
        (goal for goal in goals if parent_id and _id_of(goal) == parent_id.group(1)), None
    )
    if parent is None and goals:
        parent = goals[-1]
        benchmark.note = f"placed under {_id_of(parent) or 'the goal'} above it"
    if parent is None or "statement" not in benchmark.fields:
        text = str(benchmark.fields.get("statement", Value("", item.origin)).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    parent.children.setdefault("benchmarks", []).append(benchmark)


#: A goal sheet's columns, as a benchmark row's fields (the rest has no place in a benchmark).
_BENCHMARK_FIELDS = {
    "id": "id",
    "statement": "statement",
    "owner": "owner",
    "type": "type",
    "due": "due",
    "measure_source": "data_source",
    "target.value": "target.value",
}
#: A goal sheet's columns only its benchmark rows use: on a goal's row, kept verbatim.
_BENCHMARK_ONLY = ("type", "due")


def _shown(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(_shown(part) for part in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _goal_row_extras(item: Item, placement: Placement, section: str) -> None:
    """A goal's cells under a benchmark-only column (type, checkpoints): kept verbatim."""
    for name in _BENCHMARK_ONLY:
        value = item.fields.pop(name, None)
        if value is not None:
            text = f"{name}: {_shown(value.value)}"
            placement.leftovers.append(Leftover(text, value.origin, section))


def _cell_value(
    item: Item, column: _Column, cell: Cell, placement: Placement, section: str
) -> None:
    """Put a cell's text in its field, read as the field needs; what is not read is kept."""
    name = column.field or ""
    if name in _NUMBER_FIELDS:
        placed = _number_cell(item, name, cell, placement.school_year)
    elif name in _WHEN_FIELDS or name == "due":
        placed = _when_cell(item, name, cell, placement.school_year)
    else:
        placed = _text_cell(item, name, cell)
    if not placed:
        text = f"{column.header}: {cell.text.strip()}"
        placement.leftovers.append(Leftover(text, cell.origin, section))


def _number_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    """A figure ("31% (spring 2024)", "12% by June 2027": the when beside it is read too)."""
    text = cell.text.strip()
    number = cell_number(cell)
    if number is None and (found := _NUMBER.search(text)) is not None:
        number = float(found.group(0).replace(",", "").replace("$", ""))
    if number is None:
        return False
    if item.kind == "benchmark" and name == "target.value":
        return _benchmark_target(item, number, cell)
    item.fields[name] = Value(number, cell.origin)
    if "%" in text or cell.percent:
        item.fields.setdefault("unit", Value("percent", cell.origin, "read from the % in"))
    unit = _unit_in(text)
    if unit is not None and name != "cost":
        item.fields.setdefault("unit", Value(unit[0], cell.origin, f"read from the '{unit[1]}' in"))
        text = text.replace(unit[1], "")  # "45 (SGP)": the unit is read, not a leftover
    rest = _NUMBER.sub("", text, count=1).replace("%", "").strip(" (),")
    if not rest:
        return True
    when_field = {"baseline.value": "baseline.period", "target.value": "target.by"}.get(name)
    # "37 (SGP, spring 2025)": the when is the whole rest, or its last part
    period = None
    if when_field:
        period = _when(rest, school_year) or _when(rest.rsplit(",", 1)[-1], school_year)
    if period is None and when_field == "baseline.period" and re.search(r"\(.+\)\s*$", text):
        period = rest  # "41% (end of year 2025)": a baseline's period is the team's words
    if when_field is None or period is None:
        return False  # the words beside the figure are kept
    item.fields.setdefault(when_field, Value(period, cell.origin))
    return True


def _unit_in(text: str) -> tuple[str, str] | None:
    """The unit a figure's words name ("45 (SGP)", "12 days"), with those words; None if none.

    The words are those sip writes after a figure (``unit`` in data/labels.yaml); "%" is read
    where the figure is.
    """
    for code, suffix in label_table("unit").items():
        words = suffix[2:-1] if suffix.startswith(" (") else suffix.strip()
        if not words or code == "percent":
            continue
        if re.search(rf"\(\s*{re.escape(words)}\b|\d\s*{re.escape(suffix)}\b", text):
            return code, words
    return None


def _benchmark_target(item: Item, number: float, cell: Cell) -> bool:
    """A benchmark's level to reach, "at least 90%" or "at most 15 days", read whole or not at all."""
    text = cell.text.strip()
    comparison = re.match(r"^(at least|at most)\s+", text, re.IGNORECASE)
    rest = text[comparison.end() :] if comparison else text
    unit = "percent" if "%" in rest or cell.percent else None
    found = _unit_in(rest)
    if unit is None and found is not None:
        unit, words = found
        rest = rest.replace(words, "")
    if _NUMBER.sub("", rest, count=1).replace("%", "").strip(" ()"):
        return False  # words sip does not read: the cell is kept as written
    item.fields["target.value"] = Value(number, cell.origin)
    if unit is not None:
        item.fields["target.unit"] = Value(unit, cell.origin)
    how = "at_most" if comparison and comparison.group(1).lower() == "at most" else "at_least"
    item.fields["target.comparison"] = Value(how, cell.origin)
    return True


def _when_cell(item: Item, name: str, cell: Cell, school_year: int | None) -> bool:
    # "Q1, Q2, EOY": a benchmark's checks, each must read (a milestone or a step has one)
    if name == "due" and item.kind not in {"milestone", "action_step"}:
        parts = [part for part in re.split(r"[,;]", cell.text) if part.strip()]
        periods = [_when(part, school_year) for part in parts]
        if not periods or None in periods:
            return False
        item.fields[name] = Value([period for period in periods if period], cell.origin)
        return True
    period = _when(cell.text, school_year)
    if period is None:
        return False
    item.fields[name] = Value(period, cell.origin)
    return True


def _text_cell(item: Item, name: str, cell: Cell) -> bool:
    text = cell.text.strip()
    shaped = _shaped_cell(item, name, cell)
    if shaped is not None:
        return shaped
    if name in _CHOICES:
        return _choice_cell(item, name, cell)
    if name in {"statement", "title"} and _ID_ONLY.match(text) and "id" not in item.fields:
        item.fields["id"] = Value(text, cell.origin)  # the column holds ids, not sentences
        return True
    if name == "id" and not _IDENTIFIER.match(text):
        return False
    if name.endswith("_refs"):  # "O1, O2": ids, each in the id form
        refs = [part.strip() for part in re.split(r"[,;]", text) if part.strip()]
        if not refs or not all(_IDENTIFIER.match(ref) for ref in refs):
            return False
        if name == "benchmark_refs":
            return _event_refs(item, refs, cell)
        item.fields[name] = Value(refs, cell.origin)
        return True
    item.fields[name] = Value(text, cell.origin)
    return True


def _shaped_cell(item: Item, name: str, cell: Cell) -> bool | None:
    """A cell whose text has a shape sip's documents write; None when ``name`` has none.

    "O1: Build a team" (an id and a title), "TP1, TP2" (a list), "Tier 2" (an ESSA tier),
    a stakeholder group's cells.
    """
    text = cell.text.strip()
    by_kind = _kind_cell(item, name, cell)
    if by_kind is not None:
        return by_kind
    shown = _ITEM_HEADING.match(text)
    if name in {"statement", "title"} and shown and "id" not in item.fields:
        item.fields["id"] = Value(shown.group(1), cell.origin)  # "O1: Build a team ..."
        item.fields[name] = Value(shown.group(2).strip(), cell.origin)
        return True
    if name in _LIST_FIELDS:  # "TP1, TP2", "1, 2, 3"
        parts = [part.strip() for part in text.split(",")]
        if not all(re.fullmatch(_LIST_FIELDS[name], part) for part in parts):
            return False
        values = [int(part) if part.isdigit() else part for part in parts]
        item.fields[name] = Value(values, cell.origin)
        return True
    if name == "essa_tier":  # "Tier 2"
        tier = re.fullmatch(r"(?:tier\s*)?([1-4])", text, re.IGNORECASE)
        if tier is None:
            return False
        item.fields[name] = Value(int(tier.group(1)), cell.origin)
        return True
    return None


def _kind_cell(item: Item, name: str, cell: Cell) -> bool | None:
    """A cell one kind of row writes its own way; None when ``name`` is not one of them."""
    text = cell.text.strip()
    if item.kind == "stakeholder_group" and name in {"group", "methods", "dates"}:
        return _stakeholder_cell(item, name, cell)
    if item.kind == "goal" and name == "measure_source":
        return _measure_cell(item, cell)
    if item.kind == "roadmap" and name == "year":  # "Year 1"
        year = re.fullmatch(r"(?:year\s*)?(\d)", text, re.IGNORECASE)
        if year is not None:
            item.fields[name] = Value(int(year.group(1)), cell.origin)
        return year is not None
    if item.kind == "practice_rating" and name in _RATING_CHOICES:
        code = choice(text, _RATING_CHOICES[name])
        if code is not None:
            item.fields[name] = Value(code, cell.origin)
        return code is not None
    return None


def _measure_cell(item: Item, cell: Cell) -> bool:
    """A goal's measure: "MCAS meeting or exceeding expectations (Spring MCAS grades 3-5 ELA)".

    Where the words before the parentheses are a metric's name as sip writes it
    (``metric`` in data/labels.yaml), they are that metric and the parentheses its source;
    any other measure is kept whole as the goal's measure source.
    """
    text = cell.text.strip()
    source: str | None = text
    for code, words in label_table("metric").items():
        if text == words:
            source = None
        elif text.startswith(f"{words} (") and text.endswith(")"):
            source = text[len(words) + 2 : -1]
        else:
            continue
        item.fields["metric"] = Value(code, cell.origin, "read from the measure's name in")
        break
    else:
        if text.startswith("(") and text.endswith(")"):
            source = text[1:-1]  # a source with no metric named
    if source:
        item.fields["measure_source"] = Value(source, cell.origin)
    return True


def _event_refs(item: Item, refs: list[str], cell: Cell) -> bool:
    """A review's "G1.B1, G2": a benchmark's id has a dot, a goal's has none."""
    goals = [ref for ref in refs if "." not in ref]
    benchmarks = [ref for ref in refs if "." in ref]
    if goals:
        item.fields["goal_refs"] = Value(goals, cell.origin)
    if benchmarks:
        item.fields["benchmark_refs"] = Value(benchmarks, cell.origin)
    return True


def _stakeholder_cell(item: Item, name: str, cell: Cell) -> bool:
    """A stakeholder group's cells, each read as sip writes it.

    "Families: Parents and caregivers" is the group and who it is, "Survey, Forum" its
    methods, "2026-01-22, 2026-02-26" its dates.
    """
    text = cell.text.strip()
    if name == "group":
        head, colon, rest = text.partition(":")
        code = choice(head, "stakeholder_group")
        if code is None:
            return False
        item.fields["group"] = Value(code, cell.origin)
        if colon and rest.strip():
            item.fields["description"] = Value(rest.strip(), cell.origin)
        return True
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if name == "dates" and not all(_when(part) for part in parts):
        return False
    item.fields[name] = Value(parts, cell.origin)
    return True


#: List fields a sub-heading names, whose bullets are its entries: the table of
#: ``data/labels.yaml`` naming each entry's code, or None for entries kept as written.
_LIST_LABELS: dict[Path, str | None] = {
    ("vision", "core_values"): None,
    ("vision", "desired_state"): None,
    ("vision", "developed_with"): "stakeholder_group",
}

#: A Turnaround Practices rating's coded cells, and the table of data/labels.yaml naming them.
_RATING_CHOICES = {"rating": "rating", "source": "rating_source"}

#: List fields written as one cell ("TP1, TP2"): the form each entry must have.
_LIST_FIELDS = {"turnaround_practices": r"TP\d+", "years": r"\d"}


def _choice_cell(item: Item, name: str, cell: Cell) -> bool:
    """A code by its label ("All students") or itself; a student group also by a group's id."""
    text = cell.text.strip()
    code = choice(text, _CHOICES[name])
    if code is None and name == "student_group" and _GROUP_ID.match(text):
        # written as an id (special_populations): a group the plan defines, as written
        how = "read as the id of a group the plan defines under student_groups, from"
        item.fields[name] = Value(text, cell.origin, how)
        return True
    if code is None:
        return False
    item.fields[name] = Value(code, cell.origin)
    return True


#: A student group written as an id, lower case with underscores: a group the plan defines.
_GROUP_ID = re.compile(r"^[a-z][a-z0-9]*(?:_[a-z0-9]+)+$")
#: Fields that hold a code, and the table of ``data/labels.yaml`` whose words name each code.
_CHOICES = {
    "type": "benchmark_type",
    "student_group": "student_group",
    "category": "support_category",
    "frequency": "cadence",
    "level": "monitoring_level",
}


def choice(text: str, table: str) -> str | None:
    """The code a cell names, by its label ("All students") or the code itself ("all")."""
    words = normalise(text)
    for code, shown in label_table(table).items():
        if words in {normalise(shown), normalise(code.replace("_", " "))}:
            return code
    return None


def _when(text: str, school_year: int | None = None) -> str | None:
    """A date or period sip reads, from a cell ("by June 2027" -> "June 2027"), or None.

    A term of the year ("Q2") is read in the plan's school year, when the source gives it.
    """
    text = re.sub(r"^(?:by|in|at|due|the end of)\s+", "", text.strip(), flags=re.IGNORECASE)
    if school_year is not None:
        # "EOY 2026-27" in a plan of SY2026-27 is its EOY, as the plan writes it
        own = f" {school_year}-{(school_year + 1) % 100:02d}"
        if text.endswith(own) and text[: -len(own)].strip():
            text = text[: -len(own)].strip()
    try:
        read_when(text, PeriodContext(school_year=school_year))
    except PeriodError:
        return None
    return text


def cell_number(cell: Cell) -> float | None:
    """A cell's figure: a spreadsheet's stored number (0.23 shown as 23% is 23), else its text's."""
    if cell.number is not None:
        return round(cell.number * 100, 10) if cell.percent else cell.number
    match = _WHOLE_NUMBER.match(cell.text)
    if match is None:
        return None
    return float(match.group(1).replace(",", "").replace("$", ""))


def _result(item: Item, column: _Column, cell: Cell) -> bool:
    """A figure or status under a period column: a result of the row's goal or benchmark.

    Under a header saying it is a target ("Benchmarks: Mid-year"), a goal's figure is an
    interim target: the level to reach by then. A cell saying there is no result ("n/a",
    "-") gives none. A date in the cell (when the data was pulled?) is not a result sip can
    tell the meaning of: False, so it is kept verbatim.
    """
    header = f"period read from the header '{column.header}' in"
    if column.period and column.period.startswith("<"):
        header = f"the header '{column.header}' names no full period; write it in, for"
    number = cell_number(cell)
    if not re.search(r"\w", cell.text) or normalise(cell.text) in import_map().no_result:
        return True  # "n/a", "-": no result for that period
    if number is None and _when(cell.text) is not None:
        return False
    if column.result_kind == "target" and number is not None and item.kind == "goal":
        target = Item("interim_target", cell.origin)
        target.fields["value"] = Value(number, cell.origin)
        target.fields["by"] = Value(column.period, cell.origin, header)
        item.children.setdefault("interim_targets", []).append(target)
        return True
    update = Item("status_update", cell.origin)
    update.fields["date"] = Value(column.period, cell.origin, header)
    status = _status(cell.text)
    if number is not None:
        update.fields["actual"] = Value(number, cell.origin)
        if column.result_kind in {"projected", "preliminary"}:
            words = f"read from the header '{column.header}' in"
            update.fields["kind"] = Value(column.result_kind, cell.origin, words)
    elif status is not None:
        update.fields["status"] = Value(status, cell.origin)
    else:
        update.fields["note"] = Value(cell.text.strip(), cell.origin)
    item.children.setdefault("status_updates", []).append(update)
    return True


def _status(text: str) -> str | None:
    words = normalise(text)
    for status, phrases in import_map().statuses.items():
        if words in phrases:
            return status
    return None


def _unplaced_cells(
    row: tuple[Cell, ...], columns: list[_Column], placement: Placement, section: str
) -> None:
    """Cells under no known column are kept verbatim."""
    known = {column.index for column in columns}
    for index, cell in enumerate(row):
        if index not in known and not cell.merged and cell.text.strip():
            placement.leftovers.append(Leftover(cell.text.strip(), cell.origin, section))


def _infer_from_statement(item: Item) -> None:
    """A goal's baseline, target and deadline read from its sentence where no column gave them."""
    statement = item.fields.get("statement")
    if statement is None:
        return
    how = "read from the statement in"
    amounts = find_amounts(str(statement.value))
    if "baseline.value" not in item.fields and amounts.baseline is not None:
        item.fields["baseline.value"] = Value(amounts.baseline.value, statement.origin, how)
    if "target.value" not in item.fields and amounts.target is not None:
        item.fields["target.value"] = Value(amounts.target.value, statement.origin, how)
    percent = amounts.unit is not None and amounts.unit.value == "percent"
    if "unit" not in item.fields and percent and "target.value" in item.fields:
        item.fields["unit"] = Value("percent", statement.origin, how)
    if "target.by" not in item.fields and "target.value" in item.fields:
        deadline = find_deadline(str(statement.value))
        period = _when(deadline.text) if deadline else None
        if period is not None:
            item.fields["target.by"] = Value(period, statement.origin, how)


def _attach(kind: TableKind, item: Item, placement: Placement, section: str) -> None:
    """Add a row's item to its list, or to the item above it (a benchmark to its goal)."""
    parent_path, child = kind.path[:-1], kind.path[-1]
    if parent_path not in _ITEM_LISTS:
        siblings = placement.items.setdefault(kind.path, [])
        same = next((one for one in siblings if _id_of(item) and _id_of(one) == _id_of(item)), None)
        if same is not None:  # O1 again, in a second table: one objective, not two
            _merge_into(same, item)
            return
        siblings.append(item)
        return
    parents = placement.items.get(parent_path, [])
    if not parents:
        text = str(item.fields.get(kind.key, item.fields.get("id", Value("", item.origin))).value)
        placement.leftovers.append(Leftover(text, item.origin, section))
        return
    match = _BENCHMARK_ID.match(_id_of(item))
    parent = next((p for p in parents if match and _id_of(p) == match.group(1)), None)
    if parent is None:
        parent = parents[-1]
        item.note = f"placed under {_id_of(parent) or 'the ' + parent.kind} above it"
    parent.children.setdefault(child, []).append(item)


#: The lists whose items hold lists of their own (a goal's benchmarks, an objective's initiatives).
_ITEM_LISTS = frozenset({("goals",), ("strategic_objectives",)})


def _id_of(item: Item) -> str:
    ident = item.fields.get("id")
    return str(ident.value) if ident is not None else ""


def _table_leftovers(table: Table, section: str | None) -> Iterator[Leftover]:
    """A table sip could not match, kept row by row (cells joined by " | ")."""
    if table.title:
        yield Leftover(table.title, table.origin, section)
    for row in table.rows:
        texts = [cell.text.strip() for cell in row if not cell.merged]
        if any(texts):
            yield Leftover(" | ".join(texts), _row_origin(row), section)


def parse_overrides(pairs: Iterable[str]) -> dict[str, str]:
    """Read ``--map COLUMN=FIELD`` pairs; a pair without ``=`` or a field no table has is refused."""
    known = {name for kind in import_map().tables for name in kind.columns}
    result: dict[str, str] = {}
    for pair in pairs:
        column, equals, name = pair.partition("=")
        if not equals or not column.strip() or not name.strip():
            raise SipError(
                f"--map '{pair}' should be COLUMN=FIELD, e.g. --map 'Goal text=statement'."
            )
        if name.strip() not in known:
            raise SipError(
                f"--map '{pair}': '{name.strip()}' is not a field sip imports; use one of "
                + ", ".join(sorted(known))
                + "."
            )
        result[column.strip()] = name.strip()
    return result
