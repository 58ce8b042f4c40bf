"""Write a `Placement` as the text of a draft plan, saying where every value came from.

The draft has the plan format's key order. Each imported item's first key carries a comment
naming its source ("# from table 3, row 2"), each inferred value one saying how it was read
("# read from the statement in table 3, row 2"); each key the format requires and the source
lacks is a ``<placeholder>`` as `sip init` writes them, so the draft validates once they are
filled. What could not be placed is kept verbatim in a ``# Not imported`` comment block at
the end of the section it most likely belongs to. What sip derives from the plan, left out of a
document sip rendered, is counted in the header's notes.
"""

from __future__ import annotations

import re
import textwrap
import types
from collections.abc import Iterator
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from sipcli.edit.fmt import dump
from sipcli.importing.derived import derived_note
from sipcli.importing.mapping import Item, Leftover, Path, Placement, Value, import_map
from sipcli.model import TOP_LEVEL_KEYS, Plan
from sipcli.model.kinds import DEFAULT_KIND, plan_kinds
from sipcli.model.plan_info import PlanInfo
from sipcli.model.school import School

#: Placeholders for the keys a plan's header needs, worded as `sip init` words them.
_HEADER_PLACEHOLDERS: dict[Path, str] = {
    ("school", "name"): "<school name>",
    ("school", "district"): "<district name>",
    ("plan", "type"): "<initial or annual_renewal>",
    ("plan", "school_year"): "<school year the plan starts, e.g. SY2026-27>",
}


def build_plan(placement: Placement) -> str:
    """Return the draft plan's YAML text for ``placement``."""
    data = CommentedMap()
    data["schema_version"] = 1
    data["school"] = _header_section(placement, "school")
    data["plan"] = _plan_info(placement)
    for key in TOP_LEVEL_KEYS[3:]:  # schema_version, school and plan are written above
        section = _section(placement, key)
        if section is not None:
            data[key] = section
            origin = placement.sections.get(key)
            if origin is not None:
                data.yaml_add_eol_comment(f"from {origin.where}", key)
    text = dump(data)
    if not text.endswith("\n"):
        text += "\n"  # a comment on the last line is written without its line end
    draft = _header(placement) + _with_leftovers(text, placement.leftovers).rstrip("\n") + "\n"
    return _visible_controls(draft)


#: Control characters YAML does not allow raw. The dump escapes them in values ("\e"), so a
#: raw one can only be in a comment (a source's text or header kept verbatim there).
_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f\x80-\x84\x86-\x9f]")


def _visible_controls(text: str) -> str:
    r"""Write each control character a comment holds as its code (ESC as \x1b): the draft reads."""
    return _CONTROLS.sub(lambda match: f"\\x{ord(match.group(0)):02x}", text)


def _header(placement: Placement) -> str:
    lines = [
        f"# Imported by `sip import` from {placement.file}.",
        "# Every value comes from the source; a comment names where. Replace every <placeholder>",
        "# (angle brackets included), read each '# Not imported' block, then run",
        "# `sip validate --show-placeholders` on this file.",
    ]
    lines += [f"# Note: {note}" for note in placement.notes]
    derived = derived_note(placement)
    if derived is not None:
        lines += textwrap.wrap(
            f"Note: {derived}.", 92, initial_indent="# ", subsequent_indent="#   "
        )
    return "\n".join(lines) + "\n\n"


# --- the header sections ------------------------------------------------------------------


def _header_section(placement: Placement, section: str) -> CommentedMap:
    """The school section: each key the source gives, in the format's order, or its placeholder."""
    data = CommentedMap()
    for name, info in School.model_fields.items():
        path = (section, name)
        values = placement.texts.get(path)
        sub = model_in(info.annotation)
        if values:
            _put(data, name, values[0])
        elif path in _HEADER_PLACEHOLDERS:
            data[name] = _HEADER_PLACEHOLDERS[path]
        elif sub is not None and (nested := _mapping(sub, placement, path)):
            data[name] = nested
    return data


def _plan_info(placement: Placement) -> CommentedMap:
    data = CommentedMap()
    kind = placement.kind.value if placement.kind else DEFAULT_KIND
    if placement.kind is not None:
        _put(data, "kind", placement.kind)
    requires = {path for path in plan_kinds()[kind].requires}
    for name, info in PlanInfo.model_fields.items():
        path = ("plan", name)
        values = placement.texts.get(path)
        sub = model_in(info.annotation)
        if name == "kind":
            continue  # written above, from the headings
        if values:
            _put(data, name, values[0])
        elif name == "school_year" and placement.school_year_text is not None:
            _put(data, name, placement.school_year_text)
        elif path in requires and path in _HEADER_PLACEHOLDERS:
            data[name] = _HEADER_PLACEHOLDERS[path]
        elif sub is not None and path in placement.items:
            data[name] = _items(sub, placement.items[path], name)  # its submissions
        elif sub is not None and not _is_list(info.annotation):
            nested = _mapping(sub, placement, path)
            if nested:
                data[name] = nested
    return data


