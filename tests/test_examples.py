"""The shipped examples: at least three, each a valid plan. They are demo, docs and fixture."""

from __future__ import annotations

from pathlib import Path

import pytest

from sipcli.validate.check import validate_file

from .conftest import EXAMPLE_PLANS, ROOT

EXAMPLE_FILES = EXAMPLE_PLANS


def test_there_are_elementary_middle_and_high_school_examples() -> None:
    assert {path.stem for path in EXAMPLE_FILES} >= {"elementary", "middle", "high"}


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda path: path.name)
def test_example_is_valid(example: Path) -> None:
    checked = validate_file(example)
    assert [d.message for d in checked.result.diagnostics] == []
    assert checked.plan is not None


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda path: path.name)
def test_example_uses_every_turnaround_practice(example: Path) -> None:
    plan = validate_file(example).plan
    assert plan is not None and plan.strategic_objectives
    if plan.plan.kind not in (None, "sustainable_improvement"):
        pytest.skip("only DESE's plans are asked for the Turnaround Practices")
    practices = {
        tp for objective in plan.strategic_objectives for tp in objective.turnaround_practices or []
    }
    assert practices == {"TP1", "TP2", "TP3", "TP4"}


@pytest.mark.parametrize("example", EXAMPLE_FILES, ids=lambda path: path.name)
def test_example_has_comments_and_the_schema_modeline(example: Path) -> None:
    text = example.read_text(encoding="utf-8")
    schema = Path("../" * len(example.relative_to(ROOT).parents[:-1])) / "schema"
    assert text.startswith(
        f"# yaml-language-server: $schema={schema.as_posix()}/sip-plan.schema.json\n"
    )
    assert sum(1 for line in text.splitlines() if line.lstrip().startswith("#")) >= 10
