"""Completion behind `sip lsp`, and the whole analysis under random half-written text.

Completion offers ids of the kind a reference field names, the values an enumeration allows
and the keys the mapping at the cursor may still take, all from the plan model. The property
test cuts and damages the example plans at random and asks every question at random places:
nothing may raise, and every span handed back must lie on the text.
"""

from __future__ import annotations

import re
from typing import Any, get_args

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic.fields import FieldInfo

from sipcli.editing import Analysis, Completion, RenameRefused, Span, Symbol
from sipcli.editing.fields import is_list
from sipcli.editing.index import DESE_GROUPS, REFERENCE_FIELDS
from sipcli.model import Plan
from sipcli.model.goals import Benchmark, BenchmarkTarget, Unit
from sipcli.model.introspect import models_below
from sipcli.model.types import TurnaroundPractice
from tests.fuzzing import fuzz_profile
from tests.test_editing_analysis import EXAMPLES, MIDDLE, SMALL, analysed, read


def _reference_info() -> dict[str, FieldInfo]:
    """The model field behind each reference field name (the first model that has it)."""
    found: dict[str, FieldInfo] = {}
    for model in models_below(Plan):
        for name, info in model.model_fields.items():
            if name in REFERENCE_FIELDS:
                found.setdefault(name, info)
    return found


REFERENCE_INFO = _reference_info()


def _complete(text: str, needle: str, *, analysis: Analysis | None = None) -> list[Completion]:
    """Complete with the cursor just after ``needle``: a whole line, or else part of one.

    The ids come from ``analysis``, else from the text when it parses, else from `SMALL`:
    in these tests the text being typed is `SMALL` changed, and `SMALL` the last that parsed.
    """
    lines = text.splitlines()
    whole = [number for number, row in enumerate(lines) if row == needle]
    line = whole[0] if whole else next(n for n, row in enumerate(lines) if needle in row)
    column = lines[line].index(needle) + len(needle)
    last_good = analysis or Analysis.of(text) or analysed(SMALL)
    return last_good.completions(text, line, column)


def _labels(found: list[Completion], kind: str | None = None) -> list[str]:
    return [item.label for item in found if kind is None or item.kind == kind]


# --- ids ----------------------------------------------------------------------------------


def test_a_challenge_refs_list_offers_only_challenge_ids() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    found = _complete(text, "challenge_refs: [")
    challenges = list(read(text).definitions["challenge"])
    assert _labels(found) == challenges
    assert {item.kind for item in found} == {"id"}
    assert all(item.detail.startswith("challenge") for item in found)


def test_ids_already_in_the_list_are_not_offered_again() -> None:
    text = SMALL.replace("root_cause_refs: [RC1]", "root_cause_refs: [RC1, ]")
    text = text.replace("challenge_refs: [C1]", "challenge_refs: [C1, ]")
    assert _labels(_complete(text, "challenge_refs: [C1, ")) == ["C2"]
    assert _labels(_complete(text, "root_cause_refs: [RC1, ")) == []


def test_a_block_list_item_offers_the_ids_it_lacks() -> None:
    text = SMALL.replace("        - D2\n", "        - D2\n        - \n", 1)
    assert _labels(_complete(text, "        - ")) == ["D1"]


def test_each_reference_field_offers_its_own_kind() -> None:
    text = SMALL.replace("benchmark_refs: [G1.B1], goal_refs: [G1]", "benchmark_refs: [")
    assert _labels(_complete(text, "benchmark_refs: [")) == ["G1.B1"]
    text = SMALL.replace("initiative_ref: I1.1}", "initiative_ref: }")
    assert _labels(_complete(text, "initiative_ref: ")) == ["I1.1"]
    text = SMALL.replace("data_ref: D1}", "data_ref: }")
    assert _labels(_complete(text, "data_ref: ")) == ["D1", "D2"]


