"""The vocabularies of the statement detectors, read from ``sipcli/data/smart_lexicon.yaml``.

They are data, not code: districts name their assessments, roles and groups in their own
words, and a consultant can extend the file without touching the detectors.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ruamel.yaml import YAML

Labelled = tuple[tuple[str, re.Pattern[str]], ...]


def _words(patterns: list[str]) -> re.Pattern[str]:
    """Compile alternatives into one case-insensitive pattern anchored on word boundaries."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(patterns) + r")(?![\w-])", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """Compiled vocabularies: labelled ones in priority order, plain ones as one pattern."""

    metrics: Labelled
    student_groups: Labelled
    measure_sources: re.Pattern[str]
    vague_verbs: re.Pattern[str]
    activity_verbs: re.Pattern[str]
    owners: re.Pattern[str]
    ceiling_words: re.Pattern[str]
    floor_words: re.Pattern[str]


def _labelled(entries: list[dict[str, object]], label: str) -> Labelled:
    return tuple((str(entry[label]), _words(list(entry["patterns"]))) for entry in entries)  # type: ignore[call-overload]


@cache
def lexicon() -> Lexicon:
    """Return the shipped vocabularies, compiled once."""
    text = (
        files("sipcli").joinpath("data").joinpath("smart_lexicon.yaml").read_text(encoding="utf-8")
    )
    data = YAML(typ="safe", pure=True).load(text)
    return Lexicon(
        metrics=_labelled(data["metrics"], "metric"),
        student_groups=_labelled(data["student_groups"], "group"),
        measure_sources=_words(data["measure_sources"]),
        vague_verbs=_words(data["vague_verbs"]),
        activity_verbs=_words(data["activity_verbs"]),
        owners=_words(data["owners"]),
        ceiling_words=_words(data["ceiling_words"]),
        floor_words=_words(data["floor_words"]),
    )
