"""Dates and periods of the school calendar: every form, every calendar setting, bad input."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sipcli.periods import (
    CalendarSettings,
    PeriodContext,
    PeriodError,
    When,
    default_calendar,
    read_when,
)
from sipcli.validate.check import validate_file

IN_SY2026 = PeriodContext(school_year=2026)


def _read(text: object, context: PeriodContext = IN_SY2026) -> When:
    return read_when(text, context)


@pytest.mark.parametrize(
    ("text", "kind", "start", "end", "known", "label"),
    [
        ("2027-06-30", "date", "2027-06-30", "2027-06-30", "2027-06-30", "2027-06-30"),
        (dt.date(2027, 6, 30), "date", "2027-06-30", "2027-06-30", "2027-06-30", "2027-06-30"),
        ("2027-06", "month", "2027-06-01", "2027-06-30", "2027-06-30", "June 2027"),
        ("June 2027", "month", "2027-06-01", "2027-06-30", "2027-06-30", "June 2027"),
        ("feb 2028", "month", "2028-02-01", "2028-02-29", "2028-02-29", "February 2028"),
        ("SY2026-27", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("2026-27", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("2026-2027", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("SY 2026-2027", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("SY27", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("22-23 SY", "school_year", "2022-08-28", "2023-06-20", "2023-06-20", "SY2022-23"),
        ("2026\u201327", "school_year", "2026-08-28", "2027-06-20", "2027-06-20", "SY2026-27"),
        ("year 2", "plan_year", "2027-08-28", "2028-06-20", "2028-06-20", "year 2 (SY2027-28)"),
        ("Q2", "term", "2026-11-10", "2027-01-30", "2027-01-30", "Q2 2026-27"),
        ("SY2026-27 Q2", "term", "2026-11-10", "2027-01-30", "2027-01-30", "Q2 2026-27"),
        ("Q2 2026-27", "term", "2026-11-10", "2027-01-30", "2027-01-30", "Q2 2026-27"),
        ("q3 SY28", "term", "2028-02-02", "2028-04-10", "2028-04-10", "Q3 2027-28"),
        ("Quarter 4", "term", "2027-04-13", "2027-06-20", "2027-06-20", "Q4 2026-27"),
        ("T1", "term", "2026-08-28", "2026-11-26", "2026-11-26", "T1 2026-27"),
        ("Trimester 3", "term", "2027-03-16", "2027-06-20", "2027-06-20", "T3 2026-27"),
        ("S2", "term", "2027-01-26", "2027-06-20", "2027-06-20", "S2 2026-27"),
        ("BOY", "term", "2026-09-01", "2026-10-10", "2026-10-10", "BOY 2026-27"),
        ("MOY", "term", "2027-01-05", "2027-02-13", "2027-02-13", "MOY 2026-27"),
        ("EOY", "term", "2027-05-04", "2027-06-20", "2027-06-20", "EOY 2026-27"),
        ("end of year", "term", "2027-05-04", "2027-06-20", "2027-06-20", "EOY 2026-27"),
        ("mid-year", "term", "2027-01-05", "2027-02-13", "2027-02-13", "MOY 2026-27"),
        ("fall 2026", "season", "2026-09-01", "2026-11-30", "2026-11-30", "fall 2026"),
        ("Autumn 2026", "season", "2026-09-01", "2026-11-30", "2026-11-30", "fall 2026"),
        ("winter 2027", "season", "2026-12-01", "2027-02-28", "2027-02-28", "winter 2027"),
        ("spring 2027", "season", "2027-03-01", "2027-06-15", "2027-06-15", "spring 2027"),
        ("summer 2027", "season", "2027-06-16", "2027-08-27", "2027-08-27", "summer 2027"),
        (
            "spring 2027 MCAS",
            "assessment",
            "2027-03-23",
            "2027-05-29",
            "2027-09-25",
            "spring 2027 MCAS",
        ),
        (
            "MCAS spring 2027",
            "assessment",
            "2027-03-23",
            "2027-05-29",
            "2027-09-25",
            "spring 2027 MCAS",
        ),
        (
            "Spring 2027 MCAS results",
            "assessment",
            "2027-03-23",
            "2027-05-29",
            "2027-09-25",
            "spring 2027 MCAS",
        ),
        (
            "winter 2027 i-Ready",
            "assessment",
            "2027-01-05",
            "2027-02-06",
            "2027-02-13",
            "winter 2027 i-Ready",
        ),
        (
            "winter 2027 iReady",
            "assessment",
            "2027-01-05",
            "2027-02-06",
            "2027-02-13",
            "winter 2027 i-Ready",
        ),
        (
            "fall 2026 NWEA MAP",
            "assessment",
            "2026-09-08",
            "2026-10-10",
            "2026-10-17",
            "fall 2026 MAP",
        ),
        (
            "winter 2027 ACCESS for ELLs",
            "assessment",
            "2027-01-08",
            "2027-02-27",
            "2027-06-05",
            "winter 2027 ACCESS",
        ),
    ],
)
def test_every_form(text: object, kind: str, start: str, end: str, known: str, label: str) -> None:
    when = _read(text)
    assert (when.kind, when.start.isoformat(), when.end.isoformat()) == (kind, start, end)
    assert (when.isoformat(), str(when)) == (known, label)
    assert when.text == (text if isinstance(text, str) else "2027-06-30")


def test_an_assessment_knows_its_preliminary_results() -> None:
    when = _read("spring 2027 MCAS")
    assert when.preliminary == dt.date(2027, 7, 31)
    assert when.is_period and not _read("2027-01-01").is_period


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Q5", "there is no term Q5 in the school calendar; its terms are Q1, Q2, Q3, Q4, T1"),
        ("SY2026-25", "'SY2026-25' spans 2026 to 2025; a school year covers two consecutive"),
        ("2026-2028", "spans 2026 to 2028"),
        ("winter 2027 PARCC", "no assessment called 'PARCC'; it knows MCAS (spring), ACCESS"),
        (
            "fall 2027 MCAS",
            "MCAS has no fall window in the school calendar; its windows are spring",
        ),
        ("2027", "'2027' is a year alone"),
        ("2027-02-30", "'2027-02-30' is not a day of the calendar"),
        ("Q2 next year", "'next year' is not a school year"),
        ("whenever", "'whenever' is not a date or a period sip can read. Write an exact date"),
        ("", "this is empty"),
        (True, "should be a date or a period"),
        (3.5, "should be a date or a period"),
    ],
)
def test_bad_periods_say_what_is_wrong(text: object, says: str) -> None:
    with pytest.raises(PeriodError, match=None) as error:
        _read(text)
    assert says in str(error.value)


def test_a_season_without_its_year_is_read_in_the_plans_school_year() -> None:
    assert str(_read("spring")) == "spring 2027"
    assert str(_read("fall i-Ready")) == "fall 2026 i-Ready"
    with pytest.raises(PeriodError, match=r"write the season with its year, e\.g\. 'spring 2027'"):
        read_when("spring", PeriodContext())


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("by the end of T2", "T2 2026-27"),
        ("at the end of the year", "EOY 2026-27"),
        ("in SY2026-27", "SY2026-27"),
        ("by spring 2027 MCAS", "spring 2027 MCAS"),
        ("2nd quarter", "Q2 2026-27"),
        ("third trimester", "T3 2026-27"),
        ("MCAS 2027", "spring 2027 MCAS"),
        ("6/30/2027", "2027-06-30"),
    ],
)
def test_the_words_plans_put_around_a_period(text: str, label: str) -> None:
    assert str(_read(text)) == label


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("june 0000", "falls outside the years 1900 to 2200"),
        ("SY9999-00", "falls outside the years 1900 to 2200"),
        ("2207-06-01", "falls outside the years 1900 to 2200"),
        ("spring 2026-27", "a season is named by its calendar year, e.g. 'spring 2027'"),
        ("2026-13", "'2026-13' has no month 13"),
        ("Term 2", "the school calendar has no term called 'Term 2'"),
        ("i-Ready 2027", "i-Ready has 3 windows (fall, winter, spring); say which"),
    ],
)
def test_more_bad_periods(text: str, says: str) -> None:
    with pytest.raises(PeriodError) as error:
        _read(text)
    assert says in str(error.value)


def test_a_term_the_school_names_term_2() -> None:
    settings = CalendarSettings.model_validate(
        {"terms": {"Term 2": {"start": "11-16", "end": "03-05"}}}
    )
    context = PeriodContext(settings=lambda: settings, school_year=2026)
    for text in ("Term 2", "by the end of Term 2", "term2"):
        assert read_when(text, context).end == dt.date(2027, 3, 5), text


def test_a_bare_term_needs_the_plans_school_year() -> None:
    with pytest.raises(PeriodError, match="'Q2' needs a school year") as error:
        read_when("Q2", PeriodContext())
    assert "SY2026-27 Q2" in str(error.value)
    assert read_when("SY2026-27 Q2", PeriodContext()).isoformat() == "2027-01-30"


def test_a_when_compares_copies_and_pickles_as_the_day_it_is_settled() -> None:
    q2 = _read("Q2")
    assert q2 == dt.date(2027, 1, 30)
    assert dt.date(2027, 1, 1) < q2 < _read("spring 2027 MCAS")
    assert sorted([_read("EOY"), _read("BOY"), q2]) == [_read("BOY"), q2, _read("EOY")]
    assert (q2 - dt.date(2027, 1, 1)).days == 29
    for clone in (copy.deepcopy(q2), pickle.loads(pickle.dumps(q2))):
        assert isinstance(clone, When)
        assert (clone.text, clone.start, str(clone)) == ("Q2", q2.start, "Q2 2026-27")
    assert f"due {q2}" == "due Q2 2026-27"
    assert repr(q2) == "When('Q2')"


def test_calendar_settings_replace_the_defaults_key_by_key() -> None:
    settings = CalendarSettings.model_validate(
        {
            "school-year": {"start": "09-03", "end": "06-13"},
            "terms": {
                "Q2": {"start": "11-08", "end": "01-24"},
                "R1": {"start": "10-01", "end": "10-31"},
            },
            "seasons": {"spring": {"start": "03-15", "end": "05-31"}},
            "assessments": {
                "MCAS": {
                    "windows": {
                        "spring": {
                            "start": "04-01",
                            "end": "05-20",
                            "results": "08-20",
                            "preliminary": "06-25",
                        }
                    }
                },
                "Lexia": {
                    "names": ["Lexia Core5"],
                    "windows": {"winter": {"start": "01-10", "end": "01-31"}},
                },
            },
        }
    )
    context = PeriodContext(settings=lambda: settings, school_year=2026)
    assert read_when("SY2026-27", context).start == dt.date(2026, 9, 3)
    assert read_when("SY2026-27", context).end == dt.date(2027, 6, 13)
    assert read_when("Q2", context).end == dt.date(2027, 1, 24)
    assert read_when("R1", context).start == dt.date(2026, 10, 1)  # a term of the school's own
    assert read_when("Q3", context).end == dt.date(2027, 4, 10)  # the default, kept
    assert read_when("spring 2027", context).end == dt.date(2027, 5, 31)
    assert read_when("spring 2027 MCAS", context).known == dt.date(2027, 8, 20)
    assert read_when("spring 2027 MCAS", context).preliminary == dt.date(2027, 6, 25)
    lexia = read_when("winter 2027 lexia core5", context)
    assert (lexia.label, lexia.known) == ("winter 2027 Lexia", dt.date(2027, 2, 1))
    assert lexia.preliminary is None
    assert read_when("winter 2027 i-Ready", context).known == dt.date(2027, 2, 13)


@pytest.mark.parametrize(
    ("setting", "says"),
    [
        ({"terms": {"Q1": {"start": "9/1", "end": "11-07"}}}, "not a month and day"),
        ({"terms": {"Q1": {"start": "13-01", "end": "11-07"}}}, "not a day of the year"),
        ({"terms": {"Q1": {"start": "02-30", "end": "11-07"}}}, "not a day of the year"),
        ({"terms": {"Q1": {"start": "09-01"}}}, "end"),
        ({"semesters": {}}, "semesters"),
    ],
)
def test_bad_calendar_settings_are_refused(setting: dict[str, object], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        CalendarSettings.model_validate(setting)


PLAN_WITH_PERIODS = """\
schema_version: 1
school: {name: Test School, district: Test District}
plan: {type: initial, school_year: SY2026-27}
goals:
  - id: G1
    statement: Raise the Lexia completion rate from 40% to 60%
    target: {value: 60, by: winter 2027 Lexia}
    benchmarks:
      - {id: G1.B1, statement: Half the classes log weekly use, type: process, due: [R1, Q2]}
