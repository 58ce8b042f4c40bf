"""The finished Word document: title page, contents, stage starts, and the render: settings."""

from __future__ import annotations

import io
import re
import shutil
import struct
import subprocess
import zipfile
import zlib
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn

from sipcli.errors import SipError
from sipcli.load.config import RenderLook, render_look_for
from sipcli.render.cover import build_cover, last_handover
from sipcli.render.docx_cover import LONG_STAGE, stage_lines
from sipcli.render.docx_render import render_docx
from sipcli.render.formatting import long_date
from sipcli.render.view import build_view
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, MINIMAL_PLAN, needs_libreoffice

MIDDLE = EXAMPLES / "middle.yaml"
K8 = EXAMPLES / "k8" / "plan.yaml"


def png(width: int = 4, height: int = 2) -> bytes:
    """A tiny valid PNG, built here so that the test depends on no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    rows = b"".join(b"\x00" + b"\x20\x40\x80" * width for _ in range(height))
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(rows))
        + chunk(b"IEND", b"")
    )


def plan_folder(tmp_path: Path, render: str, logo: bytes | None = None) -> Path:
    """A plan with a facilitator and shared dates, and a .sip.yaml holding ``render``."""
    (tmp_path / ".sip.yaml").write_text(render, encoding="utf-8")
    if logo is not None:
        (tmp_path / "crest.png").write_bytes(logo)
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        MINIMAL_PLAN.replace("Test School", "Quarry Hill School").replace(
            "Test District", "Granite Falls Public Schools"
        )
        + "  development:\n    facilitator: Granite Falls Office of Planning\n"
        + "  shared:\n    stakeholders: 2026-09-10\n    dese: 2026-10-01\n",
        encoding="utf-8",
    )
    return plan


SETTINGS = """\
render:
  prepared-by: Lantern School Partners
  logo: crest.png
  colours:
    primary: "#7A1F2B"
    accent: "#c08a2e"
