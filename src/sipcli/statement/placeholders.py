"""Template placeholders left in a plan's text: one vocabulary for lint and the scorer.

A placeholder is a slot a template left for the team to fill: ``XX%``, ``20XX``, ``TBD``,
``___``, ``__%``, ``[insert baseline]``, ``[student group]``, ``<metric>``, ``(date)``.
Brackets and parentheses count only when they open with a template word and hold no figure,
so data written in parentheses ("(Baseline -15.3, Target 12.7 by 2021)") is not one.

Some words are holes only in a goal or benchmark statement: "N/A" is a fair answer in many
fields of a plan but says nothing where a target belongs, and a row of dots is a blank to
write on. Ask for them with ``statement=True``.
"""

from __future__ import annotations

import re

from sipcli.statement.found import Found

#: Words a bracketed slot opens with: "[insert ...]", "[student group]", "<date>".
_SLOT_WORDS = (
    "insert|add|enter|fill|type|write|describe|explain|list|choose|select|name|date|number|"
    "school|district|principal|your|title|goal|value|percent|percentage|year|owner|role|link|"
    "url|tbd|target|baseline|metric|measure|group|student|students|subgroup|grade|grades|"
    "subject|assessment|data|month|season|amount|level|x+"
)
_SLOT_OPEN = rf"\s*(?:(?:{_SLOT_WORDS})\b|#|\.\.\.|\u2026)"
#: Parentheses are everyday prose ("(school counselor)"), so a slot there is an instruction
#: ("(insert date)") or one to three slot words alone ("(date)", "(target percent)").
_INSTRUCTION = r"insert|enter|fill(?: in)?|add|type|write|describe|choose|select|tbd"
_PAREN_SLOT = (
    rf"\(\s*(?:(?:{_INSTRUCTION})\b[^()\d]{{0,80}}"
    rf"|(?:{_SLOT_WORDS})(?:\s+(?:{_SLOT_WORDS}|of|the|here)){{0,2}}\s*)\)"
)

_PLACEHOLDERS = (
    # XX, XX%, 20XX, SY20XX-XX, YY: a number the template left out
    re.compile(
        r"(?<![\w])(?:SY\s?)?(?:(?:19|20)[xX]{2}|[xX]{2,4}|Y{2,4})"
        r"(?:\s?[-/\u2013]\s?(?:(?:19|20)?[xX]{2}|Y{2,4}))?(?:\s?%)?(?![\w])"
    ),
    re.compile(r"(?<![\w])(?:TBD|TBA|TBC)(?![\w])", re.IGNORECASE),
    re.compile(r"(?<![\w])TK(?![\w])"),
    re.compile(r"\?{2,}"),
    re.compile(r"_{3,}(?:\s?%)?|_{2}\s?%"),
    re.compile(rf"\[{_SLOT_OPEN}[^\[\]\d]{{0,80}}\]", re.IGNORECASE),
    re.compile(rf"<{_SLOT_OPEN}[^<>\d]{{0,60}}>", re.IGNORECASE),
    re.compile(_PAREN_SLOT, re.IGNORECASE),
    re.compile(r"\blorem\s+ipsum\b", re.IGNORECASE),
)

#: Holes only in a statement (see the module's docstring).
STATEMENT_ONLY = (
    re.compile(r"(?<![\w/])N/A(?![\w/])", re.IGNORECASE),
    re.compile(r"\.{4,}|\u2026{2,}"),
)


def _scoped(pattern: re.Pattern[str]) -> str:
    """``pattern`` as a group that keeps its own case sensitivity inside an alternation."""
    return f"(?{'i' if pattern.flags & re.IGNORECASE else ''}:{pattern.pattern})"


_ANY = re.compile("|".join(_scoped(pattern) for pattern in (*_PLACEHOLDERS, *STATEMENT_ONLY)))


def find_placeholders(text: str, *, statement: bool = False) -> list[Found]:
    """Return the template placeholders left in ``text``, in order, none inside another.

    ``statement`` adds the statement-only holes (`STATEMENT_ONLY`): "N/A", a row of dots.
    """
    if not _ANY.search(text):
        return []  # most texts hold none: one search instead of one per pattern
    patterns = (*_PLACEHOLDERS, *STATEMENT_ONLY) if statement else _PLACEHOLDERS
    matches = sorted(
        (match for pattern in patterns for match in pattern.finditer(text)),
        key=lambda match: (match.start(), -match.end()),
    )
    found: list[Found] = []
    for match in matches:
        if found and match.start() < found[-1].end:
            continue  # "[TBD baseline]" is one placeholder, not two
        found.append(Found(match.group(0), match.start(), match.end(), match.group(0)))
    return found
