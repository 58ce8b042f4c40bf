"""Code actions: the one safe fix of a finding, as text edits an editor applies.

Four findings have a fix that cannot change what the plan means beyond what the finding asks:

- SIP107 on an org code written as a number: put its 8 digits in quotes;
- SIP309 on a benchmark worded as a ceiling: add ``comparison: at_most`` (or turn a stated
  comparison the other way round);
- SIP901, a ``# sip: noqa`` that silences nothing: remove the comment;
- SIP101, a required key that is missing: add the key with a ``<placeholder>`` to fill in,
  where the plan format puts it (the placeholder is reported until it is filled).

Each edit touches only the characters it must, so comments and layout stay as they are. A
finding whose text no longer looks as it did when it was reported (the user typed since) gets
no action rather than a wrong one.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap

from sipcli.editing.types import Action, Edit, Span
from sipcli.lint.placement import place_missing
from sipcli.load.positions import walk
from sipcli.load.source import Document, load_bytes, split_lines
from sipcli.validate.schema_text import field_description

PlanPath = tuple[str | int, ...]

#: The keys whose values are DESE org codes (``model/school.py``: OrgCode).
_ORG_CODE_KEYS = frozenset({"org_code", "district_code"})
_NOQA = re.compile(r"#\s*sip:\s*noqa(?:-file)?\b", re.IGNORECASE)
_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")
_OPPOSITE = {"at_least": "at_most", "at_most": "at_least"}
#: A placeholder longer than this is shortened to the key's name.
_PLACEHOLDER_WORDS = 60


@dataclass(frozen=True)
class _Text:
    """The text an action edits: its lines, its line ending, and its parse when it has one."""

    text: str
    lines: list[str]
    newline: str
    document: Document | None


def code_actions(text: str, code: str, span: Span, path: str = "") -> list[Action]:
    """Return the safe fixes for the finding ``code`` at ``span`` in ``text``.

    ``path`` is the finding's plan path (``goals[1].target``), as `Diagnostic.path` gives
    it; the fixes that edit a plan's structure need it. An empty list: no safe fix.
    """
    fix = _FIXES.get(code)
    if fix is None:
        return []
    return fix(_read(text), span, parse_plan_path(path))


def parse_plan_path(text: str) -> PlanPath:
    """Read a plan path back into its parts: ``goals[1].target`` -> ``("goals", 1, "target")``."""
    parts: list[str | int] = []
    for index, key in _PATH_PART.findall(text):
        parts.append(int(index) if index else key)
    return tuple(parts)


def _read(text: str) -> _Text:
    lines = split_lines(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    loaded = load_bytes(text.encode("utf-8", "surrogatepass"), file="")
    return _Text(text, lines, newline, loaded.document)


# --- SIP107: an org code written as a number ---------------------------------------------


def _quote_org_code(source: _Text, span: Span, path: PlanPath) -> list[Action]:
    """Put an org code written as digits in quotes, so YAML keeps its leading zeros."""
    if not path or path[-1] not in _ORG_CODE_KEYS:
        return []
    line, column = _value_position(source, path) or (span.line, span.column)
    if line >= len(source.lines):
        return []
    match = re.compile(r"\d{8}(?=\s*(?:#|,|}|$))").match(source.lines[line], column)
    if match is None:
        return []
    digits = match.group()
    edit = Edit(Span(line, match.start(), line, match.end()), f'"{digits}"')
    return [Action(f'Put the code {digits} in quotes: "{digits}"', "SIP107", (edit,))]


def _value_position(source: _Text, path: PlanPath) -> tuple[int, int] | None:
    """Return the 0-based position of the value at ``path``, when the text parses to it."""
    if source.document is None:
        return None
    steps, _ = walk(source.document.data, path)
    if len(steps) != len(path):
        return None
    container, key = steps[-1]
    if not isinstance(container, CommentedMap):
        return None
    line, column = container.lc.value(key)
    return int(line), int(column)


# --- SIP309: a ceiling with no comparison: at_most ---------------------------------------


def _comparison(source: _Text, span: Span, path: PlanPath) -> list[Action]:
    """Add ``comparison: at_most`` to a target, or turn a stated comparison round."""
    if source.document is None or not path:
        return []
    if path[-1] == "comparison":
        return _turn_comparison(source, path)
    steps, target = walk(source.document.data, path)
    if len(steps) != len(path) or not isinstance(target, CommentedMap) or "comparison" in target:
        return []
    edit = _add_key(source, (*path, "comparison"), target, "comparison", "at_most")
    if edit is None:
        return []
    return [Action("Add comparison: at_most to the target", "SIP309", (edit,))]


def _turn_comparison(source: _Text, path: PlanPath) -> list[Action]:
    assert source.document is not None  # checked by the caller
    _, written = walk(source.document.data, path)
    where = _value_position(source, path)
    if where is None or written not in _OPPOSITE:
        return []
    line, column = where
    match = re.compile(r"""(["']?)(at_least|at_most)\1""").match(source.lines[line], column)
    if match is None:
        return []
    wanted = _OPPOSITE[str(written)]
    edit = Edit(Span(line, match.start(), line, match.end()), wanted)
    return [Action(f"Make it comparison: {wanted}", "SIP309", (edit,))]


# --- SIP901: an unused noqa --------------------------------------------------------------


def _remove_noqa(source: _Text, span: Span, path: PlanPath) -> list[Action]:
    """Remove a ``# sip: noqa`` comment that silences nothing; its line goes if it held only it."""
    if span.line >= len(source.lines):
        return []
    text = source.lines[span.line]
    if _NOQA.match(text, span.column) is None:
        return []
    before = text[: span.column]
    if before.strip():
        start = len(before.rstrip())
        removal = Span(span.line, start, span.line, len(text))
    elif span.line + 1 < len(source.lines):
        removal = Span(span.line, 0, span.line + 1, 0)
    elif span.line > 0:
        # The file's last line, with no line break after it: take the one before it.
        removal = Span(span.line - 1, len(source.lines[span.line - 1]), span.line, len(text))
    else:
        removal = Span(span.line, 0, span.line, len(text))
    return [Action("Remove the unused '# sip: noqa'", "SIP901", (Edit(removal, ""),))]


# --- SIP101: a required key that is missing ----------------------------------------------


def _stub_missing_key(source: _Text, span: Span, path: PlanPath) -> list[Action]:
    """Add a missing required key with a placeholder, where the plan format puts it."""
    if source.document is None or not path:
        return []
    steps, parent = walk(source.document.data, path)
    if len(steps) >= len(path) or not isinstance(path[len(steps)], str):
        return []
    present = path[: len(steps)]
    key = str(path[len(steps)])
    if not isinstance(parent, CommentedMap):
        return []
    value = json.dumps(_placeholder((*present, key)), ensure_ascii=False)
    edit = _add_key(source, (*present, key), parent, key, value)
    if edit is None:
        return []
    return [Action(f"Add the missing key '{key}' to fill in", "SIP101", (edit,))]


def _placeholder(path: PlanPath) -> str:
    """The ``<...>`` text a stub holds: the key's description, or its name when that is long."""
    description = (field_description(path) or "").strip().rstrip(".")
    description = re.sub(r"[<>\s]+", " ", description).strip()
    if not description or len(description) > _PLACEHOLDER_WORDS:
        description = str(path[-1]).replace("_", " ")
    return f"<{description}>"


# --- inserting a key ---------------------------------------------------------------------


def _add_key(
    source: _Text, path: PlanPath, mapping: CommentedMap, key: str, value: str
) -> Edit | None:
    """The edit adding ``key: value`` to ``mapping``; ``path`` is the new key's, block or flow."""
    if mapping.fa.flow_style():
        return _add_to_flow(source, mapping, key, value)
    assert source.document is not None  # a mapping was found in it
    placement = place_missing(source.document, path)
    if placement is None:
        return None
    line, column = placement.line - 1, placement.column - 1
    entry = f"{key}: {value}"
    if placement.where.startswith("before") or ", before " in placement.where:
        # Before the key that follows: at its column, so a list item's ``- `` stays first.
        return Edit(Span(line, column, line, column), f"{entry}{source.newline}{' ' * column}")
    if line < len(source.lines):
        return Edit(Span(line, 0, line, 0), f"{' ' * column}{entry}{source.newline}")
    end = len(source.lines) - 1
    last = len(source.lines[end])
    return Edit(Span(end, last, end, last), f"{source.newline}{' ' * column}{entry}")


def _add_to_flow(source: _Text, mapping: CommentedMap, key: str, value: str) -> Edit | None:
    """Insert ``, key: value`` before the ``}`` that closes a mapping written as ``{...}``."""
    closing = _closing_brace(source.lines, int(mapping.lc.line), int(mapping.lc.col))
    if closing is None:
        return None
    line, column = closing
    before = source.lines[line][:column].rstrip()
    at = len(before)
    separator = "" if before.endswith("{") else ", "
    return Edit(Span(line, at, line, at), f"{separator}{key}: {value}")


def _closing_brace(lines: list[str], line: int, column: int) -> tuple[int, int] | None:
    """Return where the ``{`` at (line, column) is closed, skipping quoted text and nesting."""
    depth = 0
    quote = ""
    for number in range(line, len(lines)):
        text = lines[number]
        start = column if number == line else 0
        for index in range(start, len(text)):
            character = text[index]
            if quote:
                quote = "" if character == quote else quote
            elif character in "\"'":
                quote = character
            elif character in "{[":
                depth += 1
            elif character in "}]":
                depth -= 1
                if depth == 0:
                    return (number, index) if character == "}" else None
            elif character == "#" and index > 0 and text[index - 1] == " ":
                break  # a comment runs to the end of the line
    return None


_Fix = Callable[[_Text, Span, PlanPath], list[Action]]

_FIXES: dict[str, _Fix] = {
    "SIP107": _quote_org_code,
    "SIP309": _comparison,
    "SIP901": _remove_noqa,
    "SIP101": _stub_missing_key,
}
