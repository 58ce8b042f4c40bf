"""The label table: every code a plan stores reads as a person writes it, in every format."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from pydantic import BaseModel

import sipcli.model
from sipcli.model.labels import label, label_table, submitted_to, tables
from sipcli.render.phase2 import group_name
from sipcli.render.run import render_text
from sipcli.render.view import build_view
from sipcli.render.viewmodel import Item, Table
from sipcli.validate.check import validate_file

from .conftest import EXAMPLE_PLANS

#: Which label table names the codes of each enumerated field of the plan model.
FIELD_TABLES = {
    ("DataPoint", "source"): "data_source",
    ("DataPoint", "unit"): "unit",
    ("DataPoint", "student_group"): "student_group",
    ("DataPoint", "subject"): "subject",
    ("PracticeRating", "practice"): "practice",
    ("PracticeRating", "rating"): "rating",
    ("PracticeRating", "source"): "rating_source",
    ("Evidence", "format"): "evidence_format",
    ("StatusUpdate", "kind"): "result_kind",
    ("StatusUpdate", "status"): "update_status",
    ("DistrictSupport", "category"): "support_category",
    ("DistrictSupport", "frequency"): "cadence",
    ("DistrictSystems", "standards"): "district_standard",
    ("BenchmarkTarget", "unit"): "unit",
    ("BenchmarkTarget", "comparison"): "comparison",
    ("Benchmark", "type"): "benchmark_type",
    ("Benchmark", "audience"): "audience",
    ("Benchmark", "frequency"): "cadence",
    ("Goal", "turnaround_practice"): "practice",
    ("Goal", "metric"): "metric",
    ("Goal", "student_group"): "student_group",
    ("Goal", "subject"): "subject",
    ("Goal", "unit"): "unit",
    ("Goal", "direction"): "direction",
    ("LocalStudentGroup", "combines"): "student_group",
    ("MonitoringRoutine", "cadence"): "cadence",
    ("MonitoringEvent", "level"): "monitoring_level",
    ("Milestone", "status"): "milestone_status",
    ("StrategicObjective", "turnaround_practices"): "practice",
    ("Submission", "to"): "submitted_to",
    ("PlanInfo", "type"): "plan_type",
    ("PlanInfo", "designation"): "designation",
    ("PlanInfo", "status"): "plan_status",
    ("SchoolSnapshot", "demographics"): "student_group",
    ("StakeholderGroup", "group"): "stakeholder_group",
    ("Vision", "developed_with"): "stakeholder_group",
}

#: Enumerated fields no label table covers, and why.
NOT_LABELLED = {
    ("PlanInfo", "kind"): "each kind's title lives in data/plan_kinds.yaml",
    ("EvidenceBase", "essa_tier"): "a number, printed as 'Tier 2'",
    ("Plan", "schema_version"): "never shown",
    ("MetricFacts", "better"): "the reference file's, never shown",
}


def _literal_codes(annotation: object) -> set[str]:
    """Every Literal value anywhere inside ``annotation`` (Optional, list, dict keys, ...)."""
    codes: set[str] = set()
    if typing.get_origin(annotation) is typing.Literal:
        codes |= {str(value) for value in typing.get_args(annotation)}
    for argument in typing.get_args(annotation):
        codes |= _literal_codes(argument)
    return codes


def _enumerated_fields() -> Iterator[tuple[tuple[str, str], set[str]]]:
    """Each field of the plan model whose values are a fixed list of codes, with the codes."""
    for module_info in pkgutil.iter_modules(sipcli.model.__path__):
        module = importlib.import_module(f"sipcli.model.{module_info.name}")
        for name, cls in vars(module).items():
            if not (inspect.isclass(cls) and issubclass(cls, BaseModel)):
                continue
            if cls.__module__ != module.__name__:
                continue
            for field_name, field in cls.model_fields.items():
                codes = _literal_codes(field.annotation)
                if codes:
                    yield (name, field_name), codes


ENUMERATED = dict(_enumerated_fields())


def test_the_model_has_the_enumerations_this_test_knows() -> None:
    # A new enumerated field needs a label table (or a reason it is never shown).
    assert set(ENUMERATED) == set(FIELD_TABLES) | set(NOT_LABELLED)
    assert len(FIELD_TABLES) > 30


@pytest.mark.parametrize("field", sorted(FIELD_TABLES), ids=".".join)
def test_every_code_of_every_enumeration_has_a_label(field: tuple[str, str]) -> None:
    table = label_table(FIELD_TABLES[field])
    missing = ENUMERATED[field] - set(table)
    assert not missing, f"labels.yaml {FIELD_TABLES[field]} has no label for {sorted(missing)}"


def test_every_table_labels_some_field_or_says_what_it_is_for() -> None:
    # Tables no model field names: computed statuses and cover-page words.
    others = {"progress_status", "exit_eligibility", "unit_name"}
    assert set(tables()) == set(FIELD_TABLES.values()) | others


def test_every_label_is_words() -> None:
    for name, table in tables().items():
        for code, words in table.items():
            if name == "unit":
                continue  # a unit's label is what follows a number: "%" or nothing for a count
            assert words.strip() == words and words, f"{name}.{code} is {words!r}"
            assert "_" not in words, f"{name}.{code} reads like a code: {words!r}"


@pytest.mark.parametrize(
    ("table", "code", "words"),
    [
        ("student_group", "hispanic_latino", "Hispanic/Latino"),
        ("student_group", "african_american_black", "African American/Black"),
        ("student_group", "english_learners", "English learners"),
        ("student_group", "former_english_learners", "Former English learners"),
        ("student_group", "students_with_disabilities", "Students with disabilities"),
        ("student_group", "high_needs", "High needs"),
        ("student_group", "native_hawaiian_pacific_islander", "Native Hawaiian/Pacific Islander"),
        ("student_group", "lowest_performing", "Lowest performing students"),
        ("student_group", "all", "All students"),
        ("monitoring_level", "dese", "DESE"),
        ("designation", "level4", "Level 4"),
        ("designation", "broad_comprehensive", "In need of broad/comprehensive support"),
        ("data_source", "mcas", "MCAS"),
        ("data_source", "access", "ACCESS for ELLs"),
        ("benchmark_type", "early_evidence", "Early evidence"),
        ("update_status", "off_track", "Off track"),
        ("milestone_status", "in_progress", "In progress"),
        ("plan_type", "annual_renewal", "Annual renewal"),
        ("submitted_to", "dese", "Submitted to DESE"),
        ("rating_source", "msv", "Monitoring site visit"),
        ("cadence", "biweekly", "Every two weeks"),
        ("subject", "ela", "ELA"),
        ("practice", "TP4", "School climate and culture"),
        ("unit", "percent", "%"),
        ("unit", "count", " (count)"),
    ],
)
def test_labels_are_spelled_as_a_person_writes_them(table: str, code: str, words: str) -> None:
    assert label(table, code) == words


def test_a_code_without_a_label_reads_as_words() -> None:
    assert label("student_group", "ell_newcomers") == "Ell newcomers"
    assert label("cadence", "every_sixth_day") == "Every sixth day"
    assert label("student_group", None) == ""
    assert label("student_group", "") == ""


def test_a_group_the_plan_defines_reads_as_the_plan_names_it() -> None:
    local = {"newcomers": "Newcomer multilingual learners"}
    assert group_name("newcomers", local) == "Newcomer multilingual learners"
    assert group_name("hispanic_latino", local) == "Hispanic/Latino"
    assert group_name(None, local) == ""


def test_an_unknown_table_is_a_mistake_in_sip() -> None:
    with pytest.raises(KeyError, match="no table named 'student_groups'"):
        label("student_groups", "all")


def test_only_a_turnaround_plan_submits_to_a_local_stakeholder_group() -> None:
    assert submitted_to("stakeholder_group", "turnaround_level4") == (
        "Submitted to the Local Stakeholder Group"
    )
    assert submitted_to("stakeholder_group", "sustainable_improvement") == (
        "Submitted to the stakeholder group"
    )


def test_the_data_file_tells_a_user_they_may_correct_it() -> None:
    text = (Path(sipcli.__file__).parent / "data" / "labels.yaml").read_text(encoding="utf-8")
    assert "correct it in this file" in text


# --- what the rendered examples show --------------------------------------------------------


class _Text(HTMLParser):
    """The text a reader of an HTML page sees (no tags, no attributes, no style sheet)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skip += tag in ("style", "script")

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _shown(path: Path, fmt: str) -> str:
    plan = validate_file(path).plan
    assert plan is not None
    text = render_text(build_view(plan), fmt)
    if fmt == "html":
        parser = _Text()
        parser.feed(text)
        return " ".join(parser.parts)
    return text


