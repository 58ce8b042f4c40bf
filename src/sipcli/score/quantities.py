"""How much: numbers with their units, and the baseline, target and change a statement states.

Only numbers that read as values count: grade numbers ("grades 3-5"), years, dates, tiers and
durations ("within 2 years") are not baselines or targets.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from sipcli.score.found import Found

_NUMBER = re.compile(r"(?<![\w.\-/$])(\d+(?:\.\d+)?)(?![\d])")

_UNIT_AFTER = re.compile(
    r"\s?(?P<unit>%|percent(?:age[- ]points?)?\b|percentage[- ]points?\b|pct\.?(?= )|pp\b|p\.p\.|"
    r"points?\b|pts?\b\.?|scaled[- ]score(?: points?)?\b|SGP\b|days?\b|"
    r"(?:more |fewer |additional )?(?:students|teachers|families|classrooms|educators|"
    r"staff|sessions|visits|walkthroughs|observations)\b)",
    re.IGNORECASE,
)
_UNIT_NAMES = (
    ("percentage_points", r"percentage|pp|p\.p\.|points?|pts?"),
    ("percent", r"%|percent|pct"),
    ("scaled_score", r"scaled"),
    ("sgp", r"sgp"),
    ("days", r"days?"),
    ("count", r".*"),
)
_UNIT_BEFORE = (
    ("sgp", re.compile(r"(?:SGP|growth percentile)s?(?: of| at| to| above| below)?\s?$", re.I)),
    ("scaled_score", re.compile(r"scaled? scores?(?: of| at| to| above| below)?\s?$", re.I)),
)

#: Words before a number that make it not a value (grades, tiers, durations...).
_NOT_A_VALUE_BEFORE = re.compile(
    r"(?:grades?|gr\.|tier|title|TP|phase|year|years|cycle|unit|module|step|week|day|level|"
    r"question|standard|chapter|room|period|session|lesson|wave|round|goal|objective|"
    r"strategy|benchmark|priority|quarter|Q|term|trimester|semester|K|PK|SY|FY|through|and|or"
    r")\s?$",
    re.IGNORECASE,
)
_NOT_A_VALUE_AFTER = re.compile(
    r"\s?(?:st|nd|rd|th)\b|\s?(?:years?|months?|weeks?|times|hours?|minutes?|grade|"
    r"th grade|school years?)\b|\s?[-\u2013]\s?\d|/\d|:\d",
    re.IGNORECASE,
)

_UP = (
    r"increas(?:e|es|ed|ing)\b|rais(?:e|es|ed|ing)\b|ris(?:e|es|en|ing)\b|grow(?:s|n|ing)?\b|"
    r"improv(?:e|es|ed|ing)\b|gain(?:s|ed|ing)?\b|boost(?:s|ed|ing)?\b|climb(?:s|ed|ing)?\b|"
    r"go(?:es)? up"
)
_DOWN = (
    r"decreas(?:e|es|ed|ing)\b|reduc(?:e|es|ed|ing)\b|lower(?:s|ed|ing)?\b|"
    r"declin(?:e|es|ed|ing)\b|drop(?:s|ped|ping)?\b|fall(?:s|ing)? (?:to|below|under|by)|"
    r"cut(?:s|ting)?\b|go(?:es)? down|"
    r"shrink\w*|narrow\w*|fewer"
)
_KEEP = r"maintain\w*|sustain\w*|keep\w*|hold\w* steady|remain\w*"
_DIRECTION = re.compile(rf"\b(?P<up>{_UP})|\b(?P<down>{_DOWN})|\b(?P<keep>{_KEEP})", re.I)

_TARGET_BEFORE = re.compile(
    r"(?:\bto|\breach(?:es|ing)?|\bat or above|\bat or below|\bat least|\bno more than|"
    r"\bno less than|\bfewer than|\bless than|\bbelow|\bunder|\babove|\bover|\bexceed\w*|"
    r"\bachieve\w*|\battain\w*|\bmeet|\bof|\bat|\bequal to|\bor (?:higher|lower|above|below))"
    r"(?: an?| the)?(?: (?:average|mean|median|overall|rate|SGP|scaled score|score|"
    r"proficiency|level)){0,2}(?: of)?\s?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"^\s?(?:or (?:higher|more|greater|above|better|fewer|less|lower|below)|and above|"
    r"(?:of|of the|of all|of our) (?:\w+ ){0,4}?(?:students|teachers|educators|staff|"
    r"classrooms|families|seniors|graduates|scholars|learners|ELs|ELLs|grade|core|"
    r"content|lessons|observations|walkthroughs|PLCs?|teams?|sessions|IEPs|participants))",
    re.IGNORECASE,
)
_BASELINE_BEFORE = re.compile(
    r"(?:\bfrom|\bbaseline(?: of| was| is|:)?|\bcurrently(?: at)?|\bup from|\bdown from|"
    r"\bcompared (?:to|with)|\bwhich was|\bwas)(?: an?| the)?(?: (?:average|mean|median|rate|"
    r"SGP|scaled score|score)){0,2}(?: of)?\s?$",
    re.IGNORECASE,
)
_DELTA_BEFORE = re.compile(r"\bby(?: at least| an additional| a further)?\s?$", re.IGNORECASE)
_DELTA_AFTER = re.compile(
    r"^\s?(?:increase|gain|growth|improvement|rise|decrease|reduction|decline|drop|jump)\b",
    re.IGNORECASE,
)
_DELTA_NOUN_BEFORE = re.compile(
    r"(?:increase|gain|growth|improvement|rise|decrease|reduction|decline|drop) of\s?$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number in the text that reads as a value, with its unit if one is written."""

    value: float
    unit: str | None
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Amounts:
    """What a statement says about how much: starting point, target, change and direction."""

    baseline: Found | None
    target: Found | None
    change: Found | None
    unit: Found | None
    direction: Found | None
    quantities: tuple[Quantity, ...]