@pytest.mark.parametrize("field", sorted(REFERENCE_FIELDS))
def test_every_reference_field_offers_the_ids_of_its_kind_only(field: str) -> None:
    lines = SMALL.splitlines(keepends=True)
    line = next(n for n, row in enumerate(lines) if f" {field}: " in row or f"{{{field}: " in row)
    start = lines[line].index(f"{field}: ") + len(field) + 2
    opened = "[" if is_list(REFERENCE_INFO[field]) else ""
    lines[line] = lines[line][:start] + opened + "\n"
    text = "".join(lines)
    found = analysed(SMALL).completions(text, line, start + len(opened))
    written = read(SMALL)
    expected = [i for kind in REFERENCE_FIELDS[field] for i in written.definitions[kind]]
    assert _labels(found, "id") == expected
    assert expected, f"SMALL defines nothing {field} may name"


def test_a_goals_student_group_offers_local_groups_and_the_dese_groups() -> None:
    found = _complete(SMALL, "    student_group: ")
    assert _labels(found, "id") == ["newcomers"]
    assert set(_labels(found, "value")) == DESE_GROUPS


def test_ids_come_from_the_last_text_that_parsed() -> None:
    analysis = analysed(SMALL)
    # Mid-edit: an unclosed bracket above makes the text not YAML for now.
    broken = SMALL.replace("data_refs: [D1, D2]", "data_refs: [D1, D2").replace(
        "challenge_refs: [C1]", "challenge_refs: [C1, "
    )
    assert Analysis.of(broken) is None
    assert _labels(_complete(broken, "challenge_refs: [C1, ", analysis=analysis)) == ["C2"]


# --- values -------------------------------------------------------------------------------


def test_a_benchmark_type_offers_the_types_the_model_allows() -> None:
    found = _complete(SMALL, "        type: ")
    assert _labels(found) == list(get_args(Benchmark.model_fields["type"].annotation))
    assert {item.kind for item in found} == {"value"}


def test_turnaround_practices_offer_the_practices_not_yet_listed() -> None:
    practices = list(get_args(TurnaroundPractice))
    text = SMALL.replace("turnaround_practices: [TP2]", "turnaround_practices: [TP2, ]")
    assert _labels(_complete(text, "turnaround_practices: [TP2, ")) == [
        practice for practice in practices if practice != "TP2"
    ]
    text = SMALL.replace("turnaround_practices: [TP2]", "turnaround_practices: [")
    assert _labels(_complete(text, "turnaround_practices: [")) == practices


def test_a_value_inside_a_flow_mapping_is_completed() -> None:
    text = SMALL.replace("        due: [2026-10-30]\n", "        target: {value: 90, unit: \n")
    assert _labels(_complete(text, "unit: ")) == list(get_args(Unit))
    assert "unit" in BenchmarkTarget.model_fields


def test_free_text_offers_nothing() -> None:
    assert _complete(SMALL, "    statement: ") == []
    assert _complete(SMALL, "    title: A shared") == []


# --- keys ---------------------------------------------------------------------------------


def test_keys_in_a_benchmark_are_the_ones_it_does_not_have_yet() -> None:
    text = SMALL.replace("        type: process\n", "        type: process\n        \n")
    lines = text.splitlines()
    line = lines.index("        type: process") + 1
    found = analysed(SMALL).completions(text, line, 8)
    present = {"id", "statement", "type", "due", "initiative_refs"}
    assert _labels(found) == [name for name in Benchmark.model_fields if name not in present]
    assert {item.kind for item in found} == {"key"}
    by_label = {item.label: item for item in found}
    # A key with a section or a list of items below it, and a key with a value after it.
    assert by_label["status_updates"].insert_text == "status_updates:"
    assert by_label["owner"].insert_text == "owner: "


def test_keys_of_a_new_list_item_are_all_of_the_items_keys() -> None:
    text = SMALL.replace("    benchmarks:\n", "    benchmarks:\n      - \n", 1)
    found = _complete(text, "      - ")
    assert _labels(found) == list(Benchmark.model_fields)
    assert next(item for item in found if item.label == "id").detail.endswith("(required)")


