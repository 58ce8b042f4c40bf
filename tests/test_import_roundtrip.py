"""Each example's own rendered Word document imports back to the same plan (issue 18, item 4).

For every example in ``EXAMPLE_PLANS``: `sip render --to docx`, then `sip import`, and the
imported draft must hold the whole plan the example holds: ``Plan.model_dump()`` of both
(read through the plan model, so 24.0 and 24, or a date and its ISO text, are the same) is
compared field by field, every id, text, number, date and reference. A value the example
has and the draft lacks is missing; one the draft has and the example lacks is invented.

``EXCEPTIONS`` lists what the document cannot say as the YAML file does; each is compared as
the document says it, and nothing else is left out.
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

#: The fields compared with a reading of what the document says, and why.
EXCEPTIONS = {
    "plan.kind": (
        "a Sustainable Improvement Plan's document does not name its kind (it is the default): "
        "an example writing kind: sustainable_improvement and a draft not writing it agree"
    ),
    "implementation.action_steps": (
        "the document lists the year one action plan by due date: the steps are compared "
        "sorted by due date and description, not in the example's order"
    ),
}


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


def _as_the_document_says(data: dict[str, Any]) -> dict[str, Any]:
    """The plan's values by path, with each of ``EXCEPTIONS`` read as the document says it."""
    data.setdefault("plan", {}).setdefault("kind", DEFAULT_KIND)
    steps = (data.get("implementation") or {}).get("action_steps")
    if steps:
        steps.sort(key=lambda step: (str(_scalar(step.get("due"))), str(step.get("description"))))
    return _flat(data)


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
    # the draft has no placeholder left (the validation test below), so it reads as a plan
    original = _as_the_document_says(_plan_data(example.read_text(encoding="utf-8")))
    back = _as_the_document_says(_plan_data(imported.text))
    missing = {path: value for path, value in original.items() if back.get(path) != value}
    invented = {path: value for path, value in back.items() if path not in original}
    assert missing == {}, f"not imported back as written: {missing}"
    assert invented == {}, f"imported but not in the example: {invented}"


@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=_name)
def test_the_imported_draft_validates(example: Path, tmp_path: Path, run_sip: Any) -> None:
    document = tmp_path / "plan.docx"
    draft = tmp_path / "draft.yaml"
    assert run_sip("render", example, "--to", "docx", "-o", document).exit_code == 0
    assert run_sip("import", document, "-o", draft).exit_code == 0
    result = run_sip("validate", draft)
    assert result.exit_code == 0, result.stdout


@pytest.mark.parametrize(
    ("path", "value"),
    [
        ("goals[0].benchmarks[0].due", ["2030-01-01"]),
        ("goals[0].priority", 9),
        ("goals[0].benchmarks[0].audience", "district"),
        ("assessment.current_state[0].grades", ["K"]),
    ],
)
def test_the_comparison_notices_a_changed_value(path: str, value: Any) -> None:
    """The comparison is not blind: a value changed anywhere in the plan is a difference."""
    text = EXAMPLE_PLANS[0].read_text(encoding="utf-8")
    data, changed = _plan_data(text), _plan_data(text)
    *parents, last = re.findall(r"\w+|\[\d+\]", path)
    here: Any = changed
    for step in parents:
        here = here[int(step[1:-1])] if step.startswith("[") else here[step]
    assert here[last] != value  # the example's own value differs from the changed one
    here[last] = value
    assert _as_the_document_says(data) != _as_the_document_says(changed)


def test_the_exceptions_are_each_needed_by_an_example() -> None:
    """An exception no example needs any more is taken off the list, not kept "just in case"."""
    written = [YAML(typ="safe").load(plan.read_text(encoding="utf-8")) for plan in EXAMPLE_PLANS]
    assert any("kind" in data["plan"] for data in written)
    steps = [(data.get("implementation") or {}).get("action_steps") or [] for data in written]
    assert any(
        [str(step["due"]) for step in plan_steps] != sorted(str(step["due"]) for step in plan_steps)
        for plan_steps in steps
    )
