"""Rewrite a plan in one canonical layout without changing its data or losing a comment.

The layout: keys in the plan model's field order, mappings indented 2, sequences as
``  - `` under their key, school years as ``SY2025-26``, DESE org codes in double quotes.
Comments and blank lines travel with the key they sit above when keys are reordered.
Before any text is returned the result is reloaded and compared with the input: the same
data apart from the intended normalisations, the same comments, the same blank lines.
"""

from __future__ import annotations

import functools
import io
import itertools
import warnings
from collections import Counter
from dataclasses import dataclass, field, replace
from typing import Any, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
)

from sipcli.diagnostics import Diagnostic
from sipcli.edit.comments import KeyPath, place, read_layout
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import (
    UTF8_BOM,
    Document,
    Refusal,
    decode,
    load_bytes,
    new_yaml,
    split_lines,
)
from sipcli.model import Plan
from sipcli.model.types import normalise_school_year
from sipcli.validate.document import CalendarSource, validate_document


@dataclass(frozen=True)
class FormatResult:
    """What formatting one file gave: the new text, or the reasons it was refused."""

    file: str
    original: str
    formatted: str | None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    error: str | None = None

    @property
    def changed(self) -> bool:
        """True when the formatted text differs from the original."""
        return self.formatted is not None and self.formatted != self.original


class FormatCheckError(Exception):
    """The formatted text would not hold the same data or comments; nothing is written."""


def format_bytes(raw: bytes, file: str, calendar: CalendarSource | None = None) -> FormatResult:
    """Format a plan file's bytes; the loader's refusals (encoding, size...) are diagnostics.

    The file keeps its line endings and its byte order mark: neither is a matter of layout.
    """
    try:
        text = decode(raw)
    except Refusal:
        return _refused(raw, file, "")
    result = _format_keeping_line_ends(text, file, calendar)
    if not raw.startswith(UTF8_BOM):
        return result
    return replace(
        result,
        original=_BOM + result.original,
        formatted=_BOM + result.formatted if result.formatted is not None else None,
    )


_BOM = "\ufeff"


def _format_keeping_line_ends(
    text: str, file: str, calendar: CalendarSource | None = None
) -> FormatResult:
    if "\r\n" not in text:
        return format_text(text, file, calendar)
    # A Windows file is formatted as LF text and written back with its own line endings.
    result = format_text(text.replace("\r\n", "\n"), file, calendar)
    formatted = result.formatted.replace("\n", "\r\n") if result.formatted is not None else None
    return replace(result, original=text, formatted=formatted)


#: Formatting passes before the layout must have settled (one is usual; see `format_text`).
_MAX_PASSES = 3


def format_text(text: str, file: str, calendar: CalendarSource | None = None) -> FormatResult:
    """Format a plan's text; refuse (with diagnostics) a file that does not load or validate.

    Blank lines at the end of the file are kept as they are and never parsed: the YAML reader
    gathers a run of blank lines in time that grows with the square of its length.

    The result is formatted again until it no longer changes, so that ``sip fmt --check``
    always passes on what ``sip fmt`` wrote: ruamel reads some comments it wrote (one above a
    list item's first key) into another place, which the next pass lays out for good. Each
    pass proves its own output, so the chain keeps the data and comments of the original.
    """
    if not text.strip():
        return _refused(text.encode("utf-8"), file, text)
    body, tail = _split_blank_tail(text)
    refusal = _long_blank_run(body, file)
    if refusal is not None:
        return FormatResult(file, text, None, error=refusal)
    result = _settle(body, file, calendar)
    if not tail:
        return result
    formatted = result.formatted + tail if result.formatted is not None else None
    return replace(result, original=text, formatted=formatted)


#: More blank lines in a row than any plan needs; reading them would take minutes.
MAX_BLANK_RUN = 1000


def _split_blank_tail(text: str) -> tuple[str, str]:
    content = text.rstrip(" \t\n")
    cut = text.find("\n", len(content))
    return (text, "") if cut < 0 else (text[: cut + 1], text[cut + 1 :])


def _long_blank_run(text: str, file: str) -> str | None:
    lines = split_lines(text)
    run = 0
    for number, line in enumerate(lines):
        run = run + 1 if not line.strip() else 0
        if run > MAX_BLANK_RUN:
            first = number - run + 1
            count = run + sum(
                1 for _ in itertools.takewhile(lambda x: not x.strip(), lines[number + 1 :])
            )
            return (
                f"{file}:{first + 1}:1: {count:,} blank lines in a row start here; a plan needs "
                "one or two between sections. Delete the extra blank lines and run sip fmt again."
            )
    return None


