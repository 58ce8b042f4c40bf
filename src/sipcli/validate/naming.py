"""Name a place in a plan the way a person does: "goal G2's target value", not ``goals[1].target.value``.

Messages say `person_path`; the technical path (`sipcli.diagnostics.format_plan_path`) stays in
the diagnostic's ``path`` field, which the JSON and SARIF output carry unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sipcli.validate.schema_text import model_at

#: What one item of each list is called, and the list itself: (singular, plural).
_NOUNS: Mapping[str, tuple[str, str]] = {
    "goals": ("goal", "goals"),
    "benchmarks": ("benchmark", "benchmarks"),
    "challenges": ("challenge", "challenges"),
    "root_causes": ("root cause", "root causes"),
    "current_state": ("data point", "current-state data points"),
    "assets": ("asset", "assets"),
    "practice_ratings": ("practice rating", "practice ratings"),
    "strategic_objectives": ("objective", "objectives"),
    "initiatives": ("initiative", "initiatives"),
    "milestones": ("milestone", "milestones"),
    "resources": ("resource", "resources"),
    "items": ("budget item", "budget items"),
    "student_groups": ("student group", "student groups"),
    "status_updates": ("status update", "status updates"),
    "interim_targets": ("interim target", "interim targets"),
    "supports": ("district support", "district supports"),
    "standards": ("district standard", "district standards"),
    "evidence": ("piece of evidence", "evidence"),
    "evidence_base": ("evidence base entry", "evidence base"),
    "roadmap": ("roadmap year", "roadmap"),
    "action_steps": ("action step", "action steps"),
    "calendar": ("calendar entry", "calendar entries"),
    "team": ("team member", "team members"),
    "workshops": ("workshop", "workshops"),
    "submissions": ("submission", "submissions"),
    "groups": ("stakeholder group", "stakeholder groups"),
    "roster": ("council member", "council roster"),
    "meetings": ("meeting date", "meeting dates"),
    "dates": ("date", "dates"),
    "due": ("due date", "due dates"),
    "grades": ("grade", "grades"),
    "years": ("plan year", "plan years"),
    "key_strategies": ("key strategy", "key strategies"),
    "turnaround_practices": ("Turnaround Practice", "Turnaround Practices"),
    "combines": ("combined group", "combined groups"),
    "core_values": ("core value", "core values"),
    "desired_state": ("desired-state statement", "desired state"),
    "participants": ("participant", "participants"),
    "data_reviewed": ("data source reviewed", "data reviewed"),
    "methods": ("method", "methods"),
    "developed_with": ("group it was developed with", "groups it was developed with"),
}

#: Keys whose words are not the key with spaces.
_FIELD_WORDS: Mapping[str, str] = {
    "by": "date",
    "due": "due dates",
    "org_code": "DESE org code",
    "school_year": "school year",
    "essa_tier": "ESSA tier",
}

#: Top-level sections named as a person names them, when not "the <words> section".
_SECTIONS: Mapping[str, str] = {"school": "the school", "plan": "the plan"}


def person_path(data: Any, path: Iterable[object]) -> str:
    """Name the place at ``path`` in the plan ``data`` the way a person does, in lower case.

    An item of a list is named by its id where the document gives it one ("goal G2",
    "benchmark G1.B3"), else by its position counted from 1 ("the 2nd goal"); the keys
    below it follow as words ("goal G2's target value"). A value in a list of plain values
    is "the 2nd of benchmark G1.B3's due dates" (or "benchmark G1.B3's due date" when it is
    the only one). The plan's top-level sections are "the school", "the plan" and "the
    vision section"; the empty path is "the plan file".
    """
    return _Namer(data).name(list(path))


class _Namer:
    """Walks the document along a path, naming as it goes."""

    def __init__(self, data: Any) -> None:
        self.data = data

    def name(self, parts: list[object]) -> str:
        if not parts:
            return "the plan file"
        owner = ""  # the last item named ("goal G2"), or a section ("the plan")
        section = False  # whether the owner is a top-level section rather than an item
        fields: list[str] = []  # the keys after the owner, as words
        node: Any = self.data
        index = 0
        while index < len(parts):
            key = parts[index]
            child = _child(node, key)
            position = parts[index + 1] if index + 1 < len(parts) else None
            if _is_position(position):
                assert isinstance(position, int)
                items = child if isinstance(child, list) else []
                whose = _possessive(owner, fields)
                # Items of a section's list need no owner: challenges are the assessment's.
                item_owner = "" if section and not fields else whose
                item = items[position] if 0 <= position < len(items) else None
                # A list of sections (goals) names its items; a list of values (grades) counts them.
                structured = (
                    isinstance(item, dict | list) or model_at(parts[: index + 1]) is not None
                )
                owner = _item(str(key), items, position, (item_owner, whose), structured=structured)
                section, fields, node, index = False, [], item, index + 2
                continue
            if index == 0 and len(parts) > 1:
                owner, section = _SECTIONS.get(str(key), f"the {_words(key)} section"), True
            elif index == 0 and (isinstance(child, dict) or _is_section(key)):
                return _SECTIONS.get(str(key), f"the {_words(key)} section")
            elif _is_entry(parts[:index]):
                fields.append(f"entry '{key}'")
            else:
                fields.append(_words(key))
            node, index = child, index + 1
        if not fields:
            return owner
        return _possessive(owner, fields).rstrip() if owner else "the " + " ".join(fields)


def _item(
    key: str, items: list[Any], position: int, whose: tuple[str, str], *, structured: bool
) -> str:
    """Name one item of the list ``key``: by its id, or by its place in the list.

    ``whose`` is the owner of an item that is a section of keys, then of a plain value;
    ``structured`` says the list holds sections of keys rather than plain values.
    """
    singular, plural = _NOUNS.get(key) or _nouns_from_key(key)
    item = items[position] if 0 <= position < len(items) else None
    identifier = _identifier(item)
    if identifier is not None:
        return f"{singular} {identifier}"
    of_item, of_value = whose
    if structured:
        return f"{of_item or 'the '}{ordinal(position + 1)} {singular}"
    if len(items) == 1:
        return f"{of_value or 'the '}{singular}"
    return f"the {ordinal(position + 1)} of {of_value or 'the '}{plural}"


def _is_section(key: object) -> bool:
    """Whether ``key`` is one of the plan's top-level sections (a section of keys)."""
    return key in _SECTIONS or model_at((key,)) is not None


