"""The grades a school serves, as people say them ("K-5", "PK-8", "9-12", "K, 1, 2").

A plan lists every grade served (``grades: [K, 1, 2, 3, 4, 5]``); people answer with a
range. `parse_grades` turns the answer into that list, each grade read as validation reads
it (`sipcli.model.types.normalise_grade`), so what `sip init` writes always validates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sipcli.model.types import normalise_grade

#: Every grade in order, lowest first: a range runs along this list.
GRADE_ORDER = ("PK", "K", *(str(grade) for grade in range(1, 13)))

# "Pre-K" holds the same hyphen a range does; read it as PK before splitting on hyphens.
_PRE_K = re.compile(r"\bpre[\s-]*k(?:indergarten)?\b", re.IGNORECASE)
_RANGE = re.compile(r"\s*(?:-|\u2013|\u2014|\bto\b|\bthrough\b|\bthru\b)\s*", re.IGNORECASE)
_PARTS = re.compile(r"\s*[,;/]\s*|\s+and\s+|\s+(?=\S)", re.IGNORECASE)


def parse_grades(text: str) -> list[str]:
    """Return every grade ``text`` names, in order: ``"K-5"`` gives K, 1, 2, 3, 4, 5.

    Accepts ranges (``PK-8``, ``9-12``, ``K to 5``), lists (``K, 1, 2`` or ``K 1 2``) and
    both (``PK, K-2``). Grades are PK, K and 1 to 12, written as validation accepts them.

    Raises:
        ValueError: with a message saying what is wrong and how to write it.
    """
    cleaned = _PRE_K.sub("PK", text.strip())
    if not cleaned:
        raise ValueError("no grades given; write the grades served, e.g. K-5 or 9-12")
    grades: list[str] = []
    for part in _split_parts(cleaned):
        for grade in _read_part(part):
            if grade in grades:
                raise ValueError(f"grade {grade} is named twice; name each grade once")
            grades.append(grade)
    return sorted(grades, key=GRADE_ORDER.index)


def format_grades(grades: Iterable[str]) -> str:
    """Return ``grades`` as a YAML flow list, the way plans write them: ``[K, 1, 2]``."""
    return "[" + ", ".join(grades) + "]"


def _split_parts(text: str) -> list[str]:
    """Split ``text`` into ranges and single grades, keeping each range whole."""
    # Join the two ends of a range first so that "K to 5" is not split at its spaces.
    joined = _RANGE.sub("-", text)
    return [part for part in _PARTS.split(joined) if part]


def _read_part(part: str) -> list[str]:
    """Return the grades of one part: a single grade or a range ``first-last``."""
    ends = part.split("-")
    if len(ends) == 1:
        return [_read_grade(part)]
    if len(ends) != 2 or not all(ends):
        raise ValueError(
            f"'{part}' is not a range of grades; write the first and last grade, e.g. K-5"
        )
    first, last = (GRADE_ORDER.index(_read_grade(end)) for end in ends)
    if first > last:
        raise ValueError(
            f"'{part}' runs backwards; write the lowest grade first, "
            f"e.g. {GRADE_ORDER[last]}-{GRADE_ORDER[first]}"
        )
    return list(GRADE_ORDER[first : last + 1])


def _read_grade(written: str) -> str:
    """Return one grade as plans write it (PK, K, 1 to 12)."""
    try:
        return str(normalise_grade(written))
    except ValueError:
        raise ValueError(
            f"'{written}' is not a grade; grades are PK, K and 1 to 12, e.g. K-5 or 9-12"
        ) from None
