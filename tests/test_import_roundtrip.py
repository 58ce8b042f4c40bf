"""Each example's own rendered Word document imports back to the same plan (issue 18, item 4).

For every example in ``EXAMPLE_PLANS``: `sip render --to docx`, then `sip import`, and the
fields in ``COMPARED`` must hold the same values in the imported draft as in the example
(both read through the plan model, so 24.0 and 24, or a date and its ISO text, are the same).
A field is compared wherever it occurs: every goal's id, every benchmark's due dates. Where
the example has no value, the draft must have none either, so nothing is invented.

Two fields are compared with a reading of what the document says rather than as written:

- ``plan.kind``: a plan that does not name its kind is a Sustainable Improvement Plan, so an
  example writing ``kind: sustainable_improvement`` and a draft not writing it agree;
- ``implementation.action_steps``: the document lists the action plan by date, so the steps
  are compared as a set (sorted by due date and description), not in the example's order.

Not compared yet (the document does not show them, or sip does not read them back yet):
goals' priority, grades, subject, direction, baseline note, target period, interim targets,
status updates and a student group the plan defines itself; a benchmark's audience,
frequency and status updates; ``assessment.current_state``; ``student_groups``;
``plan.prior_plan``; a roadmap year's school year; ``stakeholder_engagement.evidence`` and
other evidence lists.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sipcli.importing.pipeline import import_file
from sipcli.model import Plan
from sipcli.model.kinds import DEFAULT_KIND
from sipcli.periods import PeriodContext
from tests.conftest import EXAMPLE_PLANS

#: The field paths compared; ``[]`` stands for every item of a list, ``*`` for every key.
COMPARED = (
    "schema_version",
    # the school and the plan's header
    "school.name",
    "school.district",
    "school.org_code",
    "school.district_code",
    "school.grades",
    "school.principal",
    "school.snapshot.enrollment",
    "school.snapshot.as_of",
    "school.snapshot.description",
    "school.snapshot.demographics.*",
    "plan.kind",
    "plan.type",
    "plan.school_year",
    "plan.horizon_years",
    "plan.designation",
    "plan.status",
    "plan.shared.stakeholders",
    "plan.shared.school_committee",
    "plan.shared.dese",
    "plan.submissions[].to",
    "plan.submissions[].date",
    "plan.submissions[].what",
    "plan.development.facilitator",
    "plan.development.review_report",
    "plan.development.team[].role",
    "plan.development.team[].name",
    "plan.development.workshops[].date",
    "plan.development.workshops[].focus",
    "plan.development.workshops[].participants",
    # goals and benchmarks
    "goals[].id",
    "goals[].statement",
    "goals[].objective_refs",
    "goals[].metric",
    "goals[].measure_source",
    "goals[].unit",
    "goals[].baseline.value",
    "goals[].baseline.period",
    "goals[].target.value",
    "goals[].target.by",
    "goals[].owner",
    "goals[].benchmarks[].id",
    "goals[].benchmarks[].statement",
    "goals[].benchmarks[].type",
    "goals[].benchmarks[].due",
    "goals[].benchmarks[].data_source",
    "goals[].benchmarks[].owner",
    "goals[].benchmarks[].target.value",
    "goals[].benchmarks[].target.unit",
    "goals[].benchmarks[].target.comparison",
    # the assessment
    "assessment.summary",
    "assessment.assets[].id",
    "assessment.assets[].statement",
    "assessment.assets[].data_refs",
    "assessment.challenges[].id",
    "assessment.challenges[].statement",
    "assessment.challenges[].data_refs",
    "assessment.challenges[].priority",
    "assessment.root_causes[].id",
    "assessment.root_causes[].statement",
    "assessment.root_causes[].challenge_refs",
    "assessment.root_causes[].evidence",
    "assessment.practice_ratings[].practice",
    "assessment.practice_ratings[].indicator",
    "assessment.practice_ratings[].rating",
    "assessment.practice_ratings[].source",
    "assessment.practice_ratings[].year",
    # objectives and initiatives
    "strategic_objectives[].id",
    "strategic_objectives[].title",
    "strategic_objectives[].description",
    "strategic_objectives[].turnaround_practices",
    "strategic_objectives[].root_cause_refs",
    "strategic_objectives[].rationale",
    "strategic_objectives[].evidence_base[].strategy",
    "strategic_objectives[].evidence_base[].essa_tier",
    "strategic_objectives[].evidence_base[].source",
    "strategic_objectives[].initiatives[].id",
    "strategic_objectives[].initiatives[].title",
    "strategic_objectives[].initiatives[].description",
    "strategic_objectives[].initiatives[].owner",
    "strategic_objectives[].initiatives[].start",
    "strategic_objectives[].initiatives[].end",
    "strategic_objectives[].initiatives[].years",
    "strategic_objectives[].initiatives[].professional_development",
    "strategic_objectives[].initiatives[].milestones[].description",
    "strategic_objectives[].initiatives[].milestones[].due",
    "strategic_objectives[].initiatives[].milestones[].owner",
    "strategic_objectives[].initiatives[].resources[].description",
    "strategic_objectives[].initiatives[].resources[].cost",
    "strategic_objectives[].initiatives[].resources[].funding_source",
    "strategic_objectives[].initiatives[].resources[].fiscal_year",
    # the text sections
    "executive_summary.school_snapshot",
    "executive_summary.vision",
    "executive_summary.new_approach",
    "executive_summary.theory_of_action",
    "executive_summary.key_strategies[].text",
    "executive_summary.key_strategies[].objective_ref",
    "stakeholder_engagement.how_input_used",
    "stakeholder_engagement.ongoing_communication",
    "stakeholder_engagement.groups[].group",
    "stakeholder_engagement.groups[].description",
    "stakeholder_engagement.groups[].methods",
    "stakeholder_engagement.groups[].dates",
    "stakeholder_engagement.groups[].participants",
    "stakeholder_engagement.groups[].input_summary",
    "stakeholder_engagement.school_council.meetings",
    "stakeholder_engagement.school_council.recommendations",
    "stakeholder_engagement.school_council.roster[].role",
    "stakeholder_engagement.school_council.roster[].name",
    "vision.statement",
    "vision.mission",
    "vision.core_values",
    "vision.desired_state",
    "vision.district_alignment",
    "vision.new_approach",
    "vision.developed_with",
    "district_systems.responsible_lead",
    "district_systems.standards",
    "district_systems.supports[].category",
    "district_systems.supports[].description",
    "district_systems.supports[].owner",
    "district_systems.supports[].frequency",
    # implementation and monitoring
    "implementation.start_date",
    "implementation.systems",
    "implementation.stakeholder_communication",
    "implementation.roadmap[].year",
    "implementation.roadmap[].focus",
    "implementation.roadmap[].initiative_refs",
    "implementation.action_steps[].due",
    "implementation.action_steps[].description",
    "implementation.action_steps[].owner",
    "implementation.action_steps[].initiative_ref",
    "monitoring.public_reporting",
    "monitoring.school_level.description",
    "monitoring.school_level.cadence",
    "monitoring.school_level.forum",
    "monitoring.school_level.participants",
    "monitoring.school_level.data_reviewed",
    "monitoring.district_level.description",
    "monitoring.district_level.cadence",
    "monitoring.district_level.forum",
    "monitoring.district_level.participants",
    "monitoring.district_level.data_reviewed",
    "monitoring.calendar[].date",
    "monitoring.calendar[].title",
    "monitoring.calendar[].level",
    "monitoring.calendar[].benchmark_refs",
    "monitoring.calendar[].goal_refs",
)


def _name(plan: Path) -> str:
    return plan.parent.name if plan.name == "plan.yaml" else plan.stem


def _scalar(value: Any) -> Any:
    """A value as both sides can hold it: 24.0 is 24, a date is its ISO text."""
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return [_scalar(entry) for entry in value]
    return value


def _flat(data: Any, path: str = "") -> dict[str, Any]:
    """Every value by its path, list items numbered ("goals[0].id"); a list of plain values whole."""
    out: dict[str, Any] = {}
    if isinstance(data, dict):
        for key, value in data.items():
            out.update(_flat(value, f"{path}.{key}" if path else str(key)))
    elif isinstance(data, list) and any(isinstance(entry, dict | list) for entry in data):
        for index, value in enumerate(data):
            out.update(_flat(value, f"{path}[{index}]"))
    elif data is not None:
        out[path] = _scalar(data)
    return out


def _compared(data: dict[str, Any]) -> dict[str, Any]:
    """The values of ``COMPARED``, read the same way on both sides (see the module's text)."""
    data.setdefault("plan", {}).setdefault("kind", DEFAULT_KIND)
    steps = (data.get("implementation") or {}).get("action_steps")
    if steps:
        steps.sort(key=lambda step: (str(_scalar(step.get("due"))), str(step.get("description"))))
    return {path: value for path, value in _flat(data).items() if _is_compared(path)}


def _is_compared(path: str) -> bool:
    """Whether ``path`` ("goals[2].id") is one of ``COMPARED``."""
    pattern = re.sub(r"\[\d+\]", "[]", path)
    return pattern in COMPARED or f"{pattern.rsplit('.', 1)[0]}.*" in COMPARED


def _plan_data(text: str) -> dict[str, Any]:
    """A plan's text read through the plan model, as its YAML would say it."""
    raw = YAML(typ="safe").load(text)
    plan = Plan.model_validate(raw, context=PeriodContext(None))
    data = plan.model_dump(mode="json", exclude_none=True)
    assert isinstance(data, dict)
    return data


@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=_name)
def test_rendered_word_document_imports_back_to_the_same_plan(
    example: Path, tmp_path: Path, run_sip: Any
) -> None:
    document = tmp_path / f"{_name(example)}.docx"
    assert run_sip("render", example, "--to", "docx", "-o", document).exit_code == 0
    started = time.perf_counter()
    imported = import_file(document)
    took = time.perf_counter() - started
    print(f"{_name(example)}: import of the rendered document took {took:.2f}s")  # item 7
    # the draft has no placeholder left (the next test), so it reads as a plan
    original = _compared(_plan_data(example.read_text(encoding="utf-8")))
    back = _compared(_plan_data(imported.text))
    missing = {path: value for path, value in original.items() if back.get(path) != value}
    invented = {path: value for path, value in back.items() if path not in original}
    assert missing == {}, f"not imported back as written: {missing}"
    assert invented == {}, f"imported but not in the example: {invented}"


