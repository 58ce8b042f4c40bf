"""The JSON Schema: draft-07, documented, current, and it accepts every example."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from ruamel.yaml import YAML

from sipcli.model import Plan
from sipcli.model.introspect import models_below
from sipcli.validate.schema import plan_json_schema, plan_json_schema_text

from .conftest import EXAMPLES, ROOT

SHIPPED_SCHEMA = ROOT / "schema" / "sip-plan.schema.json"


def _as_json(node: Any) -> Any:
    """Turn loaded YAML into what a JSON validator sees (dates become ISO text)."""
    if isinstance(node, dict):
        return {str(key): _as_json(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_as_json(value) for value in node]
    if isinstance(node, dt.date):
        return node.isoformat()
    return node


def test_schema_is_valid_draft_07() -> None:
    schema = plan_json_schema()
    jsonschema.Draft7Validator.check_schema(schema)
    assert "$defs" not in json.dumps(schema)


def test_every_field_of_every_model_is_documented() -> None:
    plan_json_schema()  # attaches the field docstrings as descriptions
    undocumented = [
        f"{model.__name__}.{name}"
        for model in models_below(Plan)
        for name, info in model.model_fields.items()
        if not info.description
    ]
    assert undocumented == []


def test_top_level_keys_are_the_contract() -> None:
    assert list(plan_json_schema()["properties"]) == [
        "schema_version",
        "school",
        "plan",
        "student_groups",
        "stakeholder_engagement",
        "vision",
        "assessment",
        "strategic_objectives",
        "goals",
        "district_systems",
        "executive_summary",
        "implementation",
        "financial_plan",
        "monitoring",
    ]


def test_shipped_schema_file_is_current() -> None:
    assert SHIPPED_SCHEMA.read_text(encoding="utf-8") == plan_json_schema_text(), (
        "schema/sip-plan.schema.json is stale: run `sip schema -o schema/sip-plan.schema.json`"
    )


@pytest.mark.parametrize("example", sorted(EXAMPLES.glob("*.yaml")), ids=lambda path: path.name)
def test_schema_accepts_every_example(example: Path) -> None:
    data = _as_json(YAML(typ="safe", pure=True).load(example))
    jsonschema.Draft7Validator(plan_json_schema()).validate(data)


def test_date_fields_offer_the_period_forms_to_editors() -> None:
    by = plan_json_schema()["definitions"]["Target"]["properties"]["by"]
    assert {"format": "date", "type": "string"} in by["anyOf"]
    assert {"SY2026-27 Q2", "EOY", "spring 2027 MCAS", "fall 2026", "2027-06"} <= set(
        by["examples"]
    )
    assert "period" in by["description"]


def test_student_group_offers_the_dese_groups_and_local_ids() -> None:
    group = plan_json_schema()["definitions"]["Goal"]["properties"]["student_group"]
    choices, local = group["anyOf"][0]["anyOf"]
    assert "english_learners" in choices["enum"]
    assert local["pattern"].startswith("^[A-Za-z]")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"shcool": {}}, "Additional properties"),
        # Optional keys are "this or null" in the schema, hence "any of the given schemas".
        ({"plan": {"type": "intial", "school_year": "SY2026-27"}}, "'intial' is not valid"),
        ({"plan": {"type": "initial", "school_year": "next year"}}, "'next year' is not valid"),
        (
            {"goals": [{"id": "G1", "statement": "s", "target": {"value": 1, "by": 2027}}]},
            "'by': 2027",
        ),
    ],
)
def test_schema_rejects_what_validation_rejects(change: dict[str, Any], message: str) -> None:
    data = {
        "schema_version": 1,
        "school": {"name": "S", "district": "D"},
        "plan": {"type": "initial", "school_year": "2026-27"},
    }
    data.update(change)
    with pytest.raises(jsonschema.ValidationError, match=message):
        jsonschema.Draft7Validator(plan_json_schema()).validate(data)
