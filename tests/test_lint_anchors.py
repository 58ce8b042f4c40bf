"""Whole-plan findings point where the missing part belongs, not at the top of the file.

A plan is written stage by stage; a finding about a stage or an element that is not there
yet must send the editor to the line where the user types it: after the stage before it in
the plan format's order (the model's field order), or inside the section that lacks it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sipcli.lint.engine import lint_files
from sipcli.lint.placement import place_missing
from sipcli.lint.settings import load_settings
from sipcli.load.source import load_bytes

# A plan on its first workshop day: the header and stakeholder engagement, nothing more.
# Line 18 is the last line of stakeholder_engagement; the missing stages belong on line 19.
PARTIAL = """\
schema_version: 1

school:
  name: Alder Brook Elementary School
  district: Northfield Public Schools
  grades: [K, 1, 2, 3, 4, 5]

plan:
  type: initial
  school_year: SY2026-27

# Phase I: who was heard
stakeholder_engagement:
  groups:
    - group: families
      methods: [Spring family survey]
    - group: teachers
      methods: [Staff meeting carousel]

# Phase I: the vision comes next, in the April workshop.
"""

# The rules whose findings are about a stage the plan does not have yet.
MISSING_STAGES = {"SIP601", "SIP602", "SIP605", "SIP606"}


@pytest.fixture(autouse=True)
def fresh_settings():
    load_settings.cache_clear()
    yield
    load_settings.cache_clear()


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / ".git").mkdir()  # config discovery stops here: the shipped defaults apply
    return tmp_path


def write(folder: Path, text: str) -> Path:
    path = folder / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def findings(path: Path) -> list[tuple[str, str, int, int, str]]:
    """Return (code, path, line, column, message) of every lint finding in ``path``."""
    result = lint_files([path])
    return [(d.code, d.path, d.line, d.column, d.message) for d in result.diagnostics]


def test_missing_stages_land_on_the_line_after_the_last_stage_written(folder: Path) -> None:
    found = [item for item in findings(write(folder, PARTIAL)) if item[0] in MISSING_STAGES]
    assert {path for _, path, _, _, _ in found} == {
        "vision",
        "assessment",
        "strategic_objectives",
        "goals",
        "district_systems",
        "executive_summary",
        "implementation",
        "monitoring",
    }
    assert {(line, column) for _, _, line, column, _ in found} == {(19, 1)}
    assert PARTIAL.splitlines()[17] == "      methods: [Staff meeting carousel]"
    for _, _, _, _, message in found:
        assert message.endswith(" Put it after stakeholder_engagement, at line 19."), message


def test_a_stage_between_two_written_ones_goes_after_the_one_before_it(folder: Path) -> None:
    text = PARTIAL + (
        "\n# Phase I: assets and challenges\n"
        "assessment:\n"
        "  challenges:\n"
        "    - {id: C1, statement: Only 31% of grade 3 students meet expectations in ELA.}\n"
        "  root_causes:\n"
        "    - {id: RC1, statement: Grade teams have no shared planning time., "
        "challenge_refs: [C1]}\n"
    )
    vision = [item for item in findings(write(folder, text)) if item[1] == "vision"]
    assert [(line, column) for _, _, line, column, _ in vision] == [(19, 1)]
    strategic = [
        item for item in findings(write(folder, text)) if item[1] == "strategic_objectives"
    ]
    # After assessment, the last section of the file: the line after its last line.
    assert [(line, column) for _, _, line, column, _ in strategic] == [(28, 1)]
    assert strategic[0][4].endswith("Put it after assessment, at line 28.")


def test_the_formats_order_decides_not_the_files(folder: Path) -> None:
    # The team wrote the assessment first and stakeholder engagement below it; the vision
    # still belongs after stakeholder engagement, its stage in DESE's order.
    text = (
        "schema_version: 1\n"
        "school: {name: Alder Brook Elementary School, district: Northfield Public Schools}\n"
        "plan: {type: initial, school_year: SY2026-27}\n"
        "assessment:\n"
        "  challenges:\n"
        "    - {id: C1, statement: Only 31% of grade 3 students meet expectations in ELA.}\n"
        "stakeholder_engagement:\n"
        "  groups: [{group: families}, {group: teachers}]\n"
    )
    vision = [item for item in findings(write(folder, text)) if item[1] == "vision"]
    assert [(line, column) for _, _, line, column, _ in vision] == [(9, 1)]
    assert vision[0][4].endswith("Put it after stakeholder_engagement, at line 9.")


def test_an_element_missing_from_a_section_goes_inside_it(folder: Path) -> None:
    text = PARTIAL + (
        "\nmonitoring:\n"
        "  school_level:\n"
        "    participants: [Principal, Literacy coach]\n"
        "    data_reviewed: [Benchmark results]\n"
        "\n"
        "  calendar:\n"
        "    - {date: 2026-10-15, title: First benchmark review}\n"
    )
    found = {item[1]: item for item in findings(write(folder, text)) if item[0] == "SIP604"}
    district = found["monitoring.district_level"]
    assert district[2:4] == (26, 3)
    assert district[4].endswith("Put it under monitoring, after school_level, at line 26.")
    cadence = found["monitoring.school_level.cadence"]
    # cadence comes first in a routine: it goes before the first key written.
    assert cadence[2:4] == (24, 5)
    assert cadence[4].endswith(
        "Put it under school_level in monitoring, before participants, at line 24."
    )


def test_a_key_written_but_empty_is_pointed_at_as_it_is(folder: Path) -> None:
    text = PARTIAL + "\ngoals: []\n"
    goals = [item for item in findings(write(folder, text)) if item[0] == "SIP602"]
    assert [(path, line, column) for _, path, line, column, _ in goals] == [("goals", 22, 1)]
    assert "Put it" not in goals[0][4]


def test_a_section_written_on_one_line_is_pointed_at_by_its_key(folder: Path) -> None:
    text = PARTIAL + "\nmonitoring: {school_level: {cadence: monthly, participants: [ILT]}}\n"
    district = [
        item for item in findings(write(folder, text)) if item[1] == "monitoring.district_level"
    ]
    assert [(line, column) for _, _, line, column, _ in district] == [(22, 1)]
    assert "Put it" not in district[0][4]


def test_place_missing_is_none_for_a_key_the_file_has() -> None:
    loaded = load_bytes(PARTIAL.encode("utf-8"), file="plan.yaml")
    assert loaded.document is not None
    assert place_missing(loaded.document, ("stakeholder_engagement",)) is None
    placement = place_missing(loaded.document, ("plan", "prior_plan"))
    assert placement is not None
    assert (placement.line, placement.column, placement.where) == (
        11,
        3,
        "under plan, after school_year",
    )


def test_sip_lint_prints_missing_stages_where_they_belong(run_sip, folder: Path) -> None:
    path = write(folder, PARTIAL)
    result = run_sip("lint", "--select", "SIP606", path)
    assert result.exit_code == 0  # warnings alone do not fail the run
    assert f"{path}:19:1: warning SIP606 missing-stage" in result.stdout
    assert f"{path}:2:" not in result.stdout
    assert "Put it after stakeholder_engagement, at line 19." in result.stdout

    data = json.loads(run_sip("lint", "-f", "json", "--select", "SIP606", path).stdout)
    positions = [(d["path"], d["line"], d["column"]) for d in data["diagnostics"]]
    assert positions == [
        ("vision", 19, 1),
        ("assessment", 19, 1),
        ("strategic_objectives", 19, 1),
        ("implementation", 19, 1),
        ("monitoring", 19, 1),
    ]
