"""The small value types of the plan model: school years, grades and DESE org codes."""

from __future__ import annotations

import re

import pytest
from pydantic import TypeAdapter, ValidationError

from sipcli.model.types import (
    Grade,
    OrgCode,
    SchoolYear,
    normalise_grade,
    normalise_school_year,
)

# --- school years ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        ("SY2025-26", "SY2025-26"),
        ("2025-26", "SY2025-26"),
        ("2025-2026", "SY2025-26"),
        ("SY 2025-2026", "SY2025-26"),
        ("SY2025-2026", "SY2025-26"),
        ("sy2025-26", "SY2025-26"),
        (" 2025 / 26 ", "SY2025-26"),
        ("2025\u201326", "SY2025-26"),  # an en dash, as word processors write it
        ("SY2026-27", "SY2026-27"),
        ("SY2099-2100", "SY2099-00"),
    ],
)
def test_school_year_variants_normalise_to_sy_form(written: str, stored: str) -> None:
    assert normalise_school_year(written) == stored


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        ("2025-27", "spans 2025 to 2027"),
        ("2025-2027", "spans 2025 to 2027"),
        ("2026-25", "spans 2026 to 2025"),
        ("SY2025-25", "spans 2025 to 2025"),
        ("2025", "is not a school year"),
        ("SY25", "is not a school year"),
        ("SY25-26", "is not a school year"),
        ("2025-6", "is not a school year"),
        ("school year 2025-26", "is not a school year"),
        ("", "is not a school year"),
    ],
)
def test_school_years_that_are_refused(written: str, reason: str) -> None:
    with pytest.raises(ValueError, match=re.escape(reason)):
        normalise_school_year(written)


@pytest.mark.parametrize("value", [2025, 2025.26, None, True])
def test_a_school_year_must_be_text(value: object) -> None:
    with pytest.raises(ValueError, match="written like SY2025-26"):
        normalise_school_year(value)


def test_non_consecutive_year_message_suggests_the_right_year() -> None:
    with pytest.raises(ValueError, match=re.escape("e.g. SY2025-26")):
        normalise_school_year("2025-27")


def test_school_year_across_a_century() -> None:
    assert normalise_school_year("SY1999-00") == "SY1999-00"


def test_school_year_type_stores_the_normal_form() -> None:
    assert TypeAdapter(SchoolYear).validate_python("2025-2026") == "SY2025-26"


def test_school_year_schema_pattern_accepts_what_the_validator_accepts() -> None:
    pattern = TypeAdapter(SchoolYear).json_schema()["pattern"]
    assert re.match(pattern, "2025\u201326")


# --- grades ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "stored"),
    [
        (3, "3"),
        (12, "12"),
        ("3", "3"),
        ("03", "3"),
        (" 5 ", "5"),
        ("K", "K"),
        ("k", "K"),
        ("KG", "K"),
        ("Kindergarten", "K"),
        ("PK", "PK"),
        ("pk", "PK"),
        ("PreK", "PK"),
    ],
)
def test_grades_normalise(written: object, stored: str) -> None:
    assert normalise_grade(written) == stored


@pytest.mark.parametrize("value", [0, 13, -1, "13", "1.5", 3.5, True, False, None, "", "G3"])
def test_grades_that_are_refused(value: object) -> None:
    with pytest.raises(ValueError, match=r"is not a grade; use PK, K or a number from 1 to 12"):
        normalise_grade(value)


def test_grade_type_stores_text() -> None:
    assert TypeAdapter(list[Grade]).validate_python(["K", 1, "02"]) == ["K", "1", "2"]


# --- DESE org codes -------------------------------------------------------------------------

ORG_CODE = TypeAdapter(OrgCode)


@pytest.mark.parametrize("code", ["00010505", "03500000", "12345678"])
def test_org_code_accepts_eight_quoted_digits(code: str) -> None:
    assert ORG_CODE.validate_python(code) == code


def test_org_code_refuses_a_number_and_asks_for_quotes() -> None:
    # YAML reads an unquoted 00010505 as the number 10505.
    with pytest.raises(ValidationError) as raised:
        ORG_CODE.validate_python(10505)
    [error] = raised.value.errors()
    assert error["type"] == "value_error"
    assert "in quotes" in error["msg"]
    assert "'00010505'" in error["msg"]


@pytest.mark.parametrize("code", ["1050", "000105050", "0001050a", " 00010505", ""])
def test_org_code_refuses_text_that_is_not_eight_digits(code: str) -> None:
    with pytest.raises(ValidationError) as raised:
        ORG_CODE.validate_python(code)
    assert [e["type"] for e in raised.value.errors()] == ["string_pattern_mismatch"]


def test_org_code_refuses_a_boolean_as_text_not_as_number() -> None:
    with pytest.raises(ValidationError) as raised:
        ORG_CODE.validate_python(True)
    assert [e["type"] for e in raised.value.errors()] == ["string_type"]


@pytest.mark.parametrize("written", ["SY9999-00", "SY1899-00", "0000-01"])
def test_a_school_year_far_outside_any_plan_is_refused(written: str) -> None:
    with pytest.raises(ValueError, match="between SY1900-01 and SY2199-00"):
        normalise_school_year(written)
