"""What a value not among a field's choices means: ``ELL`` is ``english_learners``, not ``all``.

The words schools use for a choice (abbreviations, older names, plain descriptions) live in
``data/synonyms.yaml``, so a school can add its own; a spelling guess (`closest`) only comes
after them, since ``ELL`` is nearer in spelling to ``all`` than to what it means.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from sipcli.diagnostics import closest
from sipcli.model.labels import tables

_SEPARATORS = re.compile(r"[\s\-_/.]+")


@dataclass(frozen=True)
class Suggestion:
    """A choice a written value probably means, and the words its label table gives it."""

    value: str
    label: str | None
    """The choice's words from labels.yaml when the value was matched by meaning, else None."""

    def __str__(self) -> str:
        """The suggestion as a message says it: 'english_learners' (English learners)."""
        return f"'{self.value}'" + (f" ({self.label})" if self.label else "")


def normalised(text: str) -> str:
    """The form synonyms are compared in: lower case, '-', '_', '/', '.' read as spaces."""
    return _SEPARATORS.sub(" ", text.lower()).strip()


@cache
def synonym_tables() -> Mapping[str, Mapping[str, str]]:
    """Every synonym table, read once from ``sipcli/data/synonyms.yaml``: normalised word to value.

    Raises:
        ValueError: when a synonym names two values of one table (a mistake in the data file).
    """
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when a value is not a choice

    text = files("sipcli").joinpath("data").joinpath("synonyms.yaml").read_text(encoding="utf-8")
    data: dict[str, dict[str, list[Any]]] = YAML(typ="safe").load(text)
    return MappingProxyType({name: _table(name, entries) for name, entries in data.items()})


def _table(name: str, entries: Mapping[str, Sequence[Any]]) -> Mapping[str, str]:
    table: dict[str, str] = {}
    for value, words in entries.items():
        for word in [value, *words]:
            key = normalised(str(word))
            if table.get(key, value) != value:
                raise ValueError(
                    f"synonyms.yaml: '{word}' in {name} means both {table[key]} and {value}"
                )
            table[key] = str(value)
    return MappingProxyType(table)


def _table_for(choices: Sequence[str]) -> tuple[str, Mapping[str, str]] | None:
    """The synonym table of the enumeration ``choices`` are, if one has all its values there."""
    allowed = set(choices)
    for name, table in synonym_tables().items():
        if set(table.values()) <= allowed:
            return name, table
    return None


def meant(written: str, choices: Sequence[str]) -> Suggestion | None:
    """Return the choice ``written`` most likely means: by meaning first, then by spelling."""
    found = _table_for(choices)
    if found is not None:
        name, table = found
        value = table.get(normalised(written))
        if value is not None and value != written:
            label = tables().get(name, {}).get(value)
            return Suggestion(value, label)
    guess = closest(written, choices)
    return Suggestion(guess, None) if guess else None
