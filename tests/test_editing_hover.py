"""Hover and the outline behind `sip lsp`: what a reference, an id, a key or a rule code shows.

Checked against the oracle of tests/test_editing_analysis.py (ids and references read with
ruamel alone) and against the plan model's own documentation.
"""

from __future__ import annotations

from pathlib import Path
from typing import get_args

import pytest
from ruamel.yaml import YAML

from sipcli.editing import Span, Symbol
from sipcli.lint.catalog import find_entry
from sipcli.lint.explain import explain_entry
from sipcli.model import Plan
from sipcli.model.docs import field_docstrings
from sipcli.model.goals import Baseline, Benchmark
from sipcli.model.stages import stages
from sipcli.model.types import Cadence
from tests.test_editing_analysis import EXAMPLES, MIDDLE, SMALL, analysed, line_of, read, span_at

# --- hover --------------------------------------------------------------------------------


def test_hover_on_a_reference_shows_the_item_it_names() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    analysis, written = analysed(text), read(text)
    use = next(p for f, i, p in written.references if f == "root_cause_refs" and i == "RC2")
    hover = analysis.hover(*use)
    assert hover is not None
    assert hover.span == span_at(use, "RC2")
    line = written.definitions["root cause"]["RC2"][0]
    assert f"**Root cause RC2** (line {line + 1})" in hover.markdown
    assert "The intervention block has no entry or exit rules" in hover.markdown


def test_hover_on_a_reference_to_nothing_says_so() -> None:
    text = SMALL.replace("root_cause_refs: [RC1]", "root_cause_refs: [RC7]")
    line = line_of(text, "root_cause_refs: [RC7]")
    hover = analysed(text).hover(line, text.splitlines()[line].index("RC7"))
    assert hover is not None
    assert "No root cause has the id `RC7`" in hover.markdown


def test_hover_on_a_reference_of_the_wrong_kind_says_what_it_is() -> None:
    text = SMALL.replace("challenge_refs: [C1]", "challenge_refs: [RC1]")
    line = line_of(text, "challenge_refs: [RC1]")
    hover = analysed(text).hover(line, text.splitlines()[line].index("RC1"))
    assert hover is not None
    assert "Root cause RC1" in hover.markdown
    assert "`challenge_refs` lists challenge ids; this is a root cause." in hover.markdown


def test_hover_on_an_id_counts_its_uses() -> None:
    analysis, written = analysed(SMALL), read(SMALL)
    uses = sorted(p[0] + 1 for _, i, p in written.references if i == "D2")
    hover = analysis.hover(*written.definitions["data point"]["D2"])
    assert hover is not None
    assert "**Data point D2**" in hover.markdown
    assert f"Referred to {len(uses)} times, on lines {', '.join(map(str, uses))}." in (
        hover.markdown
    )
    unused = analysis.hover(*written.definitions["asset"]["A1"])
    assert unused is not None
    assert "Nothing in the plan refers to it yet." in unused.markdown


def test_hover_on_a_key_shows_its_description_from_the_model() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    line = line_of(text, "        frequency: monthly")
    hover = analysed(text).hover(line, 10)
    assert hover is not None
    assert hover.span == Span(line, 8, line, 8 + len("frequency"))
    assert field_docstrings(Benchmark)["frequency"] in hover.markdown
    values = ", ".join(f"`{value}`" for value in get_args(Cadence))
    assert f"One of: {values}." in hover.markdown


def test_hover_on_a_key_inside_a_flow_mapping() -> None:
    line = line_of(SMALL, "baseline: {value: 30")
    column = SMALL.splitlines()[line].index("period")
    hover = analysed(SMALL).hover(line, column + 2)
    assert hover is not None
    assert hover.span == Span(line, column, line, column + len("period"))
    assert field_docstrings(Baseline)["period"] in hover.markdown


def test_hover_on_a_section_key_adds_what_the_section_is() -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    hover = analysed(text).hover(line_of(text, "monitoring:"), 3)
    assert hover is not None
    assert field_docstrings(Plan)["monitoring"] in hover.markdown
    monitoring = Plan.model_fields["monitoring"].annotation
    model = next(arg for arg in get_args(monitoring) if arg is not type(None))
    assert " ".join(model.__doc__.split()) in hover.markdown