@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=_name)
def test_no_field_of_the_imported_draft_is_missing_from_the_example(
    example: Path, tmp_path: Path, run_sip: Any
) -> None:
    """Beyond ``COMPARED``: every value the draft has, anywhere, is a field the example has."""
    document = tmp_path / "plan.docx"
    assert run_sip("render", example, "--to", "docx", "-o", document).exit_code == 0
    original = _flat(_plan_data(example.read_text(encoding="utf-8")))
    back = _flat(_plan_data(import_file(document).text))
    invented = sorted(path for path in back if path not in original)
    assert invented == []


@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=_name)
def test_the_imported_draft_validates(example: Path, tmp_path: Path, run_sip: Any) -> None:
    document = tmp_path / "plan.docx"
    draft = tmp_path / "draft.yaml"
    assert run_sip("render", example, "--to", "docx", "-o", document).exit_code == 0
    assert run_sip("import", document, "-o", draft).exit_code == 0
    result = run_sip("validate", draft)
    assert result.exit_code == 0, result.stdout


def test_the_comparison_notices_a_changed_value(tmp_path: Path) -> None:
    """The comparison is not blind: a benchmark's due date moved is a difference."""
    text = EXAMPLE_PLANS[0].read_text(encoding="utf-8")
    data, changed = _plan_data(text), _plan_data(text)
    changed["goals"][0]["benchmarks"][0]["due"] = ["2030-01-01"]
    assert _compared(data) != _compared(changed)
