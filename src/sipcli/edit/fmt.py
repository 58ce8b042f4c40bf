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
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import (
    DoubleQuotedScalarString,
    FoldedScalarString,
    LiteralScalarString,
)
from ruamel.yaml.tokens import CommentToken

from sipcli.diagnostics import Diagnostic
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
from sipcli.validate.document import validate_document


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


def format_bytes(raw: bytes, file: str) -> FormatResult:
    """Format a plan file's bytes; the loader's refusals (encoding, size...) are diagnostics.

    The file keeps its line endings and its byte order mark: neither is a matter of layout.
    """
    try:
        text = decode(raw)
    except Refusal:
        return _refused(raw, file, "")
    result = _format_keeping_line_ends(text, file)
    if not raw.startswith(UTF8_BOM):
        return result
    return replace(
        result,
        original=_BOM + result.original,
        formatted=_BOM + result.formatted if result.formatted is not None else None,
    )


_BOM = "\ufeff"


def _format_keeping_line_ends(text: str, file: str) -> FormatResult:
    if "\r\n" not in text:
        return format_text(text, file)
    # A Windows file is formatted as LF text and written back with its own line endings.
    result = format_text(text.replace("\r\n", "\n"), file)
    formatted = result.formatted.replace("\n", "\r\n") if result.formatted is not None else None
    return replace(result, original=text, formatted=formatted)


#: Formatting passes before the layout must have settled (one is usual; see `format_text`).
_MAX_PASSES = 3


def format_text(text: str, file: str) -> FormatResult:
    """Format a plan's text; refuse (with diagnostics) a file that does not load or validate.

    The result is formatted again until it no longer changes, so that ``sip fmt --check``
    always passes on what ``sip fmt`` wrote: ruamel reads some comments it wrote (one above a
    list item's first key) into another place, which the next pass lays out for good. Each
    pass proves its own output, so the chain keeps the data and comments of the original.
    """
    result = _format_once(text, file)
    for _ in range(_MAX_PASSES - 1):
        if result.formatted is None or result.formatted == text:
            return result
        again = _format_once(result.formatted, file)
        if again.formatted is None:
            return FormatResult(file, text, None, again.diagnostics, again.error)
        if again.formatted == result.formatted:
            return result
        result = FormatResult(file, text, again.formatted)
    return FormatResult(
        file, text, None, error=f"{file}: the layout does not settle; nothing was written"
    )


def _format_once(text: str, file: str) -> FormatResult:
    """One formatting pass over ``text``, with its proof."""
    data = _load_keeping_quotes(text)
    if data is None:
        return _refused(text.encode("utf-8"), file, text)
    validation = validate_document(Document(file, split_lines(text), data))
    if validation.plan is None:
        return FormatResult(file, text, None, validation.diagnostics)
    comments_before = sorted(_comment_lines(data))
    changed: set[int] = set()
    normalise(data, Plan, changed)
    formatted = keep_flow_line_breaks(text, data, dump(data), changed)
    if formatted == text:
        return FormatResult(file, text, text)  # the same text holds the same data
    try:
        _prove_unchanged(
            Proof(
                file,
                _plain(data),
                validation.plan,
                comments_before,
                _blank_lines(text),
                raw_comments(text),
            ),
            formatted,
        )
    except FormatCheckError as error:
        return FormatResult(file, text, None, error=str(error))
    return FormatResult(file, text, formatted)


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
    yaml = new_yaml()
    yaml.preserve_quotes = True  # so "state: 42%" is not rewritten as 'state: 42%'
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            data = yaml.load(text)
    except Exception:
        return None
    return data if isinstance(data, CommentedMap) else None


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


# --- moving keys with their comments ----------------------------------------------------------


def reorder(data: CommentedMap, order: list[str]) -> None:
    """Put ``data``'s keys in ``order``, each keeping the comments and blank lines above it.

    ruamel stores the comment lines above a key as the tail of the entry before it (deep
    inside that entry's value when it is a block); they are detached here and stored as
    the key's own "before" comment, so they move with it.
    """
    keys = list(data)
    above: dict[str, str] = {}
    for previous, key in itertools.pairwise(keys):
        above[key] = _detach_tail(data, previous)
    after_map = _detach_tail(data, keys[-1])
    for key in order:
        data.move_to_end(key)
    for key in order:
        text = above.get(key, "")
        if key == order[-1]:
            # What followed the map (the next section's comments) stays after it.
            _append_tail(data, key, after_map)
        if text:
            _set_before(data, key, text)


def _detach_tail(data: CommentedMap, key: str) -> str:
    """Remove and return the full-line comments and blank lines after ``key``'s entry."""
    holder = _tail_holder(data, key)
    if holder is None:
        return ""
    slots, index, kind = holder
    token = slots[index]
    if kind == "end":
        # A sequence's end comments: a list of tokens, all of them after the entry.
        text = "".join(" " * part.column + str(part.value) for part in slots)
        slots.clear()
        return text
    if kind == "block-scalar":
        # A block scalar ends with its own line break: the whole token follows it. ruamel
        # keeps the first line's indentation as the token's column, not in its text.
        slots[index] = None
        return " " * int(token.column) + str(token.value)
    first, newline, rest = str(token.value).partition("\n")
    if not rest:
        return ""
    if first.strip():
        token.value = first + newline
    else:
        slots[index] = None
    return rest


