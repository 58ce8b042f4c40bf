"""What and who: the measure, its source, the student group, the owner, and weak wording.

The vocabularies are data (`sipcli.statement.lexicon`); the cues around them are here.
"""

from __future__ import annotations

import re

from sipcli.statement.found import Found
from sipcli.statement.lexicon import Labelled, lexicon


def _first(labelled: Labelled, text: str) -> Found | None:
    for label, pattern in labelled:
        match = pattern.search(text)
        if match:
            return Found(match.group(0), match.start(), match.end(), label)
    return None


def find_metric(text: str) -> Found | None:
    """Return the Massachusetts measure the statement names (most specific first)."""
    return _first(lexicon().metrics, text)


def find_measure_source(text: str) -> Found | None:
    """Return the assessment or data set the statement says the measure comes from."""
    match = lexicon().measure_sources.search(text)
    return Found(match.group(0), match.start(), match.end(), match.group(0)) if match else None


def find_student_group(text: str) -> Found | None:
    """Return the student group or population the statement is about."""
    return _first(lexicon().student_groups, text)


_OWNER_CUES = re.compile(
    r"\b(?:led by|owned by|owner:|responsible:|overseen by|monitored by|reported by|"
    r"tracked by|accountable:)\s+(?:the\s+)?",
    re.IGNORECASE,
)


def find_owner(text: str) -> Found | None:
    """Return the role the statement holds responsible ("the ILT will", "led by the principal")."""
    roles = lexicon().owners
    for cue in _OWNER_CUES.finditer(text):
        match = roles.match(text, cue.end())
        if match:
            return Found(match.group(0), match.start(), match.end(), match.group(0))
    for match in roles.finditer(text):
        following = text[match.end() : match.end() + 40]
        if re.match(
            r"(?:\s+and\s+[\w ]{1,30}?)?\s+(?:will|shall|is responsible|are responsible|"
            r"monitors?|reports?|tracks?|reviews?|leads?|owns|oversees?|overseeing|"
            r"reviewing|leading|monitoring|tracking|reporting)\b",
            following,
            re.IGNORECASE,
        ):
            return Found(match.group(0), match.start(), match.end(), match.group(0))
    return None


def find_vague_verbs(text: str, *, quantified: bool) -> list[Found]:
    """Return the vague verbs of a statement that states no amount (``quantified`` is False)."""
    if quantified:
        return []
    return [
        Found(match.group(0), match.start(), match.end(), match.group(0).lower())
        for match in lexicon().vague_verbs.finditer(text)
    ]


def find_activity(text: str, *, measurable: bool) -> Found | None:
    """Return the activity verb of a statement that describes an input, not a result.

    A statement with a measurable outcome (a measure and a level) is about results even
    when it names an activity on the way.
    """
    if measurable:
        return None
    match = lexicon().activity_verbs.search(text)
    return (
        Found(match.group(0), match.start(), match.end(), match.group(0).lower()) if match else None
    )
