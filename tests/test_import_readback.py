"""What only sip's own documents show, read back by `sip import` (issue 18, item 4).

Each source is laid out as `sip render --to docx` lays out a plan (a goal's own heading with
its detail lines, the results table, the current-state table, the plan's own student groups,
an "Evidence" list), written by hand in our own words so that each case shows one thing: what
is read, and what is kept under "# Not imported" when it does not read.
"""

from __future__ import annotations

from typing import Any

import pytest

from sipcli.importing.values import read_grades
from tests.test_import_build import Source, data_of, draft, validated

GOALS_HEADER = ["Id", "Goal", "Students", "Baseline", "Target", "By"]
STATEMENT = "Grade 4 readers at benchmark will rise from 40% (spring 2025) to 52% by June 2027."


def plan_with_goal(*lines: str, students: str = "All students") -> Source:
    """A plan with one goal in the goals table, then its own heading with ``lines`` under it."""
    source = Source()
    source.para("School year: SY2026-27")
    source.heading("Goals and benchmarks")
    source.table(
        [GOALS_HEADER, ["G1", STATEMENT, students, "40% (spring 2025)", "52%", "2027-06-30"]]
    )
    source.heading("Goal G1", level=2)
    source.para(STATEMENT)
    for line in lines:
        source.para(line, list_level=0)
    return source


def leftovers(text: str) -> str:
    """The draft's "# Not imported" blocks, as one text."""
    return "\n".join(line for line in text.splitlines() if line.startswith("#   "))


def test_a_goals_own_heading_gives_its_details_and_keeps_what_does_not_read() -> None:
    text = draft(
        plan_with_goal(
            "Priority: 2",
            "Grades: K\u20132, 4",
            "Subject: Mathematics",
            "Direction: Maintain",
            "Baseline note: Two classes took the test late.",
            "Target period: spring 2027",
            "Interim targets: 44% by SY2026-27; 48% by spring 2028 MCAS",
            "Mood of the team: hopeful",
        )
    )
    goal = data_of(text)["goals"][0]
    assert len(data_of(text)["goals"]) == 1  # a line under the heading is not a new goal
    assert goal["priority"] == 2
    assert goal["grades"] == ["K", 1, 2, 4]
    assert goal["subject"] == "math"
    assert goal["direction"] == "maintain"  # the line, not the figures' increase
    assert goal["baseline"]["note"] == "Two classes took the test late."
    assert goal["target"]["period"] == "spring 2027"
    assert goal["interim_targets"] == [
        {"value": 44, "by": "SY2026-27"},
        {"value": 48, "by": "spring 2028 MCAS"},
    ]
    kept = leftovers(text)
    assert "Mood of the team: hopeful" in kept
    assert STATEMENT not in kept  # the statement again under the heading is not a leftover
    assert validated(text) == []


def test_a_statement_under_the_heading_that_differs_from_the_table_is_kept() -> None:
    source = plan_with_goal()
    source.para("A different sentence about the same goal.")
    assert "A different sentence about the same goal." in leftovers(draft(source))


@pytest.mark.parametrize(
    ("baseline", "target", "direction"),
    [("40%", "52%", "increase"), ("24%", "19%", "decrease"), ("40%", "40%", None)],
)
def test_a_goals_direction_is_worked_out_from_its_figures(
    baseline: str, target: str, direction: str | None
) -> None:
    source = Source()
    source.heading("Goals and benchmarks")
    source.table([GOALS_HEADER, ["G1", "Absences will change.", "", baseline, target, ""]])
    text = draft(source)
    assert data_of(text)["goals"][0].get("direction") == direction
    if direction is not None:
        assert f"direction: {direction} # worked out from the baseline and the target" in text


def test_benchmarks_audience_frequency_and_the_results_table() -> None:
    source = plan_with_goal()
    source.table(
        [
            ["Id", "Benchmark", "Type", "Audience", "How often", "Due"],
            ["G1.B1", "Coaches visit every room.", "Process", "Educators", "Monthly", "Q1, Q2"],
        ]
    )
    source.table(
        [
            ["Result for", "Date", "Period", "Result", "Kind", "Status", "Source", "Note"],
            ["G1", "2026-09-20", "spring 2026", "43%", "Preliminary", "On track", "MCAS", ""],
            ["G1.B1", "Q1 2026-27", "", "80%", "", "At risk", "", "Two rooms missed."],
            ["G7.B1", "Q1 2026-27", "", "10%", "", "", "", ""],
        ]
    )
    text = draft(source)
    goal = data_of(text)["goals"][0]
    benchmark = goal["benchmarks"][0]
    assert (benchmark["audience"], benchmark["frequency"]) == ("educators", "monthly")
    assert goal["status_updates"] == [
        {
            "date": "2026-09-20",
            "actual": 43,
            "kind": "preliminary",
            "source": "MCAS",
            "status": "on_track",
            "period": "spring 2026",
        }
    ]
    assert benchmark["status_updates"] == [
        {"date": "Q1", "actual": 80, "status": "at_risk", "note": "Two rooms missed."}
    ]
    assert "G7.B1 | Q1 2026-27 | 10%" in leftovers(text)  # a result for no goal of the plan: kept
    assert validated(text) == []