#: Codes that read as codes: a person never writes an underscore.
RAW_CODES = sorted({code for table in tables().values() for code in table if "_" in code})


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.parent.name + "/" + p.stem)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_no_example_shows_a_raw_code_or_a_known_bad_label(path: Path, fmt: str) -> None:
    shown = _shown(path, fmt)
    for code in RAW_CODES:
        assert code not in shown, f"{code} is shown as stored"
    for bad in ("Hispanic latino", "African american black", "Broad comprehensive"):
        assert bad not in shown
    assert not re.search(r"\bDese\b", shown), "DESE is written 'Dese'"


def test_the_examples_show_the_labels_from_the_data_file() -> None:
    # The check above could pass on a plan that shows no label at all; these are shown.
    shown = "\n".join(_shown(path, "md") for path in EXAMPLE_PLANS)
    for words in ("English learners", "DESE", "Students with disabilities", "Early evidence"):
        assert words in shown


# --- empty columns ----------------------------------------------------------------------------


def _tables(items: tuple[Item, ...]) -> Iterator[Table]:
    for item in items:
        yield from item.tables
        yield from _tables(item.children)


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.parent.name + "/" + p.stem)
def test_no_table_has_a_column_empty_in_every_row(path: Path) -> None:
    plan = validate_file(path).plan
    assert plan is not None
    for section in build_view(plan).sections:
        shown = [*(t for _, t in section.tables), *_tables(section.items)]
        for table in shown:
            if table.headers[1:] == tuple(label_table("practice")):
                continue  # the alignment grid: a blank practice column says no objective serves it
            for index, header in enumerate(table.headers):
                cells = [row.cells[index] for row in table.rows]
                if table.footer is not None:
                    cells.append(table.footer.cells[index])
                assert any(cells), f"{section.key}: column {header!r} is empty in every row"


def test_html_item_details_are_styled() -> None:
    plan = validate_file(EXAMPLE_PLANS[0]).plan
    assert plan is not None
    html = render_text(build_view(plan), "html")
    assert '<dl class="item-details">' in html
    assert "dl.item-details dt {" in html  # the style sheet is inlined with the page
