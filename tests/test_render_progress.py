"""`sip render --report progress`: statuses and a chart per goal in Markdown, HTML and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from .conftest import EXAMPLES, ROOT

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
    assert "| Benchmark G1.B2 | overdue |" in text
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
    assert headings[0] == "Summary" and headings[1].startswith("Goal G1: ")
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


def test_projections_stand_beside_actuals_and_periods_print_as_written(run_sip, tmp_path):
    # In June the winter i-Ready projection is the newest word on spring MCAS: shown, not counted.
    out = render_periods(run_sip, tmp_path / "june", "md", as_of="2027-06-01")
    text = (out / "plan-progress.md").read_text(encoding="utf-8")
    header = (
        "| Item | Status | Latest result | Projected | Expected now | Target | Next due | Why |"
    )
    assert header in text
    row = next(line for line in text.splitlines() if line.startswith("| Goal G1 |"))
    cells = [cell.strip() for cell in row.strip("|").split("|")]
    assert cells[1] == "no data" and cells[2] == ""
    assert cells[3] == "43% (winter 2027 i-Ready; i-Ready winter diagnostic, predicted proficiency)"
    assert cells[6] == "spring 2029 MCAS"
    assert "| Benchmark G1.B2 | at risk | 42% (winter 2027 i-Ready) |  |" in text
    assert "2029-09-25" not in text and "2027-02-13" not in text
    # A goal with no projection has no Projected column, and no empty Latest result either.
    g2 = text.split("## Goal G2", 1)[1]
    assert "| Item | Status | Expected now | Target | Next due | Why |" in g2
    # Once the spring MCAS result is in, the projection it replaces is gone.
    later = render_periods(run_sip, tmp_path / "october", "md")
    text = (later / "plan-progress.md").read_text(encoding="utf-8")
    row = next(line for line in text.splitlines() if line.startswith("| Goal G1 |"))
    assert "40% (spring 2027 MCAS, preliminary; Preliminary MCAS results)" in row
    assert "predicted proficiency" not in row


def test_statuses_use_the_schools_own_scale(run_sip, tmp_path):
    out = render_periods(run_sip, tmp_path, "md", "html", "docx", scale=True)
    text = (out / "plan-progress.md").read_text(encoding="utf-8")
    assert "## Goal G1: off track but recoverable" in text
    assert "## Goal G2: not yet measured" in text
    assert "| Benchmark G1.B1 | check missed |" in text
    # The benchmark that missed its check is off track but recoverable, not on track.
    assert "| off track but recoverable | 2 |" in text and "| check missed | 2 |" in text
    assert (
        "- **Status scale:** on track or annual goal met from 90% of the expected progress, "
        in text
    )
    assert "behind schedule for the annual goal below" in text
    html = (out / "plan-progress.html").read_text(encoding="utf-8")
    assert "<h2>Goal G1: off track but recoverable</h2>" in html
    document = Document(io.BytesIO((out / "plan-progress.docx").read_bytes()))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "Goal G2: not yet measured" in headings
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    # The docx has the same cells: the preliminary spring result, the projection it replaced gone.
    assert "40% (spring 2027 MCAS, preliminary; Preliminary MCAS results)" in cells
    assert not any("predicted proficiency" in cell for cell in cells)


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
    g1 = text.split("## Goal G1", 1)[1].split("## Goal G2", 1)[0]
    assert "| Item | Status | Latest result | Expected now | Target | Next due | Why |" in g1
    assert "| Benchmark G1.B2 | overdue | 46% (2026-11-20) | 70% | 70% | 2027-03-26 |" in g1
    assert "| Benchmark G2.B3 | overdue |  | 100% | 100% | 2027-05-21 |" in text
    document = Document(io.BytesIO((tmp_path / "middle-progress.docx").read_bytes()))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    overdue = next(row for row in rows if row[0] == "Benchmark G1.B2")
    assert overdue[1:6] == ["overdue", "46% (2026-11-20)", "70%", "70%", "2027-03-26"]