def _unit_name(written: str) -> str:
    for name, pattern in _UNIT_NAMES:
        if re.fullmatch(pattern, written.strip().rstrip(".").lower().split()[0], re.I):
            return name
    return "count"


def quantities(text: str) -> list[Quantity]:
    """Return every number in ``text`` that reads as a value, with its unit."""
    found: list[Quantity] = []
    for match in _NUMBER.finditer(text):
        # Windows each side: the cues are short, and slicing the whole text is quadratic.
        before = text[max(0, match.start() - 40) : match.start()]
        after = text[match.end() : match.end() + 40]
        if len(match.group(1)) > 12:
            continue  # no measure has a value this long: an id, a phone number, noise
        number = float(match.group(1))
        unit_match = _UNIT_AFTER.match(after)
        if unit_match is None and (
            _NOT_A_VALUE_BEFORE.search(before[-14:]) or _NOT_A_VALUE_AFTER.match(after)
        ):
            continue
        if unit_match is None and re.fullmatch(r"(?:19|20)\d\d", match.group(1)):
            continue  # a year
        unit = _unit_name(unit_match.group("unit")) if unit_match else _unit_before(before)
        end = match.end() + (unit_match.end() if unit_match else 0)
        found.append(Quantity(number, unit, match.start(), end, text[match.start() : end]))
    return found


def _unit_before(before: str) -> str | None:
    for name, pattern in _UNIT_BEFORE:
        if pattern.search(before[-30:]):
            return name
    return None


def _found(quantity: Quantity, value: float | None = None) -> Found:
    return Found(
        quantity.text, quantity.start, quantity.end, quantity.value if value is None else value
    )


def find_direction(text: str) -> Found | None:
    """Return the first word that says which way the measure should move."""
    match = _DIRECTION.search(text)
    if match is None:
        return None
    kind = next(name for name in ("up", "down", "keep") if match.group(name))
    value = {"up": "increase", "down": "decrease", "keep": "maintain"}[kind]
    return Found(match.group(0), match.start(), match.end(), value)


