"""Plain-language helpers for schema messages: what a key may be, what a value is, close matches."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from pydantic import BaseModel

from sipcli.model import Plan
from sipcli.model.introspect import models_in


def model_at(loc: Sequence[Any]) -> type[BaseModel] | None:
    """Return the model that the mapping at ``loc`` must follow, or None if it is not a model."""
    model: type[BaseModel] | None = Plan
    for part in loc:
        if model is None:
            return None
        if isinstance(part, int):
            continue
        info = model.model_fields.get(str(part))
        if info is None:
            return None
        found = models_in(info.annotation)
        model = found[0] if found else None
    return model


def allowed_keys(loc: Sequence[Any]) -> list[str]:
    """Return the keys allowed in the mapping at ``loc``, in the model's order."""
    model = model_at(loc)
    return list(model.model_fields) if model else []


def field_description(loc: Sequence[Any]) -> str | None:
    """Return the documentation of the field at ``loc``, if it is a documented model field."""
    if not loc:
        return None
    from sipcli.model.docs import field_docstrings  # noqa: PLC0415 - parses source; errors only

    model = model_at(loc[:-1])
    return field_docstrings(model).get(str(loc[-1])) if model else None


def choices_in(expected: str) -> list[str]:
    """Split Pydantic's ``"'a', 'b' or 'c'"`` (or ``"1, 2 or 3"``) into ``['a', 'b', 'c']``."""
    return [
        quoted or bare
        for quoted, bare in re.findall(r"'([^']*)'|(\b[\w.-]+\b)", expected)
        if (quoted or bare) != "or"
    ]


_EXPECTED = {
    "string": "text",
    "int": "a whole number",
    "float": "a number",
    "bool": "true or false",
    "list": "a list (items on their own lines, each starting with '- ')",
    "dict": "a section of keys",
    "model": "a section of keys",
    "date": "a date written YYYY-MM-DD",
}


def expected_words(error_type: str) -> str:
    """Describe in words what kind of value a Pydantic error type expected."""
    prefix = error_type.split("_", 1)[0]
    return _EXPECTED.get(prefix, "a different kind of value")


def describe_input(value: Any) -> str:
    """Describe a value the way a reader of the YAML file sees it."""
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the value {str(value).lower()}"
    if isinstance(value, int | float):
        return f"the number {value}"
    if isinstance(value, dt.date):
        return f"the date {value.isoformat()}"
    if isinstance(value, str):
        shown = value if len(value) <= 60 else value[:57] + "..."
        return f"'{shown}'"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a section of keys"
    return f"a {type(value).__name__}"
