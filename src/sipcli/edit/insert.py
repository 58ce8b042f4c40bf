"""Adding list items to a YAML file as new lines, so that every existing line stays as it was.

A full ruamel dump would reflow long flow mappings and move comments; instead the new items
are written as text at the place ruamel's positions give, in the style of the list's last
item. The caller validates the result again (progress-import proves the merged plan equals
the old one plus the new updates).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString

from sipcli.errors import SipError
from sipcli.periods import When

#: One list item to add: its keys and values, in the order they are written.
Entry = list[tuple[str, object]]

#: Text that YAML reads back as itself without quotes (anything else is written quoted).
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 .%()'/_-]*")
_RESERVED = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})


class InsertionError(SipError):
    """The file cannot take the new lines; nothing was changed. One problem per line."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Insertion:
    """New lines to add below one line of a file (and, rarely, a new text for that line)."""

    after: int
    """The 0-based index of the line the new lines go after."""
    indent: int
    lines: list[str]
    replace: str | None = None
    """The new text of line ``after`` itself, when it must change (``status_updates: []``)."""


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _last_line_of(lines: list[str], first: int, deeper_than: int) -> int:
    """Return the last line of the block starting at ``first``: lines indented further."""
    last = first
    for index in range(first + 1, len(lines)):
        if not lines[index].strip():
            continue
        if _indent(lines[index]) <= deeper_than:
            break
        last = index
    return last


def _past_kept_blank_lines(lines: list[str], end: int, block: object) -> int:
    """Move ``end`` past the blank lines that a keep-chomped scalar (``|+``) ending ``block`` owns.

    Such a scalar's text ends with one line break more than the blank lines it keeps;
    inserting above them would take them from it.
    """
    value = _last_scalar(block)
    if not isinstance(value, (LiteralScalarString, FoldedScalarString)):
        return end
    kept = len(value) - len(value.rstrip("\n")) - 1
    while kept > 0 and end + 1 < len(lines) and not lines[end + 1].strip():
        end, kept = end + 1, kept - 1
    return end


def _last_scalar(node: object) -> object:
    while isinstance(node, (CommentedMap, CommentedSeq)) and len(node):
        node = node[next(reversed(node))] if isinstance(node, CommentedMap) else node[-1]
    return node


def list_insertion(
    item: CommentedMap, key: str, item_id: str, entries: list[Entry], lines: list[str], file: str
) -> Insertion:
    """Return where and how to add ``entries`` to the list under ``item[key]``, as new lines.

    The list may be missing (the key is added at the end of the item), empty (``[]``, ``~``
    or nothing after the key) or a block list (the entries go below its last item, in the
    style of that item).

    Raises:
        InsertionError: when the item or the list is written in a way new lines cannot join.
    """
    where = f"{file}:{item.lc.line + 1}"
    if item.fa.flow_style():
        raise InsertionError(
            [
                f"{where}: {item_id} is written on one line in braces; write it as a block (one key per line) to import into it"
            ]
        )
    existing = item.get(key)
    if key not in item:
        column = item.lc.col
        end = _past_kept_blank_lines(lines, _last_line_of(lines, item.lc.line, column - 1), item)
        header = " " * column + f"{key}:"
        return Insertion(end, column, [header, *_items(entries, column + 2, flow=True)])
    key_line, key_column = item.lc.key(key)
    emptied = _without_empty_value(lines[key_line], key)
    empty = existing is None or (isinstance(existing, CommentedSeq) and not existing)
    if empty and emptied is not None:
        replace = emptied if emptied != lines[key_line] else None
        return Insertion(
            key_line, key_column + 2, _items(entries, key_column + 2, flow=True), replace
        )
    if not isinstance(existing, CommentedSeq) or not existing or existing.fa.flow_style():
        raise InsertionError(
            [
                f"{file}:{key_line + 1}: the {key} of {item_id} are not a block list; write one '- ' item per line to import into it"
            ]
        )
    line, column = existing.lc.item(len(existing) - 1)
    dash = lines[line].rfind("-", 0, column)
    if dash < 0 or lines[line][dash + 1 : column].strip():
        raise InsertionError(
            [
                f"{file}:{line + 1}: cannot find where the last item of {item_id}'s {key} starts; put '- ' before it on its line"
            ]
        )
    last = existing[-1]
    flow = not isinstance(last, CommentedMap) or last.fa.flow_style()
    end = _past_kept_blank_lines(lines, _last_line_of(lines, line, dash), last)
    return Insertion(end, dash, _items(entries, dash, flow=flow))


_EMPTY_VALUES = frozenset({"", "[]", "~", "null", "Null", "NULL"})


def _without_empty_value(line: str, key: str) -> str | None:
    """``key: []  # note`` without its ``[]`` (or ``~``, ``null``), comment kept.

    The line itself when the key has no value written; None when it holds anything else.
    """
    head, _, rest = line.partition(f"{key}:")
    value, hash_sign, comment = rest.partition("#")
    if value.replace(" ", "") not in _EMPTY_VALUES:
        return None
    if not value.strip():
        return line
    return f"{head}{key}:" + (f"  #{comment}" if hash_sign else "")


def _items(entries: list[Entry], indent: int, *, flow: bool) -> list[str]:
    lines = []
    for entry in entries:
        pairs = [(key, yaml_scalar(value)) for key, value in entry]
        if flow:
            lines.append(" " * indent + "- {" + ", ".join(f"{k}: {v}" for k, v in pairs) + "}")
            continue
        lines.append(" " * indent + f"- {pairs[0][0]}: {pairs[0][1]}")
        lines += [" " * (indent + 2) + f"{k}: {v}" for k, v in pairs[1:]]
    return lines


def yaml_scalar(value: object) -> str:
    """Return ``value`` as YAML that reads back as the same value: plain when safe, else quoted.

    A period (a `When` such as "SY2026-27 Q2") is written as its text, not as its date.
    """
    if isinstance(value, When) and value.is_period:
        return yaml_scalar(value.text)  # a period is written as the plan wrote it: Q2, EOY
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    text = str(value)
    if _PLAIN.fullmatch(text) and text.lower() not in _RESERVED and not text.endswith(" "):
        return text
    return _NOT_PRINTABLE.sub(_escape, json.dumps(text, ensure_ascii=False))


# Characters JSON leaves as they are but YAML must not meet raw: C1 controls (a raw U+0085 is
# a line break to some YAML readers), the line and paragraph separators, lone surrogates and
# the non-characters; each is written as a YAML escape inside the double quotes.
_NOT_PRINTABLE = re.compile("[\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def apply_insertions(lines: list[str], insertions: list[Insertion]) -> str:
    """Return ``lines`` with every insertion made, as one text; no existing line moves within."""
    merged = list(lines)
    # Bottom up, so earlier line numbers stay right; at one place the shallower block goes in
    # first and ends below the deeper one (a benchmark's updates before its goal's key).
    for insertion in sorted(insertions, key=lambda i: (-i.after, i.indent)):
        if insertion.replace is not None:
            merged[insertion.after] = insertion.replace
        merged[insertion.after + 1 : insertion.after + 1] = insertion.lines
    return "\n".join(merged)
