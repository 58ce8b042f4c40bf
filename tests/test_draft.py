"""A plan in progress: placeholders counted by section, the draft plan, stage states."""

from __future__ import annotations

import json
from pathlib import Path

from sipcli.load.source import load_bytes
from sipcli.validate.draft import draft_of
from sipcli.validate.placeholders import placeholder_sections
from sipcli.validate.scaffold import plan_skeleton
from sipcli.validate.stages import stage_states

from .conftest import EXAMPLE_PLANS


def _document(text: str):  # type: ignore[no-untyped-def]
    loaded = load_bytes(text.encode("utf-8"), file="plan.yaml")
    assert loaded.document is not None
    return loaded.document


def test_a_fresh_skeleton_is_read_as_a_draft_with_every_stage_not_started() -> None:
    document = _document(plan_skeleton("./sip-plan.schema.json"))
    draft = draft_of(document)
    assert draft.plan is not None, draft.problems
    assert draft.set_aside, "placeholders in dates and numbers are set aside"
    states = stage_states(document, draft)
    assert {state.state for state in states} == {"not started"}
    assert all(section.not_started for section in placeholder_sections(document))


def test_a_filled_section_is_written_and_the_rest_in_progress_or_not_started() -> None:
    text = plan_skeleton("./sip-plan.schema.json").replace(
        "<the vision statement>", "Every student reads and writes with confidence."
    )
    document = _document(text)
    states = {state.stage.id: state.state for state in stage_states(document, draft_of(document))}
    assert states["vision"] == "in progress"
    assert states["goals"] == "not started"


def test_the_examples_are_written_in_every_stage_they_hold() -> None:
    for path in EXAMPLE_PLANS:
        document = _document(path.read_text(encoding="utf-8"))
        draft = draft_of(document)
        assert draft.plan is not None and not draft.set_aside, path
        for state in stage_states(document, draft):
            assert state.state in {"written", "not started"}, (path, state.stage.id)


def test_validate_reports_placeholders_once_per_section_unless_asked(
    run_sip, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(plan_skeleton("./sip-plan.schema.json"), encoding="utf-8")
    document = _document(path.read_text(encoding="utf-8"))
    sections = placeholder_sections(document)
    every = sum(section.count for section in sections)

    grouped = run_sip("validate", "--format", "json", path)
    each = run_sip("validate", "--format", "json", "--show-placeholders", path)

    assert grouped.exit_code == each.exit_code == 1
    grouped_found = [d for d in json.loads(grouped.stdout)["diagnostics"] if d["code"] == "SIP108"]
    each_found = [d for d in json.loads(each.stdout)["diagnostics"] if d["code"] == "SIP108"]
    assert [d["path"] for d in grouped_found] == [section.section for section in sections]
    assert all("not started" in d["message"] for d in grouped_found)
    assert len(each_found) == every > len(sections)
