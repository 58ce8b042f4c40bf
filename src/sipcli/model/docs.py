"""Attach each field's docstring to the model as its description, for ``sip schema``.

The docstring under a field is its documentation in the source. Reading them costs a parse of
the model modules, so it is done only when a JSON Schema or field documentation is wanted.
"""

from __future__ import annotations

import ast
import inspect
import sys
from functools import cache

from pydantic import BaseModel

from sipcli.model.introspect import models_below


def field_docstrings(model: type[BaseModel]) -> dict[str, str]:
    """Return ``{field name: docstring}`` for the fields of ``model`` written in its class body."""
    return _module_docstrings(model.__module__).get(model.__name__, {})


@cache
def _module_docstrings(module_name: str) -> dict[str, dict[str, str]]:
    tree = ast.parse(inspect.getsource(sys.modules[module_name]))
    found: dict[str, dict[str, str]] = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            found[node.name] = _class_docstrings(node)
    return found


def _class_docstrings(node: ast.ClassDef) -> dict[str, str]:
    docs: dict[str, str] = {}
    for statement, following in zip(node.body, node.body[1:], strict=False):
        if (
            isinstance(statement, ast.AnnAssign)
            and isinstance(statement.target, ast.Name)
            and isinstance(following, ast.Expr)
            and isinstance(following.value, ast.Constant)
            and isinstance(following.value.value, str)
        ):
            docs[statement.target.id] = inspect.cleandoc(following.value.value)
    return docs


def describe_fields(root: type[BaseModel]) -> None:
    """Fill in the description of every field of ``root`` and of the models below it.

    Idempotent: models are rebuilt once, after all their descriptions are set.
    """
    for model in models_below(root):
        docs = field_docstrings(model)
        for name, info in model.model_fields.items():
            if info.description is None and name in docs:
                info.description = docs[name]
    for model in models_below(root):
        model.model_rebuild(force=True)
