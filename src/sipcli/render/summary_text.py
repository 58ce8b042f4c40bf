"""Plain words for the family summary: its word list, short text, and plan text without jargon.

The words live in ``sipcli/data/summary_words.yaml``. `shorten` keeps a text to a length
without cutting a word; `Plainer` turns the plan's own text into what a parent reads: no
ids, school years written out, codes replaced and abbreviations explained on first use.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files
from typing import Any

from ruamel.yaml import YAML

from sipcli.render.formatting import MONTHS
from sipcli.statement.years import year_mentions

#: An id of the plan (G1, G1.B2, O3, I2.1, RC4, TP2, D10), which a family never sees.
ID = re.compile(r"\b(?:[A-Z]{1,3}\d+(?:\.[A-Z]{0,2}\d+)*)\b")
#: A term of a school year as sip prints it: "EOY 2026-27", "Q2 2026-27".
_TERM_OF_YEAR = re.compile(r"\b(EOY|MOY|BOY|Q[1-4]) (\d{4})-(\d{2})\b")
_QUARTERS = {"Q1": "first", "Q2": "second", "Q3": "third", "Q4": "fourth"}
_TERMS = {"EOY": "the end of", "MOY": "the middle of", "BOY": "the start of"}
#: Words a shortened text does not end on, so the ellipsis never follows "and" or "the".
_WEAK_ENDINGS = frozenset(
    {"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or"}
    | {"so", "the", "their", "to", "with"}
)
#: What a shortened text does not end on before its ellipsis (dashes: em, en, hyphen).
_TRAILING = ",;:\u2014\u2013-"


@cache
def words() -> dict[str, Any]:
    """Return the summary's word list, read once from ``sipcli/data/summary_words.yaml``."""
    text = files("sipcli").joinpath("data").joinpath("summary_words.yaml").read_text("utf-8")
    data: dict[str, Any] = YAML(typ="safe", pure=True).load(text)
    return data


def shorten(text: str, limit: int) -> str:
    """Return ``text`` in at most ``limit`` characters, never cut inside a word.

    A text that fits is returned whole (its spaces tidied). Otherwise it ends at the last
    full sentence that fits, when that keeps at least half the room; else at the last whole
    word that fits (not a weak word such as "and", and without trailing punctuation),
    followed by an ellipsis, "…", which counts towards the limit.
    """
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [match.end() for match in re.finditer(r"[.!?](?=\s)", text[: limit + 1])]
    if ends and ends[-1] >= limit // 2:
        return text[: ends[-1]]
    kept = text[:limit].rsplit(" ", 1)[0].split(" ") if " " in text[:limit] else []
    while kept and kept[-1].strip(_TRAILING).lower() in _WEAK_ENDINGS:
        kept.pop()
    head = " ".join(kept).rstrip(_TRAILING + ". ")
    return f"{head}…" if head else "…"


def month_year(day: dt.date) -> str:
    """Return a month as a parent writes it: "September 2027"."""
    return f"{MONTHS[day.month - 1]} {day.year}"


def school_years(text: str) -> str:
    """Write school years out: "SY2025-26" and "SY26" become "the 2025-26 school year".

    School years are read as lint and the scorer read them (`sipcli.statement.years`).
    """
    text = _TERM_OF_YEAR.sub(_term_words, text)
    for mention in reversed(year_mentions(text)):
        if mention.text[:2].upper() == "SY" and mention.last == mention.first + 1:
            written = f"the {mention.first}-{mention.last % 100:02d} school year"
            text = text[: mention.start] + written + text[mention.end :]
    return text


def _term_words(match: re.Match[str]) -> str:
    year = f"{match[2]}-{match[3]}"
    if match[1] in _QUARTERS:
        return f"the {_QUARTERS[match[1]]} quarter of the {year} school year"
    return f"{_TERMS[match[1]]} the {year} school year"


def without_ids(text: str) -> str:
    """Drop the plan's ids: a parenthesis that cites one goes, and so does a sentence that names one."""
    text = re.sub(r"\s*\([^()]*\)", lambda match: "" if ID.search(match[0]) else match[0], text)
    sentences = re.split(r"(?<=[.!?;])\s+", text)
    return " ".join(sentence for sentence in sentences if not ID.search(sentence)).strip()


@dataclass
class Plainer:
    """Makes the plan's text plain, in page order: each abbreviation is explained once."""

    explained: set[str] = field(default_factory=set)

    def __call__(self, text: str | None, limit: int) -> str:
        """Return ``text`` without ids or jargon, shortened to ``limit`` characters."""
        if not text:
            return ""
        text = without_ids(school_years(" ".join(text.split())))
        for term, plain in words()["replace"].items():
            text = re.sub(rf"\b{re.escape(term)}\b", plain, text)
        for term, meaning in words()["explain"].items():
            pattern = re.compile(rf"\b{re.escape(term)}\b(?! \()")
            if term not in self.explained and pattern.search(text):
                text = pattern.sub(f"{term} ({meaning})", text, count=1)
                self.explained.add(term)
        return shorten(_capitalised(text), limit)


def _capitalised(text: str) -> str:
    """Start with a capital, as a replaced first word ("reading and writing ...") may not."""
    return text[:1].upper() + text[1:]