def test_the_plans_own_student_group_is_read_and_goals_cite_it_by_its_id() -> None:
    source = plan_with_goal(students="Newcomers and their siblings")
    source.heading("Student groups this plan names", level=2)
    source.table(
        [
            ["Id", "Group", "Brings together", "Who is counted"],
            [
                "newcomers",
                "Newcomers and their siblings",
                "English learners, Low income",
                "Students in their first two years in the district.",
            ],
        ]
    )
    text = draft(source)
    data = data_of(text)
    assert data["student_groups"] == [
        {
            "id": "newcomers",
            "label": "Newcomers and their siblings",
            "combines": ["english_learners", "low_income"],
            "description": "Students in their first two years in the district.",
        }
    ]
    assert data["goals"][0]["student_group"] == "newcomers"
    assert "read as the id of the student group 'Newcomers and their siblings'" in text
    assert validated(text) == []


def test_a_student_group_no_table_names_is_kept_as_written() -> None:
    text = draft(plan_with_goal(students="The robotics club"))
    assert "student_group" not in data_of(text)["goals"][0]
    assert "Students: The robotics club" in leftovers(text)


def test_the_current_state_table() -> None:
    source = Source()
    source.heading("Assessment of assets and challenges")
    source.table(
        [
            ["Id", "Measure", "Value", "When", "Students", "Comparison", "Data source"],
            [
                *("D1", "Reading growth", "38 (SGP)", "spring 2025"),
                *("High needs \u00b7 Grades 4, 5", "state: 50", "MCAS"),
            ],
            ["D2", "Returning teachers", "91%", "SY2025-26", "", "", "Other source"],
            ["D3", "Families at conferences", "77%", "fall 2025", "Grade 3", "", "A notebook"],
        ]
    )
    text = draft(source)
    points = data_of(text)["assessment"]["current_state"]
    assert points[0] == {
        "id": "D1",
        "description": "Reading growth",
        "source": "mcas",
        "value": 38,
        "unit": "sgp",
        "period": "spring 2025",
        "student_group": "high_needs",
        "grades": [4, 5],
        "comparison": "state: 50",
    }
    assert (points[1]["value"], points[1]["unit"], points[1]["source"]) == (91, "percent", "other")
    assert points[2]["grades"] == [3]
    assert "Data source: A notebook" in leftovers(text)  # not a source sip names


@pytest.mark.parametrize(
    ("heading", "section"),
    [
        ("Stakeholder engagement", "stakeholder_engagement"),
        ("Vision", "vision"),
        ("District systems", "district_systems"),
    ],
)
def test_an_evidence_list_is_read_in_its_section(heading: str, section: str) -> None:
    source = Source()
    source.heading(heading)
    source.heading("Evidence", level=2)
    source.para("Forum slides \u00b7 Presentation \u00b7 2026-02-05 \u00b7 shared/forum.pptx", 0)
    source.para("Notes from the hallway \u00b7 Gossip", 0)
    source.para("Unlisted notes written as a paragraph.")
    text = draft(source)
    assert data_of(text)[section]["evidence"] == [
        {
            "format": "presentation",
            "title": "Forum slides",
            "date": "2026-02-05",
            "location": "shared/forum.pptx",
        }
    ]
    kept = leftovers(text)
    assert "Notes from the hallway \u00b7 Gossip" in kept  # no format sip names
    assert "Unlisted notes written as a paragraph." in kept


def test_an_evidence_heading_outside_a_section_with_evidence_is_kept() -> None:
    source = Source()
    source.heading("Assessment of assets and challenges")
    source.heading("Evidence", level=2)
    source.para("Forum slides \u00b7 Presentation \u00b7 2026-02-05", 0)
    text = draft(source)
    assert "stakeholder_engagement" not in (data_of(text) or {})  # not another section's list
    kept = leftovers(text).splitlines()
    assert "#   Evidence" in kept
    assert "#   Forum slides \u00b7 Presentation \u00b7 2026-02-05" in kept


def test_the_previous_plan_and_a_roadmap_years_school_year() -> None:
    source = Source()
    source.para("Previous plan: plans/archive/SY2025-26.yaml")
    source.heading("Implementation")
    source.table(
        [["Year", "School year", "Focus"], ["Year 1", "SY2026-27", "Start the data teams."]]
    )
    data: dict[str, Any] = data_of(draft(source))
    assert data["plan"]["prior_plan"] == "plans/archive/SY2025-26.yaml"
    assert data["implementation"]["roadmap"][0]["school_year"] == "SY2026-27"


@pytest.mark.parametrize(
    ("text", "grades"),
    [
        ("K, 1, 2", ["K", 1, 2]),
        ("3\u20135", [3, 4, 5]),
        ("PK-K, 03", ["PK", "K", 3]),
        ("5, 4, 3", [5, 4, 3]),
        ("Grades 9\u201312", [9, 10, 11, 12]),
        ("5\u20133", None),
        ("K, 13", None),
        ("grade three", None),
    ],
)
def test_grades_as_documents_write_them(text: str, grades: list[Any] | None) -> None:
    assert read_grades(text) == grades
