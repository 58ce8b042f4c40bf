"""The navigation behind `sip lsp`, tested directly: definition, references, rename, hover, outline.

The analysis (`sipcli.editing.Analysis`) is checked against an oracle read here with ruamel
on its own: where each item's id is written and where each reference field names one. The
plans are the shipped examples and small plans written for these tests.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.editing import Analysis, Span
from sipcli.editing.index import DESE_GROUPS, REFERENCE_FIELDS
from sipcli.model import Plan
from sipcli.model.introspect import models_below

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
MIDDLE = ROOT / "examples" / "middle.yaml"
COUNCIL = ROOT / "examples" / "school-council.yaml"

#: A small plan in our own words with a reference in every kind of reference field, among
#: them the ones no example uses (a baseline's data_ref). It need not validate: the analysis
#: works on plans that are still being written.
SMALL = """\
schema_version: 1
student_groups:
  - id: newcomers
    label: Newcomer students
assessment:
  current_state:
    - {id: D1, description: Share of readers on grade level, value: 30}
    - id: D2
      description: Days missed per student
  assets:
    - {id: A1, statement: A staff that stays, data_refs: [D2]}
  challenges:
    - id: C1
      statement: Few students read on grade level.
      data_refs: [D1, D2]
    - id: C2
      statement: Attendance falls in the winter.
      data_refs:
        - D2
  root_causes:
    - id: RC1
      statement: Reading lessons follow no shared plan.
      challenge_refs: [C1]
strategic_objectives:
  - id: O1
    title: A shared reading plan
    root_cause_refs: [RC1]
    turnaround_practices: [TP2]
    initiatives:
      - id: I1.1
        title: Weekly planning for reading
goals:
  - id: G1
    statement: Readers on grade level rise from 30% to 40%.
    objective_refs: [O1]
    student_group: newcomers
    baseline: {value: 30, period: spring 2026, data_ref: D1}
    benchmarks:
      - id: G1.B1
        statement: Every reading teacher plans with the team each week.
        type: process
        due: [2026-10-30]
        initiative_refs: [I1.1]
executive_summary:
  key_strategies:
    - {text: One plan for reading, objective_ref: O1}
implementation:
  action_steps:
    - {description: Start the planning meetings, due: 2026-09-10, initiative_ref: I1.1}
monitoring:
  calendar:
    - {date: 2026-11-01, title: Fall review, level: school, benchmark_refs: [G1.B1], goal_refs: [G1]}
"""

#: Where the items of each kind are listed: the path to the list, then each item's list below.
_ITEM_LISTS: dict[str, tuple[tuple[str, ...], ...]] = {
    "data point": (("assessment", "current_state"),),
    "asset": (("assessment", "assets"),),
    "challenge": (("assessment", "challenges"),),
    "root cause": (("assessment", "root_causes"),),
    "strategic objective": (("strategic_objectives",),),
    "initiative": (("strategic_objectives",), ("initiatives",)),
    "goal": (("goals",),),
    "benchmark": (("goals",), ("benchmarks",)),
    "student group": (("student_groups",),),
}

Place = tuple[int, int]


@dataclass(frozen=True)
class Written:
    """What the oracle read: each kind's ids and where each is written; every reference."""

    definitions: dict[str, dict[str, Place]]
    references: list[tuple[str, str, Place]]
    """(field, id, where) for every id a reference field names, in no particular order."""

    def defined_at(self, identifier: str, kinds: tuple[str, ...]) -> Place | None:
        """Where ``identifier`` is defined as one of ``kinds``."""
        return next(
            (self.definitions[k][identifier] for k in kinds if identifier in self.definitions[k]),
            None,
        )


def read(text: str) -> Written:
    """The oracle: ids and references read with ruamel alone, not with sipcli.editing."""
    data = YAML(typ="rt").load(text)
    definitions: dict[str, dict[str, Place]] = {}
    for kind, steps in _ITEM_LISTS.items():
        found: dict[str, Place] = {}
        for item in _items(data, steps):
            if isinstance(item.get("id"), str):
                found.setdefault(item["id"], _value_place(text, item, "id"))
        definitions[kind] = found
    references: list[tuple[str, str, Place]] = []
    _collect_references(data, text, references)
    return Written(definitions, references)