"""


def read(path: Path) -> Document:
    return docx.Document(str(path))


def style_of(paragraph: object) -> str:
    style = getattr(paragraph, "style", None)
    return style.name if style is not None else ""


def title_page(document: Document) -> list[str]:
    """The text of the paragraphs before the contents heading."""
    texts = []
    for paragraph in document.paragraphs:
        if style_of(paragraph) == "TOC Heading":
            break
        texts.append(paragraph.text)
    return [text for text in texts if text]


def render(run_sip, plan: Path, out: Path, *extra: str) -> None:
    result = run_sip("render", plan, "--to", "docx", "-o", out, *extra)
    assert result.exit_code == 0, result.stderr


def test_the_title_page_holds_school_district_kind_year_date_and_who_prepared_it(
    run_sip, tmp_path
) -> None:
    plan = plan_folder(tmp_path, SETTINGS, png())
    out = tmp_path / "plan.docx"
    render(run_sip, plan, out)
    document = read(out)
    page = title_page(document)
    assert page[:5] == [
        "Quarry Hill School",
        "Sustainable Improvement Plan",
        "SY2026-27 · Initial plan",
        "Granite Falls Public Schools",
        "Prepared by Lantern School Partners",
    ]
    assert "Planning facilitated by Granite Falls Office of Planning" in page
    assert "Submitted to DESE: October 1, 2026" in page  # the last hand-over, as a title dates it
    # The quiet block lists the other details, not those the title block already shows.
    assert "Shared with stakeholders\tSeptember 10, 2026" in page
    assert not any(text.startswith(("District\t", "School year\t")) for text in page)
    assert page[-1] == "Rendered by sip from the plan's YAML file."
    styles = [style_of(p) for p in document.paragraphs if p.text in page[:2]]
    assert styles == ["Title", "Subtitle"]
    # No running header on the title page; the plan's title heads every other page.
    section = document.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    assert "Quarry Hill School" in "".join(p.text for p in section.header.paragraphs)


def test_without_prepared_by_the_facilitator_is_credited_as_facilitator_only(tmp_path) -> None:
    plan = validate_file(plan_folder(tmp_path, "profile: standard\n")).plan
    assert plan is not None
    cover = build_cover(plan, ())
    assert cover.credits == (
        "Planning facilitated by Granite Falls Office of Planning",
        "Submitted to DESE: October 1, 2026",
    )
    assert not cover.logo and not cover.primary


def test_a_title_page_date_is_written_out_and_a_period_stays_as_written() -> None:
    import datetime as dt

    from sipcli.periods.when import When

    assert long_date(dt.date(2026, 10, 1)) == "October 1, 2026"
    plan = validate_file(K8).plan
    assert plan is not None
    words, day = last_handover(plan) or ("", dt.date.min)
    assert isinstance(day, When)
    # fall 2026 begins before October 13: the committee's date is the last hand-over.
    assert (words, long_date(day)) == ("Submitted to the school committee", "October 13, 2026")
    periods = [item.date for item in plan.plan.submissions or [] if item.date.kind != "date"]
    assert [long_date(period) for period in periods] == ["fall 2026"]


def test_the_logo_is_embedded_on_the_title_page_and_colours_restyle_the_document(
    run_sip, tmp_path
) -> None:
    logo = png(8, 2)
    plan = plan_folder(tmp_path, SETTINGS, logo)
    out = tmp_path / "plan.docx"
    render(run_sip, plan, out)
    with zipfile.ZipFile(out) as archive:
        media = [name for name in archive.namelist() if name.startswith("word/media/")]
        assert [archive.read(name) for name in media] == [logo]
    document = read(out)
    holder = next(p for p in document.paragraphs if style_of(p) == "Cover Logo")
    extents = holder._p.xpath(".//wp:extent")
    assert len(extents) == 1
    width, height = (int(extents[0].get(name)) for name in ("cx", "cy"))
    assert width == 4 * height  # the logo keeps its shape (8 by 2 pixels)
    styles = document.styles.element
    for style_id, colour in (("Title", "7A1F2B"), ("Heading1", "7A1F2B"), ("Heading2", "C08A2E")):
        values = styles.xpath(f'w:style[@w:styleId="{style_id}"]/w:rPr/w:color/@w:val')
        assert values == [colour], style_id
    fills = styles.xpath('w:style[@w:styleId="PlanTable"]/w:tblStylePr/w:tcPr/w:shd/@w:fill')
    assert "7A1F2B" in fills


def test_without_colours_a_firms_own_template_keeps_its_look(run_sip, tmp_path) -> None:
    from docx.shared import RGBColor

    from sipcli.render.docx_render import shipped_template

    firm = tmp_path / "firm.docx"
    template = docx.Document(io.BytesIO(shipped_template()))
    template.styles["Heading 1"].font.color.rgb = RGBColor(0x11, 0x77, 0x33)
    template.save(str(firm))
    plan = plan_folder(tmp_path, "render:\n  prepared-by: Lantern School Partners\n")
    out = tmp_path / "plan.docx"
    render(run_sip, plan, out, "--template", firm)
    assert read(out).styles["Heading 1"].font.color.rgb == RGBColor(0x11, 0x77, 0x33)
    # Colours set in .sip.yaml are the user's choice: they win over the template's.
    (tmp_path / ".sip.yaml").write_text(
        'render:\n  colours:\n    primary: "#202020"\n', encoding="utf-8"
    )
    out.unlink()
    render(run_sip, plan, out, "--template", firm)
    assert read(out).styles["Heading 1"].font.color.rgb == RGBColor(0x20, 0x20, 0x20)


@pytest.mark.parametrize(
    ("settings", "logo", "line", "message"),
    [
        ("render:\n  logo: missing.png\n", None, 2, r"render\.logo: cannot read the logo"),
        ("render:\n  logo: crest.png\n", b"GIF89a not a png", 2, "is not a PNG or JPEG"),
        ("render:\n\n  logo: crest.png\n", b"\x89PNG\r\n\x1a\n" + b"\0" * 2_000_001, 3, "larger"),
        ('render:\n  colours:\n    primary: "#12345"\n', None, 3, r"colour.*six hex digits"),
        ("render:\n  colours:\n    accent: navy\n", None, 3, "'navy' is not a colour"),
        (
            "render:\n  colours:\n    primary: #7A1F2B\n",
            None,
            3,
            "colour is empty: write it in quotes",
        ),
        ("render:\n  prepared-bye: Me\n", None, 2, "did you mean 'prepared-by'"),
    ],
)
def test_a_bad_logo_or_colour_is_refused_at_its_line_and_nothing_is_written(
    run_sip, tmp_path, settings, logo, line, message
) -> None:
    plan = plan_folder(tmp_path, settings, logo)
    out = tmp_path / "plan.docx"
    result = run_sip("render", plan, "--to", "docx", "-o", out)
    assert result.exit_code == 2
    assert re.search(rf"\.sip\.yaml:{line}:\d+: .*{message}", result.stderr), result.stderr
    assert "Traceback" not in result.stderr
    assert not out.exists()


def test_a_logo_that_only_starts_like_a_png_is_refused_clearly(tmp_path) -> None:
    plan = plan_folder(tmp_path, "render:\n  logo: crest.png\n", b"\x89PNG\r\n\x1a\nbroken")
    loaded = validate_file(plan).plan
    assert loaded is not None
    view = build_view(loaded, look=render_look_for(plan))
    with pytest.raises(SipError, match="could not be read as a PNG or JPEG image"):
        render_docx(view)


def test_the_contents_list_every_stage_linked_to_a_bookmark_on_its_heading(run_sip, tmp_path):
    out = tmp_path / "middle.docx"
    render(run_sip, MIDDLE, out)
    document = read(out)
    body = document.element.body
    headings = body.xpath('w:p[w:pPr/w:pStyle/@w:val="Heading1"]')
    bookmarks = {}
    for heading in headings:
        names = heading.xpath("w:bookmarkStart/@w:name")
        assert len(names) == 1 and names[0].startswith("_Toc")
        bookmarks["".join(heading.xpath(".//w:t/text()"))] = names[0]
    entries = body.xpath('w:p[w:pPr/w:pStyle/@w:val="TOC1"]')
    assert len(entries) == len(headings) >= 10
    for entry in entries:
        links = entry.xpath("w:hyperlink")
        assert len(links) == 1
        title = "".join(links[0].xpath(".//w:t/text()"))
        anchor = links[0].get(qn("w:anchor"))
        assert anchor == bookmarks[title]
        instruction = "".join(links[0].xpath(".//w:instrText/text()"))
        assert instruction.split() == ["PAGEREF", anchor, "\\h"]
    # Word refreshes the page numbers when it opens the document.
    assert document.settings.element.xpath("w:updateFields/@w:val") == ["true"]
    assert [style_of(p) for p in document.paragraphs if p.text == "Contents"] == ["TOC Heading"]


def test_the_first_and_long_stages_start_a_page_and_short_ones_follow_on() -> None:
    plan = validate_file(K8).plan
    assert plan is not None
    view = build_view(plan)
    document = docx.Document(io.BytesIO(render_docx(view)))
    starts = {
        p.text: bool(p.paragraph_format.page_break_before)
        for p in document.paragraphs
        if style_of(p) == "Heading 1"
    }
    expected = {
        section.title: index == 0 or stage_lines(section) > LONG_STAGE
        for index, section in enumerate(view.sections)
    }
    assert starts == expected
    assert starts[view.sections[0].title]
    assert not all(starts.values()) and any(list(starts.values())[1:])
    assert not any(p.text.startswith("Rendered by") for p in document.paragraphs[-3:])


def test_a_dressed_document_is_byte_identical_twice(tmp_path) -> None:
    plan = plan_folder(tmp_path, SETTINGS, png())
    loaded = validate_file(plan).plan
    assert loaded is not None
    look = render_look_for(plan)
    assert look.logo is not None and look.prepared_by == "Lantern School Partners"
    first = render_docx(build_view(loaded, look=look))
    assert render_docx(build_view(loaded, look=look)) == first
    assert first != render_docx(build_view(loaded, look=RenderLook()))


def test_html_and_markdown_show_the_title_block_logo_and_colours(run_sip, tmp_path) -> None:
    logo = png()
    plan = plan_folder(tmp_path, SETTINGS, logo)
    result = run_sip("render", plan, "--to", "html", "--to", "md", "-o", tmp_path)
    assert result.exit_code == 0, result.stderr
    html = (tmp_path / "plan.html").read_text(encoding="utf-8")
    assert '<header class="title-block" id="plan">' in html
    assert '<img class="logo" src="data:image/png;base64,' in html
    assert ":root { --sip-primary: #7A1F2B; --sip-accent: #C08A2E; }" in html
    assert '<p class="credit">Prepared by Lantern School Partners</p>' in html
    text = (tmp_path / "plan.md").read_text(encoding="utf-8")
    assert "\n\nPrepared by Lantern School Partners\n\n" in text
    assert "\n\nSubmitted to DESE: October 1, 2026\n\n" in text


def test_html_without_settings_keeps_the_stylesheet_colours(run_sip, tmp_path) -> None:
    out = tmp_path / "middle.html"
    assert run_sip("render", MIDDLE, "--to", "html", "-o", out).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert html.count("--sip-primary:") == 1 and "<img" not in html


def test_sip_config_shows_the_render_settings(run_sip) -> None:
    shown = run_sip("config", K8).stdout
    assert (
        "Documents:    from the file: prepared by Alder Park planning team; logo logo.png" in shown
    )


@needs_libreoffice
def test_the_pdf_title_page_and_contents_page_numbers(tmp_path) -> None:
    from sipcli.render.pdf import docx_to_pdf

    plan = validate_file(K8).plan
    assert plan is not None
    view = build_view(plan, look=render_look_for(K8))
    pdf = tmp_path / "k8.pdf"
    pdf.write_bytes(docx_to_pdf(render_docx(view)))
    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed: apt-get install poppler-utils")
    pages = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout.split("\f")
    assert pages[0].split()[:3] == ["Alder", "Park", "K-8"]  # no running header above it
    assert "Prepared by Alder Park planning team" in pages[0]
    contents = pages[1]
    assert "Contents" in contents
    for section in view.sections:
        found = re.search(rf"{re.escape(section.title)}\s*\.{{3,}}\s*(\d+)", contents)
        assert found, f"{section.title} is not in the contents"
        page = int(found.group(1))
        # The stage's heading is on the page the contents give (a line of its own).
        lines = [line.strip() for line in pages[page - 1].splitlines()]
        assert section.title in lines, (section.title, page)


def test_a_plan_with_no_stages_has_a_title_page_and_no_empty_contents(tmp_path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN, encoding="utf-8")
    plan = validate_file(path).plan
    assert plan is not None
    view = build_view(plan)
    assert not view.sections
    document = docx.Document(io.BytesIO(render_docx(view)))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[:4] == [
        "Test School",
        "Sustainable Improvement Plan",
        "SY2026-27 · Initial plan",
        "Test District",
    ]
    assert "Contents" not in texts
    assert not document.settings.element.xpath("w:updateFields")


@pytest.mark.parametrize("report", ["progress", "summary"])
def test_the_reports_in_word_take_the_schools_colours_too(run_sip, tmp_path, report) -> None:
    from docx.shared import RGBColor

    out = tmp_path / f"{report}.docx"
    result = run_sip(
        "render", str(EXAMPLES / "k8" / "plan.yaml"), "--report", report,
        "--as-of", "SY2026-27 Q2", "--to", "docx", "-o", str(out),
    )  # fmt: skip
    assert result.exit_code == 0, result.stderr
    # examples/k8/.sip.yaml sets primary #1B3A2F: the title and headings take it, as the plan's do.
    assert read(out).styles["Title"].font.color.rgb == RGBColor(0x1B, 0x3A, 0x2F)
    assert read(out).styles["Heading 1"].font.color.rgb == RGBColor(0x1B, 0x3A, 0x2F)