# --- the plan's sections ------------------------------------------------------------------


def _section(placement: Placement, key: str) -> Any:
    """The section ``key`` as YAML data, or None when the source gave it nothing."""
    annotation = Plan.model_fields[key].annotation
    model = model_in(annotation)
    if model is None:
        return None
    if _is_list(annotation):
        items = placement.items.get((key,))
        return _items(model, items, key) if items else None
    data = _mapping(model, placement, (key,))
    return data if data else None


def _mapping(model: type[BaseModel], placement: Placement, path: Path) -> CommentedMap:
    """A section or sub-section's keys from the texts, lists and items placed under ``path``."""
    data = CommentedMap()
    for name, info in model.model_fields.items():
        here = (*path, name)
        sub = model_in(info.annotation)
        if here in placement.texts:
            _put_text(data, name, placement.texts[here], 2 * len(path))
        elif here in placement.lists:
            values = placement.lists[here]
            data[name] = CommentedSeq(str(value.value) for value in values)
            data.yaml_add_eol_comment(f"from {values[0].origin.where}", name)
        elif here in placement.items and sub is not None:
            data[name] = _items(sub, placement.items[here], name)
        elif sub is not None and not _is_list(info.annotation):
            nested = _mapping(sub, placement, here)
            if nested:
                data[name] = nested
        elif any(get_origin(arg) is dict for arg in (info.annotation, *get_args(info.annotation))):
            _put_entries(data, name, placement, here)  # dict[StudentGroup, float] | None
    if data:
        _fill_required(model, data)
    return data


def _put_entries(data: CommentedMap, name: str, placement: Placement, path: Path) -> None:
    """A mapping field (a school's demographics): one key per value placed under ``path``."""
    entries = CommentedMap()
    for here, values in placement.texts.items():
        if here[:-1] == path and values:
            _put(entries, here[-1], values[0])
    if entries:
        data[name] = entries


def _put_text(data: CommentedMap, name: str, values: list[Value], indent: int) -> None:
    """A text field: one paragraph as is, several kept together in a block."""
    where = values[0].origin.where
    if len(values) == 1:
        _put(data, name, values[0])
        return
    data[name] = LiteralScalarString("\n\n".join(str(value.value) for value in values) + "\n")
    # a block's first line cannot carry a comment: the source goes on the line above
    last = values[-1].origin.where
    data.yaml_set_comment_before_after_key(
        name, before=f"from {where} to {last} ({len(values)} paragraphs)", indent=indent
    )


def _put(data: CommentedMap, name: str, value: Value, *, always: bool = True) -> None:
    """Write a value; its source goes in a comment when it was inferred (or ``always``)."""
    data[name] = _scalar(value.value)
    if value.inferred or always:
        how = value.inferred or "from"
        data.yaml_add_eol_comment(f"{how} {value.origin.where}", name)


def _scalar(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        seq = CommentedSeq(_scalar(v) for v in value)
        seq.fa.set_flow_style()
        return seq
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.rstrip("\n") + "\n")
    return value


# --- items --------------------------------------------------------------------------------


def _items(
    model: type[BaseModel], items: list[Item], name: str, parent_id: str = ""
) -> CommentedSeq:
    """A list of items, each with an id (the source's, else numbered in source order)."""
    seq = CommentedSeq()
    ids = _ids(model, items, parent_id)
    for item, ident in zip(items, ids, strict=True):
        seq.append(_item(model, item, ident))
    return seq


def _ids(model: type[BaseModel], items: list[Item], parent_id: str) -> list[str | None]:
    """Each item's id: the source's, else the kind's prefix and the next free number."""
    if "id" not in model.model_fields:
        return [None for _ in items]
    used = {str(item.fields["id"].value) for item in items if "id" in item.fields}
    ids: list[str | None] = []
    number = 0
    for item in items:
        if "id" in item.fields:
            ids.append(str(item.fields["id"].value))
            continue
        prefix = _prefix(item.kind)
        while True:
            number += 1
            candidate = f"{parent_id}.{prefix}{number}" if parent_id else f"{prefix}{number}"
            if candidate not in used:
                break
        used.add(candidate)
        ids.append(candidate)
    return ids


def _prefix(kind: str) -> str:
    for table in import_map().tables:
        if table.name == kind and table.id_prefix:
            return table.id_prefix
    return kind[:1].upper()