def _from_to(text: str, values: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    for first, second in itertools.pairwise(values):
        between = text[first.end : second.start]
        if (
            _BASELINE_BEFORE.search(text[max(0, first.start - 40) : first.start])
            and re.search(r"\bto(?: an?| the)?(?: \w+){0,3}\s?$", between, re.I)
            and len(between) < 80
            and not re.search(r"[.;]\s", between)
        ):
            return first, second
    return None


def _role(text: str, quantity: Quantity) -> str | None:
    before = text[max(0, quantity.start - 60) : quantity.start]
    after = text[quantity.end : quantity.end + 60]
    if (
        _DELTA_BEFORE.search(before)
        or _DELTA_AFTER.match(after)
        or _DELTA_NOUN_BEFORE.search(before)
        or before.endswith(("+", "\u2212"))
    ):
        return "change"
    if _BASELINE_BEFORE.search(before):
        return "baseline"
    if _TARGET_BEFORE.search(before) or _TARGET_AFTER.match(after):
        return "target"
    return None


def find_amounts(text: str) -> Amounts:
    """Return the baseline, target, change, unit and direction the statement states."""
    values = quantities(text)
    direction = find_direction(text)
    baseline = target = change = None
    pair = _from_to(text, values)
    if pair:
        baseline, target = pair
    for quantity in values:
        role = _role(text, quantity)
        if role == "change" and change is None:
            change = quantity
        elif role == "baseline" and baseline is None:
            baseline = quantity
        elif role == "target" and target is None and quantity is not baseline:
            target = quantity
    if target is None and baseline is None and change is None:
        target = _lone_value(values)
    target_found = _found(target) if target else None
    if target is None and baseline is not None and change is not None:
        sign = -1 if direction is not None and direction.value == "decrease" else 1
        target_found = Found(
            change.text, change.start, change.end, baseline.value + sign * change.value
        )
    elif target is None and change is not None:
        # "by 3 percentage points" with no starting level: the change is what is promised.
        target_found = _found(change)
    unit = _unit_of(target, change, baseline)
    return Amounts(
        baseline=_found(baseline) if baseline else None,
        target=target_found,
        change=_found(change) if change else None,
        unit=unit,
        direction=direction,
        quantities=tuple(values),
    )


def _lone_value(values: list[Quantity]) -> Quantity | None:
    """A single value with a unit and no other cue is the level to reach ("90% of teachers")."""
    with_units = [
        quantity for quantity in values if quantity.unit in {"percent", "sgp", "scaled_score"}
    ]
    return with_units[0] if len(with_units) == 1 else None


def _unit_of(
    target: Quantity | None, change: Quantity | None, baseline: Quantity | None
) -> Found | None:
    for quantity in (target, baseline, change):
        if quantity is not None and quantity.unit is not None and quantity.unit != "count":
            if quantity is change and quantity.unit == "percent" and target is None:
                return Found(quantity.text, quantity.start, quantity.end, "percent")
            return Found(quantity.text, quantity.start, quantity.end, quantity.unit)
    for quantity in (target, change):
        if quantity is not None and quantity.unit == "count":
            return Found(quantity.text, quantity.start, quantity.end, "count")
    return None


def percent_for_points(
    change: Found | None, baseline: float | None, target: float | None
) -> Found | None:
    """Return the change when it is written "N%" but baseline to target is N percentage points.

    "From 38% by 5%" reads as a relative change (to 39.9%); a team that means 43% should
    write "by 5 percentage points".
    """
    if change is None or baseline is None or target is None or not _is_percent(change.text):
        return None
    points = abs(target - baseline)
    relative = points / baseline * 100 if baseline else None
    if abs(points - change.value) <= 0.05 and (
        relative is None or abs(relative - change.value) > 0.5
    ):
        return change
    return None


def _is_percent(written: str) -> bool:
    return bool(re.search(r"%|percent(?!age)|pct", written, re.IGNORECASE))
