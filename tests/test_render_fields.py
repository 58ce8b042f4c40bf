"""Fields a reader of the plan needs that once lived only in the YAML (issue 18, item 4).

A goal's priority, grades, subject, direction (when its figures do not show it), baseline
note and target period; a benchmark's audience and frequency; the recorded results of goals
and benchmarks; ``plan.prior_plan``; the data source of each current-state figure. Each is
shown in Markdown, HTML and Word, in the words the importer reads back
(``sipcli.importing``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from sipcli.render.formatting import grades
from sipcli.render.run import render_text
from sipcli.render.view import build_view
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES


def rendered(path: Path, fmt: str = "md") -> str:
    """The plan at ``path`` rendered to ``fmt``."""
    plan = validate_file(path).plan
    assert plan is not None, path
    return render_text(build_view(plan), fmt)


def changed_plan(tmp_path: Path, old: str, new: str) -> Path:
    """The elementary example with the first ``old`` replaced by ``new``, as a file."""
    text = (EXAMPLES / "elementary.yaml").read_text(encoding="utf-8")
    assert old in text
    path = tmp_path / "plan.yaml"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_goal_shows_its_priority_grades_subject_baseline_note_and_target_period() -> None:
    text = rendered(EXAMPLES / "elementary.yaml")
    goal = text[text.index("### Goal G1") : text.index("### Goal G2")]
    for line in (
        "- **Priority:** 1",
        "- **Grades:** 3\u20135",
        "- **Subject:** ELA",
        "- **Baseline note:** Spring 2026 results arrive in September 2026 and will be "
        "reported alongside.",
        "- **Target period:** spring 2027",
    ):
        assert line in goal, line
    # Its figures (24% to 30%) already say it rises: no Direction line repeats it.
    assert "Direction" not in goal


def test_a_direction_the_figures_do_not_show_is_written_out(tmp_path: Path) -> None:
    plan = changed_plan(tmp_path, "direction: increase", "direction: maintain")
    goal = rendered(plan).split("### Goal G1", 1)[1].split("### Goal G2", 1)[0]
    assert "- **Direction:** Maintain" in goal


def test_a_benchmark_shows_its_audience_and_how_often_it_is_checked() -> None:
    text = rendered(EXAMPLES / "elementary.yaml")
    assert "| Id | Benchmark | Type | Audience | How often | Due |" in text
    assert "| Process | Families | Monthly | 2026-10-30," in text  # G4.B1


def test_recorded_results_of_a_goal_and_its_benchmarks_are_shown_under_it() -> None:
    text = rendered(EXAMPLES / "middle.yaml")
    goal = text[text.index("### Goal G1") : text.index("### Goal G2")]
    assert "| Result for | Date | Period | Result | Status | Note |" in goal
    assert (
        "| G1 | 2026-09-17 | spring 2026 | 24% | Not met | "
        "Up 3 percentage points from 21% but short of 26%. |" in goal
    )
    assert "| G1.B1 | 2026-09-30 |  | 86% | On track | Two new teachers start cycles" in goal
    # The goal's own results come before its benchmarks'.
    assert goal.index("| G1 | 2026-09-17") < goal.index("| G1.B1 | 2026-09-30")


def test_a_projected_result_says_so_and_names_its_source() -> None:
    text = rendered(EXAMPLES / "k8" / "plan.yaml")
    assert (
        "| G1 | fall 2026 i-Ready | 30% | Projected | "
        "i-Ready fall diagnostic, predicted MCAS proficiency |" in text
    )


def test_a_plan_without_results_has_no_results_table() -> None:
    assert "Result for" not in rendered(EXAMPLES / "elementary.yaml")


def test_the_previous_plan_is_among_the_plans_details() -> None:
    text = rendered(EXAMPLES / "middle.yaml")
    assert "- **Previous plan:** examples/archive/harbor-view-SY2025-26.yaml" in text
    assert "Previous plan" not in rendered(EXAMPLES / "elementary.yaml")  # it has none


def test_each_current_state_figure_names_its_data_source() -> None:
    text = rendered(EXAMPLES / "elementary.yaml")
    assert "| Students | Comparison | Data source |" in text
    assert "| 24% | spring 2025 | Grades 3\u20135 | state: 42% | MCAS |" in text
    assert "| district elementary: 16.1% | Attendance records |" in text


def test_each_current_state_figure_says_whose_it_is() -> None:
    text = rendered(EXAMPLES / "elementary.yaml")
    assert "| 18% | spring 2025 | High needs \u00b7 Grades 3\u20135 |" in text  # D2
    assert "| 54% | ACCESS 2025 | English learners |" in text  # D7: no grades given


def test_new_lines_are_escaped_as_the_rest_is(tmp_path: Path) -> None:
    plan = changed_plan(
        tmp_path,
        "note: Spring 2026 results",
        "note: <b>Spring</b> *2026* & results",
    )
    html = rendered(plan, "html")
    assert "&lt;b&gt;Spring&lt;/b&gt; *2026* &amp; results" in html
    assert "<b>Spring</b>" not in html
    assert r"- **Baseline note:** \<b\>Spring\</b\> \*2026\* & results" in rendered(plan)


@pytest.mark.parametrize(
    ("values", "shown"),
    [
        (["3", "4", "5"], "3\u20135"),
        (["K", "1", "2"], "K\u20132"),
        (["PK", "K", "1", "3"], "PK\u20131, 3"),
        (["4", "5"], "4, 5"),
        (["9", "11", "12"], "9, 11, 12"),
        (["5", "4", "3"], "5, 4, 3"),
        (["6"], "6"),
        ([], ""),
    ],
)
def test_grades_read_as_spans_only_where_they_run_in_order(values: list[str], shown: str) -> None:
    assert grades(values) == shown


def word_texts(path: Path) -> list[str]:
    """Each paragraph of the Word document's body, and each table cell, in order."""
    document = Document(str(path))
    texts: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            texts.extend(cell.text for row in Table(child, document).rows for cell in row.cells)
    return texts