def test_top_level_keys_are_the_sections_the_plan_lacks() -> None:
    text = SMALL + "\n"
    found = analysed(SMALL).completions(text, len(text.splitlines()), 0)
    present = {line.split(":")[0] for line in SMALL.splitlines() if line[:1].isalpha()}
    assert _labels(found) == [name for name in Plan.model_fields if name not in present]


def test_no_completion_in_a_comment() -> None:
    text = SMALL.replace("    type: process", "    type: process  # kind: ")
    assert _complete(text, "# kind: ") == []


# --- random half-written text -------------------------------------------------------------

_TEXTS = [path.read_text(encoding="utf-8") for path in EXAMPLES] + [SMALL]


@st.composite
def _damaged(draw: Any) -> tuple[str, str]:
    """A plan cut short, with a slice removed or a few characters typed in; and its original."""
    text = draw(st.sampled_from(_TEXTS))
    end = draw(st.integers(0, len(text)))
    if draw(st.booleans()):
        # Half the cuts fall at a line break: more of them then parse.
        end = text.rfind("\n", 0, end) + 1
    cut = text[:end]
    how = draw(st.sampled_from(["prefix", "remove", "insert"]))
    if how != "prefix" and cut:
        at = draw(st.integers(0, len(cut)))
        if how == "remove":
            cut = cut[:at] + cut[at + draw(st.integers(1, 200)) :]
        else:
            typed = draw(st.text(st.characters(exclude_categories=()), max_size=6))
            cut = cut[:at] + draw(st.sampled_from(["", "- ", ": ", "[", "{", "\n  "])) + typed
            cut += text[at:end]
    return text, cut


def _on_text(span: Span, lines: list[str]) -> bool:
    if not 0 <= span.line <= span.end_line < max(len(lines), 1):
        return False
    return 0 <= span.column <= len(lines[span.line]) and span.end_column <= len(
        lines[span.end_line]
    )


def _walk(symbols: list[Symbol] | tuple[Symbol, ...]) -> list[Symbol]:
    return [item for symbol in symbols for item in (symbol, *_walk(symbol.children))]


#: An id, a key or a rule code: the places where a question has an answer.
_WORD = re.compile(r"[A-Za-z][\w.-]*")


def _places(data: Any, text: str) -> list[tuple[int, int]]:
    """Places to ask at: on words of the text (ids, keys), anywhere, and beyond the text."""
    lines = text.splitlines() or [""]
    words = [
        (n, m.start() + offset)
        for n, row in enumerate(lines)
        for m in _WORD.finditer(row)
        for offset in (0, len(m.group(0)) // 2)
    ]
    anywhere = st.tuples(st.integers(-1, len(lines) + 1), st.integers(-1, 200))
    place = st.one_of(st.sampled_from(words), anywhere) if words else anywhere
    found: list[tuple[int, int]] = data.draw(st.lists(place, min_size=1, max_size=10))
    return found


@fuzz_profile(40)
@given(_damaged(), st.data())
def test_no_question_raises_on_half_written_text(damaged: tuple[str, str], data: Any) -> None:
    original, text = damaged
    places = _places(data, text)
    analysis = Analysis.of(text)
    # An editor asks the last analysis that parsed while the text does not.
    for current in (analysis, Analysis.of(original)):
        if current is None:
            continue
        lines = current.lines
        for symbol in _walk(current.outline()):
            assert _on_text(symbol.span, lines) and _on_text(symbol.selection_span, lines)
        for line, column in places:
            current.completions(text, line, column)
            if current is not analysis:
                continue  # positions of the original's analysis are not the text's
            current.hover(line, column)
            target = current.definition(line, column)
            spans = current.references(line, column, include_declaration=True)
            for span in [*spans, *([target] if target is not None else [])]:
                assert _on_text(span, lines)
                assert lines[span.line][span.column : span.end_column].strip()
            renameable = current.prepare_rename(line, column)
            try:
                edits = current.rename(line, column, "Zz9")
            except RenameRefused:
                assert renameable is None or "Zz9" in text
            else:
                assert renameable is not None and edits
