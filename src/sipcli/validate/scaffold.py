"""The skeleton `sip init` writes: every section, DESE's expectations as comments, placeholders."""

from __future__ import annotations

from sipcli.load.resources import read_template

SCHEMA_FILE_NAME = "sip-plan.schema.json"
_SCHEMA_MARKER = "__SCHEMA_URL__"


def plan_skeleton(schema_url: str) -> str:
    """Return the text of a new plan whose editor modeline points to ``schema_url``."""
    return read_template("init", "plan.yaml").replace(_SCHEMA_MARKER, schema_url)
