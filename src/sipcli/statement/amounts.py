"""How much: the baseline, target and change a statement states or implies, and its direction.

Each figure `sipcli.statement.numbers` reads gets a role from the words around it: a
baseline ("from 38%", "Currently, 55.9%", "baseline: 62%", "from typical growth (48)"), a
target ("to 45%", "meet or exceed the 51st percentile", "at least 70%"), or a change ("by 7
percentage points", "a 50 percent reduction"). A pair in parentheses ("(26% → 33%)",
"(7%-27%)") is a baseline and a target. When a statement gives a change and a target but
no starting point, the baseline is worked out and says so (`Found.derived`).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from dataclasses import dataclass

from sipcli.statement.compare import format_number
from sipcli.statement.found import Found
from sipcli.statement.numbers import Quantity, mask_non_values, quantities

_UP = (
    r"increas(?:e|es|ed|ing)\b|rais(?:e|es|ed|ing)\b|ris(?:e|es|en|ing)\b|grow(?:s|n|ing)?\b|"
    r"improv(?:e|es|ed|ing)\b|gain(?:s|ed|ing)?\b|boost(?:s|ed|ing)?\b|climb(?:s|ed|ing)?\b|"
    r"go(?:es)? up"
)
_DOWN = (
    r"decreas(?:e|es|ed|ing)\b|reduc(?:e|es|ed|ing|tion)\b|lower(?:s|ed|ing)?\b|"
    r"declin(?:e|es|ed|ing)\b|drop(?:s|ped|ping)?\b|fall(?:s|ing)? (?:to|below|under|by)|"
    r"cut(?:s|ting)?\b|go(?:es)? down|"
    r"shrink\w*|narrow\w*|fewer"
)
_KEEP = r"maintain\w*|sustain\w*|keep\w*|hold\w* steady|remain\w*"
_DIRECTION = re.compile(rf"\b(?P<up>{_UP})|\b(?P<down>{_DOWN})|\b(?P<keep>{_KEEP})", re.I)

_ARTICLE_NOUN = (
    r"(?: an?| the)?(?: (?:average|mean|median|overall|rate|SGP|scaled score|score|"
    r"proficiency|level)){0,2}(?: of)?"
)
_TARGET_BEFORE = re.compile(
    r"(?:\bto|\breach(?:es|ing)?|\bat or above|\bat or below|\bat least|\bno more than|"
    r"\bno less than|\bfewer than|\bless than|\bbelow|\bunder|\babove|\bover|\bexceed\w*|"
    r"\bachieve\w*|\battain\w*|\bmeet|\bof|\bat|\bequal to|\bor (?:higher|lower|above|below)|"
    r"\btarget(?: of| is| was|:)?|\bgoal(?: of| is|:)|\bexpect(?:s|ed)?(?: to (?:see|reach))?|"
    r"\baim (?:for|to reach))"
    rf"{_ARTICLE_NOUN}\s?$"
    # "to high growth (60)": the level named, then its figure in parentheses
    r"|\bto\b[^.;()\d\u00a7]{1,40}\(\s?$",
    re.IGNORECASE,
)
_TARGET_AFTER = re.compile(
    r"^\s?(?:or (?:higher|more|greater|above|better|fewer|less|lower|below)|and above|"
    r"(?:of|of the|of all|of our) (?:[\w\u00a7'-]+ ){0,4}?(?:students|teachers|educators|staff|"
    r"classrooms|families|seniors|graduates|scholars|learners|ELs|ELLs|MLLs|grade|core|"
    r"content|lessons|observations|walkthroughs|PLCs?|teams?|sessions|IEPs|participants))",
    re.IGNORECASE,
)
_BASELINE_BEFORE = re.compile(
    r"(?:\bfrom|\bbaseline(?: of| was| is|:)?|\bcurrent(?:ly)?,?(?: at| is| stands at)?|"
    r"\bup from|\bdown from|\bcompared (?:to|with)|\bwhich was|\bwas)"
    rf"{_ARTICLE_NOUN}\s?$"
    # "from the 2023-24 enrollment of 55%", "from typical growth (48)"
    r"|\bfrom\b(?: [\w\u00a7'-]+){1,5} of\s?$|\bfrom\b[^.;()\d]{1,40}\(\s?$"
    # "by 10% over the 40% of spring 2026"
    r"|\bover (?:the|our|last year's)\s?$"
    # "our current accountability percentile is 44"
    r"|\bcurrent(?: [\w-]+){1,3}? (?:is|was|stands at|of|at)\s?$",
    re.IGNORECASE,
)
_DELTA_BEFORE = re.compile(
    r"\bby(?: at least| an additional| a further| another)?\s?$", re.IGNORECASE
)
_DELTA_AFTER = re.compile(
    r"^\s?(?:increase|gain|growth|improvement|rise|decrease|reduction|decline|drop|jump|cut)\b",
    re.IGNORECASE,
)
_DELTA_NOUN_BEFORE = re.compile(
    r"(?:increase|gain|growth|improvement|rise|decrease|reduction|decline|drop) of\s?$",
    re.IGNORECASE,
)
#: A percentile that defines whom to count ("scoring at or above the 50th percentile").
_CUT_SCORE_BEFORE = re.compile(
    r"\b(?:scor\w*|perform\w*|read\w*|test\w*)\s+(?:at or above|at or below|above|below|at)"
    r"(?: the)?\s?$",
    re.IGNORECASE,
)
#: A percent that defines whom to count: "absent 10% or more of their enrolled days".
_CUT_BEFORE = re.compile(r"\b(?:missing|miss(?:es)?|absent(?: for)?)\s?$", re.IGNORECASE)
_CUT_AFTER = re.compile(
    r"^\s?(?:or (?:more|greater|higher))? of (?:their |the |all |his or her )?"
    r"(?:enrolled |school |instructional |membership )?(?:days|school year|year)\b",
    re.IGNORECASE,
)
#: Between two figures written as a pair: "26% → 33%", "7%-27%", "26%- 46%", "48 to 60".
_PAIR_BETWEEN = re.compile(r"^\s?(?:\u2192|->|=>|\u2013|-|to)\s?$", re.IGNORECASE)
_FROM_TO_BETWEEN = re.compile(r"\bto(?: an?| the)?(?: [\w-]+){0,3}\s?\(?$", re.IGNORECASE)


@dataclass(frozen=True)
class Amounts:
    """What a statement says about how much: starting point, target, change and direction.

    ``quantities`` holds every figure read, each with its role.
    """

    baseline: Found | None
    target: Found | None
    change: Found | None
    unit: Found | None
    direction: Found | None
    quantities: tuple[Quantity, ...]

    @property
    def levels(self) -> tuple[Quantity, ...]:
        """The figures that are levels of the measure rather than changes of it."""
        return tuple(quantity for quantity in self.quantities if quantity.role != "change")

    @property
    def changes(self) -> tuple[Quantity, ...]:
        """The figures that are changes: "by 5 points", "a 50 percent reduction"."""
        return tuple(quantity for quantity in self.quantities if quantity.role == "change")


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


def _pair(masked: str, values: list[Quantity]) -> tuple[Quantity, Quantity] | None:
    """A starting value and a target written together: "from X to Y", "(26% → 33%)"."""
    for first, second in itertools.pairwise(values):
        between = masked[first.end : second.start]
        if len(between) >= 80 or re.search(r"[.;]\s", between):
            continue
        before = masked[max(0, first.start - 60) : first.start]
        if _BASELINE_BEFORE.search(before) and _FROM_TO_BETWEEN.search(between):
            return first, second
        in_parentheses = before.rstrip().endswith("(") or masked[second.end :].lstrip().startswith(
            ")"
        )
        arrow = "\u2192" in between or "->" in between
        if _PAIR_BETWEEN.match(between) and (arrow or in_parentheses) and first.unit == second.unit:
            return first, second
    return None


def _role(masked: str, quantity: Quantity) -> str | None:
    before = masked[max(0, quantity.start - 60) : quantity.start]
    after = masked[quantity.end : quantity.end + 60]
    if quantity.unit == "percentile" and _CUT_SCORE_BEFORE.search(before):
        return "definition"
    if quantity.percent and (_CUT_BEFORE.search(before) or _CUT_AFTER.match(after)):
        return "definition"
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


def _roles(
    masked: str, values: list[Quantity]
) -> tuple[list[Quantity], tuple[Quantity, Quantity] | None]:
    """Every figure with its role, and the written pair; a pair fixes its two figures' roles."""
    pair = _pair(masked, values)
    roles = []
    for quantity in values:
        if pair and quantity is pair[0]:
            role: str | None = "baseline"
        elif pair and quantity is pair[1]:
            role = "target"
        else:
            role = _role(masked, quantity)
        roles.append(dataclasses.replace(quantity, role=role))
    kept = [quantity for quantity in roles if quantity.role != "definition"]
    if pair is None:
        return kept, None
    return kept, (roles[values.index(pair[0])], roles[values.index(pair[1])])


