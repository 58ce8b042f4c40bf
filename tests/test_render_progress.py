"""`sip render --report progress`: statuses and a chart per goal in Markdown, HTML and DOCX."""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document

from .conftest import EXAMPLES

MIDDLE = EXAMPLES / "middle.yaml"


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
    assert result.exit_code == 2 and "YYYY-MM-DD" in result.stderr
