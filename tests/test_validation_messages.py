"""Validation messages in a person's words: impossible dates, names of items, values by meaning.

The corpus (tests/fixtures/invalid, the date-*, name-* and synonym-* cases) checks the
messages `sip validate` prints; these tests pin the three helpers behind them.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, get_args

import pytest

from sipcli.load.source import parse
from sipcli.model.goals import Metric
from sipcli.model.labels import tables
from sipcli.model.types import Cadence, StudentGroup, Subject
from sipcli.periods.dates import DateError, impossible_reason, read_exact_date
from sipcli.validate.naming import ordinal, person_path
from sipcli.validate.synonyms import _table, meant, normalised, synonym_tables

PLAN = """\
schema_version: 1
school:
  name: Birchwood Elementary School
  grades: [K, 1, 2]
  snapshot:
    demographics: {SWD: 18.5}
plan:
  type: initial
  school_year: SY2026-27
goals:
  - id: G1
    statement: Raise grade 3 reading.
    grades: [3]
  - id: G2
    statement: Cut chronic absenteeism.
    target: {value: 12, by: 2028-06-30}
    benchmarks:
      - id: G2.B1
        statement: Fewer absences by winter.
        due: [2027-01-31]
      - id: G2.B2
        statement: Fewer absences by spring.
        due: [2027-03-31, 2027-05-31]
  - statement: A goal still without its id.
  - id: <goal id>
    statement: A goal whose id is still a placeholder.
assessment:
  challenges:
    - {id: C1, statement: One}
    - {id: C2, statement: Two}
    - {id: C3, statement: Three}
    - {id: C4, statement: Four}