def _first(values: list[Quantity], role: str) -> Quantity | None:
    return next((quantity for quantity in values if quantity.role == role), None)


def find_amounts(text: str) -> Amounts:
    """Return the baseline, target, change, unit and direction the statement states."""
    masked = mask_non_values(text)
    values, pair = _roles(masked, quantities(text, masked))
    direction = find_direction(text)
    baseline, target, change = (_first(values, role) for role in ("baseline", "target", "change"))
    if pair is not None:
        # "from 71% to 79%" is the goal's own pair, whatever other levels it mentions.
        baseline, target = pair
    if target is None and baseline is None and change is None:
        target = _lone_value(values)
    target_found = _found(target) if target else None
    baseline_found = _found(baseline) if baseline else None
    down = direction is not None and direction.value == "decrease"
    if target is None and baseline is not None and change is not None:
        sign = -1 if down else 1
        target_found = Found(
            change.text, change.start, change.end, baseline.value + sign * change.value
        )
    elif target is None and change is not None:
        # "by 3 percentage points" with no starting level: the change is what is promised.
        target_found = _found(change)
    elif baseline is None and target is not None and change is not None:
        baseline_found = _derived_baseline(text, target, change, down)
    elif target is None and baseline is not None and direction and direction.value == "maintain":
        # "Sustain our current 94%": the level to keep is the target.
        target_found = _found(baseline)
    return Amounts(
        baseline=baseline_found,
        target=target_found,
        change=_found(change) if change else None,
        unit=_unit_of(target, change, baseline),
        direction=direction,
        quantities=tuple(values),
    )


