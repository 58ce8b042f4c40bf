"""The plan's JSON Schema, in draft-07 so that the YAML language server and editors accept it."""

from __future__ import annotations

import json
from typing import Any

from sipcli.model import Plan
from sipcli.model.docs import describe_fields

DRAFT_07 = "http://json-schema.org/draft-07/schema#"


def plan_json_schema() -> dict[str, Any]:
    """Return the JSON Schema of a plan file, with every field's documentation."""
    describe_fields(Plan)
    schema = Plan.model_json_schema(ref_template="#/definitions/{model}")
    definitions = schema.pop("$defs", {})
    return {"$schema": DRAFT_07, **schema, "definitions": definitions}


def plan_json_schema_text() -> str:
    """Return the plan's JSON Schema as indented JSON text with a final newline."""
    return json.dumps(plan_json_schema(), indent=2, ensure_ascii=False) + "\n"
