"""Load a plan file into ruamel round-trip data that keeps every key's position.

The loader refuses, with a code and a plain message, anything that is not a safe, single,
UTF-8 YAML mapping: syntax errors, duplicate keys, tabs, several documents, bad encodings,
binary and empty files, deep nesting, anchors and aliases (alias-expansion bombs), explicit
tags, and files over a size limit. Nothing is ever constructed from a tag.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.composer import Composer
from ruamel.yaml.constructor import DuplicateKeyError, RoundTripConstructor
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, ScalarEvent, StreamEndEvent
from ruamel.yaml.nodes import MappingNode
from ruamel.yaml.parser import Parser
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scanner import Scanner

from sipcli.diagnostics import Check, Diagnostic
from sipcli.load import libyaml, syntax_hints
from sipcli.load.bounded import read_bounded
from sipcli.load.limits import DEFAULT_MAX_BYTES, MAX_DEPTH
from sipcli.load.stdin import from_stdin

SYNTAX = Check("SIP001", "yaml-syntax", "The file is not valid YAML.")
DUPLICATE_KEY = Check("SIP002", "duplicate-key", "A key appears twice in the same section.")
TAB = Check("SIP003", "tab-indentation", "A line is indented with a tab.")
MULTIPLE_DOCUMENTS = Check("SIP004", "multiple-documents", "The file holds several documents.")
NOT_UTF8 = Check("SIP005", "not-utf8", "The file is not saved as UTF-8.")
BINARY = Check("SIP006", "binary-file", "The file is not a text file.")
EMPTY = Check("SIP007", "empty-file", "The file has no content.")
NOT_MAPPING = Check("SIP008", "not-a-mapping", "The top level is not a set of keys.")
TOO_DEEP = Check("SIP009", "too-deeply-nested", "The file nests deeper than a plan can.")
ALIAS = Check(
    "SIP010", "yaml-anchor-or-alias", "The file uses YAML anchors, aliases or merge keys."
)
TAG = Check("SIP011", "yaml-tag", "The file uses an explicit YAML tag.")
TOO_LARGE = Check("SIP012", "file-too-large", "The file is larger than the size limit.")

LOADER_CHECKS: tuple[Check, ...] = (
    SYNTAX,
    DUPLICATE_KEY,
    TAB,
    MULTIPLE_DOCUMENTS,
    NOT_UTF8,
    BINARY,
    EMPTY,
    NOT_MAPPING,
    TOO_DEEP,
    ALIAS,
    TAG,
    TOO_LARGE,
)


class Refusal(Exception):
    """The loader refuses a file; carries the check and the 1-based position."""

    def __init__(self, check: Check, line: int, column: int, message: str) -> None:
        super().__init__(message)
        self.check = check
        self.line = line
        self.column = column
        self.message = message


@dataclass(frozen=True)
class Document:
    """A loaded plan file: its lines and the round-trip data with positions.

    The data holds the file's comments only when it was loaded with ``keep_comments``.
    """

    file: str
    lines: list[str]
    data: CommentedMap


@dataclass(frozen=True)
class LoadResult:
    """What loading a file gave: a document, or the diagnostic that refused it."""

    file: str
    lines: list[str]
    document: Document | None
    diagnostic: Diagnostic | None


def load_file(
    path: Path,
    *,
    label: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_special: bool = False,
) -> LoadResult:
    """Read and parse the plan at ``path``; ``label`` is the name shown in diagnostics.

    Only a regular file is read, unless ``allow_special`` (a pipe, ``/dev/stdin``).

    Raises:
        UnreadableFileError: when the operating system cannot read the file.
    """
    file = label if label is not None else str(path)
    # A plan given as `-` was read from standard input once, within the same limit.
    read = from_stdin(path) or read_bounded(path, max_bytes, allow_special=allow_special)
    if read.too_large or len(read.data) > max_bytes:
        return _refused(file, [], Refusal(TOO_LARGE, 1, 1, _too_large(read.size, max_bytes)))
    return load_bytes(read.data, file=file, max_bytes=max_bytes)


def load_bytes(
    raw: bytes,
    *,
    file: str,
    max_bytes: int = DEFAULT_MAX_BYTES,
    keep_comments: bool = False,
    parser: Callable[[str], CommentedMap] | None = None,
) -> LoadResult:
    """Decode and parse a plan's bytes; never raises for bad content.

    The data holds the file's comments only with ``keep_comments`` (see `parse`). ``parser``
    replaces `parse` (without comments): `sip lsp` gives each open plan an
    `~sipcli.load.incremental.IncrementalParser`.
    """
    if len(raw) > max_bytes:
        return _refused(file, [], Refusal(TOO_LARGE, 1, 1, _too_large(len(raw), max_bytes)))
    try:
        text = decode(raw)
    except Refusal as refusal:
        # The lines, with undecodable bytes replaced, still let a reporter quote the place.
        return _refused(file, split_lines(raw.decode("utf-8", errors="replace")), refusal)
    lines = split_lines(text)
    try:
        data = parser(text) if parser is not None else parse(text, keep_comments=keep_comments)
    except Refusal as refusal:
        return _refused(file, lines, refusal)
    return LoadResult(file, lines, Document(file, lines, data), None)


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split text into lines exactly where YAML does, so line numbers agree with ruamel's.

    ``str.splitlines`` would also split at U+2028, U+0085 and form feeds; YAML does not.
    """
    lines = _LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def _refused(file: str, lines: list[str], refusal: Refusal) -> LoadResult:
    diagnostic = Diagnostic.of(
        refusal.check, file=file, line=refusal.line, column=refusal.column, message=refusal.message
    )
    return LoadResult(file, lines, None, diagnostic)


