"""Read YAML events with libyaml's C parser where it reads a file exactly as ruamel's does.

ruamel's round-trip scanner is pure Python and spends about 300 ms on a 40 KB plan; libyaml
(the ``ruamel.yaml.clib`` extension) produces the same events in a few milliseconds. Only the
events come from C: composing nodes, the loader's guards, resolving types by YAML 1.2 and
building the round-trip data stay in Python, so the data and every position are the ones the
pure parser gives. Where the two parsers may differ, the pure one is used instead:
- text with tabs, NEL/LS/PS line breaks, byte order marks or directives, which YAML 1.1
  (libyaml) scans differently from YAML 1.2 (ruamel);
- a flow collection (``[...]``, ``{...}``) holding a ':' not followed by a space, where
  libyaml reads ``[http://x]`` and ``["a":1]`` differently;
- an empty value, which libyaml places at the end of its key, ruamel at the next token;
- a block scalar whose header (``|``, ``>-``...) has a comment not set off by a space, or
  whose text opens with a blank line;
- a document that is not a mapping (a root block scalar may start at column 0 for ruamel);
- text with a control character, which the pure reader refuses at once;
- text libyaml refuses, so that the error sip reports is always the pure parser's.
"""

from __future__ import annotations

import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.events import (
    CollectionEndEvent,
    CollectionStartEvent,
    DocumentStartEvent,
    MappingStartEvent,
    ScalarEvent,
)
from ruamel.yaml.reader import Reader

try:
    from _ruamel_yaml import CParser
except ImportError:  # pragma: no cover - the extension is a dependency on CPython
    CParser = None

# What YAML 1.1 (libyaml) and YAML 1.2 (ruamel) scan differently: tabs, NEL/LS/PS line
# breaks, a BOM past the start (libyaml reads it as a document marker), and a directive,
# which would switch ruamel's resolver to another YAML version.
_PURE_ONLY = re.compile("[\t\x85\u2028\u2029\ufeff]|(?:\\A|[\r\n])%")


class Diverges(Exception):
    """libyaml may read this text differently from ruamel's pure parser: use the pure one."""


# In a flow collection, libyaml takes every ':' as a key's end; YAML 1.2 only ': '.
_TIGHT_COLON = re.compile(r":[^ \r\n]")


# A block scalar's header as YAML 1.2 writes it: libyaml also takes '|#note' (no space).
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?(?: +(?:#[^\r\n]*)?)?(?:\r\n|\r|\n|$)")

# ruamel refuses some indentations after a block scalar's leading blank lines that libyaml
# accepts.
_BLANK_LINE = re.compile(r" *(?:\r\n|\r|\n)")


def available() -> bool:
    """Whether the C extension is installed."""
    return CParser is not None


def can_read(text: str) -> bool:
    """Whether libyaml reads ``text`` as ruamel's pure YAML 1.2 parser does."""
    # The pure reader refuses a control character before it parses anything; libyaml only
    # when it reaches it, after most of the work.
    return (
        CParser is not None
        and not _PURE_ONLY.search(text)
        and not Reader.NON_PRINTABLE.search(text)
    )


def use_libyaml(yaml: YAML) -> YAML:
    """Make ``yaml`` (a round-trip reader) take its events from libyaml; returns it."""
    yaml.Reader = _TextReader
    yaml.Parser = _LibyamlParser
    return yaml


class _TextReader:
    """Holds the text for `_LibyamlParser`; libyaml does its own reading and decoding."""

    def __init__(self, stream: Any, loader: Any = None) -> None:
        self.loader = loader
        self.stream = stream


class _LibyamlParser:
    """ruamel's parser interface (check, peek and get an event) over libyaml's parser.

    Raises `Diverges` at an event that ruamel's parser may give differently.
    """

    def __init__(self, loader: Any) -> None:
        self.loader = loader
        self._events: Any = None
        self._flow_starts: list[int] = []
        self._at_root = False

    @property
    def _parser(self) -> Any:
        if self._events is None:
            self._events = CParser(self._text)
        return self._events

    @property
    def _text(self) -> str:
        return str(self.loader.reader.stream)

    def check_event(self, *choices: Any) -> bool:
        """Whether the next event is one of ``choices`` (any event when none is given)."""
        return bool(self._parser.check_event(*choices))

    def peek_event(self) -> Any:
        """The next event, left in place."""
        return self._as_ruamel(self._parser.peek_event())

    def get_event(self) -> Any:
        """The next event, consumed."""
        event = self._as_ruamel(self._parser.get_event())
        if self._at_root and not isinstance(event, MappingStartEvent):
            # A plan is a mapping, and a root scalar may differ: ruamel lets a root block
            # scalar's text start at column 0, libyaml does not.
            raise Diverges("a document that is not a mapping")
        self._at_root = isinstance(event, DocumentStartEvent)
        self._follow_flow(event)
        return event

    def dispose(self) -> None:
        """Free libyaml's parser."""
        if self._events is not None:
            self._events.dispose()

    def _as_ruamel(self, event: Any) -> Any:
        if not isinstance(event, ScalarEvent):
            return event
        if event.style in ("", None):
            if event.value == "":
                raise Diverges("an empty value")
            # libyaml marks a plain scalar with style '', ruamel's parser with None; merge
            # keys and the constructor look for None.
            event.style = None
        elif event.style in ("|", ">"):
            self._check_block_scalar(event.start_mark.index)
        return event

    def _check_block_scalar(self, start: int) -> None:
        header = _BLOCK_HEADER.match(self._text, start)
        if header is None:
            raise Diverges("a block scalar header that libyaml reads more loosely")
        if _BLANK_LINE.match(self._text, header.end()):
            raise Diverges("a block scalar opening with a blank line")

    def _follow_flow(self, event: Any) -> None:
        if isinstance(event, CollectionStartEvent) and event.flow_style:
            self._flow_starts.append(event.start_mark.index)
        elif isinstance(event, CollectionEndEvent) and self._flow_starts:
            start = self._flow_starts.pop()
            # libyaml's mark index counts characters, so it indexes the text directly.
            if not self._flow_starts and _TIGHT_COLON.search(
                self._text, start, event.end_mark.index
            ):
                raise Diverges("a ':' inside a flow collection")