#: The round-trip collections, which carry comments and a flow or block style.
_COLLECTIONS = (CommentedMap, CommentedSeq)


def _is_block(value: Any) -> bool:
    return isinstance(value, _COLLECTIONS) and bool(len(value)) and not value.fa.flow_style()


def _last(node: Any) -> Any:
    return list(node)[-1] if isinstance(node, CommentedMap) else len(node) - 1


def _tail_holder(container: Any, key: Any) -> tuple[list[Any], int, str] | None:
    """Where ruamel keeps the comment after ``container[key]``: (slots, index, kind).

    The kind says how the token starts: ``line`` with the rest of the entry's line (its
    end-of-line comment, or just the line break), ``block-scalar`` and ``end`` with the
    lines that follow.
    """
    value = container[key]
    if _is_block(value):
        # The slot of a key whose value is a block holds the key line's own comment.
        if value.ca.end:
            return value.ca.end, 0, "end"
        return _tail_holder(value, _last(value))
    slot = 2 if isinstance(container, CommentedMap) else 0
    entry = container.ca.items.get(key)
    if entry is not None and entry[slot] is not None:
        return entry, slot, "block-scalar" if _is_block_scalar(value) else "line"
    return None


def _is_block_scalar(value: Any) -> bool:
    return isinstance(value, LiteralScalarString | FoldedScalarString)


def _append_tail(data: CommentedMap, key: str, text: str) -> None:
    if not text:
        return
    node: Any = data
    while _is_block(node[key]):
        node, key = node[key], _last(node[key])
    if isinstance(node, CommentedSeq) and (node.ca.end or isinstance(node[key], _COLLECTIONS)):
        node.ca.end = [*(node.ca.end or []), *_end_tokens(text)]
        if node.ca.comment is None:
            node.ca.comment = [None, None]  # ruamel writes end comments only beside this list
        return
    slot = 2 if isinstance(node, CommentedMap) else 0
    entry = node.ca.items.setdefault(key, [None, None, None, None])
    if entry[slot] is not None:
        entry[slot].value = str(entry[slot].value) + text
    else:
        start = "" if _is_block_scalar(node[key]) else "\n"
        entry[slot] = CommentToken(start + text, CommentMark(0), None)


def _end_tokens(text: str) -> list[CommentToken]:
    # End comments are written one token a line, each at its own column, as ruamel reads them.
    tokens = []
    for line in text.splitlines():
        body = line.lstrip()
        column = len(line) - len(body) if body else 0
        tokens.append(CommentToken(body + "\n", CommentMark(column), None))
    return tokens


def _set_before(data: CommentedMap, key: str, text: str) -> None:
    entry = data.ca.items.setdefault(key, [None, None, None, None])
    entry[1] = [CommentToken(text, CommentMark(0), None)]


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
        return None  # one line already, or comments inside that ruamel placed elsewhere
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


def _comment_lines(data: Any) -> list[str]:
    """Every comment line held anywhere in round-trip data, stripped."""
    # ruamel keeps some comments in two places (a key's slot and its value's own comment):
    # each token is counted once, by identity.
    tokens: dict[int, CommentToken] = {}
    _collect_comments(data, tokens)
    return [
        line.strip()
        for token in tokens.values()
        for line in str(token.value).splitlines()
        if line.strip()
    ]


def _collect_comments(node: Any, found: dict[int, CommentToken]) -> None:
    if isinstance(node, _COLLECTIONS):
        _collect_tokens(node.ca.comment, found)
        _collect_tokens(list(node.ca.items.values()), found)
        _collect_tokens(node.ca.end, found)
        values = node.values() if isinstance(node, CommentedMap) else node
        for value in values:
            _collect_comments(value, found)


def _collect_tokens(item: Any, found: dict[int, CommentToken]) -> None:
    if isinstance(item, CommentToken):
        found[id(item)] = item
    elif isinstance(item, list):
        for part in item:
            _collect_tokens(part, found)


@dataclass(frozen=True)
class Proof:
    """What the formatted text must give back when reloaded."""

    file: str
    data: Any
    plan: Plan
    comments: list[str]
    blank_lines: int
    raw_comments: Counter[str]
    """Comments read from the text itself: ruamel drops some (inside flow collections)."""


def _prove_unchanged(proof: Proof, formatted: str) -> None:
    """Reload ``formatted`` and raise `FormatCheckError` unless it holds what ``proof`` says."""
    file = proof.file
    after = load_bytes(formatted.encode("utf-8"), file=file, keep_comments=True).document
    if after is None:
        raise FormatCheckError(f"{file}: the formatted text does not load; nothing was written")
    if _plain(after.data) != proof.data:
        raise FormatCheckError(
            f"{file}: formatting would change the plan's data; nothing was written"
        )
    if sorted(_comment_lines(after.data)) != proof.comments or raw_comments(formatted) != (
        proof.raw_comments
    ):
        raise FormatCheckError(
            f"{file}: formatting would lose or change a comment; nothing was written"
        )
    if _blank_lines(formatted) != proof.blank_lines:
        raise FormatCheckError(
            f"{file}: formatting would change the blank lines; nothing was written"
        )
    if validate_document(after).plan != proof.plan:
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
