"""`sip render --draft`: a plan still being written, previewed in every format.

The plans here are the `sip init` skeleton (nothing filled in yet) and a half plan (the
elementary example cut after its goals, with placeholders put back in a text, a date and a
table cell). Each format must render them, carry the Draft mark, show each placeholder as a
gap ("[to fill in: ...]") and never as the raw ``<...>``, and mark the unfinished stages.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import qn

from sipcli.render.docx_sections import text_of
from sipcli.render.escape import GAP_CLOSE, GAP_OPEN
from sipcli.validate.scaffold import plan_skeleton
from tests.conftest import EXAMPLES, needs_libreoffice

MARK = "DRAFT: a plan still being written, not for submission"
#: Where the half plan is cut: the elementary example's first section after its goals.
CUT_AT = "\ndistrict_systems:"


@pytest.fixture
def skeleton(tmp_path: Path) -> Path:
    """The plan `sip init` writes, nothing filled in."""
    path = tmp_path / "skeleton.yaml"
    path.write_text(plan_skeleton("sip-plan.schema.json"), encoding="utf-8")
    return path


@pytest.fixture
def half_plan(tmp_path: Path) -> Path:
    """Phase I written, objectives and goals with placeholders, Phase III not started."""
    text = (EXAMPLES / "elementary.yaml").read_text(encoding="utf-8")
    text = text[: text.index(CUT_AT) + 1]
    text = text.replace(
        "target: {value: 30, by: 2027-09-30, period: spring 2027}",
        "target: {value: 30, by: <target date>, period: spring 2027}",
        1,
    )
    text = text.replace("owner: Literacy coach}", "owner: <who leads it>}", 1)
    assert "<target date>" in text and "<who leads it>" in text
    path = tmp_path / "half.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def placeholder_words(plan: Path) -> set[str]:
    """The words of each placeholder the plan file holds."""
    return set(re.findall(r"<([^<>\n]+)>", plan.read_text(encoding="utf-8")))


def assert_no_raw_placeholders(text: str, words: set[str]) -> None:
    """No placeholder shows as written in the plan (raw, escaped or entity-encoded)."""
    assert GAP_OPEN not in text and GAP_CLOSE not in text
    for word in words:
        for raw in (f"<{word}>", f"\\<{word}\\>", f"&lt;{word}&gt;"):
            assert raw not in text, raw


def render(run_sip, plan: Path, fmt: str, out: Path, *options: str) -> Path:
    target = out / f"{plan.stem}.{fmt}"
    result = run_sip("render", *options, str(plan), "--to", fmt, "-o", str(target))
    assert result.exit_code == 0, result.stdout + result.stderr
    return target


def docx_headers(path: Path, draft: bool = True) -> list[tuple[str, str]]:
    """Each header every section of a Word document refers to: (kind, its text).

    A draft's title page (a section with a different first page) has a header of its own.
    """
    with zipfile.ZipFile(path) as package:
        body = parse_xml(package.read("word/document.xml"))
        rels = parse_xml(package.read("word/_rels/document.xml.rels"))
        targets = {rel.get("Id"): rel.get("Target") for rel in rels}
        found = []
        for section in body.iter(qn("w:sectPr")):
            references = section.findall(qn("w:headerReference"))
            kinds = {reference.get(qn("w:type")) for reference in references}
            assert "default" in kinds
            if draft and section.find(qn("w:titlePg")) is not None:
                assert "first" in kinds
            for reference in references:
                part = parse_xml(package.read("word/" + targets[reference.get(qn("r:id"))]))
                text = "\n".join(text_of(p) for p in part.iter(qn("w:p")))
                found.append((str(reference.get(qn("w:type"))), text))
        return found


def docx_text(path: Path) -> str:
    with zipfile.ZipFile(path) as package:
        body = parse_xml(package.read("word/document.xml"))
    return "\n".join(text_of(p) for p in body.iter(qn("w:p")))


@pytest.mark.parametrize("plan_name", ["skeleton", "half_plan"])
def test_markdown_draft(run_sip, request, tmp_path: Path, plan_name: str) -> None:
    plan = request.getfixturevalue(plan_name)
    text = render(run_sip, plan, "md", tmp_path, "--draft").read_text(encoding="utf-8")
    assert text.startswith(f"> **{MARK}:")
    assert "*\\[to fill in: " in text  # a gap, in italics
    assert_no_raw_placeholders(text, placeholder_words(plan))
    assert "> **Not started**" in text


def test_half_plan_notes_each_stage_as_far_as_it_goes(
    run_sip, half_plan: Path, tmp_path: Path
) -> None:
    text = render(run_sip, half_plan, "md", tmp_path, "--draft").read_text(encoding="utf-8")
    assert "*\\[to fill in: who leads it\\]*" in text
    # Goals: a placeholder where a date belongs is not shown yet, and said so.
    goals = text[text.index("## Goals and benchmarks") :]
    assert (
        goals.split("\n## ")[0].count(
            "> **In progress: 1 placeholder to fill in; 1 part left out until it can be read**"
        )
        == 1
    )
    # The stages cut from the plan still appear, with their headings, as not started.
    for title in ("District systems of support", "Implementation roadmap", "Monitoring progress"):
        stage = text[text.index(f"## {title}") :]
        assert "> **Not started**" in stage.split("\n## ")[0]
    # Phase I is written: no note under its stages.
    vision = text[text.index("## Vision") :].split("\n## ")[0]
    assert "> **" not in vision


@pytest.mark.parametrize("plan_name", ["skeleton", "half_plan"])
def test_html_draft(run_sip, request, tmp_path: Path, plan_name: str) -> None:
    plan = request.getfixturevalue(plan_name)
    html = render(run_sip, plan, "html", tmp_path, "--draft").read_text(encoding="utf-8")
    assert '<body class="draft">' in html
    assert f'<div class="draft-mark" role="note">{MARK}' in html
    assert f'@top-center {{ content: "{MARK}"' in html  # on every printed page
    assert '<mark class="gap">[to fill in: ' in html
    assert '<p class="stage-note">Not started</p>' in html
    assert_no_raw_placeholders(html, placeholder_words(plan))


@pytest.mark.parametrize("plan_name", ["skeleton", "half_plan"])
def test_docx_draft_marks_every_header(run_sip, request, tmp_path: Path, plan_name: str) -> None:
    plan = request.getfixturevalue(plan_name)
    path = render(run_sip, plan, "docx", tmp_path, "--draft")
    headers = docx_headers(path)
    assert {kind for kind, _ in headers} >= {"default", "first"}
    assert all(text.startswith("DRAFT: ") for _, text in headers), headers
    text = docx_text(path)
    assert "[to fill in: " in text and "Not started" in text
    assert_no_raw_placeholders(text, placeholder_words(plan))
    with zipfile.ZipFile(path) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                content = package.read(name).decode("utf-8")
                assert GAP_OPEN not in content and GAP_CLOSE not in content, name


def test_docx_gaps_are_italic_and_highlighted(run_sip, skeleton: Path, tmp_path: Path) -> None:
    path = render(run_sip, skeleton, "docx", tmp_path, "--draft")
    with zipfile.ZipFile(path) as package:
        body = parse_xml(package.read("word/document.xml"))
    gaps = [run for run in body.iter(qn("w:r")) if text_of(run).startswith("[to fill in: ")]
    assert gaps
    for run in gaps:
        properties = run.find(qn("w:rPr"))
        assert properties is not None and properties.find(qn("w:i")) is not None
        assert properties.find(qn("w:highlight")) is not None


def test_without_draft_render_refuses_and_names_draft(run_sip, half_plan: Path) -> None:
    result = run_sip("render", str(half_plan), "--to", "md")
    assert result.exit_code == 1
    assert "sip render --draft" in result.stderr
    assert not half_plan.with_suffix(".md").exists()


def test_valid_plan_with_draft_carries_the_mark(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "elementary.yaml"
    shutil.copy(EXAMPLES / "elementary.yaml", plan)
    text = render(run_sip, plan, "md", tmp_path, "--draft").read_text(encoding="utf-8")
    assert text.startswith(f"> **{MARK}.**")
    assert "to fill in" not in text
    html = render(run_sip, plan, "html", tmp_path, "--draft").read_text(encoding="utf-8")
    assert MARK in html
    headers = docx_headers(render(run_sip, plan, "docx", tmp_path, "--draft"))
    assert all(text.startswith("DRAFT: ") for _, text in headers)


def test_valid_plan_without_draft_has_no_mark(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "elementary.yaml"
    shutil.copy(EXAMPLES / "elementary.yaml", plan)
    text = render(run_sip, plan, "md", tmp_path).read_text(encoding="utf-8")
    html = render(run_sip, plan, "html", tmp_path).read_text(encoding="utf-8")
    assert "DRAFT" not in text and "DRAFT" not in html and "draft-mark" not in html
    headers = docx_headers(render(run_sip, plan, "docx", tmp_path), draft=False)
    assert not any("DRAFT" in text for _, text in headers)


def test_draft_refuses_a_plan_whose_top_cannot_be_read(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "nameless.yaml"
    plan.write_text(
        "schema_version: 1\nschool:\n  district: Riverton Public Schools\nplan:\n"
        "  school_year: SY2026-27\nvision:\n  statement: <the vision statement>\n",
        encoding="utf-8",
    )
    result = run_sip("render", "--draft", str(plan), "--to", "md")
    assert result.exit_code == 2
    assert "cannot render a draft yet" in result.stderr
    assert "school's name and district" in result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert not plan.with_suffix(".md").exists()


def test_draft_with_a_yaml_error_reports_it(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "broken.yaml"
    plan.write_text("schema_version: 1\nschool: [unclosed\n", encoding="utf-8")
    result = run_sip("render", "--draft", str(plan), "--to", "md")
    assert result.exit_code == 1
    assert "broken.yaml:" in result.stdout
    assert not plan.with_suffix(".md").exists()


def test_draft_is_for_the_plan_report(run_sip, half_plan: Path) -> None:
    result = run_sip("render", "--draft", "--report", "progress", str(half_plan))
    assert result.exit_code == 2
    assert "--draft renders the plan itself" in result.stderr


@needs_libreoffice
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext is not installed")
def test_pdf_draft_every_page_says_draft(
    run_sip, skeleton: Path, half_plan: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    result = run_sip(
        "render", "--draft", str(skeleton), str(half_plan), "--to", "pdf", "-o", f"{out}/"
    )
    assert result.exit_code == 0, result.stdout + result.stderr
    for plan in (skeleton, half_plan):
        pdf = out / f"{plan.stem}.pdf"
        text = subprocess.run(
            ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        pages = [page for page in text.split("\f") if page.strip()]
        assert len(pages) > 1
        assert all("DRAFT" in page for page in pages)
        assert "[to fill in: " in text
        assert_no_raw_placeholders(text, placeholder_words(plan))
