"""Shared value types of the plan model: identifiers, school years, org codes, grades, enums.

Everything here is a constrained string, number or literal so that the JSON Schema stays
simple enough for editors (yaml-language-server) to offer completion.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PlainValidator,
    ValidationInfo,
    WithJsonSchema,
)
from pydantic_core import PydanticCustomError

from sipcli.periods import PeriodContext, PeriodError, When, read_when

#: Settings shared by every plan model. Unknown keys are refused. Building is deferred so the
#: whole plan is compiled once, on first use. Field docstrings are not read here (pydantic's
#: ``use_attribute_docstrings`` tokenises the source at import, which doubled start-up time);
#: ``sipcli.model.docs`` attaches them when a schema is wanted.
STRICT_MODEL = ConfigDict(extra="forbid", defer_build=True)

Identifier = Annotated[
    str,
    Field(
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$",
        description="A short id other parts of the plan use to refer to this item, e.g. G1 or obj-2.",
        examples=["G1", "RC-2", "obj.literacy"],
    ),
]

Text = Annotated[str, Field(min_length=1)]

_SCHOOL_YEAR = re.compile(r"^\s*(?:SY\s*)?(\d{4})\s*[-/\u2013]\s*(\d{2}|\d{4})\s*$", re.IGNORECASE)


def normalise_school_year(value: Any) -> Any:
    """Turn ``SY2025-26``, ``2025-26``, ``2025-2026`` or ``SY 2025-2026`` into ``SY2025-26``.

    Raises:
        ValueError: when the text is not a school year or its two years are not consecutive.
    """
    if not isinstance(value, str):
        raise ValueError("a school year is written like SY2025-26 (in quotes is fine)")
    match = _SCHOOL_YEAR.match(value)
    if match is None:
        raise ValueError(f"'{value}' is not a school year; write it like SY2025-26")
    start, end = int(match.group(1)), match.group(2)
    if not 1900 <= start < 2200:
        raise ValueError(
            f"'{value}' is not a school year between SY1900-01 and SY2199-00; check the year"
        )
    if len(end) == 4:
        end_year = int(end)
    elif int(end) == (start + 1) % 100:
        end_year = start + 1  # also across a century: SY1999-00
    else:
        end_year = (start // 100) * 100 + int(end)
    if end_year != start + 1:
        raise ValueError(
            f"'{value}' spans {start} to {end_year}; a school year covers two consecutive "
            f"years, e.g. SY{start}-{(start + 1) % 100:02d}"
        )
    return f"SY{start}-{(start + 1) % 100:02d}"


SchoolYear = Annotated[
    str,
    BeforeValidator(normalise_school_year),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*([Ss][Yy]\s*)?\d{4}\s*[-/\u2013]\s*(\d{2}|\d{4})\s*$",
            "description": "A school year: SY2025-26, 2025-26 or 2025-2026 (stored as SY2025-26).",
            "examples": ["SY2025-26"],
        }
    ),
]


def _require_quoted_code(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool):
        raise ValueError(
            "write the DESE code in quotes, e.g. '00010505': without quotes YAML reads it "
            "as a number and drops any leading zero"
        )
    return value


OrgCode = Annotated[
    str,
    BeforeValidator(_require_quoted_code),
    Field(
        pattern=r"^\d{8}$",
        description="An 8-digit DESE organisation code, in quotes so leading zeros survive.",
        examples=["00010505"],
    ),
]

_GRADE_NAMES = {"PK": "PK", "PREK": "PK", "K": "K", "KG": "K", "KINDERGARTEN": "K"}
_GRADE_SEPARATORS = re.compile(r"[\s-]+")


def normalise_grade(value: Any) -> Any:
    """Turn a grade (``K``, ``PK``, ``3``, ``"03"``) into ``PK``, ``K`` or ``1`` to ``12``.

    Raises:
        ValueError: when the value is not a grade from PK to 12.
    """
    text = "" if isinstance(value, bool) else str(value).strip().upper()
    if text[:1].isalpha():
        text = _GRADE_SEPARATORS.sub("", text)  # Pre-K, PRE K
    if text in _GRADE_NAMES:
        return _GRADE_NAMES[text]
    if text.isdigit() and 1 <= int(text) <= 12:
        return str(int(text))
    raise ValueError(f"'{value}' is not a grade; use PK, K or a number from 1 to 12")


Grade = Annotated[
    str,
    BeforeValidator(normalise_grade),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 12},
                {
                    "type": "string",
                    "pattern": (
                        r"^\s*([Pp][Rr][Ee][\s-]*[Kk]|[Pp][Kk]|[Kk]([Gg]|indergarten|INDERGARTEN)?"
                        r"|0*[1-9]|0*1[0-2])\s*$"
                    ),
                },
            ],
            "description": "A grade level: PK, K or 1 to 12.",
        }
    ),
]


def _no_duplicates(values: list[Any]) -> list[Any]:
    seen: list[Any] = []
    for value in values:
        if value in seen:
            raise ValueError(f"'{value}' is listed twice; list it once")
        seen.append(value)
    return values


Unique = AfterValidator(_no_duplicates)

Subject = Literal["ela", "math", "science", "esl", "attendance", "climate", "other"]

TurnaroundPractice = Literal["TP1", "TP2", "TP3", "TP4"]

StudentGroup = Literal[
    "all",
    "high_needs",
    "low_income",
    "english_learners",
    "former_english_learners",
    "students_with_disabilities",
    "lowest_performing",
    "african_american_black",
    "asian",
    "hispanic_latino",
    "multi_race",
    "native_american",
    "native_hawaiian_pacific_islander",
    "white",
    "other",
]

GroupRef = Annotated[
    StudentGroup | str,
    Field(
        union_mode="left_to_right",
        pattern=r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$",
    ),
    WithJsonSchema(
        {
            "anyOf": [
                {"enum": list(StudentGroup.__args__)},
                {"type": "string", "pattern": r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$"},
            ],
            "description": "A DESE student group, or the id of a group defined under student_groups.",
        }
    ),
]
"""A standard DESE student group or the id of one the plan defines (``student_groups``)."""

StakeholderGroupKind = Literal[
    "families",
    "students",
    "teachers",
    "staff",
    "administrators",
    "school_council",
    "school_committee",
    "district",
    "community",
    "partners",
    "other",
]

Cadence = Literal[
    "weekly",
    "biweekly",
    "monthly",
    "quarterly",
    "per_assessment_window",
    "twice_yearly",
    "annually",
    "once",
]

EvidenceFormat = Literal[
    "document",
    "presentation",
    "video",
    "interview",
    "meeting_notes",
    "survey",
    "other",
]


def _read_when(value: Any, info: ValidationInfo) -> When:
    context = info.context if isinstance(info.context, PeriodContext) else None
    try:
        return read_when(value, context)
    except PeriodError as error:
        raise PydanticCustomError("invalid_period", "{reason}", {"reason": str(error)}) from None


#: The forms an editor offers for a date field (``sip schema``).
PERIOD_EXAMPLES = [
    "2027-06-30",
    "SY2026-27",
    "SY2026-27 Q2",
    "EOY",
    "fall 2026",
    "spring 2027",
    "2027-06",
    "spring 2027 MCAS",
    "winter 2027 i-Ready",
]

DateOrPeriod = Annotated[
    When,
    PlainValidator(_read_when),
    PlainSerializer(lambda when: when.text, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {
                    "type": "string",
                    "minLength": 1,
                    "examples": PERIOD_EXAMPLES[1:],
                },
            ],
            "description": (
                "An exact date (2027-06-30) or a period of the school calendar: a school year "
                "(SY2026-27), a term (SY2026-27 Q2, T1, S2, BOY, MOY, EOY), a season "
                "(spring 2027), a month (2027-06) or an assessment window (spring 2027 MCAS)."
            ),
            "examples": PERIOD_EXAMPLES,
        }
    ),
]
"""A date field: an exact date or a period, read against the school calendar (`sipcli.periods`)."""