def test_hover_on_a_key_the_model_lacks_is_nothing() -> None:
    text = SMALL.replace("    label: Newcomer students\n", "    nickname: New\n")
    assert analysed(text).hover(line_of(text, "nickname:"), 5) is None


@pytest.mark.parametrize("written_code", ["SIP401", "sip401"])
def test_hover_on_a_rule_code_in_a_noqa_comment_explains_the_rule(written_code: str) -> None:
    text = SMALL.replace(
        "challenge_refs: [C1]", f"challenge_refs: [C9]  # sip: noqa: SIP102, {written_code}"
    )
    line = line_of(text, "noqa")
    column = text.splitlines()[line].index(written_code)
    hover = analysed(text).hover(line, column + 3)
    entry = find_entry("SIP401")
    assert hover is not None and entry is not None
    assert hover.span == Span(line, column, line, column + 6)
    assert explain_entry(entry).rstrip() in hover.markdown
    assert "[Documentation](" in hover.markdown


def test_hover_on_a_code_sip_does_not_have_is_nothing() -> None:
    text = SMALL.replace("challenge_refs: [C1]", "challenge_refs: [C1]  # sip: noqa: SIP999")
    line = line_of(text, "noqa")
    assert analysed(text).hover(line, text.splitlines()[line].index("SIP999") + 2) is None


# --- outline ------------------------------------------------------------------------------


def _names(symbols: tuple[Symbol, ...] | list[Symbol]) -> list[str]:
    return [symbol.name for symbol in symbols]


def _inside(inner: Span, outer: Span) -> bool:
    return (outer.line, outer.column) <= (inner.line, inner.column) and (
        inner.end_line,
        inner.end_column,
    ) <= (outer.end_line, outer.end_column)


def _check_nesting(symbols: tuple[Symbol, ...] | list[Symbol], lines: list[str]) -> None:
    for symbol in symbols:
        assert _inside(symbol.selection_span, symbol.span)
        if symbol.kind in ("objective", "initiative", "goal", "benchmark"):
            selected = lines[symbol.selection_span.line][
                symbol.selection_span.column : symbol.selection_span.end_column
            ]
            assert selected == symbol.name
        for child in symbol.children:
            assert _inside(child.span, symbol.span), (symbol.name, child.name)
        _check_nesting(symbol.children, lines)


@pytest.mark.parametrize("plan", EXAMPLES, ids=lambda path: path.name)
def test_outline_names_stages_objectives_goals_and_benchmarks_nested(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    data = YAML(typ="rt").load(text)
    outline = analysed(text).outline()
    assert _names(outline) == list(data)
    stage_of = {section: stage.title for stage in stages() for section in stage.sections}
    for symbol in outline:
        assert symbol.kind == ("stage" if symbol.name in stage_of else "section")
        assert symbol.detail == stage_of.get(symbol.name, "")
    sections = {symbol.name: symbol for symbol in outline}
    goals = sections["goals"].children
    assert _names(goals) == [goal["id"] for goal in data["goals"]]
    assert {symbol.kind for symbol in goals} == {"goal"}
    for symbol, goal in zip(goals, data["goals"], strict=True):
        assert _names(symbol.children) == [b["id"] for b in goal.get("benchmarks") or []]
        assert {child.kind for child in symbol.children} <= {"benchmark"}
    objectives = sections["strategic_objectives"].children
    assert _names(objectives) == [item["id"] for item in data["strategic_objectives"]]
    for symbol, objective in zip(objectives, data["strategic_objectives"], strict=True):
        assert symbol.kind == "objective"
        assert _names(symbol.children) == [i["id"] for i in objective.get("initiatives") or []]
    _check_nesting(outline, text.splitlines())


def test_outline_shows_the_assessment_lists_as_sub_sections() -> None:
    assessment = next(s for s in analysed(SMALL).outline() if s.name == "assessment")
    assert [(s.name, s.kind, _names(s.children)) for s in assessment.children] == [
        ("current_state", "section", ["D1", "D2"]),
        ("assets", "section", ["A1"]),
        ("challenges", "section", ["C1", "C2"]),
        ("root_causes", "section", ["RC1"]),
    ]


def test_an_item_without_an_id_is_named_by_its_place() -> None:
    text = SMALL.replace("  - id: G1\n    statement:", "  - statement:")
    goals = next(s for s in analysed(text).outline() if s.name == "goals")
    assert _names(goals.children) == ["item 1"]
    assert _names(goals.children[0].children) == ["G1.B1"]