"""


def test_validate_reads_the_calendar_of_the_plans_sip_yaml(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_PERIODS, encoding="utf-8")
    (tmp_path / ".git").mkdir()  # the configuration is looked for up to the repository root
    refused = validate_file(plan).result.diagnostics
    assert [(d.code, d.line) for d in refused] == [("SIP106", 7), ("SIP106", 9)]
    (tmp_path / ".sip.yaml").write_text(
        "calendar:\n"
        "  terms:\n"
        "    R1: {start: '10-01', end: '10-31'}\n"
        "  assessments:\n"
        "    Lexia: {windows: {winter: {start: '01-10', end: '01-31', results: '02-07'}}}\n",
        encoding="utf-8",
    )
    checked = validate_file(plan)
    assert checked.result.diagnostics == []
    assert checked.plan is not None and checked.plan.goals
    goal = checked.plan.goals[0]
    assert goal.target is not None and goal.target.by.known == dt.date(2027, 2, 7)
    assert goal.benchmarks and str(goal.benchmarks[0].due[0]) == "R1 2026-27"


def test_a_broken_calendar_setting_is_named_at_its_line(tmp_path: Path, run_sip: Any) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN_WITH_PERIODS, encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".sip.yaml").write_text(
        "calendar:\n  terms:\n    R1: {start: '10-41', end: '10-31'}\n", encoding="utf-8"
    )
    result = run_sip("validate", plan)
    assert result.exit_code == 2
    assert ".sip.yaml:3:" in result.stderr and "not a day of the year" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_plan_of_exact_dates_never_reads_the_calendar(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PLAN_WITH_PERIODS.replace("winter 2027 Lexia", "2027-02-07").replace(
            "[R1, Q2]", "[2026-10-31]"
        )
    )
    (tmp_path / ".git").mkdir()
    (tmp_path / ".sip.yaml").write_text("calendar: {terms: {R1: {start: '10-41'}}}\n")  # broken
    assert validate_file(plan).result.diagnostics == []


def test_the_shipped_calendar_says_where_each_default_comes_from() -> None:
    text = (Path(__file__).parents[1] / "src" / "sipcli" / "data" / "calendar.yaml").read_text()
    assert "[R] recalled" in text and "[V]" in text and "calendar:" in text
    calendar = default_calendar()
    assert {"Q1", "Q4", "T3", "S2", "BOY", "MOY", "EOY"} <= set(calendar.terms)
    assert {"MCAS", "ACCESS", "i-Ready", "MAP", "STAR"} <= set(calendar.assessments)


@given(st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2090, 12, 31)))
def test_any_exact_date_reads_as_itself(day: dt.date) -> None:
    when = _read(day.isoformat())
    assert (when, when.start, when.end, str(when)) == (day, day, day, day.isoformat())


@given(
    st.integers(min_value=1990, max_value=2090), st.sampled_from(sorted(default_calendar().terms))
)
def test_every_term_of_every_school_year_lies_inside_it(year: int, term: str) -> None:
    school_year = _read(f"SY{year}-{(year + 1) % 100:02d}")
    when = _read(f"SY{year}-{(year + 1) % 100:02d} {term}")
    assert school_year.start <= when.start <= when.end <= school_year.end
    assert when == when.end


@given(
    st.integers(min_value=1990, max_value=2090),
    st.sampled_from(["fall", "winter", "spring", "summer"]),
)
def test_a_season_ends_in_the_year_it_is_named_by(year: int, season: str) -> None:
    when = _read(f"{season} {year}")
    assert when.end.year == year and when.start <= when.end
    assert (when.end - when.start).days < 120


def test_a_calendar_that_opens_later_keeps_its_early_terms_in_the_fall() -> None:
    settings = CalendarSettings.model_validate({"school-year": {"start": "09-08", "end": "06-17"}})
    context = PeriodContext(settings=lambda: settings, school_year=2026)
    assert read_when("T1", context).start == dt.date(2026, 9, 8)  # in the fall, from the first day
    assert read_when("Q4", context).end == dt.date(2027, 6, 17)  # and to the last
    assert read_when("SY2026-27", context).start == dt.date(2026, 9, 8)


def test_a_when_read_again_keeps_its_period() -> None:
    q2 = _read("Q2")
    again = read_when(q2, PeriodContext())  # no school year needed: it is already placed
    assert again is q2 and str(again) == "Q2 2026-27"


@pytest.mark.parametrize(
    ("school_year", "q1", "q4_end", "eoy_end"),
    [
        (("07-01", "06-30"), ("2026-08-28", "2026-11-07"), "2027-06-20", "2027-06-20"),
        (("08-28", "06-20"), ("2026-08-28", "2026-11-07"), "2027-06-20", "2027-06-20"),
        (("09-08", "06-17"), ("2026-09-08", "2026-11-07"), "2027-06-17", "2027-06-17"),
    ],
)
def test_terms_fit_the_districts_school_year(
    school_year: tuple[str, str], q1: tuple[str, str], q4_end: str, eoy_end: str
) -> None:
    start, end = school_year
    settings = CalendarSettings.model_validate({"school-year": {"start": start, "end": end}})
    context = PeriodContext(settings=lambda: settings, school_year=2026)
    first = read_when("Q1", context)
    assert (first.start.isoformat(), first.end.isoformat()) == q1
    assert read_when("Q4", context).end.isoformat() == q4_end  # never past the last day
    assert read_when("EOY", context).end.isoformat() == eoy_end
    whole = read_when("SY2026-27", context)
    assert whole.start < whole.end


def test_a_term_that_does_not_fit_the_school_year_is_named() -> None:
    settings = CalendarSettings.model_validate(
        {"terms": {"Q2": {"start": "01-30", "end": "11-10"}}}
    )
    with pytest.raises(PeriodError, match=r"the term Q2 \(01-30 to 11-10\) does not fit"):
        read_when("Q2", PeriodContext(settings=lambda: settings, school_year=2026))


@pytest.mark.parametrize(
    ("window", "says"),
    [
        ({"start": "03-01", "end": "05-29", "results": "04-01"}, "falls inside the window"),
        (
            {"start": "03-01", "end": "05-29", "results": "09-01", "preliminary": "10-01"},
            "comes after results",
        ),
    ],
)
def test_impossible_results_days_are_refused(window: dict[str, str], says: str) -> None:
    with pytest.raises(ValueError, match=says):
        CalendarSettings.model_validate({"assessments": {"X": {"windows": {"spring": window}}}})


def test_date_arithmetic_on_a_when_gives_plain_dates() -> None:
    q2 = _read("Q2")
    for moved in (q2 + dt.timedelta(days=1), dt.timedelta(days=1) + q2, q2 - dt.timedelta(days=1)):
        assert type(moved) is dt.date
    assert (q2 + dt.timedelta(days=1)).isoformat() == "2027-01-31"
    assert (_read("EOY") - q2).days == 141 and (dt.date(2027, 3, 1) - q2).days == 30
    assert type(q2.replace(year=2030)) is dt.date


def test_29_february_is_in_winter() -> None:
    assert _read("winter 2028").end == dt.date(2028, 2, 29)
    assert _read("winter 2027").end == dt.date(2027, 2, 28)
