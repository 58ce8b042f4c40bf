"""`sip render --report progress`: statuses and a chart per goal in Markdown, HTML and DOCX."""

from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path

import pytest
from docx import Document

from sipcli.model.common import StatusUpdate
from sipcli.monitor.progress import Thresholds, benchmark_progress
from sipcli.render.progress_checks import benchmark_checks, overdue_check
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, ROOT, needs_libreoffice

MIDDLE = EXAMPLES / "middle.yaml"
PERIODS = ROOT / "tests" / "fixtures" / "render" / "periods.yaml"
SCALE = """\
status-scale:
  levels:
    - {name: on track or annual goal met, at-least: 90}
    - {name: off track but recoverable, at-least: 50}
    - {name: behind schedule for the annual goal}
  overdue: check missed
  no-data: not yet measured
"""


def render(run_sip, out: Path, *formats: str) -> None:
    result = run_sip(
        "render",
        MIDDLE,
        "--report",
        "progress",
        "--as-of",
        "2027-02-15",
        "--to",
        ",".join(formats),
        "-o",
        out,
    )
    assert result.exit_code == 0, result.stderr


def test_markdown_links_charts_written_beside_it(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "md", "html")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    assert text.startswith("# Harbor View Middle School: progress report")
    for goal in ("G1", "G2", "G3", "G4"):
        assert f"](middle-{goal}.svg)" in text
        assert (tmp_path / f"middle-{goal}.svg").read_bytes().startswith(b"<?xml")
    assert "| G1.B2: Students discuss or write about grade-level text" in text
    assert "no result since the baseline (spring 2026)" in text


def test_html_embeds_the_charts_and_stands_alone(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "html")
    html = (tmp_path / "middle-progress.html").read_text(encoding="utf-8")
    assert html.count('src="data:image/svg+xml;base64,') == 4
    assert '<html lang="en">' in html and "http" not in html.split("<body>", 1)[1][:2000]


def test_docx_embeds_a_picture_per_goal_in_the_template_styles(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "docx")
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    assert len(document.inline_shapes) == 4
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings[:2] == ["At a glance", "What the statuses mean"]
    assert headings[2].startswith("Goal G1: ")
    assert all(table.style.name == "Plan Table" for table in document.tables)
    assert "{{" not in document.sections[0].header.paragraphs[0].text


def test_reports_are_byte_identical(run_sip, tmp_path: Path) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    render(run_sip, first, "md", "html", "docx")
    render(run_sip, second, "md", "html", "docx")
    for path in first.iterdir():
        assert path.read_bytes() == (second / path.name).read_bytes(), path.name


def test_unknown_report_and_bad_date_exit_2(run_sip, tmp_path: Path) -> None:
    assert run_sip("render", MIDDLE, "--report", "audit", "-o", tmp_path).exit_code == 2
    result = run_sip("render", MIDDLE, "--report", "progress", "--as-of", "soon", "-o", tmp_path)
    assert result.exit_code == 2 and "'soon' is not a date or a period" in result.stderr
    assert "Write an exact date (2027-06-30) or a period" in result.stderr


def render_periods(
    run_sip, folder: Path, *formats: str, scale: bool = False, as_of: str = "2027-10-01"
) -> Path:
    """Render the progress report of the plan dated by periods, from a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    plan = folder / "plan.yaml"
    plan.write_text(PERIODS.read_text(encoding="utf-8"), encoding="utf-8")
    if scale:
        (folder / ".sip.yaml").write_text(SCALE, encoding="utf-8")
    out = folder / "out"
    out.mkdir()
    result = run_sip(
        "render", plan, "--report", "progress", "--as-of", as_of,
        "--to", ",".join(formats), "-o", out,
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    return out


def _row(text: str, benchmark: str) -> list[str]:
    """The cells of a benchmark's row in a Markdown report."""
    line = next(line for line in text.splitlines() if line.startswith(f"| {benchmark}: "))
    return [cell.strip() for cell in line.strip("|").split("|")]


def _goal(text: str, goal: str) -> str:
    """A goal's part of a Markdown report, from its heading to the next goal's."""
    return text.split(f"## Goal {goal}:", 1)[1].split("\n## ", 1)[0]