def _too_large(size: int | None, limit: int) -> str:
    how_big = f"The file is {size:,} bytes, over" if size is not None else "The file is over"
    return (
        f"{how_big} the limit of {limit:,} bytes; a plan is usually "
        "under 100 KB. Check that this is the right file, or raise the limit with "
        "--max-file-size."
    )


# --- decoding -------------------------------------------------------------------------------

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF8_BOM = b"\xef\xbb\xbf"


def decode(raw: bytes) -> str:
    """Decode UTF-8 text (a BOM is allowed); refuse binary data and other encodings."""
    if raw.startswith(_UTF16_BOMS):
        raise Refusal(
            NOT_UTF8, 1, 1, "The file is saved as UTF-16; re-save it as UTF-8 (without BOM)."
        )
    if b"\x00" in raw:
        line, column = _position_of_byte(raw, raw.index(b"\x00"))
        raise Refusal(
            BINARY,
            line,
            column,
            "The file contains a NUL byte, so it is not a text file (is it a Word or Excel "
            "file?). A plan must be a plain-text YAML file.",
        )
    body = raw.removeprefix(UTF8_BOM)
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as error:
        raise _not_utf8(body, error) from error


def _not_utf8(raw: bytes, error: UnicodeDecodeError) -> Refusal:
    offset = error.start
    line, column = _position_of_byte(raw, offset)
    byte = raw[offset]
    guess = bytes([byte]).decode("cp1252", errors="replace")
    return Refusal(
        NOT_UTF8,
        line,
        column,
        f"Byte 0x{byte:02X} at line {line}, column {column} is not UTF-8 (in Windows-1252 it "
        f"would be '{guess}'). Re-save the file as UTF-8: in VS Code use 'Save with "
        "Encoding', in Notepad choose UTF-8 under 'Encoding'.",
    )


def _position_of_byte(raw: bytes, offset: int) -> tuple[int, int]:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", errors="replace")) + 1
    return raw.count(b"\n", 0, offset) + 1, column


# --- parsing --------------------------------------------------------------------------------


_TAGGABLE = (ScalarEvent, CollectionStartEvent)


class _GuardedComposer(Composer):
    """Refuse aliases, anchors, explicit tags and deep nesting while composing nodes.

    Refusing at this stage means an alias bomb is stopped at its first alias, before any
    data is built, and that no tag ever reaches a constructor.
    """

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.parser.peek_event()
        mark = event.start_mark
        if isinstance(event, AliasEvent) or getattr(event, "anchor", None) is not None:
            raise Refusal(ALIAS, mark.line + 1, mark.column + 1, _ALIAS_MESSAGE)
        if isinstance(event, _TAGGABLE) and event.ctag is not None:
            raise Refusal(TAG, mark.line + 1, mark.column + 1, _tag_message(str(event.ctag)))
        if _is_merge_key(event, parent, index):
            raise Refusal(ALIAS, mark.line + 1, mark.column + 1, _MERGE_MESSAGE)
        if _is_key(parent, index) and isinstance(event, CollectionStartEvent):
            raise Refusal(SYNTAX, mark.line + 1, mark.column + 1, _COLLECTION_KEY_MESSAGE)
        if self.depth >= MAX_DEPTH:
            raise Refusal(
                TOO_DEEP,
                mark.line + 1,
                mark.column + 1,
                f"The data is nested more than {MAX_DEPTH} levels deep here; a plan needs "
                "about eight. Check for runaway brackets or indentation.",
            )
        return super().compose_node(parent, index)

    def get_single_node(self) -> Any:
        self.parser.get_event()  # STREAM-START
        document = None
        if not self.parser.check_event(StreamEndEvent):
            document = self.compose_document()
        if not self.parser.check_event(StreamEndEvent):
            mark = self.parser.peek_event().start_mark
            raise Refusal(
                MULTIPLE_DOCUMENTS,
                mark.line + 1,
                mark.column + 1,
                "A second YAML document starts here ('---'); a plan file holds exactly one "
                "plan. Split it into separate files, or remove the '---' line.",
            )
        self.parser.get_event()  # STREAM-END
        return document


