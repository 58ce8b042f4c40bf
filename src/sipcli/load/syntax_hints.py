"""Explain a YAML syntax error in plain words, at the line the user must change.

The parser notices a mistake where it can no longer read on, which is often the line after
the real one: a key indented one level too far is reported at the next ':', a key missing
its ':' on the line below it, an unclosed quote at the end of the file. This module reads the
file's lines the way a person does (which line opens which section, at how many spaces) and
names the line to change and what to change on it: "'target:' is indented 6 spaces; as a
key of goal G1 it belongs at 4 spaces, like 'owner:' above it".

Which keys belong in which section comes from ``data/plan_keys.json``, a list of the plan
model's keys generated from the model (this package sits below the model and cannot import
it). It is only consulted for a file that looks like a plan, never for ``.sip.yaml``.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from typing import Any

#: A key at the start of a line's content: plain words, or a quoted text, then ':'.
_KEY = re.compile(
    r"""(?P<key>"[^"]*"|'[^']*'|[^\s#'"\[\]{}:,&*!|>%@`-][^#]*?|-[^\s#][^#]*?)[ ]*:(?:[ ]+|$)"""
)
_BLOCK_SCALAR = re.compile(r"[|>][-+0-9]*\s*(?:#.*)?$")
_COMMENT = re.compile(r"(?:^|\s+)#.*$")
#: Keys that show a file is a plan, so that the plan's keys may be used to place a line.
_PLAN_KEYS = frozenset({"schema_version", "school", "plan"})


@dataclass(frozen=True)
class Hint:
    """A plain explanation of a syntax error and the 1-based place it points at."""

    line: int
    column: int
    message: str


@dataclass(frozen=True)
class _Line:
    """One line of content: where it starts, whether it is a list item, its key and value."""

    number: int  # 1-based
    indent: int  # spaces before the content (before the '- ' of a list item)
    dash: bool
    column: int  # 0-based column of the key or text, after any '- '
    key: str | None
    value: str  # the text after 'key:', or the whole content when there is no key
    text: str  # the content, without the indentation


@dataclass
class _Frame:
    """An open section while reading down the file: a set of keys or a list of items."""

    kind: str  # "map" or "seq"
    column: int  # where its keys (or its items' dashes) sit
    path: tuple[str, ...]  # the keys leading to it
    name: str  # how a person names it: "school", "goal G1", "goal G1's target"
    first: _Line | None = None  # its first line
    keys: list[_Line] = field(default_factory=list)  # its keys so far
    items: int = 0  # a list's items so far
    opened_at: int = 0  # the column of the key that opens it


# --- reading the lines ------------------------------------------------------------------------


def _read_lines(lines: list[str]) -> list[_Line]:
    """Return the lines that hold content, skipping comments and block-scalar text."""
    result: list[_Line] = []
    text_above: int | None = None  # the indentation a block scalar's text must exceed
    for number, raw in enumerate(lines, start=1):
        content = raw.lstrip(" ")
        indent = len(raw) - len(content)
        if not content.strip() or content.startswith("#"):
            continue
        if text_above is not None and indent > text_above:
            continue
        text_above = None
        line = _parse_line(number, indent, content.rstrip())
        result.append(line)
        if line.key is not None and _BLOCK_SCALAR.match(line.value):
            text_above = line.indent
    return result


def _parse_line(number: int, indent: int, content: str) -> _Line:
    dash = content == "-" or content.startswith("- ")
    rest = content[1:].lstrip(" ") if dash else content
    column = indent + (len(content) - len(rest))
    match = _KEY.match(rest)
    if match is None:
        return _Line(number, indent, dash, column, None, rest, content)
    key = match.group("key").strip("'\"")
    value = rest[match.end() :]
    if not value.startswith(("'", '"')):
        value = _COMMENT.sub("", value)
    return _Line(number, indent, dash, column, key, value.strip(), content)


def _opens_section(line: _Line) -> bool:
    return line.key is not None and line.value == ""


# --- the sections open at a line --------------------------------------------------------------


def _frames_before(content: list[_Line], stop: int) -> tuple[list[_Frame], list[_Frame]]:
    """Return the sections open just before line ``stop`` and all sections seen up to it."""
    frames = [_Frame("map", 0, (), "the top level")]
    seen = [frames[0]]
    opener: _Line | None = None
    for line in content:
        if line.number >= stop:
            break
        while len(frames) > 1 and frames[-1].column > line.indent:
            frames.pop()
        top = frames[-1]
        if line.dash:
            if not (top.kind == "seq" and top.column == line.indent):
                key = opener.key if opener is not None and opener.key else "item"
                at = opener.column if opener is not None else -1  # -1: no key opens it
                top = _Frame("seq", line.indent, (*top.path, key), key, line, opened_at=at)
                frames.append(top)
                seen.append(top)
            top.items += 1
            item = _Frame("map", line.column, top.path, _item_name(top, line), first=line)
            frames.append(item)
            seen.append(item)
            top = item
        elif line.indent > top.column or top.kind == "seq":
            key = opener.key if opener is not None and opener.key else "item"
            top = _Frame("map", line.indent, (*top.path, key), _child_name(top, key), first=line)
            frames.append(top)
            seen.append(top)
        if line.key is not None:
            top.keys.append(line)
            if line.key == "id" and line.value and top.first is not None and top.first.dash:
                top.name = f"{_singular(top.path[-1])} {line.value}"
        opener = line if _opens_section(line) else None
    return frames, seen


def _item_name(sequence: _Frame, line: _Line) -> str:
    noun = _singular(sequence.path[-1])
    if line.key == "id" and line.value:
        return f"{noun} {line.value}"
    if line.key is not None and 0 < len(line.value) <= 40:
        return f"the {noun} '{line.key}: {line.value}'"
    return f"{noun} number {sequence.items}"


def _child_name(parent: _Frame, key: str) -> str:
    return key if not parent.path else f"{parent.name}'s {key}"


def _singular(key: str) -> str:
    words = key.replace("_", " ")
    if words.endswith("ies"):
        return words[:-3] + "y"
    if words.endswith("s") and not words.endswith("ss"):
        return words[:-1]
    return words


def _step(seen: list[_Frame]) -> int:
    """The file's usual indentation step: how much further a section's keys sit than its key."""
    steps = Counter(
        frame.column - frame.first.indent
        for frame in seen
        if frame.first is not None and frame.kind == "map" and not frame.first.dash
    )
    del steps[0]
    return steps.most_common(1)[0][0] if steps else 2


def _owner_indent(frame: _Frame, frames: list[_Frame]) -> int:
    """The column of the section holding the key that opens ``frame`` (0 at the top)."""
    index = frames.index(frame)
    return frames[index - 1].column if index > 0 else 0


# --- the plan's keys --------------------------------------------------------------------------


@lru_cache(maxsize=1)
def _plan_models() -> dict[str, Any]:
    text = files("sipcli").joinpath("data").joinpath("plan_keys.json").read_text("utf-8")
    return dict(json.loads(text))


def _keys_at(path: tuple[str, ...]) -> set[str] | None:
    """The keys the plan allows in the section at ``path``, or None when it does not say."""
    data = _plan_models()
    models: set[str] = {data["root"]}
    for key in path:
        following: set[str] = set()
        for model in models:
            following.update(data["models"][model].get(key, []))
        if not following:
            return None
        models = following
    return {key for model in models for key in data["models"][model]}


def _belongs(key: str, frame: _Frame, is_plan: bool) -> bool:
    if not is_plan or frame.kind != "map":
        return False
    allowed = _keys_at(frame.path)
    return allowed is not None and key in allowed


# --- the explanations -------------------------------------------------------------------------


def explain(
    problem: str,
    context: str | None,
    problem_at: tuple[int, int] | None,
    context_at: tuple[int, int] | None,
    lines: list[str],
) -> Hint | None:
    """Return a plain explanation of a YAML syntax error, or None when there is none.

    ``problem_at`` and ``context_at`` are the parser's 1-based marks; ``lines`` the file's.
    """
    content = _read_lines(lines)
    context = context or ""
    if "while scanning a quoted scalar" in context and context_at is not None:
        return _unclosed_quote(lines, context_at)
    if problem_at is None:
        return None
    return (
        _quote_closed_on(lines, content, problem_at[0])
        or _by_context(lines, content, context, context_at)
        or _by_problem(lines, content, problem, problem_at)
    )


def _by_context(
    lines: list[str], content: list[_Line], context: str, at: tuple[int, int] | None
) -> Hint | None:
    """Explain by what the parser was reading: a key, or a '[...]' or '{...}'."""
    if at is None:
        return None
    if "while scanning a simple key" in context:
        return _missing_colon(content, at)
    if "flow sequence" in context or "flow mapping" in context:
        return _unclosed_flow(lines, context, at)
    return None


def _by_problem(
    lines: list[str], content: list[_Line], problem: str, at: tuple[int, int]
) -> Hint | None:
    """Explain by what the parser found where it stopped."""
    if "expected a comment or a line break" in problem:
        return _text_after_block_header(lines, at)
    if "expected '<document start>'" in problem:
        return _indented_top_level(content)
    text_block = _inside_text_block(lines, content, at[0])
    if text_block is not None:
        return text_block
    if "mapping values are not allowed" in problem:
        return _unexpected_colon(content, at)
    if "cannot start any token" in problem:
        return _reserved_character(lines, problem, at)
    if problem.startswith(("expected <block end>", "did not find expected")):
        line = next((item for item in content if item.number == at[0]), None)
        return _misplaced(content, line) if line is not None else None
    return None


def _is_plan(content: list[_Line]) -> bool:
    return any(line.indent == 0 and line.key in _PLAN_KEYS for line in content)


def _quoted(key: str | None, value: str) -> str:
    quoted = f'"{value}"' if '"' not in value else "'" + value.replace("'", "''") + "'"
    return f"{key}: {quoted}" if key else quoted


def _unexpected_colon(content: list[_Line], at: tuple[int, int]) -> Hint | None:
    line = next((item for item in content if item.number == at[0]), None)
    if line is None:
        return None
    key_colon = line.column + len(line.text) - len(line.text.lstrip()) + 1
    if line.key is not None and at[1] > key_colon + len(line.key) + 1:
        return Hint(
            line.number,
            at[1],
            f"The text after '{line.key}:' contains ': ', and YAML reads ': ' as the end of "
            f"a key, so it cannot tell where this value ends. Put the whole value in quotes: "
            f"{_quoted(line.key, line.value)}",
        )
    above = next((item for item in reversed(content) if item.number < line.number), None)
    if above is not None and above.key is None and not above.dash and line.indent <= above.indent:
        # The line above is text with no ':' that YAML ran on into this line's key.
        return _missing_colon(content, (above.number, above.column + 1))
    if line.key is None and not line.dash:
        return Hint(
            line.number,
            at[1],
            "A ': ' appears where YAML did not expect one. If the text contains ': ', put the "
            "whole value in quotes; otherwise check this line's indentation.",
        )
    return _misplaced(content, line)


def _misplaced(content: list[_Line], line: _Line) -> Hint | None:
    """Explain a line whose indentation fits none of the sections open above it."""
    frames, seen = _frames_before(content, line.number)
    is_plan = _is_plan(content)
    # The file's habits are read from all of it, the lines below the mistake too.
    whole_file = _frames_before(content, content[-1].number + 1)[1]
    step = _step(whole_file)
    above = next((item for item in reversed(content) if item.number < line.number), None)
    if above is None:
        return None
    top = [frame for frame in frames if frame.column <= line.indent][-1]
    if line.dash:
        return _misplaced_item(line, frames, whole_file, step) or _fits_nothing(line, frames)
    if line.key is None:
        return _fits_nothing(line, frames)
    if top.kind == "seq" and line.indent == top.column:
        return _missing_dash(line, top, frames, is_plan)
    if line.indent > above.indent and not _opens_section(above):
        early = _left_too_early(above, frames, seen, line, is_plan)
        if early is not None:
            return early
        candidates = [frame for frame in reversed(frames) if frame.kind == "map"]
        return _belongs_at(line, _choose(line, candidates, is_plan), "above")
    deeper = [frame for frame in frames if frame.column > line.indent and frame.kind == "map"]
    outer = [frame for frame in frames if frame.column < line.indent and frame.kind == "map"]
    if deeper and outer:
        block = deeper[0]
        expected = _owner_indent(block, frames) + step
        if line.indent == expected and block.column != expected and block.first is not None:
            return _block_misindented(block, line, expected)
    candidates = [*reversed(deeper), *reversed(outer)]
    candidates.sort(key=lambda frame: abs(frame.column - line.indent))
    if not candidates:
        return None
    return _belongs_at(line, _choose(line, candidates, is_plan), "above")


def _left_too_early(
    above: _Line, frames: list[_Frame], seen: list[_Frame], line: _Line, is_plan: bool
) -> Hint | None:
    """Blame the line above when it, not this one, is too shallow.

    'as_of:' moved out of school's snapshot makes the next key of the snapshot look
    indented too far; the plan's keys say which of the two lines left its section.
    """
    closed = [frame for frame in seen if frame not in frames and frame.column == line.indent]
    if not closed or above.key is None:
        return None
    home = closed[-1]
    if _belongs(above.key, home, is_plan) and not _belongs(above.key, frames[-1], is_plan):
        return _belongs_at(above, home, "above")
    return None


def _fits_nothing(line: _Line, frames: list[_Frame]) -> Hint:
    """Say plainly that a line's indentation matches none of the sections open above it."""
    levels = sorted({frame.column for frame in frames})
    shown = ", ".join(_spaces(level) for level in levels)
    return Hint(
        line.number,
        line.indent + 1,
        f"This line is indented {_spaces(line.indent)}, which lines it up with none of the "
        f"sections above it (their lines start at {shown}). Indent it like the other lines "
        "of the section it belongs to.",
    )


def _misplaced_item(
    line: _Line, frames: list[_Frame], seen: list[_Frame], step: int
) -> Hint | None:
    """Explain a list item whose '- ' is not in line with the other items of its list."""
    sequence = next((frame for frame in frames if frame.kind == "seq"), None)
    if sequence is None or sequence.first is None:
        return None
    owner = sequence.opened_at if sequence.opened_at >= 0 else _owner_indent(sequence, frames)
    first = sequence.first
    usual = _list_steps(seen, sequence) or {0, step}
    if line.indent - owner in usual and sequence.column - owner not in usual:
        last = max(item.number for item in _lines_of(frames, sequence))
        return Hint(
            first.number,
            first.indent + 1,
            f"'{first.text}' is indented {_spaces(first.indent)}; the items of "
            f"{sequence.path[-1]} belong at {_spaces(line.indent)}, like '{line.text}' below "
            f"it (line {line.number}). Move {_line_range(first.number, last)} "
            f"{_spaces(abs(first.indent - line.indent))} to the "
            f"{'left' if first.indent > line.indent else 'right'}.",
        )
    return Hint(
        line.number,
        line.indent + 1,
        f"'{line.text}' is indented {_spaces(line.indent)}; as the next item of "
        f"{sequence.path[-1]} it belongs at "
        f"{_spaces(sequence.column)}, like '{first.text}' above it (line {first.number}).",
    )


def _list_steps(seen: list[_Frame], sequence: _Frame) -> set[int]:
    """How far the file's other lists put their '- ' past the key that opens them."""
    return {
        frame.column - frame.opened_at
        for frame in seen
        if frame.kind == "seq"
        and frame.path != sequence.path
        and 0 <= frame.opened_at <= frame.column
    }


def _lines_of(frames: list[_Frame], sequence: _Frame) -> list[_Line]:
    """The lines of ``sequence`` read so far: its first line and its items' keys."""
    index = frames.index(sequence)
    found = [sequence.first] if sequence.first is not None else []
    for frame in frames[index + 1 :]:
        found.extend(frame.keys)
    return found


def _choose(line: _Line, candidates: list[_Frame], is_plan: bool) -> _Frame:
    """The section a key belongs to: the nearest that the plan allows it in, else the nearest."""
    key = line.key or ""
    return next((frame for frame in candidates if _belongs(key, frame, is_plan)), candidates[0])


def _belongs_at(line: _Line, frame: _Frame, where: str) -> Hint:
    sibling = next((key for key in reversed(frame.keys) if key.number < line.number), None)
    like = f", like '{sibling.key}:' {where} it" if sibling is not None else ""
    section = "a top-level key" if not frame.path else f"a key of {frame.name}"
    return Hint(
        line.number,
        line.indent + 1,
        f"'{line.key}:' is indented {_spaces(line.column)}; as {section} it belongs at "
        f"{_spaces(frame.column)}{like}.",
    )


def _block_misindented(block: _Frame, line: _Line, expected: int) -> Hint:
    first = block.first
    assert first is not None
    lines = _line_range(first.number, block.keys[-1].number)
    return Hint(
        first.number,
        first.indent + 1,
        f"'{first.key}:' is indented {_spaces(first.column)}; as a key of {_parent_name(block)} "
        f"it belongs at {_spaces(expected)}, like '{line.key}:' below it (line {line.number}). "
        f"Move {lines} to {_spaces(expected)}.",
    )


def _parent_name(block: _Frame) -> str:
    return block.name


def _missing_dash(line: _Line, sequence: _Frame, frames: list[_Frame], is_plan: bool) -> Hint:
    index = frames.index(sequence)
    item = frames[index + 1] if index + 1 < len(frames) else None
    first_key = item.keys[0].key if item is not None and item.keys else None
    noun = _singular(sequence.path[-1])
    if item is not None and line.key != first_key:
        if _belongs(line.key or "", item, is_plan):
            return _belongs_at(line, item, "above")
        outer = [frame for frame in reversed(frames[:index]) if frame.kind == "map"]
        home = next((frame for frame in outer if _belongs(line.key or "", frame, is_plan)), None)
        if home is not None:
            return _belongs_at(line, home, "above")
    return Hint(
        line.number,
        line.indent + 1,
        f"'{line.text}' looks like the start of a new {noun}, but it has no '- '. In a list, "
        f"each item starts with '- ': write '- {line.text}' at {_spaces(line.indent)}, and "
        f"indent its other keys by {_spaces(line.indent + 2)}.",
    )


def missing_dash_for_duplicate(lines: list[str], section_at: int, key_at: int) -> str | None:
    """Explain a duplicate key that is really a list item written without its '- '.

    ``section_at`` is the 1-based line of the mapping holding both keys, ``key_at`` the line
    of the second key. Returns None when the duplicate is not that mistake.
    """
    content = _read_lines(lines)
    start = next((item for item in content if item.number == section_at), None)
    again = next((item for item in content if item.number == key_at), None)
    if start is None or again is None or not start.dash or start.key != again.key:
        return None
    frames, _ = _frames_before(content, key_at)
    sequence = next((frame for frame in reversed(frames) if frame.kind == "seq"), None)
    noun = _singular(sequence.path[-1]) if sequence is not None else "item"
    return (
        f"'{again.text}' looks like the start of a new {noun}, but it has no '- ', so YAML "
        f"reads it as a second '{again.key}' of the {noun} that starts at line {section_at}. "
        f"Write it as a new item: '- {again.text}', with the '- ' at {_spaces(start.indent)} "
        f"like line {section_at}, and the item's other keys at {_spaces(start.column)}."
    )


def _missing_colon(content: list[_Line], at: tuple[int, int]) -> Hint | None:
    line = next((item for item in content if item.number == at[0]), None)
    if line is None or line.key is not None:
        return None
    word, _, rest = line.value.partition(" ")
    frames, _ = _frames_before(content, line.number)
    known = _belongs(word, frames[-1], _is_plan(content)) or any(
        _belongs(word, frame, _is_plan(content)) for frame in frames
    )
    if rest and known:
        fix = f"Write '{word}: {rest}'."
    elif not rest and _opens_below(content, line):
        fix = f"Write '{word}:' to open the section under it."
    elif not rest:
        fix = f"Write '{word}:' if it opens a section, or '{word}: <its value>'."
    else:
        fix = "Write the key, then ':' and a space, then the value (as in 'name: Test School')."
    return Hint(
        line.number,
        line.column + 1,
        f"'{line.value}' has no ':' after its key, so YAML cannot tell the key from its value "
        f"and reads on into the next line. {fix}",
    )


def _text_after_block_header(lines: list[str], at: tuple[int, int]) -> Hint | None:
    text = lines[at[0] - 1] if at[0] <= len(lines) else ""
    line = _parse_line(at[0], 0, text.strip())
    if line.key is None:
        return None
    header = line.value.split(" ")[0]
    return Hint(
        at[0],
        at[1],
        f"'{header}' after '{line.key}:' starts a block of text on the lines below, so "
        "nothing else may follow it on this line. Move the text to the next line, indented "
        "further than the key, or remove the block marker and put the text in quotes.",
    )


def _indented_top_level(content: list[_Line]) -> Hint | None:
    first = content[0] if content else None
    sibling = next((item for item in content if item.indent == 0 and item.key), None)
    if first is None or first.indent == 0 or first.key is None:
        return None
    like = f", like '{sibling.key}:' below it" if sibling is not None else ""
    return Hint(
        first.number,
        first.indent + 1,
        f"'{first.key}:' is indented {_spaces(first.indent)}; as a top-level key it belongs "
        f"at the start of the line (no spaces){like}.",
    )


def _inside_text_block(lines: list[str], content: list[_Line], number: int) -> Hint | None:
    """Explain a line of a block of text ('|' or '>') indented less than the block's first line."""
    if any(item.number == number for item in content) or number > len(lines):
        return None
    owner = next((item for item in reversed(content) if item.number < number), None)
    if owner is None or owner.key is None or not _BLOCK_SCALAR.match(owner.value):
        return None
    first = next((n for n in range(owner.number + 1, number + 1) if lines[n - 1].strip()), number)
    start = len(lines[first - 1]) - len(lines[first - 1].lstrip(" "))
    here = len(lines[number - 1]) - len(lines[number - 1].lstrip(" "))
    return Hint(
        number,
        here + 1,
        f"This line is part of the text of '{owner.key}:' (line {owner.number}), whose first "
        f"line (line {first}) starts at {_spaces(start)}; this one starts at {_spaces(here)}. "
        "Every line of the text must start at the same place as its first line.",
    )


def _opens_below(content: list[_Line], line: _Line) -> bool:
    below = next((item for item in content if item.number > line.number), None)
    return below is not None and below.indent > line.indent


def _unclosed_quote(lines: list[str], at: tuple[int, int], closed_on: int | None = None) -> Hint:
    line, column = at
    text = lines[line - 1] if line <= len(lines) else ""
    mark = text[column - 1 : column] or '"'
    reads = (
        "the rest of the file"
        if closed_on is None
        else f"the next lines, up to the {mark} on line {closed_on},"
    )
    return Hint(
        line,
        column,
        f"The text that starts with {mark} here is not closed on its line, so YAML reads "
        f"{reads} as part of it. Add the closing {mark} where the text ends: "
        f"{text.strip()}{mark}",
    )


def _quote_closed_on(lines: list[str], content: list[_Line], error_line: int) -> Hint | None:
    """Blame a quote left open on an earlier line and closed, by accident, on the error's line."""
    for line in reversed(content):
        if line.number >= error_line:
            continue
        mark = line.value[:1]
        if mark not in ("'", '"') or line.value.count(mark) != 1:
            continue
        closing = next(
            (n for n in range(line.number + 1, error_line + 1) if mark in lines[n - 1]), None
        )
        if closing == error_line:
            column = lines[line.number - 1].index(mark) + 1
            return _unclosed_quote(lines, (line.number, column), error_line)
        return None
    return None


def _unclosed_flow(lines: list[str], context: str, at: tuple[int, int] | None) -> Hint | None:
    if at is None:
        return None
    opening, closing, what = (
        ("[", "]", "list") if "sequence" in context else ("{", "}", "set of keys")
    )
    text = lines[at[0] - 1].rstrip() if at[0] <= len(lines) else ""
    return Hint(
        at[0],
        at[1],
        f"The {what} opened with '{opening}' here is not closed with '{closing}', so YAML "
        f"reads the next lines as part of it. Add '{closing}' after its last item: "
        f"{text.strip()}{closing}",
    )


def _reserved_character(lines: list[str], problem: str, at: tuple[int, int]) -> Hint | None:
    found = re.search(r"found character '(.)'", problem)
    if found is None:
        return None
    text = lines[at[0] - 1] if at[0] <= len(lines) else ""
    line = _parse_line(at[0], 0, text.strip())
    if line.key is None or not line.value.startswith(found.group(1)):
        return None
    return Hint(
        at[0],
        at[1],
        f"A value cannot start with '{found.group(1)}' (YAML keeps that character for itself). "
        f"Put the value in quotes: {_quoted(line.key, line.value)}",
    )


def tab_fix(lines: list[str], line_number: int) -> str | None:
    """Say how many spaces a tab-indented line should have, judging by the lines above it."""
    content = _read_lines(lines[: line_number - 1])
    if not content:
        return None
    above = content[-1]
    if _opens_section(above):
        _, seen = _frames_before(content, line_number)
        spaces = above.column + _step(seen)
        return f"Replace the tab with {_spaces(spaces)}, to indent it under '{above.key}:' (line {above.number})."
    name = f"'{above.key}:'" if above.key else f"line {above.number}"
    return f"Replace the tab with {_spaces(above.column)}, like {name} above it."


def _line_range(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _spaces(count: int) -> str:
    return "no spaces" if count == 0 else f"{count} space" + ("s" if count != 1 else "")