def test_the_word_document_shows_the_same_lines(tmp_path: Path, run_sip: Any) -> None:
    out = tmp_path / "middle.docx"
    assert run_sip("render", EXAMPLES / "middle.yaml", "--to", "docx", "-o", out).exit_code == 0
    texts = word_texts(out)
    for expected in (
        "Priority: 2",
        "Grades: 6\u20138",
        "Subject: ELA",
        "Target period: spring 2027",
        "Audience",
        "How often",
        "Result for",
        "Not met",
        "Data source",
    ):
        assert expected in texts, expected
    assert any(text.startswith("Previous plan") for text in texts)


def test_a_group_the_plan_names_shows_the_id_its_goals_cite() -> None:
    text = rendered(EXAMPLES / "k8" / "plan.yaml")
    assert "| Id | Group | Brings together | Who is counted |" in text
    assert r"| special\_populations | Special populations (IEPs, 504s, MLLs) |" in text


#: A plan filling the fields the examples leave empty (Turnaround Practices, data refs, ...).
ALL_FIELDS = Path(__file__).parent / "fixtures" / "all-fields.yaml"


def _goal_text(text: str, goal: str, after: str) -> str:
    return text[text.index(f"Goal {goal}") : text.index(after)]


def test_a_goal_names_the_data_point_its_baseline_comes_from() -> None:
    text = rendered(ALL_FIELDS)
    g1 = _goal_text(text, "G1", "### TP4")
    assert (
        "- **Baseline data point:** D1: Grade 4 readers at benchmark on the winter screener" in g1
    )
    assert "- **Baseline data point:**" not in rendered(EXAMPLES / "elementary.yaml")


def test_a_baseline_citing_an_unknown_data_point_names_its_id_alone(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    plan = ALL_FIELDS.read_text(encoding="utf-8").replace("data_ref: D1", "data_ref: D9")
    path.write_text(plan, encoding="utf-8")
    assert "- **Baseline data point:** D9\n" in rendered(path)


def test_a_benchmark_names_the_initiatives_it_tracks_below_its_sentence() -> None:
    text = rendered(ALL_FIELDS)
    assert "| G1.B1 | Every teacher runs the phonics block four days a week.<br>" in text
    assert "<br>Initiatives: I1.1, I1.2 | Process |" in text
    # a benchmark tracking no initiative has its sentence alone
    assert "| G1.B2 | Families rate reading communication on the rubric. | Early" in text
    html = rendered(ALL_FIELDS, "html")
    assert "four days a week.<br>\nInitiatives: I1.1, I1.2</td>" in html


def test_goals_sit_under_the_turnaround_practice_they_serve() -> None:
    text = rendered(ALL_FIELDS)
    tp2, tp4 = "### TP2: Intentional practices", "### TP4: School climate and culture"
    assert text.index(tp2) < text.index("| G1 |") < text.index(tp4) < text.index("| G2 |")
    assert text.index("### Goals under no Turnaround Practice") < text.index("| G3 |")


def test_a_current_state_figure_names_its_subject_with_its_students() -> None:
    text = rendered(ALL_FIELDS)
    assert "| winter 2026 | Grade 4 \u00b7 ELA | Local assessment |" in text  # D1
    assert "| fall 2025 | School climate | Other source |" in text  # D2: no group, no grades


@pytest.mark.parametrize(
    "shown",
    [
        "| 212 (count) | fall 2025 |",  # a data point's count
        "| 2.5 (other unit) | spring 2026 |",  # a data point's other unit
        "| 212 (count, fall 2025) | 150 (count) |",  # a goal's baseline and target
        "**Interim targets:** 180 (count) by SY2026-27",
        "| at most 90 (count) |",  # a benchmark's target
    ],
)
def test_a_count_says_it_is_one(shown: str) -> None:
    assert shown in rendered(ALL_FIELDS)


def test_a_plan_with_a_title_of_its_own_still_names_its_kind() -> None:
    text = rendered(ALL_FIELDS)
    assert text.startswith("# Cobble Lane Elementary School: Cobble Lane Renewal Plan\n")
    assert "- **Kind of plan:** Sustainable Improvement Plan\n" in text
    # a plan titled as its kind is not told twice what it is
    assert "Kind of plan" not in rendered(EXAMPLES / "elementary.yaml")


def test_the_word_document_shows_the_fields_the_examples_leave_empty(
    tmp_path: Path, run_sip: Any
) -> None:
    out = tmp_path / "all-fields.docx"
    assert run_sip("render", ALL_FIELDS, "--to", "docx", "-o", out).exit_code == 0
    texts = word_texts(out)
    for expected in (
        "Cobble Lane Renewal Plan",
        "Baseline data point: D2: Office discipline referrals in the fall term",
        "Every teacher runs the phonics block four days a week.\nInitiatives: I1.1, I1.2",
        "TP2: Intentional practices for improving instruction",
        "Grade 4 \u00b7 ELA",
        "212 (count)",
        "2.5 (other unit)",
        "at most 90 (count)",
        "In progress",  # a milestone's status
    ):
        assert expected in texts, expected
    assert any(text.startswith("Kind of plan") for text in texts)