def _derived_baseline(text: str, target: Quantity, change: Quantity, down: bool) -> Found:
    """The starting level a change and a target imply: "by 7 points to 30%" starts at 23%."""
    start, end = min(change.start, target.start), max(change.end, target.end)
    shown = format_number(target.value) + ("%" if target.percent else "")
    if change.percent and target.percent:
        # "a 50 percent reduction ... to 1.9 percent": relative, so 1.9 is half the baseline.
        factor = 1 - change.value / 100 if down else 1 + change.value / 100
        value = round(target.value / factor, 2) if factor > 0 else target.value
        how = f"from {shown} after a {format_number(change.value)}% {'cut' if down else 'rise'}"
    else:
        value = target.value + change.value if down else target.value - change.value
        points = "points" if change.value != 1 else "point"
        how = f"from {shown} {'plus' if down else 'minus'} {format_number(change.value)} {points}"
    return Found(text[start:end], start, end, value, derived=how)


def _lone_value(values: list[Quantity]) -> Quantity | None:
    """A single value with a unit and no other cue is the level to reach ("90% of teachers")."""
    with_units = [
        quantity
        for quantity in values
        if quantity.unit in {"percent", "sgp", "scaled_score", "percentile"}
    ]
    return with_units[0] if len(with_units) == 1 else None


def _unit_of(
    target: Quantity | None, change: Quantity | None, baseline: Quantity | None
) -> Found | None:
    for quantity in (target, baseline, change):
        if quantity is not None and quantity.unit is not None and quantity.unit != "count":
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