def _items(data: Any, steps: tuple[tuple[str, ...], ...]) -> list[CommentedMap]:
    nodes: list[Any] = [data]
    for step in steps:
        lists: list[CommentedSeq] = []
        for node in nodes:
            current = node
            for key in step:
                current = current.get(key) if isinstance(current, CommentedMap) else None
            if isinstance(current, CommentedSeq):
                lists.append(current)
        nodes = [item for found in lists for item in found if isinstance(item, CommentedMap)]
    return nodes


def _value_place(text: str, node: CommentedMap, key: str) -> Place:
    line, column = node.lc.value(key)
    return _unquoted(text, line, column)


def _unquoted(text: str, line: int, column: int) -> Place:
    quoted = text.splitlines()[line][column : column + 1] in ("'", '"')
    return line, column + 1 if quoted else column


def _collect_references(node: Any, text: str, found: list[tuple[str, str, Place]]) -> None:
    if isinstance(node, CommentedSeq):
        for item in node:
            _collect_references(item, text, found)
        return
    if not isinstance(node, CommentedMap):
        return
    for key, value in node.items():
        is_reference = isinstance(key, str) and key.endswith(("_ref", "_refs"))
        if key == "student_group" and isinstance(value, str) and value not in DESE_GROUPS:
            is_reference = True
        if is_reference and isinstance(value, str):
            found.append((key, value, _value_place(text, node, key)))
        elif is_reference and isinstance(value, CommentedSeq):
            for position, item in enumerate(value):
                if isinstance(item, str):
                    found.append((key, item, _unquoted(text, *value.lc.item(position))))
        else:
            _collect_references(value, text, found)


def analysed(text: str) -> Analysis:
    """The analysis of a text that parses."""
    analysis = Analysis.of(text)
    assert analysis is not None
    return analysis


def span_at(place: Place, identifier: str) -> Span:
    """The span of ``identifier`` written at ``place``."""
    return Span(place[0], place[1], place[0], place[1] + len(identifier))


def line_of(text: str, needle: str) -> int:
    """The 0-based number of the first line of ``text`` holding ``needle``."""
    return next(number for number, line in enumerate(text.splitlines()) if needle in line)


def _sources() -> dict[str, str]:
    return {
        **{path.name: path.read_text(encoding="utf-8") for path in EXAMPLES},
        "small plan": SMALL,
    }


SOURCES = _sources()


# --- definition ---------------------------------------------------------------------------


def test_the_reference_fields_are_every_reference_field_of_the_model() -> None:
    written = {
        name
        for model in models_below(Plan)
        for name in model.model_fields
        if name.endswith(("_ref", "_refs"))
    }
    assert written == set(REFERENCE_FIELDS) - {"student_group"}


