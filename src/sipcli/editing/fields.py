"""What the plan model says about a key: its model, its description, the values it allows."""

from __future__ import annotations

import types
from collections.abc import Sequence
from functools import cache
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from pydantic.fields import FieldInfo

from sipcli.model.docs import field_docstrings
from sipcli.model.introspect import models_in
from sipcli.validate.schema_text import model_at

__all__ = [
    "choices",
    "field_at",
    "holds_models",
    "is_list",
    "key_documentation",
    "model_at",
    "section_documentation",
    "summary",
]


def field_at(path: Sequence[str | int], key: str) -> FieldInfo | None:
    """Return the model field ``key`` of the mapping at ``path``, None if there is none."""
    model = model_at(path)
    return model.model_fields.get(key) if model is not None else None


def holds_models(info: FieldInfo) -> bool:
    """Whether the field's value is a section of keys or a list of them."""
    return bool(models_in(info.annotation))


def is_list(info: FieldInfo) -> bool:
    """Whether the field's value is a list."""
    return _is_list(info.annotation)


def _is_list(annotation: Any) -> bool:
    if get_origin(annotation) is list:
        return True
    if get_origin(annotation) is Annotated:
        # A list with constraints, e.g. ``Annotated[list[TurnaroundPractice], Unique]``.
        return _is_list(get_args(annotation)[0])
    if _is_union(annotation):
        return any(_is_list(argument) for argument in get_args(annotation))
    return False


def _is_union(annotation: Any) -> bool:
    return get_origin(annotation) in (Union, types.UnionType)


def choices(annotation: Any) -> tuple[str, ...]:
    """Return the values an enumeration field allows (Literal members, true and false), in order."""
    found: list[str] = []
    _collect_choices(annotation, found)
    return tuple(dict.fromkeys(found))


def _collect_choices(annotation: Any, found: list[str]) -> None:
    if annotation is bool:
        found.extend(("true", "false"))
        return
    if get_origin(annotation) is Literal:
        found.extend(str(value) for value in get_args(annotation))
        return
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return
    for argument in get_args(annotation):
        _collect_choices(argument, found)


@cache
def _docs(model: type[BaseModel]) -> dict[str, str]:
    return field_docstrings(model)


def key_documentation(path: Sequence[str | int]) -> str | None:
    """Return the description of the key at ``path`` (its last part), from the model's docstrings."""
    keys = [part for part in path if isinstance(part, str)]
    if not keys:
        return None
    parent = model_at(path[: _last_key_index(path)])
    if parent is None or keys[-1] not in parent.model_fields:
        return None
    return _docs(parent).get(keys[-1]) or parent.model_fields[keys[-1]].description


def _last_key_index(path: Sequence[str | int]) -> int:
    return max(index for index, part in enumerate(path) if isinstance(part, str))


def section_documentation(path: Sequence[str | int]) -> str | None:
    """Return the docstring of the model the key at ``path`` holds, if it holds one."""
    model = model_at(path)
    if model is None or not model.__doc__:
        return None
    return " ".join(model.__doc__.split())


def summary(text: str | None, limit: int = 90) -> str:
    """Return the first sentence of ``text``, cut to ``limit`` characters."""
    if not text:
        return ""
    flat = " ".join(text.split())
    sentence = flat.split(". ", 1)[0]
    return sentence if len(sentence) <= limit else sentence[: limit - 3].rstrip() + "..."