def _settle(text: str, file: str, calendar: CalendarSource | None = None) -> FormatResult:
    result = _format_once(text, file, calendar)
    for _ in range(_MAX_PASSES - 1):
        if result.formatted is None or result.formatted == text:
            return result
        again = _format_once(result.formatted, file, calendar)
        if again.formatted is None:
            return FormatResult(file, text, None, again.diagnostics, again.error)
        if again.formatted == result.formatted:
            return result
        result = FormatResult(file, text, again.formatted)
    return FormatResult(
        file, text, None, error=f"{file}: the layout does not settle; nothing was written"
    )


def _format_once(text: str, file: str, calendar: CalendarSource | None = None) -> FormatResult:
    """One formatting pass over ``text``, with its proof."""
    data = _load_keeping_quotes(text)
    if data is None:
        return _refused(text.encode("utf-8"), file, text)
    validation = validate_document(Document(file, split_lines(text), data), calendar)
    if validation.plan is None:
        return FormatResult(file, text, None, validation.diagnostics)
    layout = read_layout(text, data, _flow_spans(text, data))
    changed: set[int] = set()
    normalise(data, Plan, changed)
    proof = Proof(file, _plain(data), validation.plan, _blank_lines(text), raw_comments(text))
    for path in layout.to_block:
        _node_at(data, path).fa.set_block_style()
    bare = keep_flow_line_breaks(text, data, dump(data), changed)
    output = _load_keeping_quotes(bare)
    if output is None:
        return FormatResult(file, text, None, error=f"{file}: {_CANNOT_WRITE}")
    formatted = place(bare, output, layout)
    if formatted == text:
        return FormatResult(file, text, text)  # the same text holds the same data
    try:
        _prove_unchanged(proof, formatted, calendar)
    except FormatCheckError as error:
        return FormatResult(file, text, None, error=str(error))
    return FormatResult(file, text, formatted)


_CANNOT_WRITE = "the formatted text does not load; nothing was written"


def _node_at(data: Any, path: KeyPath) -> Any:
    node = data
    for key in path:
        node = node[key]
    return node


def _flow_spans(text: str, data: Any) -> dict[KeyPath, tuple[int, int]]:
    """Where each flow collection (``{...}``, ``[...]``) starts and ends in ``text``, by path."""
    starts = _line_starts(text)
    spans: dict[KeyPath, tuple[int, int]] = {}
    stack: list[tuple[Any, KeyPath]] = [(data, ())]
    while stack:
        node, path = stack.pop()
        keys = list(node) if isinstance(node, CommentedMap) else range(len(node))
        for key in keys:
            child, child_path = node[key], (*path, key)
            if not isinstance(child, _COLLECTIONS):
                continue
            if child.fa.flow_style() and len(child):
                line, column = _position(node, key)
                start = starts[line] + column
                end = _flow_end(text, start)
                if end is not None:
                    spans[child_path] = (start, end)
            stack.append((child, child_path))
    return spans


def _refused(raw: bytes, file: str, text: str) -> FormatResult:
    # The project's loader says why, with the code, position and wording `sip validate` uses.
    loaded = load_bytes(raw, file=file)
    if loaded.diagnostic is not None:
        return FormatResult(file, text, None, [loaded.diagnostic])
    return FormatResult(file, text, None, error=f"{file}: could not be read for formatting")


def _load_keeping_quotes(text: str) -> CommentedMap | None:
    """Parse with the project's safe loader rules, keeping each scalar's quoting.

    Returns None when the text is refused (the caller asks the loader for the reason).
    """
    if len(text.encode("utf-8")) > DEFAULT_MAX_BYTES:
        return None
    # Comments are read from the text (see `sipcli.edit.comments`), not by ruamel, which
    # loses some and ties others to the wrong key.
    yaml = new_yaml()  # its scanner keeps where a folded scalar's lines break
    yaml.preserve_quotes = True  # so "state: 42%" is not rewritten as 'state: 42%'
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = yaml.load(text)
    except Exception:
        return None
    if not isinstance(data, CommentedMap):
        return None
    _drop_comments(data)
    return data


def _drop_comments(node: Any) -> None:
    # Even without comments ruamel keeps blank lines after a block scalar as a comment token.
    if isinstance(node, _COLLECTIONS):
        node.ca.items.clear()
        node.ca.comment = None
        node.ca.end = None
        for value in node.values() if isinstance(node, CommentedMap) else node:
            _drop_comments(value)


def dump(data: CommentedMap) -> str:
    """Write round-trip data in the canonical layout."""
    yaml = YAML(typ="rt")
    yaml.indent(mapping=2, sequence=4, offset=2)
    # No folding: a long line stays one line rather than being re-wrapped at 80 columns.
    yaml.width = 4096
    yaml.preserve_quotes = True
    stream = io.StringIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        yaml.dump(data, stream)
    return stream.getvalue()