def _is_entry(parents: list[object]) -> bool:
    """Whether a key under ``parents`` is the plan's own (a student group in demographics).

    Such a key is quoted as written, not turned into words: the place is a table of values,
    not a section whose keys the format names.
    """
    return bool(parents) and model_at(parents) is None and not _is_position(parents[-1])


def _child(node: Any, key: object) -> Any:
    if isinstance(node, dict):
        return node.get(key)
    if isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node):
        return node[key]
    return None


def _is_position(part: object) -> bool:
    return isinstance(part, int) and not isinstance(part, bool)


def _possessive(owner: str, fields: list[str]) -> str:
    """Join an owner and its keys: ("goal G2", ["target"]) -> "goal G2's target "."""
    if not owner:
        return "the " + " ".join(fields) + "'s " if fields else ""
    return f"{owner}'s {' '.join(fields)} " if fields else f"{owner}'s "


def _identifier(item: Any) -> str | None:
    """The id the document gives an item, unless it is missing or still a placeholder."""
    if not isinstance(item, dict):
        return None
    value = item.get("id")
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None
    text = str(value).strip()
    return text if text and not text.startswith("<") else None


def _words(key: object) -> str:
    text = str(key)
    if text in _FIELD_WORDS:
        return _FIELD_WORDS[text]
    if text.endswith("_refs"):
        return text.removesuffix("_refs").replace("_", " ") + " references"
    if text.endswith("_ref"):
        return text.removesuffix("_ref").replace("_", " ") + " reference"
    return text.replace("_", " ")


def _nouns_from_key(key: str) -> tuple[str, str]:
    plural = _words(key)
    return (plural[:-1] if plural.endswith("s") else plural), plural


def ordinal(number: int) -> str:
    """1 -> "1st", 2 -> "2nd", 11 -> "11th", 23 -> "23rd"."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def capitalised(text: str) -> str:
    """The phrase at the start of a sentence: "goal G2's target" -> "Goal G2's target"."""
    return text[:1].upper() + text[1:]
