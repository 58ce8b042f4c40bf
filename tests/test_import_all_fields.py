"""A plan using the fields the examples leave empty imports back from its Word document whole.

tests/test_import_roundtrip.py proves the round trip for every example, but the examples
leave fields empty: goals under Turnaround Practices, a baseline's data point, the
initiatives a benchmark tracks, a data point's subject, figures counted in a unit with no
sign of its own, milestone statuses, the plan's own title, evidence lists, a Level 4 plan's
exit year, Local Stakeholder Group and financial plan. tests/fixtures/all-fields*.yaml use
them all; each is rendered to Word, imported, and compared whole, as the examples are.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from sipcli.importing.blocks import Cell, Origin
from sipcli.importing.pipeline import import_file
from sipcli.importing.placed import Item
from sipcli.importing.readback import practice_heading, readback_cell
from tests.test_import_roundtrip import _as_the_document_says, _plan_data

FIXTURES = Path(__file__).parent / "fixtures"
PLANS = [FIXTURES / "all-fields.yaml", FIXTURES / "all-fields-level4.yaml"]

#: The fields each plan must use, or its round trip would prove nothing about them.
USED = {
    "all-fields": (
        "plan.title",
        "vision.evidence[0].location",
        "assessment.current_state[0].subject",
        "assessment.current_state[1].unit",  # count
        "assessment.current_state[2].unit",  # other
        "strategic_objectives[0].initiatives[0].milestones[1].status",
        "goals[0].turnaround_practice",
        "goals[0].baseline.data_ref",
        "goals[0].benchmarks[0].initiative_refs",
        "goals[0].benchmarks[0].status_updates[0].period",
        "goals[1].unit",  # count
        "goals[1].benchmarks[0].target.unit",  # count
        "district_systems.evidence[0].date",
    ),
    "all-fields-level4": (
        "plan.exit_eligibility_year",
        "plan.submissions[0].to",
        "stakeholder_engagement.local_stakeholder_group.roster[0].name",
        "stakeholder_engagement.local_stakeholder_group.meetings",
        "stakeholder_engagement.local_stakeholder_group.recommendations",
        "goals[2].turnaround_practice",
        "financial_plan.summary",
        "financial_plan.total_cost",
        "financial_plan.items[0].fiscal_year",
    ),
}


@pytest.mark.parametrize("plan", PLANS, ids=lambda plan: plan.stem)
def test_every_field_imports_back_from_the_word_document(
    plan: Path, tmp_path: Path, run_sip: Any
) -> None:
    document = tmp_path / f"{plan.stem}.docx"
    assert run_sip("render", plan, "--to", "docx", "-o", document).exit_code == 0
    original = _as_the_document_says(_plan_data(plan.read_text(encoding="utf-8")))
    back = _as_the_document_says(_plan_data(import_file(document).text))
    unused = [path for path in USED[plan.stem] if path not in original]
    assert unused == [], f"the fixture no longer uses {unused}"
    missing = {path: value for path, value in original.items() if back.get(path) != value}
    invented = {path: value for path, value in back.items() if path not in original}
    assert missing == {}, f"not imported back as written: {missing}"
    assert invented == {}, f"imported but not in the plan: {invented}"


def test_the_document_reads_the_unit_of_a_count(tmp_path: Path, run_sip: Any) -> None:
    """Without "(count)" after its figures a goal's unit could not be read back."""
    document = tmp_path / "plan.docx"
    assert run_sip("render", PLANS[0], "--to", "docx", "-o", document).exit_code == 0
    draft = import_file(document).text
    assert "unit: count  # read from the 'count' in" in draft


def test_a_sustainable_improvement_plan_with_a_financial_plan_stays_one(
    tmp_path: Path, run_sip: Any
) -> None:
    """A "Financial plan" heading is Level 4 wording, but the cover's title named the kind."""
    text = (FIXTURES.parent.parent / "examples" / "middle.yaml").read_text(encoding="utf-8")
    plan = tmp_path / "middle.yaml"
    plan.write_text(
        text + "financial_plan:\n  summary: Title I and the district budget pay for it.\n",
        encoding="utf-8",
    )
    document = tmp_path / "middle.docx"
    assert run_sip("render", plan, "--to", "docx", "-o", document).exit_code == 0
    back = _plan_data(import_file(document).text)
    assert back.get("plan", {}).get("kind") in (None, "sustainable_improvement")
    assert back["financial_plan"]["summary"] == "Title I and the district budget pay for it."


def _cell(text: str) -> Cell:
    return Cell(text, Origin("table 1, row 2"))


def test_a_practice_heading_is_read_only_in_the_words_sip_writes() -> None:
    assert practice_heading("TP2: Intentional practices for improving instruction") == "TP2"
    assert practice_heading("TP2:  intentional practices for improving instruction.") == "TP2"
    assert practice_heading("TP2: Our reading work") is None  # a goal a team numbered TP2
    assert practice_heading("TP9: Intentional practices for improving instruction") is None
    assert practice_heading("Intentional practices for improving instruction") is None


@pytest.mark.parametrize(
    ("text", "statement", "refs"),
    [
        ("Check the block.\nInitiatives: I1.1, I2.1", "Check the block.", ["I1.1", "I2.1"]),
        ("Check the block.\ninitiatives: I1.1", "Check the block.", ["I1.1"]),
    ],
)
def test_a_benchmarks_initiatives_line_is_read_apart_from_its_sentence(
    text: str, statement: str, refs: list[str]
) -> None:
    item = Item("benchmark", Origin("table 1, row 2"))
    assert readback_cell(item, "statement", _cell(text)) is True
    assert item.fields["statement"].value == statement
    assert item.fields["initiative_refs"].value == refs


@pytest.mark.parametrize(
    "text",
    [
        "Check the block.",
        "Initiatives: I1.1",  # no sentence above it: the line is the statement
        "Check the block.\nInitiatives: the coaching work and the new schedule",
        "Check the block.\nNotes: I1.1",
    ],
)
def test_a_benchmark_sentence_without_an_initiatives_line_is_read_as_written(text: str) -> None:
    item = Item("benchmark", Origin("table 1, row 2"))
    assert readback_cell(item, "statement", _cell(text)) is None  # read as any statement
    assert item.fields == {}


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("D1: Grade 4 readers at benchmark", "D1"),
        ("D12", "D12"),
        ("fall-screener", "fall-screener"),
    ],
)
def test_a_baseline_data_point_is_read_by_its_id(text: str, ref: str) -> None:
    item = Item("goal", Origin("paragraph 4"))
    assert readback_cell(item, "baseline.data_ref", _cell(text)) is True
    assert item.fields["baseline.data_ref"].value == ref


def test_a_baseline_data_line_naming_no_id_is_kept() -> None:
    item = Item("goal", Origin("paragraph 4"))
    assert readback_cell(item, "baseline.data_ref", _cell("the winter screener")) is False
    assert item.fields == {}


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("High needs \u00b7 Grade 4 \u00b7 ELA", {"student_group", "grades", "subject"}),
        ("School climate", {"subject"}),
    ],
)
def test_a_students_cell_names_the_subject_too(text: str, fields: set[str]) -> None:
    item = Item("data_point", Origin("table 1, row 2"))
    assert readback_cell(item, "students", _cell(text)) is True
    assert set(item.fields) == fields


def test_a_milestone_status_is_read_by_its_label_or_kept() -> None:
    item = Item("milestone", Origin("table 1, row 2"))
    assert readback_cell(item, "status", _cell("In progress")) is True
    assert item.fields["status"].value == "in_progress"
    assert readback_cell(item, "status", _cell("Mostly there")) is False
