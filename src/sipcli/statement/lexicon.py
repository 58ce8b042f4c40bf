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
class Comparison:
    """Words that set a target's comparison, before its number or after it and its unit.

    Each pattern's ``number`` group holds the figure the words are attached to.
    """

    before: re.Pattern[str]
    after: re.Pattern[str]

    def numbers(self, text: str) -> list[tuple[float, str]]:
        """Each figure in ``text`` these words are attached to, with the words' text."""
        found = []
        for pattern in (self.before, self.after):
            for match in pattern.finditer(text):
                found.append((float(match.group("number")), match.group(0)))
        return found


_NUMBER = r"(?P<number>\d+(?:\.\d+)?)"
# Between a figure and "or lower": its unit, in a word or two ("20% or lower", "5 students or
# fewer", "15 percent or less").
_UNIT = r"(?:\s*%|\s+percent)?(?:\s+[A-Za-z-]+){0,2}?"


def _comparison(entry: dict[str, list[str]]) -> Comparison:
    before = "|".join(entry["before"])
    after = "|".join(entry["after"])
    return Comparison(
        re.compile(rf"(?<![\w-])(?:{before})\s+{_NUMBER}(?!\.?\d)", re.IGNORECASE),
        re.compile(rf"(?<![\w.]){_NUMBER}{_UNIT}\s+(?:{after})(?![\w-])", re.IGNORECASE),
    )


@dataclass(frozen=True)
class Lexicon:
    """Compiled vocabularies: labelled ones in priority order, plain ones as one pattern."""

    metrics: Labelled
    student_groups: Labelled
    measure_sources: re.Pattern[str]
    vague_verbs: re.Pattern[str]
    activity_verbs: re.Pattern[str]
    owners: re.Pattern[str]
    ceiling_words: Comparison
    floor_words: Comparison


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
        ceiling_words=_comparison(data["ceiling_words"]),
        floor_words=_comparison(data["floor_words"]),
    )