@pytest.mark.parametrize("field", sorted(REFERENCE_FIELDS))
def test_definition_of_a_reference_lands_on_the_id_it_names(field: str) -> None:
    checked = 0
    for name, text in SOURCES.items():
        analysis = analysed(text)
        written = read(text)
        for key, identifier, place in written.references:
            if key != field:
                continue
            target = written.defined_at(identifier, REFERENCE_FIELDS[field])
            assert target is not None, f"{name}: {identifier} names nothing"
            expected = span_at(target, identifier)
            line, column = place
            # The start, the middle and the end of the id all count as on it.
            for at in (column, column + len(identifier) // 2, column + len(identifier)):
                assert analysis.definition(line, at) == expected, (name, field, identifier)
            checked += 1
    assert checked, f"no plan here has a {field}"


def test_definition_on_an_id_is_the_id_itself_and_on_other_text_is_nothing() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    analysis, written = analysed(text), read(text)
    place = written.definitions["root cause"]["RC2"]
    assert analysis.definition(*place) == span_at(place, "RC2")
    statement = line_of(text, "statement: The intervention block")
    assert analysis.definition(statement, 20) is None
    assert analysis.definition(10_000, 0) is None


def test_definition_of_a_reference_to_nothing_is_nothing() -> None:
    text = SMALL.replace("challenge_refs: [C1]", "challenge_refs: [C9]")
    line = line_of(text, "challenge_refs: [C9]")
    analysis = analysed(text)
    assert analysis.definition(line, text.splitlines()[line].index("C9")) is None


def test_a_reference_to_an_id_of_another_kind_prefers_the_right_kind() -> None:
    # The same id for a challenge and a goal: a challenge_refs entry goes to the challenge.
    text = SMALL.replace("- id: G1\n", "- id: C1\n", 1)
    analysis, written = analysed(text), read(text)
    line = line_of(text, "challenge_refs: [C1]")
    column = text.splitlines()[line].index("C1")
    assert analysis.definition(line, column) == span_at(
        written.definitions["challenge"]["C1"], "C1"
    )


def test_quoted_ids_are_found_inside_their_quotes() -> None:
    text = SMALL.replace("challenge_refs: [C1]", 'challenge_refs: ["C1"]')
    text = text.replace("- id: C1\n", "- id: 'C1'\n")
    analysis = analysed(text)
    line = line_of(text, 'challenge_refs: ["C1"]')
    column = text.splitlines()[line].index("C1")
    definition = line_of(text, "- id: 'C1'")
    assert analysis.definition(line, column) == Span(definition, 11, definition, 13)
    assert analysis.references(definition, 11, include_declaration=False) == [
        Span(line, column, line, column + 2)
    ]


def test_windows_line_endings_keep_positions() -> None:
    analysis, written = analysed(SMALL.replace("\n", "\r\n")), read(SMALL)
    for field, identifier, place in written.references:
        target = written.defined_at(identifier, REFERENCE_FIELDS[field])
        assert target is not None
        assert analysis.definition(*place) == span_at(target, identifier)


def test_a_block_list_of_references_is_navigable() -> None:
    text = SMALL.replace(
        "      challenge_refs: [C1]\n", "      challenge_refs:\n        - C1\n        - C2\n"
    )
    analysis, written = analysed(text), read(text)
    line = line_of(text, "        - C2")
    assert analysis.definition(line, 10) == span_at(written.definitions["challenge"]["C2"], "C2")
    assert analysis.references(
        *written.definitions["challenge"]["C2"], include_declaration=False
    ) == [Span(line, 10, line, 12)]


# --- references ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_references_list_every_use_of_every_id(name: str) -> None:
    text = SOURCES[name]
    analysis, written = analysed(text), read(text)
    for kind, ids in written.definitions.items():
        for identifier, place in ids.items():
            uses = sorted(p for _, i, p in written.references if i == identifier)
            expected = [span_at(p, identifier) for p in uses]
            assert analysis.references(*place, include_declaration=False) == expected, (
                kind,
                identifier,
            )
            with_declaration = sorted([*uses, place])
            assert analysis.references(*place, include_declaration=True) == [
                span_at(p, identifier) for p in with_declaration
            ]
            # Asked from any of its uses, the answer is the same.
            for use in uses:
                assert analysis.references(*use, include_declaration=False) == expected


def test_references_away_from_any_id_are_none() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    assert analysed(text).references(line_of(text, "school:"), 2, include_declaration=True) == []


# --- texts that do not parse --------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        "schema_version: [1\n",
        "- a list\n- not a plan\n",
        "goals:\n  - id: G1\n   statement: off by one\n",
        "x" * 5_000_001,
    ],
    ids=["empty", "unclosed", "a list", "bad indent", "too large"],
)
def test_a_text_that_does_not_parse_has_no_analysis(text: str) -> None:
    assert Analysis.of(text) is None


def test_a_byte_order_mark_keeps_positions_right() -> None:
    text = "\ufeff" + SMALL
    analysis, written = analysed(text), read(SMALL)
    # The mark is one more character on the first line only: the key there moves, ids below
    # it do not.
    hover = analysis.hover(0, 3)
    assert hover is not None
    assert hover.span == Span(0, 1, 0, 1 + len("schema_version"))
    place = written.definitions["student group"]["newcomers"]
    assert analysis.definition(*place) == span_at(place, "newcomers")


def test_the_oracle_finds_what_it_should() -> None:
    # The oracle itself, checked once on the small plan, so a broken oracle cannot pass.
    written = read(SMALL)
    assert written.definitions["initiative"] == {"I1.1": (line_of(SMALL, "- id: I1.1"), 12)}
    assert sorted(f for f, _, _ in written.references) == sorted(
        [
            "data_refs",
            "data_refs",
            "data_refs",
            "data_refs",
            "challenge_refs",
            "root_cause_refs",
            "objective_refs",
            "student_group",
            "data_ref",
            "initiative_refs",
            "objective_ref",
            "initiative_ref",
            "benchmark_refs",
            "goal_refs",
        ]
    )