def test_projections_stand_beside_actuals_and_periods_print_as_written(run_sip, tmp_path):
    # In June the winter i-Ready projection is the newest word on spring MCAS: shown, not counted.
    out = render_periods(run_sip, tmp_path / "june", "md", as_of="2027-06-01")
    text = (out / "plan-progress.md").read_text(encoding="utf-8")
    g1 = _goal(text, "G1")
    assert "- **Latest result:** none since the baseline" in g1
    assert (
        "- **Projected:** 43% (winter 2027 i-Ready; i-Ready winter diagnostic, "
        "predicted proficiency)" in g1
    )
    assert "- **Target:** 47% by spring 2029 MCAS" in g1
    cells = _row(text, "G1.B2")
    assert cells[1:4] == ["At risk", "at least 45%", "winter 2027 i-Ready: 42%"]
    assert "2029-09-25" not in text and "2027-02-13" not in text
    # A goal whose benchmarks have no projection has no Projected column.
    assert "| Benchmark | Status | Target | Results by check | Why |" in _goal(text, "G2")
    # Once the spring MCAS result is in, the projection it replaces is gone.
    later = render_periods(run_sip, tmp_path / "october", "md")
    g1 = _goal((later / "plan-progress.md").read_text(encoding="utf-8"), "G1")
    assert (
        "- **Latest result:** 40% (spring 2027 MCAS, preliminary; Preliminary MCAS results)" in g1
    )
    assert "predicted proficiency" not in g1