# --- normalisation --------------------------------------------------------------------------


def normalise(data: Any, annotation: Any, changed: set[int]) -> None:
    """Reorder keys and normalise values in place, walking ``data`` alongside ``annotation``.

    The id of every collection that was changed is added to ``changed``.
    """
    model = _model_in(annotation)
    if model is not None and isinstance(data, CommentedMap):
        _normalise_mapping(data, model, changed)
    elif isinstance(data, CommentedSeq):
        item = _item_annotation(annotation)
        for value in data:
            normalise(value, item, changed)
    elif isinstance(data, CommentedMap):
        value_type = _value_annotation(annotation)
        for key in data:
            normalise(data[key], value_type, changed)


def _normalise_mapping(data: CommentedMap, model: type[BaseModel], changed: set[int]) -> None:
    fields = model.model_fields
    for key in list(data):
        kind = _field_kind(model, key)
        value = data[key]
        if kind == "school_year" and isinstance(value, str):
            new: Any = normalise_school_year(value)
        elif kind == "org_code" and isinstance(value, str):
            new = DoubleQuotedScalarString(str(value))
        else:
            normalise(value, fields[key].annotation, changed)
            continue
        if new != value or type(new) is not type(value):
            data[key] = new
            changed.add(id(data))
    order = [key for key in fields if key in data]
    if order != list(data):
        reorder(data, order)
        changed.add(id(data))


@functools.cache
def _field_kind(model: type[BaseModel], key: str) -> str:
    """``school_year``, ``org_code`` or ``other``: the values formatting rewrites."""
    info = model.model_fields[key]
    marks = repr(info.annotation) + repr(info.metadata)
    if normalise_school_year.__name__ in marks:
        return "school_year"
    if "_require_quoted_code" in marks:
        return "org_code"
    return "other"


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


def _item_annotation(annotation: Any) -> Any:
    if get_origin(annotation) is list:
        return get_args(annotation)[0]
    for argument in get_args(annotation):
        if get_origin(argument) is list:
            return get_args(argument)[0]
    return None


def _value_annotation(annotation: Any) -> Any:
    if get_origin(annotation) is dict:
        return get_args(annotation)[1]
    return None


# --- moving keys ----------------------------------------------------------------------------


def reorder(data: CommentedMap, order: list[str]) -> None:
    """Put ``data``'s keys in ``order``.

    The data holds no comments (see `_load_keeping_quotes`): they are put back beside their
    keys afterwards, by `sipcli.edit.comments.place`.
    """
    for key in order:
        data.move_to_end(key)


#: The round-trip collections, which carry a flow or block style.
_COLLECTIONS = (CommentedMap, CommentedSeq)


# --- multi-line flow collections -------------------------------------------------------------


def keep_flow_line_breaks(
    original: str, data: CommentedMap, formatted: str, changed: set[int]
) -> str:
    """Put back the author's line breaks inside flow collections (``{...}`` over several lines).

    ruamel writes every flow collection on one line. Where the original spelled one over
    several lines and nothing inside it was normalised (``changed`` holds the ids of the
    collections that were), the original text is put back in its place. The proof that
    follows checks the result like any other.
    """
    if formatted == original:
        return formatted  # nothing was flattened
    output = _load_keeping_quotes(formatted)
    if output is None:
        return formatted  # the proof that follows reports it
    replacements: list[tuple[int, int, str]] = []
    texts = _Texts(original, formatted, changed)
    _find_flow_replacements(data, output, texts, replacements)
    for start, end, segment in sorted(replacements, reverse=True):
        formatted = formatted[:start] + segment + formatted[end:]
    return formatted


@dataclass(frozen=True)
class _Texts:
    """The original and dumped texts, where each line starts, and the changed collections."""

    original: str
    formatted: str
    changed: set[int]
    original_lines: list[int] = field(default_factory=list)
    formatted_lines: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.original_lines.extend(_line_starts(self.original))
        self.formatted_lines.extend(_line_starts(self.formatted))


def _line_starts(text: str) -> list[int]:
    starts = [0]
    starts.extend(index + 1 for index, char in enumerate(text) if char == "\n")
    return starts


def _find_flow_replacements(
    source: Any, output: Any, texts: _Texts, found: list[tuple[int, int, str]]
) -> None:
    keys = list(output) if isinstance(output, CommentedMap) else range(len(output))
    for key in keys:
        child, source_child = output[key], source[key]
        if not isinstance(child, _COLLECTIONS) or not isinstance(source_child, _COLLECTIONS):
            continue
        if not child.fa.flow_style():
            _find_flow_replacements(source_child, child, texts, found)
        elif not _ids_below(source_child) & texts.changed:
            replacement = _flow_replacement(source, output, key, texts)
            if replacement is not None:
                found.append(replacement)