def _is_key(parent: Any, index: Any) -> bool:
    # A mapping's keys are composed with index None; its values with their key.
    return isinstance(parent, MappingNode) and index is None


def _is_merge_key(event: Any, parent: Any, index: Any) -> bool:
    return (
        isinstance(event, ScalarEvent)
        and event.value == "<<"
        and event.style is None
        and _is_key(parent, index)
    )


_COLLECTION_KEY_MESSAGE = (
    "A key here is written as a list or a set of keys ('[...]:' or '{...}:'); the keys of a "
    "plan are plain words. Write the key as text, or put the brackets in quotes."
)


_MERGE_MESSAGE = (
    "YAML merge keys (<<) are not allowed in a plan: the merged keys would have no place of "
    "their own in the file. Write the keys out in full."
)

_ALIAS_MESSAGE = (
    "YAML anchors (&name) and aliases (*name) are not allowed in a plan: every item needs its "
    "own place in the file so problems can be pointed to. Write the value out in full."
)


def _tag_message(tag: str) -> str:
    shown = tag.replace("tag:yaml.org,2002:", "!!")
    return (
        f"The explicit YAML tag '{shown}' is not allowed in a plan; sip never builds objects "
        "from tags. Remove it; if you wanted text, put the value in quotes instead."
    )


#: Half of a UTF-16 surrogate pair: an escape such as "\udfff" makes one, and no file,
#: terminal or document can hold it.
_SURROGATE = re.compile("[\ud800-\udfff]")
#: An escape in a file's text that may make one.
_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]|\\U0000[dD][89a-fA-F]")


class _SafeRoundTripConstructor(RoundTripConstructor):
    """Round-trip constructor that keeps an impossible date (2026-02-30) as its text.

    ruamel would raise a bare ValueError with no position; as text, the value reaches the
    model, which reports it at its exact place alongside every other problem.
    """

    def construct_yaml_timestamp(self, node: Any, values: Any = None) -> Any:
        try:
            return super().construct_yaml_timestamp(node, values)
        except (ValueError, OverflowError):
            return str(node.value)

    def construct_yaml_int(self, node: Any) -> Any:
        # "+_" and a 5000-digit figure look like integers to the resolver but are not.
        try:
            return super().construct_yaml_int(node)
        except (ValueError, IndexError, OverflowError):
            return str(node.value)

    def construct_yaml_float(self, node: Any) -> Any:
        try:
            return super().construct_yaml_float(node)
        except (ValueError, IndexError, OverflowError):
            return str(node.value)


_SafeRoundTripConstructor.add_constructor(
    "tag:yaml.org,2002:timestamp", _SafeRoundTripConstructor.construct_yaml_timestamp
)
_SafeRoundTripConstructor.add_constructor(
    "tag:yaml.org,2002:int", _SafeRoundTripConstructor.construct_yaml_int
)
_SafeRoundTripConstructor.add_constructor(
    "tag:yaml.org,2002:float", _SafeRoundTripConstructor.construct_yaml_float
)


class _SurrogateCheckingConstructor(_SafeRoundTripConstructor):
    """The safe constructor that also refuses text holding a lone surrogate, at its place.

    Such text would pass validation and then fail every command that writes it out. Only
    an escape can make one (the file itself is strict UTF-8), so this constructor is used
    only for text that has such an escape: checking every scalar costs a few percent.
    """

    def construct_scalar(self, node: Any) -> Any:
        value = super().construct_scalar(node)
        if isinstance(value, str) and (found := _SURROGATE.search(value)):
            raise _lone_surrogate(node, found.group(0))
        return value


def new_yaml(*, comments: bool = True, check_surrogates: bool = True) -> YAML:
    """Return a round-trip YAML reader that refuses aliases, tags and duplicate keys.

    Without ``comments`` it reads the same data and positions but skips ruamel's comment
    bookkeeping, which is slower and, on some odd text, fails where the YAML is valid.
    """
    yaml = YAML(typ="rt")
    if not comments:
        yaml.Scanner = Scanner
        yaml.Parser = Parser
    yaml.Composer = _GuardedComposer
    yaml.Constructor = (
        _SurrogateCheckingConstructor if check_surrogates else _SafeRoundTripConstructor
    )
    yaml.allow_duplicate_keys = False
    return yaml


