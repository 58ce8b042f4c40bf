"""`IncrementalParser`: section by section, reusing unchanged sections, the same as `parse`.

Every comparison here is of data AND positions (each mapping's and list's line and column,
each key's and value's), since `sip lsp` reports findings at those positions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.editing.diagnose import diagnose
from sipcli.load.incremental import IncrementalParser, split_sections
from sipcli.load.source import Refusal, parse
from tests.conftest import EXAMPLE_PLANS
from tests.fuzzing import fuzz_profile

ROOT = Path(__file__).resolve().parents[1]
PLANS = [*EXAMPLE_PLANS, ROOT / "examples" / "flawed" / "plan.yaml"]
MIDDLE = (ROOT / "examples" / "middle.yaml").read_text(encoding="utf-8")


def positions(node: Any) -> Any:
    """The node's data with every position it carries, as plain values to compare."""
    if isinstance(node, CommentedMap):
        where = node.lc.data or {}
        return (
            "map",
            (node.lc.line, node.lc.col),
            [(key, tuple(where.get(key, ())), positions(value)) for key, value in node.items()],
        )
    if isinstance(node, CommentedSeq):
        where = node.lc.data or {}
        return (
            "seq",
            (node.lc.line, node.lc.col),
            [(tuple(where.get(index, ())), positions(v)) for index, v in enumerate(node)],
        )
    return (type(node).__name__, node)


def outcome(read: Any, text: str) -> Any:
    """What reading ``text`` gives: its data with positions, or the refusal in full."""
    try:
        return positions(read(text))
    except Refusal as refusal:
        return ("refused", refusal.check.code, refusal.line, refusal.column, refusal.message)


@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: plan.parent.name + "/" + plan.name)
def test_each_example_reads_as_the_whole_text_does(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    assert split_sections(text) is not None, "the example should be read section by section"
    assert outcome(IncrementalParser(), text) == outcome(parse, text)


def test_a_section_that_moves_keeps_its_data_with_its_new_positions() -> None:
    parser = IncrementalParser()
    first = parser(MIDDLE)
    lines = MIDDLE.splitlines(keepends=True)
    school = next(number for number, line in enumerate(lines) if line.startswith("school:"))
    moved = "".join([*lines[: school + 1], "  # a note the team added\n", *lines[school + 1 :]])
    assert outcome(parser, moved) == outcome(parse, moved)
    # Only the school's section was parsed again: the goals are the same objects, moved.
    again = parser(moved)
    assert again["goals"] is first["goals"] and again["school"] is not first["school"]
    assert outcome(parser, MIDDLE) == outcome(parse, MIDDLE)  # and back


@pytest.mark.parametrize(
    "text",
    [
        "---\nschema_version: 1\nschool:\n  name: A\n",  # a document marker
        '"schema_version": 1\nschool:\n  name: A\n',  # a quoted top-level key
        "schema_version: 1\nschool: {name: A,\nid: 2}\n",  # a flow mapping back at column 0
        "schema_version: 1\nschool:\n  name: A\nschool:\n  name: B\n",  # a key twice
        "schema_version: 1\nschool:\n  name: [unclosed\n",  # a syntax error
        "# only a comment\n",
        "",
        "schema_version: 1\r\nschool:\r\n  name: A\r\n",  # Windows line breaks
        "# header\n\nschema_version: 1\n\n# between\nschool:\n  name: A\n",
        "# header\n  name: A\nschool:\n  name: B\n",  # an indented line before any key
    ],
)
def test_what_it_does_not_split_plainly_reads_as_the_loader_reads_it(text: str) -> None:
    assert outcome(IncrementalParser(), text) == outcome(parse, text)


def _edit(text: str, line: int, kind: str, typed: str) -> str:
    lines = text.splitlines(keepends=True) or [""]
    line %= len(lines)
    if kind == "type":
        lines[line] = lines[line].rstrip("\n") + typed + "\n"
    elif kind == "insert":
        lines.insert(line, typed + "\n")
    elif kind == "delete":
        del lines[line]
    else:  # a new line under the same key, as a user adds one
        indent = len(lines[line]) - len(lines[line].lstrip(" "))
        lines.insert(line + 1, " " * indent + typed + "\n")
    return "".join(lines)


EDITS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=10_000),
        st.sampled_from(["type", "insert", "delete", "indent"]),
        st.sampled_from(["x", " ", ":", "# note", "- item", "key: value", "'", "goals:", "  "]),
    ),
    min_size=1,
    max_size=12,
)


@fuzz_profile(30)
@given(plan=st.sampled_from(PLANS), edits=EDITS)
def test_after_any_run_of_edits_it_reads_as_the_whole_text_does(
    plan: Path, edits: list[tuple[int, str, str]]
) -> None:
    # One parser through the whole run, as an open document keeps it.
    parser = IncrementalParser()
    text = plan.read_text(encoding="utf-8")
    assert outcome(parser, text) == outcome(parse, text)
    for line, kind, typed in edits:
        text = _edit(text, line, kind, typed)
        assert outcome(parser, text) == outcome(parse, text)


def test_diagnostics_are_the_same_with_and_without_it(tmp_path: Path) -> None:
    plan = ROOT / "examples" / "flawed" / "plan.yaml"
    text = plan.read_text(encoding="utf-8")
    target = tmp_path / "plan.yaml"
    parser = IncrementalParser()
    lines = text.splitlines(keepends=True)
    for number in range(0, len(lines), max(1, len(lines) // 15)):
        edited = "".join([*lines[:number], "# a comment typed here\n", *lines[number:]])
        assert diagnose(edited, target, parser=parser) == diagnose(edited, target)
        found = diagnose(edited, target, parser=parser)
        assert [(d.line, d.column, d.message) for d in found] == [
            (d.line, d.column, d.message) for d in diagnose(edited, target)
        ]
