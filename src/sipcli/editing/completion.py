"""Completion candidates: ids of the right kind, enumeration values, and keys not yet written."""

from __future__ import annotations

from pydantic.fields import FieldInfo

from sipcli.editing.context import Cursor
from sipcli.editing.fields import choices, field_at, holds_models, is_list, model_at, summary
from sipcli.editing.index import DESE_GROUPS, GROUP_FIELD, REFERENCE_FIELDS, Index
from sipcli.editing.types import Completion


def completions_for(cursor: Cursor, index: Index | None) -> list[Completion]:
    """Return the candidates for ``cursor``; ids come from ``index`` (the last good parse)."""
    if cursor.kind == "key":
        return _keys(cursor)
    assert cursor.key is not None
    info = field_at(cursor.path, cursor.key)
    if info is None:
        return []
    found: list[Completion] = []
    if cursor.key in REFERENCE_FIELDS and index is not None:
        found += _ids(cursor, index)
    if cursor.key not in REFERENCE_FIELDS or cursor.key == GROUP_FIELD:
        found += _values(cursor, info)
    return found


def _keys(cursor: Cursor) -> list[Completion]:
    model = model_at(cursor.path)
    if model is None:
        return []
    found: list[Completion] = []
    for name, info in model.model_fields.items():
        if name in cursor.present:
            continue
        # A section or a list of items continues on the next lines; a value follows the key.
        opens = holds_models(info)
        found.append(
            Completion(
                label=name,
                kind="key",
                detail=_key_detail(cursor, name, info),
                insert_text=f"{name}:" if opens else f"{name}: ",
            )
        )
    return found


def _key_detail(cursor: Cursor, name: str, info: FieldInfo) -> str:
    from sipcli.editing.fields import key_documentation  # noqa: PLC0415 - parses the model source

    text = summary(key_documentation((*cursor.path, name)) or info.description)
    return f"{text} (required)" if info.is_required() else text


def _ids(cursor: Cursor, index: Index) -> list[Completion]:
    assert cursor.key is not None
    kinds = REFERENCE_FIELDS[cursor.key]
    return [
        Completion(
            label=item.identifier,
            kind="id",
            detail=f"{item.kind}: {summary(item.title, 70)}" if item.title else item.kind,
            insert_text=item.identifier,
        )
        for item in index.of_kind(kinds)
        if item.identifier not in cursor.present
    ]


def _values(cursor: Cursor, info: FieldInfo) -> list[Completion]:
    assert cursor.key is not None
    allowed = choices(info.annotation)
    detail = "DESE student group" if cursor.key == GROUP_FIELD else f"a value of {cursor.key}"
    return [
        Completion(label=value, kind="value", detail=detail, insert_text=value)
        for value in allowed
        if not (is_list(info) and value in cursor.present)
        and (cursor.key != GROUP_FIELD or value in DESE_GROUPS)
    ]
