"""Words for the codes a plan stores: what a reader of the rendered plan sees instead of codes.

The words live in ``data/labels.yaml`` so that a user can correct a label once for every
format; `label` is how every renderer, and the evidence `sip score` shows, reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

#: The kinds whose stakeholder group is the Local Stakeholder Group of a Level 4 or 5 school.
LOCAL_STAKEHOLDER_GROUP_KINDS = frozenset({"turnaround_level4", "turnaround_level5"})


@cache
def tables() -> Mapping[str, Mapping[str, str]]:
    """Return every label table, read once from ``sipcli/data/labels.yaml``."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when a document is rendered

    text = files("sipcli").joinpath("data").joinpath("labels.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[Any, Any]] = YAML(typ="safe").load(text)["tables"]
    return MappingProxyType(
        {
            name: MappingProxyType({str(code): str(words) for code, words in entries.items()})
            for name, entries in data.items()
        }
    )


def label_table(name: str) -> Mapping[str, str]:
    """Return one label table (code to words), in the order the data file lists it.

    Raises:
        KeyError: when no table has that name (a mistake in sip, not in the plan).
    """
    try:
        return tables()[name]
    except KeyError:
        raise KeyError(f"labels.yaml has no table named {name!r}") from None


def label(table_name: str, code: str | None) -> str:
    """Return the reader's words for ``code`` from the ``table_name`` label table.

    A code the table does not list (a district's own value, a code newer than the data file)
    reads as words made from the code; no code reads as nothing.

    Raises:
        KeyError: when no table has that name (a mistake in sip, not in the plan).
    """
    entries = label_table(table_name)
    if code is None or code == "":
        return ""
    words = entries.get(str(code))
    return humanise(str(code)) if words is None else words


def submitted_to(to: str, kind: str) -> str:
    """How a cover page names a submission to ``to`` in a plan of ``kind``.

    Only a Level 4 or 5 turnaround plan has a Local Stakeholder Group; any other plan
    submits to "the stakeholder group".
    """
    if to == "stakeholder_group" and kind in LOCAL_STAKEHOLDER_GROUP_KINDS:
        return label("submitted_to", "local_stakeholder_group")
    return label("submitted_to", to)


def exit_label(kind: str) -> str:
    """How a turnaround plan names the year its school may leave its designation."""
    entries = label_table("exit_eligibility")
    return entries.get(kind) or entries["other"]


def humanise(code: str | None) -> str:
    """Turn a code with no label, such as ``weekly_support``, into "Weekly support"."""
    if not code:
        return ""
    text = code.replace("_", " ")
    return text[:1].upper() + text[1:]