"""


@pytest.fixture(scope="module")
def plan() -> Any:
    """The plan above as sip loads it."""
    return parse(PLAN)


# -- naming items -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("path", "said"),
    [
        (("goals", 1, "target", "value"), "goal G2's target value"),
        (("goals", 1, "target", "by"), "goal G2's target date"),
        (("goals", 1, "benchmarks", 0, "due", 0), "benchmark G2.B1's due date"),
        (("goals", 1, "benchmarks", 1, "due", 1), "the 2nd of benchmark G2.B2's due dates"),
        (("goals", 1, "benchmarks", 1, "due"), "benchmark G2.B2's due dates"),
        (("goals", 1, "benchmarks", 0), "benchmark G2.B1"),
        (("assessment", "challenges", 3), "challenge C4"),
        (("assessment", "challenges", 3, "statement"), "challenge C4's statement"),
        (("plan", "school_year"), "the plan's school year"),
        (("school", "name"), "the school's name"),
        (("school", "grades", 1), "the 2nd of the school's grades"),
        (("goals", 0, "grades", 0), "goal G1's grade"),
        (("goals", 2), "the 3rd goal"),
        (("goals", 2, "statement"), "the 3rd goal's statement"),
        (("goals", 3, "statement"), "the 4th goal's statement"),
        (("goals", 7, "statement"), "the 8th goal's statement"),
        (
            ("school", "snapshot", "demographics", "SWD"),
            "the school's snapshot demographics entry 'SWD'",
        ),
        (("vision",), "the vision section"),
        ((), "the plan file"),
    ],
)
def test_person_path_names_items_as_a_person_does(
    plan: Any, path: tuple[object, ...], said: str
) -> None:
    assert person_path(plan, path) == said


def test_person_path_never_shows_a_technical_path(plan: Any) -> None:
    said = person_path(plan, ("goals", 1, "benchmarks", 1, "due", 1))
    assert "[" not in said and "." not in said.replace("G2.B2", "")


@pytest.mark.parametrize(
    ("number", "said"),
    [
        (1, "1st"),
        (2, "2nd"),
        (3, "3rd"),
        (4, "4th"),
        (11, "11th"),
        (12, "12th"),
        (13, "13th"),
        (21, "21st"),
        (22, "22nd"),
        (101, "101st"),
        (111, "111th"),
    ],
)
def test_ordinals(number: int, said: str) -> None:
    assert ordinal(number) == said


# -- impossible dates and other orders --------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "month", "day", "reason"),
    [
        (2028, 6, 31, "June has 30 days (its last is 2028-06-30)"),
        (2027, 2, 29, "2027 is not a leap year: February 2027 has 28 days"),
        (2028, 2, 30, "February 2028 has 29 days"),
        (2027, 13, 1, "there is no month 13 (months run from 01 to 12)"),
        (2027, 0, 1, "there is no month 0 (months run from 01 to 12)"),
        (2027, 4, 0, "days of the month start at 01"),
        (2028, 2, 29, None),
        (2027, 12, 31, None),
    ],
)
def test_impossible_reason_says_why(year: int, month: int, day: int, reason: str | None) -> None:
    assert impossible_reason(year, month, day) == reason


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2028-06-31", "'2028-06-31' is not a day of the calendar: June has 30 days"),
        ("2027-02-29", "2027 is not a leap year: February 2027 has 28 days"),
        ("2027-13-05", "there is no month 13"),
        ("30/06/2028", "there is no month 30. sip reads an exact date as YYYY-MM-DD"),
        ("30/06/2028", "if you meant June 30, 2028, write 2028-06-30"),
        ("2028/06/30", "write '2028/06/30' as 2028-06-30"),
        ("June 30 2028", "write 'June 30 2028' as 2028-06-30"),
        ("30 June 2028", "write '30 June 2028' as 2028-06-30"),
        ("Sept. 3rd 2027", "write 'Sept. 3rd 2027' as 2027-09-03"),
        ("30.06.2028", "write '30.06.2028' as 2028-06-30"),
        ("04.10.2027", "write it 2027-10-04 or 2027-04-10, whichever you mean"),
        ("June 31 2028", "June has 30 days"),
    ],
)
def test_a_date_that_is_no_day_or_in_another_order_says_why(text: str, says: str) -> None:
    words = text.lower().replace(",", "")
    with pytest.raises(DateError) as raised:
        read_exact_date(words, text)
    assert says in str(raised.value)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2028-06-30", dt.date(2028, 6, 30)),
        ("6/30/2028", dt.date(2028, 6, 30)),
        ("2028-2-29", dt.date(2028, 2, 29)),
    ],
)
def test_the_forms_sip_reads_are_read(text: str, day: dt.date) -> None:
    assert read_exact_date(text, text) == day


@pytest.mark.parametrize("text", ["spring 2027", "sy2026-27", "q2", "eoy"])
def test_a_period_is_not_taken_for_a_date(text: str) -> None:
    assert read_exact_date(text, text) is None


# -- values by meaning ------------------------------------------------------------------------

GROUPS = list(get_args(StudentGroup))


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("ELL", "english_learners"),
        ("EL", "english_learners"),
        ("ELs", "english_learners"),
        ("MLL", "english_learners"),
        ("ML", "english_learners"),
        ("multilingual learners", "english_learners"),
        ("LEP", "english_learners"),
        ("SWD", "students_with_disabilities"),
        ("IEP", "students_with_disabilities"),
        ("SPED", "students_with_disabilities"),
        ("special education", "students_with_disabilities"),
        ("FRL", "low_income"),
        ("low income", "low_income"),
        ("Econ. Dis.", "low_income"),
        ("economically_disadvantaged", "low_income"),
        ("Black", "african_american_black"),
        ("African American", "african_american_black"),
        ("Latino", "hispanic_latino"),
        ("Latinx", "hispanic_latino"),
        ("Hispanic", "hispanic_latino"),
        ("HN", "high_needs"),
    ],
)
def test_a_student_group_is_read_by_meaning(written: str, value: str) -> None:
    suggestion = meant(written, GROUPS)
    assert suggestion is not None and suggestion.value == value
    assert str(suggestion) == f"'{value}' ({tables()['student_group'][value]})"


def test_ell_is_english_learners_not_all() -> None:
    assert str(meant("ELL", GROUPS)) == "'english_learners' (English learners)"


def test_a_typo_still_gets_the_closest_spelling_without_a_label() -> None:
    suggestion = meant("hig_needs", GROUPS)
    assert suggestion is not None and str(suggestion) == "'high_needs'"
    assert meant("nothing like a group", GROUPS) is None


@pytest.mark.parametrize(
    ("written", "choices", "value"),
    [
        ("Mathematics", get_args(Subject), "math"),
        ("English language arts", get_args(Subject), "ela"),
        ("twice a year", get_args(Cadence), "twice_yearly"),
        ("every other week", get_args(Cadence), "biweekly"),
        ("chronic absence", get_args(Metric), "chronic_absenteeism"),
        ("grad rate", get_args(Metric), "graduation_rate"),
    ],
)
def test_other_choices_are_read_by_meaning(
    written: str, choices: tuple[str, ...], value: str
) -> None:
    suggestion = meant(written, list(choices))
    assert suggestion is not None and suggestion.value == value


def test_synonyms_apply_only_to_their_enumeration() -> None:
    # "Mathematics" means math among subjects, and nothing among student groups.
    assert meant("Mathematics", GROUPS) is None
    among_subjects = meant("ELL", list(get_args(Subject)))
    assert among_subjects is None or among_subjects.label is None  # a spelling guess at most


ENUMERATIONS = {
    "student_group": StudentGroup,
    "subject": Subject,
    "metric": Metric,
    "cadence": Cadence,
}


@pytest.mark.parametrize("name", sorted(ENUMERATIONS))
def test_every_synonym_means_a_real_choice(name: str) -> None:
    table = synonym_tables()[name]
    assert set(table.values()) <= set(get_args(ENUMERATIONS[name]))


def test_the_data_file_has_only_known_tables() -> None:
    assert set(synonym_tables()) == set(ENUMERATIONS)


def test_a_synonym_listed_under_two_values_is_refused() -> None:
    with pytest.raises(ValueError, match="'el' in student_group means both"):
        _table("student_group", {"english_learners": ["EL"], "low_income": ["el"]})


def test_normalised_ignores_case_and_separators() -> None:
    assert normalised("  Econ.-Dis_/ ") == "econ dis"


# -- through the command ----------------------------------------------------------------------


def test_json_keeps_the_technical_path_and_the_message_names_the_item(
    run_sip, tmp_path: Path
) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        PLAN.replace("target: {value: 12,", "target: {value: about 12,").replace(
            "due: [2027-01-31]", "due: [2027-02-29]"
        ),
        encoding="utf-8",
    )
    result = run_sip("validate", "-f", "json", path)
    assert result.exit_code == 1
    found = {d["path"]: d["message"] for d in json.loads(result.stdout)["diagnostics"]}
    assert found["goals[1].target.value"].startswith("Goal G2's target value should be a number")
    assert found["goals[1].benchmarks[0].due[0]"] == (
        "Benchmark G2.B1's due date: '2027-02-29' is not a day of the calendar: 2027 is not a "
        "leap year: February 2027 has 28 days."
    )
    assert (
        "Unknown key 'SWD' in the school's snapshot demographics. Did you mean "
        "'students_with_disabilities' (Students with disabilities)?"
    ) in found["school.snapshot.demographics.SWD"]