def test_statuses_use_the_schools_own_scale(run_sip, tmp_path):
    out = render_periods(run_sip, tmp_path, "md", "html", "docx", scale=True)
    text = (out / "plan-progress.md").read_text(encoding="utf-8")
    assert "## Goal G1: off track but recoverable" in text
    assert "## Goal G2: not yet measured" in text
    assert _row(text, "G1.B1")[1] == "check missed"
    # The benchmark that missed its check is off track but recoverable, not on track; the
    # legend counts each name and says what it means.
    legend = text.split("## What the statuses mean", 1)[1].split("\n## ", 1)[0]
    rows = {row[0]: row[1:] for row in (_cells(line) for line in legend.splitlines()[4:]) if row}
    assert rows["off track but recoverable"] == [
        "The latest result covers from 50% to under 90% of the progress expected by its date.",
        "2",
    ]
    assert rows["check missed"][1] == "2"
    assert rows["behind schedule for the annual goal"][0].endswith(
        "less than 50% of the expected progress."
    )
    assert "- **Statuses:** named in the school's own scale" in text
    html = (out / "plan-progress.html").read_text(encoding="utf-8")
    assert "<h2>Goal G1: off track but recoverable</h2>" in html
    document = Document(io.BytesIO((out / "plan-progress.docx").read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Goal G2: not yet measured" in headings
    bullets = [p.text for p in document.paragraphs]
    # The docx has the same figures: the preliminary spring result, the projection it replaced gone.
    assert "Latest result: 40% (spring 2027 MCAS, preliminary; Preliminary MCAS results)" in bullets
    assert not any("predicted proficiency" in text for text in bullets)


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip("|").split("|")] if line.startswith("|") else []


def test_a_plan_without_a_type_has_no_plan_type_line(run_sip, tmp_path):
    plan = tmp_path / "plan.yaml"
    text = (ROOT / "tests" / "fixtures" / "render" / "turnaround.yaml").read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    result = run_sip(
        "render", plan, "--report", "progress", "--as-of", "2017-10-01", "-o", tmp_path / "r.md"
    )
    assert result.exit_code == 0, result.stderr
    report = (tmp_path / "r.md").read_text(encoding="utf-8")
    assert "Plan type" not in report and "None" not in report
    assert report.splitlines()[2] == "Millbrook Public Schools · SY2016-17 · as of 2017-10-01"


def test_an_overdue_check_still_shows_what_was_expected(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "md", "docx")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    assert _row(text, "G1.B2")[1:3] == ["Overdue", "at least 70%"]
    assert _row(text, "G2.B3")[1:3] == ["Overdue", "at least 100%"]
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    overdue = next(row for row in rows if row[0].startswith("G1.B2: "))
    assert overdue[1:3] == ["Overdue", "at least 70%"]


def test_each_benchmark_shows_its_statement_beside_its_id(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "md", "html", "docx")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    statement = "Every ELA and ESL teacher is in an active coaching cycle each month."
    assert _row(text, "G1.B1")[0] == f"G1.B1: {statement}"
    assert "Benchmark G1.B1" not in text
    # Each goal heading is followed by the goal's statement.
    assert "## Goal G1: No data yet\n\nBy September 30, 2027, the percentage" in text
    html = (tmp_path / "middle-progress.html").read_text(encoding="utf-8")
    assert f"<td>G1.B1: {statement}</td>" in html
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    cells = {row.cells[0].text for table in document.tables for row in table.rows}
    assert f"G1.B1: {statement}" in cells


def test_every_figure_carries_its_unit_rounded_to_a_tenth(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "md")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    g1, g2 = _goal(text, "G1"), _goal(text, "G2")
    assert "- **Expected by 2027-02-15:** 26.1%" in g1  # 26.08 expected on the path
    assert "- **Baseline:** 24% (spring 2026)" in g1
    assert "- **Expected by 2027-02-15:** 41.8 (SGP)" in g2 and "- **Target:** 45 (SGP)" in g2
    # The reasons, targets and results give percent figures their sign too.
    kit = _row(text, "G3.B3")
    assert kit[2] == "at most 40 days" and "27 days" in kit[3]
    for row in (_row(text, b) for b in ("G1.B1", "G1.B2", "G2.B1")):
        assert re.fullmatch(r"at least \d+%", row[2]), row
        assert all(re.search(r": (\d+(\.\d)?%|no result|overdue|next check)$", line)
                   for line in row[3].split("<br>")), row  # fmt: skip


def test_a_goal_with_no_new_result_shows_none_beside_its_status(run_sip, tmp_path: Path) -> None:
    # The fall report of last spring's MCAS is the baseline itself, not a new result: a goal
    # headed "No data yet" must not show it as the latest result.
    render(run_sip, tmp_path, "md", "docx")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    for goal in ("G1", "G2", "G3", "G4"):
        part = _goal(text, goal)
        assert text.count(f"## Goal {goal}: No data yet") == 1
        assert "- **Latest result:** none since the baseline" in part
    assert "24% (2026-09-17)" not in text


def test_each_check_shows_the_result_that_answered_it_and_which_is_overdue(run_sip, tmp_path):
    render(run_sip, tmp_path, "md", "html")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    checks = _row(text, "G1.B1")[3].split("<br>")
    assert checks == [
        "2026-09-30: 86%",
        "2026-10-30: 100%",
        "2026-11-20: no result",
        "2026-12-18: no result",
        "2027-01-29: overdue",
        "2027-02-26: next check",
    ]
    assert _row(text, "G1.B1")[4] == "no result recorded for the check due 2027-01-29"
    html = (tmp_path / "middle-progress.html").read_text(encoding="utf-8")
    assert "2026-10-30: 100%<br>\n2026-11-20: no result" in html


def test_the_legend_names_and_explains_every_status(run_sip, tmp_path: Path) -> None:
    render(run_sip, tmp_path, "md", "html", "docx")
    text = (tmp_path / "middle-progress.md").read_text(encoding="utf-8")
    legend = text.split("## What the statuses mean", 1)[1].split("\n## ", 1)[0]
    rows = [_cells(line) for line in legend.splitlines() if line.startswith("| ")][1:]
    assert [row[0] for row in rows] == [
        "Met", "On track", "At risk", "Off track", "Overdue", "No data yet",
    ]  # fmt: skip
    assert all(row[1].endswith(".") for row in rows)
    assert "90% or more" in rows[1][1] and "from 70% to under 90%" in rows[2][1]
    # Every goal and benchmark of the plan is counted once: 4 goals, 13 benchmarks.
    assert sum(int(row[2]) for row in rows) == 17 and rows[4][2] == "13"
    # No status prints in lower case in a heading or a table.
    assert "| overdue |" not in text and ": no data" not in text
    html = (tmp_path / "middle-progress.html").read_text(encoding="utf-8")
    assert "<h2>What the statuses mean</h2>" in html
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    second = [[cell.text for cell in row.cells] for row in document.tables[1].rows]
    assert second[0] == ["Status", "What it means", "Goals and benchmarks"] and len(second) == 7


def test_the_word_report_starts_with_its_title_and_legend_on_page_one(run_sip, tmp_path):
    # Heading 1 starts a page in the template: the legend's heading must not, or page one
    # holds only the title (as it did), and no goal may follow an empty page.
    render(run_sip, tmp_path, "docx")
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    paragraphs = document.paragraphs
    assert paragraphs[0].style.name == "Title"
    for heading in ("At a glance", "What the statuses mean"):
        legend = next(p for p in paragraphs if p.text == heading)
        assert legend.paragraph_format.page_break_before is False
    assert all(p.text.strip() or p.style.name != "Heading 1" for p in paragraphs)
    assert not any(p.text.startswith("Rendered by sip") for p in paragraphs)
    xml = document.element.body.xml
    assert '<w:br w:type="page"/>' not in xml


@needs_libreoffice
def test_the_pdf_report_has_no_blank_page(run_sip, tmp_path: Path) -> None:
    from sipcli.render.pdf import docx_to_pdf

    render(run_sip, tmp_path, "docx")
    pdf = tmp_path / "middle-progress.pdf"
    pdf.write_bytes(docx_to_pdf((tmp_path / "middle-progress.docx").read_bytes()))
    pages = _pdf_pages(pdf)
    # A title page with the legend, then one page per goal: each holds its goal.
    assert len(pages) == 5
    assert "At a glance" in pages[0] and "What the statuses mean" in pages[0]
    for number, goal in enumerate(("G1", "G2", "G3", "G4"), start=1):
        assert f"Goal {goal}: No data yet" in pages[number]
        assert f"{goal}.B1: " in pages[number]


def _pdf_pages(pdf: Path) -> list[str]:
    import subprocess

    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    return [page for page in text.split("\f") if page.strip()]


@pytest.mark.parametrize("name", ["middle.yaml", "k8/plan.yaml", "high.yaml", "elementary.yaml"])
def test_the_overdue_check_is_the_one_the_monitor_calls_overdue(name: str) -> None:
    # The report's Checks column and the status beside it must never disagree.
    plan = validate_file(EXAMPLES / name).plan
    assert plan is not None
    benchmarks = [b for goal in plan.goals or [] for b in goal.benchmarks or []]
    days = sorted({day for b in benchmarks for day in b.due})
    assert benchmarks and days
    for as_of in [*days, *(day + dt.timedelta(days=1) for day in days)]:
        for benchmark in benchmarks:
            checks = benchmark_checks(benchmark.due, benchmark.status_updates, as_of)
            status = benchmark_progress(benchmark, as_of, Thresholds()).status
            assert (overdue_check(checks) is not None) == (status == "overdue"), (
                benchmark.id,
                as_of,
            )
            # Every check that has passed, then the next one (answered already, or not yet).
            passed = sorted(day for day in benchmark.due if day < as_of)
            upcoming = [day for day in benchmark.due if day >= as_of]
            assert [c.due for c in checks] == passed + sorted(upcoming)[:1]


def test_a_result_after_a_missed_check_answers_it_late() -> None:
    update = StatusUpdate(date=dt.date(2026, 11, 5), actual=80)
    due = [dt.date(2026, 10, 30), dt.date(2026, 12, 18)]
    checks = benchmark_checks(due, [update], dt.date(2026, 11, 10))
    assert [(c.state, c.result) for c in checks] == [("late", update), ("next", None)]
    # Once the next check has passed, the result falls in that check's own window.
    checks = benchmark_checks(due, [update], dt.date(2027, 1, 5))
    assert [(c.state, c.result) for c in checks] == [("missed", None), ("answered", update)]


def test_page_one_shows_every_goal_at_a_glance(run_sip, tmp_path: Path) -> None:
    out = render_periods(run_sip, tmp_path, "md", "html", scale=True)
    text = (out / "plan-progress.md").read_text(encoding="utf-8")
    glance = text.split("## At a glance", 1)[1].split("\n## ", 1)[0]
    rows = [_cells(line) for line in glance.splitlines() if line.startswith("| ")]
    assert rows[0] == ["Goal", "Status", "Benchmarks"]
    g1, g2 = rows[1], rows[2]
    assert g1[0].startswith("G1: ") and g1[1] == "off track but recoverable"
    # How the goal's benchmarks stand, best first, in the school's own words.
    assert g1[2] == "off track but recoverable: 1<br>check missed: 1"
    assert g2[0].startswith("G2: Chronic absenteeism among students new to Cedar Hill")
    html = (out / "plan-progress.html").read_text(encoding="utf-8")
    assert "<h2>At a glance</h2>" in html
