"""The figures of a statement: each number that reads as a value, with its unit.

Statements mix the figures a goal is about (38%, from 37 to 45, six percentage points) with
numbers that are not values at all: grades (grade 3, grades 3-5, K-2, 9th grade), years and
school years (2027, SY2025-26, SY24, 22-23 SY), dates (September 30, 2027-09-30), terms and
tiers (Q3, Term 2, Tier 2), lengths (a 3-year plan, the 5-year graduation rate) and counts
behind a rate ("70% (113/161)"). `mask_non_values` blanks the second kind out, keeping every
position, and `quantities` reads what is left. Lint and the scorer both read numbers here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sipcli.statement.years import _MENTION as _YEAR_MENTION

_MASK = "\u00a7"
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_GRADE = (
    r"(?:(?:pre-?k|pk|k|kindergarten)\b"
    r"|(?:1[0-2]|0?[1-9])(?:st|nd|rd|th)?\b(?!\s*(?:%|percent)))"
)
_JOINER = r"(?:\s*(?:-|\u2013|/|,|&|\band\b|\bor\b|\bto\b|\bthrough\b)\s*)"

#: Spans that hold digits but no value. Order matters: a full date before a school year,
#: whose pattern would otherwise take 2027-09 as SY2027-09.
_NOT_VALUES = (
    re.compile(r"(?<!\d)\d{4}-\d{1,2}-\d{1,2}(?!\d)"),
    re.compile(r"(?<!\d)\d{1,2}/\d{1,2}/\d{2,4}(?!\d)"),
    _YEAR_MENTION,
    re.compile(rf"\b{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b", re.IGNORECASE),
    re.compile(rf"\bgrades?\s+{_GRADE}(?:{_JOINER}(?:grades?\s+)?{_GRADE})*", re.IGNORECASE),
    re.compile(r"\bgr\.\s?\d{1,2}(?:\s?[-\u2013]\s?\d{1,2})?\b", re.IGNORECASE),
    re.compile(r"\b\d{1,2}(?:st|nd|rd|th)[\s-]+(?:and\s+\d{1,2}(?:st|nd|rd|th)\s+)?grade", re.I),
    re.compile(r"\b(?:pre-?k|pk|k)\s*[-\u2013]\s*\d{1,2}\b", re.IGNORECASE),
    # a plan's or a measure's length: a 3-year goal, the 5-year graduation rate, over 3 years
    re.compile(
        r"(?<![\w.])\d{1,2}(?:[\s-]|\s?-\s?)(?:years?|yrs?|months?|weeks?|hours?|minutes?)\b",
        re.IGNORECASE,
    ),
    # terms and quarters written short: Q3, T2, S1, MP2, TP2
    re.compile(r"\b(?:Q|T|S|MP|TP)[1-4]\b"),
    # a count behind a rate: "70% (113/161)", "12 of 20" stays
    re.compile(r"\(\s*\d[\d,]*\s?/\s?\d[\d,]*\s*\)"),
    re.compile(r"(?<![\d.])\d+:\d\d\b"),
    re.compile(
        r"\b(?:tier|level|phase|year|unit|module|title|chapter|step|term|quarter|trimester|"
        r"semester|marking period|grading period|goal|objective|strategy|benchmark|priority|"
        r"cycle|wave|round|week|day|session|lesson|question|standard|room|period|section|"
        r"initiative|practice|domain|indicator|element)s?\s+#?\d+(?:\.\d+)*\b",
        re.IGNORECASE,
    ),
)

#: Number words a statement writes instead of digits: "six percentage points", "forty percent".
_UNITS_WORDS = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
        ]
    )
}
_TENS_WORDS = {
    word: 10 * value
    for value, word in enumerate(
        ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"], start=2
    )
}
_NUMBER_WORD = re.compile(
    rf"(?<![\w-])(?:(?P<hundred>(?:one|a) hundred)"
    rf"|(?P<tens>{'|'.join(_TENS_WORDS)})(?:[\s-](?P<ones>{'|'.join(list(_UNITS_WORDS)[1:10])}))?"
    rf"|(?P<units>{'|'.join(_UNITS_WORDS)}))(?![\w-])",
    re.IGNORECASE,
)
_DIGITS = re.compile(
    r"(?:(?<![\w.\u00a7$/])(?P<sign>[-\u2212])|(?<![\w.\u00a7$/\-\u2212]))"
    r"(?P<whole>\d{1,3}(?:,\d{3})+|\d+)(?P<fraction>\.\d+)?"
    # "51st percentile" is a value; "51st" elsewhere is an ordinal
    r"(?:(?![\w\u00a7])|(?=(?:st|nd|rd|th)\s+percentile\b))"
)
_SIGNED = re.compile(r"(?:^|[\s(\[:;,=])$")

_UNIT_AFTER = re.compile(
    r"\s?(?P<unit>%|percent(?:age[- ]points?)?\b|percentage[- ]points?\b|pct\.?(?= )|pp\b|p\.p\.|"
    r"points?\b|pts?\b\.?|scaled[- ]score(?: points?)?\b|SGP\b|(?:st|nd|rd|th) percentile\b|"
    r"percentile\b|days?\b|"
    r"(?:more |fewer |additional )?(?:students|teachers|families|classrooms|educators|"
    r"staff|sessions|visits|walkthroughs|observations|referrals|suspensions|incidents)\b)",
    re.IGNORECASE,
)
_UNIT_NAMES = (
    ("percentage_points", r"percentage|pp|p\.p\.|points?|pts?"),
    ("percent", r"%|percent|pct"),
    ("percentile", r"(?:st|nd|rd|th)|percentile"),
    ("scaled_score", r"scaled"),
    ("sgp", r"sgp"),
    ("days", r"days?"),
)
_UNIT_BEFORE = (
    ("sgp", re.compile(r"(?:SGP|growth percentile)s?(?: of| at| to| above| below)?\s?$", re.I)),
    ("scaled_score", re.compile(r"scaled? scores?(?: of| at| to| above| below)?\s?$", re.I)),
)
#: Bare numbers after these words are not values ("grades 3 through 5", "K and 1").
_NOT_A_VALUE_BEFORE = re.compile(r"(?:\bthrough|\band|\bor|\bK|\bPK|#)\s?$", re.IGNORECASE)
_NOT_A_VALUE_AFTER = re.compile(
    r"\s?(?:st|nd|rd|th)\b|\s?(?:times|grade|th grade|school years?)\b|\s?[-\u2013]\s?\d|/\d",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Quantity:
    """A number in the text that reads as a value, with its unit if one is written.

    ``role`` is what the statement does with it, once `sipcli.statement.amounts` has read
    the sentence: "baseline", "target", "change", or None.
    """

    value: float
    unit: str | None
    start: int
    end: int
    text: str
    role: str | None = None

    @property
    def percent(self) -> bool:
        """Written as a percent: "38%", "38 percent" (not "percentage points")."""
        return self.unit == "percent"


def mask_non_values(text: str) -> str:
    """Return ``text`` with dates, years, school years, grades, terms and counts blanked out.

    The result has the same length as ``text``, so positions still line up.
    """
    for pattern in _NOT_VALUES:
        text = pattern.sub(lambda match: _MASK * len(match.group(0)), text)
    return text


def _unit_name(written: str) -> str:
    word = written.strip().rstrip(".").lower().split()[0]
    for name, pattern in _UNIT_NAMES:
        if re.fullmatch(pattern, word, re.IGNORECASE):
            return name
    return "count"


def _unit_before(before: str) -> str | None:
    for name, pattern in _UNIT_BEFORE:
        if pattern.search(before[-30:]):
            return name
    return None


def number_word(word: str) -> int | None:
    """Return the number a word below twenty names ("two" is 2), or None."""
    return _UNITS_WORDS.get(word.lower())


def _word_value(match: re.Match[str]) -> int:
    if match.group("hundred"):
        return 100
    if match.group("tens"):
        ones = match.group("ones")
        return _TENS_WORDS[match.group("tens").lower()] + (
            _UNITS_WORDS[ones.lower()] if ones else 0
        )
    return _UNITS_WORDS[match.group("units").lower()]


def quantities(text: str, masked: str | None = None) -> list[Quantity]:
    """Return every number in ``text`` that reads as a value, with its unit, in order.

    Digits count unless they sit in a masked span or are a bare grade, range or fraction;
    number words count only with a unit after them ("six percentage points", "forty
    percent"), since "one" and "two" are far more often not values ("one grade level").
    ``masked`` is `mask_non_values` of ``text``, when the caller has it already.
    """
    if masked is None:
        masked = mask_non_values(text)
    found = [*_digit_quantities(text, masked), *_word_quantities(text, masked)]
    return sorted(found, key=lambda quantity: quantity.start)


def _digit_quantities(text: str, masked: str) -> list[Quantity]:
    found = []
    for match in _DIGITS.finditer(masked):
        if len(match.group("whole")) > 12:
            continue  # no measure has a value this long: an id, a phone number, noise
        start = match.start()
        # A window each side: the cues are short, and slicing the whole text is quadratic.
        before = masked[max(0, start - 40) : start]
        if match.group("sign") and not _SIGNED.search(before):
            start += 1  # "7%-27%": a dash between figures, not a minus
        after = masked[match.end() : match.end() + 40]
        unit_match = _UNIT_AFTER.match(after)
        if unit_match is None and (
            _NOT_A_VALUE_BEFORE.search(before[-8:]) or _NOT_A_VALUE_AFTER.match(after)
        ):
            continue
        value = float(text[start : match.end()].replace(",", "").replace("\u2212", "-"))
        unit = _unit_name(unit_match.group("unit")) if unit_match else _unit_before(before)
        end = match.end() + (unit_match.end() if unit_match else 0)
        found.append(Quantity(value, unit, start, end, text[start:end]))
    return found


def _word_quantities(text: str, masked: str) -> list[Quantity]:
    found = []
    for match in _NUMBER_WORD.finditer(masked):
        unit_match = _UNIT_AFTER.match(masked, match.end())
        if unit_match is None or _unit_name(unit_match.group("unit")) in {"count", "days"}:
            continue
        end = unit_match.end()
        unit = _unit_name(unit_match.group("unit"))
        found.append(
            Quantity(float(_word_value(match)), unit, match.start(), end, text[match.start() : end])
        )
    return found


def has_value(text: str) -> bool:
    """Return whether ``text`` states any figure that reads as a value."""
    return bool(quantities(text))