def _ids_below(node: Any) -> set[int]:
    found = {id(node)}
    values = node.values() if isinstance(node, CommentedMap) else node
    for value in values:
        if isinstance(value, _COLLECTIONS):
            found |= _ids_below(value)
    return found


def _flow_replacement(
    source: Any, output: Any, key: Any, texts: _Texts
) -> tuple[int, int, str] | None:
    (line, column), (out_line, out_column) = _position(source, key), _position(output, key)
    if column != out_column:
        return None  # a different column would misalign the continuation lines
    start = texts.original_lines[line] + column
    out_start = texts.formatted_lines[out_line] + out_column
    end, out_end = _flow_end(texts.original, start), _flow_end(texts.formatted, out_start)
    if end is None or out_end is None:
        return None
    segment = texts.original[start:end]
    if "\n" not in segment or "#" in segment:
        return None  # one line already, or comments inside, which go beside their keys
    if any(not line.strip() for line in segment.split("\n")):
        return None  # its blank lines go above their keys too
    return out_start, out_end, segment


def _position(container: Any, key: Any) -> tuple[int, int]:
    if isinstance(container, CommentedMap):
        line, column = container.lc.value(key)
    else:
        line, column = container.lc.item(key)
    return int(line), int(column)


_OPENERS = {"{": "}", "[": "]"}


def _flow_end(text: str, start: int) -> int | None:
    """Return the offset just past the flow collection opening at ``start``."""
    if start >= len(text) or text[start] not in _OPENERS:
        return None
    depth, index, previous = 0, start, ","
    while index < len(text):
        char = text[index]
        if char in "'\"" and previous in "{[,:":
            index = _quoted_end(text, index)
            if index < 0:
                return None
        elif char in _OPENERS:
            depth += 1
        elif char in "}]":
            depth -= 1
            if depth == 0:
                return index + 1
        if not char.isspace():
            previous = char
        index += 1
    return None


def _quoted_end(text: str, start: int) -> int:
    quote, index = text[start], start + 1
    while index < len(text):
        char = text[index]
        if quote == '"' and char == "\\":
            index += 2
            continue
        if char == quote:
            if quote == "'" and text[index + 1 : index + 2] == "'":
                index += 2
                continue
            return index
        index += 1
    return -1


# --- the proof --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Proof:
    """What the formatted text must give back when reloaded."""

    file: str
    data: Any
    plan: Plan
    blank_lines: int
    raw_comments: Counter[str]


def _prove_unchanged(proof: Proof, formatted: str, calendar: CalendarSource | None) -> None:
    """Reload ``formatted`` and raise `FormatCheckError` unless it holds what ``proof`` says."""
    file = proof.file
    after = load_bytes(formatted.encode("utf-8"), file=file).document
    if after is None:
        raise FormatCheckError(f"{file}: {_CANNOT_WRITE}")
    if _plain(after.data) != proof.data:
        raise FormatCheckError(
            f"{file}: formatting would change the plan's data; nothing was written"
        )
    if raw_comments(formatted) != proof.raw_comments:
        raise FormatCheckError(
            f"{file}: formatting would lose or change a comment; nothing was written"
        )
    if _blank_lines(formatted) != proof.blank_lines:
        raise FormatCheckError(
            f"{file}: formatting would change the blank lines; nothing was written"
        )
    if validate_document(after, calendar).plan != proof.plan:
        raise FormatCheckError(
            f"{file}: the formatted plan differs from the original; nothing was written"
        )


def raw_comments(text: str) -> Counter[str]:
    """Count the comments written in ``text``, line by line, outside quoted scalars.

    A ``#`` at a line's start or after a space or tab, outside single or double quotes, starts
    a comment. Block scalars may hold such text too, but formatting never changes them, so
    the count before and after still matches; what it catches is a comment ruamel dropped.
    """
    found: Counter[str] = Counter()
    for line in text.split("\n"):
        quote = ""
        for index, char in enumerate(line):
            if quote:
                if char == quote:
                    quote = ""
            elif char in "'\"" and (index == 0 or line[index - 1] in " \t[{,:"):
                quote = char
            elif char == "#" and (index == 0 or line[index - 1] in " \t"):
                found[line[index:].strip()] += 1
                break
    return found


def _plain(node: Any) -> Any:
    # Key order is compared too: it is the one thing formatting is meant to change.
    if isinstance(node, dict):
        return [(str(key), _plain(value)) for key, value in node.items()]
    if isinstance(node, list):
        return [_plain(value) for value in node]
    if isinstance(node, str):
        return str(node)
    return node


def _blank_lines(text: str) -> int:
    return sum(1 for line in split_lines(text) if not line.strip())
