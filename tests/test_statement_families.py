"""The wording real plans use, read by the one statement reader with its evidence span.

Each family of issue 15 (deadlines in the school calendar, baselines stated or implied,
targets in words or beside counts, placeholders and data that only looks like one) is read
by `sipcli.statement`, shown by `sip score` and seen by lint's text rules.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sipcli.lint.rules.placeholder_text import PlaceholderText
from sipcli.lint.rules.statement_disagrees import StatementDisagrees
from sipcli.lint.rules.vague_goal import VagueGoal
from sipcli.model.reference import default_reference
from sipcli.score import score_text
from sipcli.statement.elements import detect
from sipcli.statement.years import year_mentions

from .rule_harness import findings_of, messages_of

DEADLINES = [
    (
        "Grade 5 math meeting or exceeding will rise to 48% on the 2027 MCAS.",
        "on the 2027 MCAS",
        2027,
    ),
    ("Chronic absenteeism will fall to 12% by the end of 2027.", "by the end of 2027", 2027),
    ("This year, 60% of grade 3 students will meet benchmark on DIBELS.", "This year", None),
    (
        "ELA meeting or exceeding will reach 40% by the MCAS preliminary results in June.",
        "by the MCAS preliminary results in June",
        None,
    ),
    ("Grade 4 math will reach 45% at the EOY 2025-26.", "at the EOY 2025-26", 2026),
    ("Average daily attendance will reach 94% in SY24.", "in SY24", 2024),
    ("The graduation rate will reach 90% for the class of 2027.", "for the class of 2027", 2027),
    ("Reach 40% in the winter i-Ready window.", "in the winter i-Ready window", None),
]


@pytest.mark.parametrize(("text", "words", "year"), DEADLINES)
def test_deadlines_in_the_school_calendar(text: str, words: str, year: int | None) -> None:
    deadline = detect(text).deadline
    assert deadline is not None
    assert (deadline.text, deadline.value) == (words, year)
    assert text[deadline.start : deadline.end] == words


def test_a_year_that_dates_the_baseline_is_not_the_deadline() -> None:
    text = "Grade 4 ELA will reach 45%, up from 38% in spring 2025."
    assert detect(text).deadline is None


def test_a_deadline_left_as_a_placeholder_is_no_deadline() -> None:
    elements = detect("By June 20XX, 45% of students will meet expectations.")
    assert elements.deadline is None
    assert [found.text for found in elements.placeholders] == ["20XX"]


BASELINES = [
    ("will rise by 7 percentage points to 30% by spring 2027", 23, 30, "from 30% minus 7 points"),
    (
        "a 50 percent reduction in chronic absenteeism, to 1.9 percent, by June 2027",
        3.8,
        1.9,
        "from 1.9% after a 50% cut",
    ),
    ("ELA meeting or exceeding (26% → 33%) by spring 2027", 26, 33, None),
    ("math meeting or exceeding (7%-27%) by spring 2027", 7, 27, None),
    ("science meeting or exceeding (26%- 46%) by spring 2027", 26, 46, None),
    ("students will move from typical growth (48) to high growth (60) on i-Ready", 48, 60, None),
    ("AP enrollment will rise from the 2023-24 enrollment of 55% to 65%", 55, 65, None),
    (
        "Currently, 55.9% of students are chronically absent; by June 2027 this will fall to 45%",
        55.9,
        45,
        None,
    ),
    ("Writing growth index (Baseline -15.3, Target 12.7 by 2028)", -15.3, 12.7, None),
]


@pytest.mark.parametrize(("text", "baseline", "target", "derived"), BASELINES)
def test_baselines_stated_or_implied(
    text: str, baseline: float, target: float, derived: str | None
) -> None:
    elements = detect(text)
    assert elements.baseline is not None and elements.target is not None
    assert (elements.baseline.value, elements.target.value) == (baseline, target)
    assert elements.baseline.derived == derived
    found = elements.baseline
    assert text[found.start : found.end] == found.text


TARGETS = [
    (
        "The school will meet or exceed the 51st percentile by 2027.",
        51,
        "percentile",
        "51st percentile",
    ),
    (
        "By June 2027, ELA will rise by six percentage points.",
        6,
        "percentage_points",
        "six percentage points",
    ),
    (
        "By June 2027, forty percent of students will meet expectations.",
        40,
        "percent",
        "forty percent",
    ),
    (
        "Fifty percent of grade 3 students will meet expectations by June 2027.",
        50,
        "percent",
        "Fifty percent",
    ),
    (
        "By June, ninety-four percent of seniors will graduate.",
        94,
        "percent",
        "ninety-four percent",
    ),
    (
        "By June 2027, at least 70% (113/161) of seniors will complete the FAFSA.",
        70,
        "percent",
        "70%",
    ),
]


@pytest.mark.parametrize(("text", "target", "unit", "words"), TARGETS)
def test_targets_in_words_and_beside_counts(
    text: str, target: float, unit: str, words: str
) -> None:
    elements = detect(text)
    assert elements.target is not None and elements.unit is not None
    assert (elements.target.value, elements.unit.value, elements.target.text) == (
        target,
        unit,
        words,
    )


def test_a_percentile_that_defines_whom_to_count_is_not_a_target() -> None:
    text = "Students scoring at or above the 50th percentile on MAP will rise from 40% to 48%."
    elements = detect(text)
    assert elements.target is not None and elements.target.value == 48


PLACEHOLDERS = [
    ("By <date>, <metric> will rise to 40%.", ["<date>", "<metric>"]),
    ("By June 2027, [student group] will reach 40%.", ["[student group]"]),
    ("By June 20XX, 40% of students will meet expectations.", ["20XX"]),
    ("Reach [TBD after the fall screener] by June 2027.", ["[TBD after the fall screener]"]),
    ("By June 2027, __% of students will meet expectations.", ["__%"]),
    ("Writing growth (Baseline -15.3, Target 12.7 by 2021) on the rubric.", []),
    ("Led by the school council (principal, three teachers, four parents).", []),
]


@pytest.mark.parametrize(("text", "expected"), PLACEHOLDERS)
def test_placeholders_and_data_that_only_looks_like_one(text: str, expected: list[str]) -> None:
    assert [found.text for found in detect(text).placeholders] == expected
    messages = messages_of(PlaceholderText, _goal(text))
    assert bool(messages) == bool(expected)
    for placeholder in expected:
        assert f'"{placeholder}"' in messages[0]


def test_twenty_xx_is_not_the_number_twenty() -> None:
    assert detect("By June 20XX, raise ELA.").target is None


def test_school_years_have_one_meaning() -> None:
    spans = [
        (mention.first, mention.last)
        for mention in year_mentions("SY24, SY2025-26, 22-23 SY, FY27, 2027")
    ]
    assert spans == [(2023, 2024), (2025, 2026), (2022, 2023), (2026, 2027), (2027, 2027)]


def _goal(text: str, **fields: Any) -> str:
    lines = ["goals:", "  - id: G1", f"    statement: {json.dumps(text)}"]
    lines += [f"    {name}: {value}" for name, value in fields.items()]
    return "\n".join(lines) + "\n"


def test_lint_compares_a_derived_baseline_and_says_how_it_was_worked_out() -> None:
    text = (
        "By spring 2027, grade 3 ELA meeting or exceeding will rise by 7 percentage points to 30%."
    )
    fragment = _goal(
        text,
        unit="percent",
        baseline="{value: 25, period: spring 2026}",
        target="{value: 30, by: spring 2027 MCAS}",
    )
    assert findings_of(StatementDisagrees, fragment) == ["goals[0].baseline.value"]
    assert "23% (from 30% minus 7 points)" in messages_of(StatementDisagrees, fragment)[0]


def test_lint_reads_a_deadline_in_the_school_calendar() -> None:
    fragment = _goal(
        "Grade 5 ELA meeting or exceeding will reach 45% on the 2029 MCAS.",
        target="{value: 45, by: 2027-09-30}",
    )
    assert findings_of(StatementDisagrees, fragment) == ["goals[0].target.by"]


def test_lint_counts_figures_written_in_words() -> None:
    assert (
        findings_of(VagueGoal, _goal("By June 2027, ELA will rise by six percentage points.")) == []
    )
    assert findings_of(VagueGoal, _goal("By June 2027, students will improve reading.")) == [
        "goals[0].statement"
    ]


def test_score_shows_a_derived_baseline_as_evidence() -> None:
    scored = score_text(
        "By spring 2027, ELs on MCAS ELA will rise by 7 percentage points to 30%.",
        default_reference(),
    )
    evidence = [line for criterion in scored.criteria for line in criterion.evidence]
    assert any(
        line.startswith('baseline: 23%, from 30% minus 7 points ("7 percentage points to 30%"')
        for line in evidence
    ), evidence
    assert scored.to_dict()["elements"]["baseline"]["derived"] == "from 30% minus 7 points"