def parse(text: str, *, keep_comments: bool = False) -> CommentedMap:
    """Parse one YAML document that must be a mapping; raise `Refusal` for anything else.

    Comments are kept in the data only with ``keep_comments``, which is several times
    slower: only a command that writes the YAML back needs them.
    """
    if not text.strip():
        raise Refusal(EMPTY, 1, 1, _EMPTY_MESSAGE)
    data = _load_or_refuse(text, keep_comments=keep_comments)
    if data is None and _first_content_position(text) is None:
        raise Refusal(EMPTY, 1, 1, _EMPTY_MESSAGE)
    if not isinstance(data, CommentedMap):
        if isinstance(data, list):
            kind = "a list"
        else:
            kind = "a single empty value" if data is None else "a single value"
        raise Refusal(
            NOT_MAPPING,
            *(_first_content_position(text) or (1, 1)),
            f"The top level of a plan must be a set of keys (schema_version:, school:, "
            f"plan:, ...), but this file is {kind}. Start from `sip init`.",
        )
    return data


def _load_or_refuse(text: str, *, keep_comments: bool) -> Any:
    """Load ``text``, turning every way ruamel can fail into a `Refusal` with a position."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _load(text, keep_comments=keep_comments)
    except DuplicateKeyError as error:
        raise _duplicate_key(error, text) from error
    except MarkedYAMLError as error:
        raise _syntax_error(error, text) from error
    except ReaderError as error:
        raise _unprintable(error, text) from error
    except YAMLError as error:
        raise Refusal(SYNTAX, 1, 1, f"The file is not valid YAML: {error}") from error
    except (ValueError, OverflowError) as error:
        # ruamel's scanner calls chr() on a \U escape beyond Unicode without checking it.
        raise _bad_escape(text) from error
    except RecursionError as error:
        raise Refusal(TOO_DEEP, 1, 1, "The data is nested too deeply to read.") from error


def _load(text: str, *, keep_comments: bool) -> Any:
    """Load with libyaml's events when they match ruamel's; otherwise, or on any problem, pure."""
    if keep_comments:
        return new_yaml().load(text)  # libyaml's events carry no comments
    check = _SURROGATE_ESCAPE.search(text) is not None
    if libyaml.can_read(text):
        try:
            yaml = new_yaml(comments=False, check_surrogates=check)
            return libyaml.use_libyaml(yaml).load(text)
        except (libyaml.Diverges, YAMLError, Refusal, RecursionError):
            pass  # the pure parser finds the same problem and gives its exact message
    return new_yaml(comments=False, check_surrogates=check).load(text)


_EMPTY_MESSAGE = (
    "The file is empty (or holds only comments). Write a plan in it, or create one with "
    "`sip init PATH`."
)


def _first_content_position(text: str) -> tuple[int, int] | None:
    """Return where the first value starts, past comments, directives and ``---``."""
    for number, line in enumerate(text.splitlines(), start=1):
        body = line.lstrip()
        column = len(line) - len(body) + 1
        if body.startswith("--- "):
            rest = body[4:]
            column += 4 + len(rest) - len(rest.lstrip())
            body = rest.lstrip()
        if body and not body.startswith(("#", "%")) and body.rstrip() not in ("---", "..."):
            return number, column
    return None


_DUPLICATE = re.compile(r'found duplicate key "(?P<key>.*?)" with value')


def _duplicate_key(error: DuplicateKeyError, text: str) -> Refusal:
    mark = error.problem_mark
    lines = split_lines(text)
    match = _DUPLICATE.search(error.problem or "")
    key = match.group("key") if match else "this key"
    first = error.context_mark.line + 1 if error.context_mark is not None else None
    new_item = (
        syntax_hints.missing_dash_for_duplicate(lines, first, mark.line + 1) if first else None
    )
    if new_item is not None:
        return Refusal(DUPLICATE_KEY, mark.line + 1, mark.column + 1, new_item)
    where = f" (the section starts at line {first})" if first else ""
    return Refusal(
        DUPLICATE_KEY,
        mark.line + 1,
        mark.column + 1,
        f"The key '{key}' appears more than once in the same section{where}; YAML would "
        "silently keep only one of them. If both belong here, keep one and merge their "
        "contents; if the second belongs to another section, fix its indentation.",
    )


_SYNTAX_HINTS: tuple[tuple[str, str], ...] = (
    (
        "mapping values are not allowed",
        "A ': ' appears where YAML did not expect one. If the text contains ': ', put the "
        "whole value in quotes; otherwise check this line's indentation.",
    ),
    (
        "could not find expected ':'",
        "A key is missing its ':' or the line above is not finished (an unclosed quote?).",
    ),
    (
        "expected <block end>",
        "This line's indentation does not match the lines around it; align it with its "
        "siblings (use spaces, two per level).",
    ),
    (
        "found unexpected end of stream",
        "The file ends inside a quoted text; close the quote.",
    ),
    (
        "expected ',' or ']'",
        "A '[' list is not closed with ']'.",
    ),
    (
        "expected ',' or '}'",
        "A '{' mapping is not closed with '}'.",
    ),
    (
        "did not find expected '-' indicator",
        "A list item is not aligned with the items above it.",
    ),
    (
        "did not find expected key",
        "A line is not indented like the keys of its section.",
    ),
    (
        "that cannot start any token",
        "This character cannot start a value; put the value in quotes.",
    ),
)


def _syntax_error(error: MarkedYAMLError, text: str) -> Refusal:
    mark = error.problem_mark or error.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    problem = error.problem or error.context or "the YAML could not be read"
    if "'\\t'" in problem:
        return _tab(text, line, column)
    if "undefined alias" in problem:
        return Refusal(ALIAS, line, column, _ALIAS_MESSAGE)
    plain = syntax_hints.explain(
        problem,
        error.context,
        _one_based(error.problem_mark),
        _one_based(error.context_mark),
        split_lines(text),
    )
    if plain is not None:
        # The parser's words follow the plain ones, for whoever searches for them.
        return Refusal(SYNTAX, plain.line, plain.column, f"{plain.message} (YAML: {problem}.)")
    hint = next((text for key, text in _SYNTAX_HINTS if key in problem), "")
    message = f"YAML syntax error: {problem}."
    return Refusal(SYNTAX, line, column, f"{message} {hint}".strip())


def _one_based(mark: Any) -> tuple[int, int] | None:
    return (mark.line + 1, mark.column + 1) if mark is not None else None


def _lone_surrogate(node: Any, character: str) -> Refusal:
    mark = node.start_mark
    return Refusal(
        SYNTAX,
        mark.line + 1,
        mark.column + 1,
        f"This text holds the escape '\\u{ord(character):04x}', half of a character pair "
        "(a lone surrogate), which is not a character. Remove the escape, or write the "
        "character itself.",
    )


_LONG_ESCAPE = re.compile(r"\\U([0-9A-Fa-f]{8})")


def _bad_escape(text: str) -> Refusal:
    beyond = next((m for m in _LONG_ESCAPE.finditer(text) if int(m.group(1), 16) > 0x10FFFF), None)
    offset = beyond.start() if beyond else 0
    before = text[:offset]
    line = len(_LINE_BREAK.findall(before)) + 1
    column = offset - max(before.rfind("\n"), before.rfind("\r"))
    shown = f" ('{beyond.group(0)}')" if beyond else ""
    return Refusal(
        SYNTAX,
        line,
        column,
        f"An escape{shown} names a character beyond Unicode, which YAML cannot read. Fix "
        "or remove it; to keep the text as written, put it in single quotes.",
    )


def _tab(text: str, line: int, column: int) -> Refusal:
    lines = text.splitlines()
    before = lines[line - 1][: column - 1] if line <= len(lines) else ""
    if not before.strip():
        fix = syntax_hints.tab_fix(split_lines(text), line) or "Replace the tab with spaces."
        message = (
            f"This line is indented with a tab; YAML only allows spaces for indentation. {fix}"
        )
    else:
        message = (
            "A tab character here cannot be read as YAML. Replace it with a space, or put "
            "the whole value in quotes if the tab belongs to the text."
        )
    return Refusal(TAB, line, column, message)


def _unprintable(error: ReaderError, text: str) -> Refusal:
    position = int(getattr(error, "position", 0))
    character = getattr(error, "character", "")
    before = text[:position]
    line = len(_LINE_BREAK.findall(before)) + 1
    column = position - max(before.rfind("\n"), before.rfind("\r"))
    number = ord(character) if isinstance(character, str) and character else int(character or 0)
    code = f"U+{number:04X}"
    return Refusal(
        SYNTAX,
        line,
        column,
        f"The file contains the control character {code}, which YAML does not allow (it "
        "often comes from text pasted out of Word or a PDF). Delete it.",
    )
