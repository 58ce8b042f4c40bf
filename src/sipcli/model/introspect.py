"""Walk the model tree: which models a field refers to, and every model below the root."""

from __future__ import annotations

from pydantic import BaseModel


def models_below(root: type[BaseModel]) -> list[type[BaseModel]]:
    """Return ``root`` and every model its fields refer to, directly or not."""
    seen: list[type[BaseModel]] = []
    pending = [root]
    while pending:
        model = pending.pop()
        if model in seen:
            continue
        seen.append(model)
        for info in model.model_fields.values():
            pending.extend(models_in(info.annotation))
    return seen


def models_in(annotation: object) -> list[type[BaseModel]]:
    """Return the models an annotation refers to, looking inside lists, unions and Annotated."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    found: list[type[BaseModel]] = []
    for argument in getattr(annotation, "__args__", ()):
        found.extend(models_in(argument))
    return found