def _item(model: type[BaseModel], item: Item, ident: str | None) -> CommentedMap:
    data = CommentedMap()
    for name, info in model.model_fields.items():
        sub = model_in(info.annotation)
        nested = {k.split(".", 1)[1]: v for k, v in item.fields.items() if k.startswith(f"{name}.")}
        if name == "id" and ident is not None:
            data["id"] = ident
        elif name in item.fields:
            _put(data, name, item.fields[name], always=False)
        elif nested and sub is not None:
            inner = CommentedMap()
            for key in sub.model_fields:
                if key in nested:
                    _put(inner, key, nested[key], always=False)
            _fill_required(sub, inner)
            data[name] = inner
        elif name in item.children and sub is not None:
            data[name] = _items(sub, item.children[name], name, ident or "")
    _fill_required(model, data)
    first = next(iter(data))
    value = item.fields.get(first)
    if value is None or not value.inferred:  # the row the item stands for, on its first line
        note = f"; {item.note}" if item.note else ""
        data.yaml_add_eol_comment(f"from {item.origin.where}{note}", first)
    return data


def _fill_required(model: type[BaseModel], data: CommentedMap) -> None:
    """Write a placeholder for each key ``model`` requires that ``data`` lacks, in field order."""
    missing = [
        name for name, info in model.model_fields.items() if info.is_required() and name not in data
    ]
    if not missing:
        return
    order = list(model.model_fields)
    for name in missing:
        info = model.model_fields[name]
        value: Any = placeholder(name, info.annotation)
        if _is_list(info.annotation):
            value = CommentedSeq([value])
            value.fa.set_flow_style()
        data[name] = value
    # put the placeholders where the format puts them
    keys = sorted(data, key=order.index)
    for key in keys:
        data.move_to_end(key)


def placeholder(name: str, annotation: Any) -> str:
    """A placeholder for a field: its choices when it has a few, else its name in words."""
    choices = _choices(annotation)
    if choices:
        head = ", ".join(choices[:-1])
        return f"<{head} or {choices[-1]}>" if head else f"<{choices[0]}>"
    words = {
        "by": "by when",
        "due": "when it is checked, e.g. Q1",
        "period": "when it was measured",
    }
    return f"<{words.get(name, name.replace('_', ' '))}>"


def _choices(annotation: Any) -> list[str]:
    if get_origin(annotation) is Literal:
        return [str(arg) for arg in get_args(annotation)]
    for arg in get_args(annotation):
        found = _choices(arg)
        if found:
            return found
    return []


def model_in(annotation: Any) -> type[BaseModel] | None:
    """The model a field holds (directly, in a list, or optional), or None for a plain value."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = model_in(arg)
        if found is not None:
            return found
    return None


def _is_list(annotation: Any) -> bool:
    """Whether a field holds a list (possibly optional, possibly annotated)."""
    origin = get_origin(annotation)
    if origin is list:
        return True
    if origin in (Union, types.UnionType, Annotated):
        return any(_is_list(arg) for arg in get_args(annotation))
    return False


# --- leftovers ----------------------------------------------------------------------------

_TOP_KEY = re.compile(r"^([A-Za-z_][\w]*):")


def _with_leftovers(text: str, leftovers: list[Leftover]) -> str:
    """Insert each section's ``# Not imported`` block at its end.

    A section sip wrote nothing of gets its block where the section would be.
    """
    if not leftovers:
        return text
    lines = text.splitlines(keepends=True)
    starts = [
        (index, match.group(1))
        for index, line in enumerate(lines)
        if (match := _TOP_KEY.match(line))
    ]
    by_section: dict[str, list[Leftover]] = {}
    for leftover in leftovers:
        by_section.setdefault(leftover.section or "plan", []).append(leftover)
    order = ["schema_version", "school", "plan", *TOP_LEVEL_KEYS[3:]]
    written = [key for _, key in starts]
    inserts: dict[int, list[str]] = {}
    for section, kept in by_section.items():
        if section in written:
            end = next(
                (i for i, key in starts if order.index(key) > order.index(section)), len(lines)
            )
        else:
            later = [i for i, key in starts if order.index(key) > order.index(section)]
            end = later[0] if later else len(lines)
        inserts.setdefault(end, []).extend(_block(section, kept, section in written))
    out: list[str] = []
    for index, line in enumerate(lines):
        out.extend(inserts.get(index, []))
        out.append(line)
    out.extend(inserts.get(len(lines), []))
    return "".join(out)


def _block(section: str, kept: list[Leftover], written: bool) -> Iterator[str]:
    title = "" if written else f" ({section}: sip could place none of it)"
    yield f"# Not imported{title}: kept verbatim from the source, to place by hand or delete.\n"
    for leftover in kept:
        yield f"# [{leftover.origin.where}]\n"
        for line in leftover.text.splitlines() or [""]:
            yield f"#   {line}".rstrip() + "\n"
    yield "\n"
