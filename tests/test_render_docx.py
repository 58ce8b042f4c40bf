"""The DOCX rendering: the examples read back with python-docx, reproducibly, safely."""

from __future__ import annotations

import io
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from sipcli.errors import SipError
from sipcli.load.resources import templates_dir
from sipcli.model import Plan
from sipcli.model.kinds import DEFAULT_KIND, kind_of
from sipcli.render.docx_render import render_docx, shipped_template, word_text
from sipcli.render.view import Entry, Item, PlanView, Section, build_view, number
from sipcli.render.view import Table as ViewTable
from sipcli.render.viewmodel import Cover
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "render"
#: Plans written as real plans are: periods, plan kinds, local groups, rosters by role.
FIXTURE_FILES = [FIXTURES / f"{name}.yaml" for name in ("periods", "turnaround", "council")]
TABLE_STYLE = "Plan Table"
TORTURE = "& < > \" ' é 中文 🎉"

TORTURE_PLAN = """\
schema_version: 1
school:
  name: "Maple & <Elm> \\"Quoted\\" 'School' é 中文 🎉"
  district: "R&D <District> é"
plan:
  type: initial
  school_year: SY2026-27
stakeholder_engagement:
  how_input_used: "Families & staff asked for <more> \\"time\\" 'now' é 中文 🎉"
  groups:
    - group: families
      methods: [Survey & forum]
      input_summary: "First line & <b>\\nSecond line \\"中文\\" 'é' 🎉 >"
"""


def load_plan(path: Path) -> Plan:
    checked = validate_file(path)
    assert checked.plan is not None, checked.result.diagnostics
    return checked.plan


def read(data: bytes) -> Document:
    return docx.Document(io.BytesIO(data))


@pytest.fixture(scope="module")
def rendered() -> dict[str, tuple[Plan, PlanView, bytes]]:
    """Each example's plan, view and DOCX, rendered once for the module."""
    results = {}
    for path in EXAMPLE_FILES + FIXTURE_FILES:
        plan = load_plan(path)
        view = build_view(plan)
        results[path.stem] = (plan, view, render_docx(view))
    return results


def body_texts(document: Document) -> list[str]:
    """The text of the body in order: each paragraph, and each table cell row by row."""
    texts: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            texts.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            table = Table(child, document)
            texts.extend(cell.text for row in table.rows for cell in row.cells)
    return [text for text in texts if text]


def all_texts(document: Document) -> str:
    """Every paragraph and table cell of the body, and the page headers, as one text."""
    headers = [
        paragraph.text
        for section in document.sections
        for part in (section.header, section.first_page_header)
        for paragraph in part.paragraphs
    ]
    return "\n".join(body_texts(document) + headers)


def table_texts(table: ViewTable) -> Iterator[str]:
    yield from table.headers
    for row in table.rows:
        yield from row.cells
    if table.footer is not None:
        yield from table.footer.cells


def item_texts(item: Item) -> Iterator[str]:
    yield item.title
    yield item.body
    for entry in item.details:
        yield f"{entry.label}: {entry.value}"
    for table in item.tables:
        yield from table_texts(table)
    for child in item.children:
        yield from item_texts(child)


def view_texts(view: PlanView) -> list[str]:
    """What the DOCX should show, in its order: title page, contents, then each stage."""
    cover = view.cover
    texts = [cover.school, cover.plan_name, *cover.lines, *cover.credits]
    texts += ["About this plan"] if cover.details else []
    texts += [f"{entry.label}\t{entry.value}" for entry in cover.details]
    texts.append(f"Rendered by {view.generator} from the plan's YAML file.")
    # Each contents entry: the stage's title, a tab, and its page number (a field Word and
    # LibreOffice fill in when they lay the document out).
    texts += ["Contents", *(f"{section.title}\t" for section in view.sections)]
    for section in view.sections:
        texts += [section.title, section.phase]
        texts += [f"{entry.label}. {entry.value}" for entry in section.paragraphs]
        for label, lines in section.lists:
            texts += [label, *lines]
        for label, table in section.tables:
            texts += [label, *table_texts(table)]
        for item in section.items:
            texts += item_texts(item)
    return [text.rstrip("\n") for text in texts if text]


def styled(document: Document, style: str) -> list[str]:
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name == style]


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES + FIXTURE_FILES])
def test_the_docx_shows_the_same_content_in_the_same_order_as_the_view(rendered, name):
    _, view, data = rendered[name]
    assert body_texts(read(data)) == view_texts(view)


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_headings_carry_word_heading_styles(rendered, name):
    plan, view, data = rendered[name]
    document = read(data)
    assert styled(document, "Title") == [plan.school.name]
    assert styled(document, "Subtitle") == [view.cover.plan_name]
    assert styled(document, "Heading 1") == [section.title for section in view.sections]
    # A Sustainable Improvement Plan has every DESE stage; a school council's plan fewer.
    assert len(view.sections) >= (10 if kind_of(plan) == DEFAULT_KIND else 6)
    second = [item.title for section in view.sections for item in section.items]
    second += [label for section in view.sections for label, _ in section.tables]
    assert sorted(styled(document, "Heading 2")) == sorted(second)
    third = [
        child.title
        for section in view.sections
        for item in section.items
        for child in item.children
    ]
    assert third, "the examples have initiatives"
    assert styled(document, "Heading 3") == third


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_labels_are_bold_and_lists_are_bulleted(rendered, name):
    _, view, data = rendered[name]
    document = read(data)
    details = [
        p for p in document.paragraphs if p.style is not None and p.style.name == "Cover Detail"
    ]
    first = view.cover.details[0]
    assert details[0].text == f"{first.label}\t{first.value}"
    label = details[0].runs[0]
    assert label.text == first.label
    assert label.style is not None
    assert label.style.name == "Strong"
    assert label.style.font.bold
    item = next(item for section in view.sections for item in section.items if item.details)
    bullets = [p.text for p in document.paragraphs if p.style and p.style.name == "List Bullet"]
    entry = item.details[0]
    assert f"{entry.label}: {entry.value}".rstrip("\n") in bullets


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_goal_table_cells_hold_ids_statements_and_targets(rendered, name):
    plan, _, data = rendered[name]
    rows = [[cell.text for cell in row.cells] for table in read(data).tables for row in table.rows]
    assert plan.goals
    for goal in plan.goals:
        matching = [row for row in rows if row[:2] == [goal.id, goal.statement]]
        assert matching, f"no table row for goal {goal.id}"
        assert goal.target is not None
        assert any(number(goal.target.value) in cell for cell in matching[0][2:])


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_every_table_uses_the_plan_table_style_and_repeats_its_header(rendered, name):
    _, _, data = rendered[name]
    tables = read(data).tables
    assert len(tables) > 10
    for table in tables:
        assert table.style is not None
        assert table.style.name == TABLE_STYLE
        first_row = table.rows[0]._tr
        assert first_row.trPr is not None
        assert first_row.trPr.find(qn("w:tblHeader")) is not None
        grid = table._tbl.tblGrid.findall(qn("w:gridCol"))
        assert len(grid) == len(table.rows[0].cells)


def test_the_footer_row_shows_the_total(rendered):
    _, view, data = rendered["elementary"]
    footers = [
        table.footer
        for section in view.sections
        for _, table in section.tables
        if table.footer is not None
    ]
    assert footers
    rows = [[cell.text for cell in table.rows[-1].cells] for table in read(data).tables]
    assert list(footers[0].cells) in rows


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_the_page_header_shows_the_school_name(rendered, name):
    plan, _, data = rendered[name]
    header = read(data).sections[0].header.paragraphs
    assert plan.school.name in " ".join(paragraph.text for paragraph in header)


def test_periods_and_interim_targets_read_as_written_in_word(rendered):
    _, _, data = rendered["periods"]
    text = all_texts(read(data))
    assert "Interim targets: 41% by SY2026-27; 44% by SY2027-28" in text
    assert "spring 2029 MCAS" in text and "Q1, Q2, Q3, EOY 2026-27" in text
    assert "2029-09-25" not in text  # the day results are known is not what the plan said
    assert "Special populations (IEPs, 504s and multilingual learners)" in text


def test_a_turnaround_plan_in_word(rendered):
    _, _, data = rendered["turnaround"]
    document = read(data)
    assert styled(document, "Title") == ["Ironworks Middle School"]
    assert styled(document, "Subtitle") == ["Level 4 Turnaround Plan"]
    assert "Financial plan" in styled(document, "Heading 1")
    practices = [title for title in styled(document, "Heading 2") if title.startswith("TP")]
    assert practices == [
        "TP2: Intentional practices for improving instruction",
        "TP4: School climate and culture",
    ]
    text = all_texts(document)
    assert "Eligible to exit Level 4 status\tSY2018-19" in text
    assert "Submitted to DESE\tspring 2016 (Final plan)" in text
    assert "Horizon" not in text and "Phase I" not in text
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert ["Role"] in rows  # the planning team's table has no empty Name column
    assert ["Teacher", ""] in rows and ["Parent", "Maria Santos"] in rows


def test_two_renders_are_byte_identical(rendered):
    _, view, data = rendered["elementary"]
    assert render_docx(view) == data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        infos = archive.infolist()
    assert infos[0].filename == "[Content_Types].xml"
    assert {info.date_time for info in infos} == {(1980, 1, 1, 0, 0, 0)}
    properties = read(data).core_properties
    assert properties.author == "sip"
    assert properties.revision == 1
    assert properties.created is not None
    assert properties.created.year == 1980
    assert properties.title == view.title


def test_the_shipped_template_is_the_one_the_build_script_makes(tmp_path):
    import runpy

    script = Path(__file__).resolve().parents[1] / "tools" / "build_docx_template.py"
    if not script.is_file():
        pytest.skip("tools/ is not in this copy of sip")
    built = tmp_path / "plan.docx"
    module = runpy.run_path(str(script))
    assert module["main"]([str(built)]) == 0
    assert built.read_bytes() == shipped_template()


def test_a_custom_template_keeps_its_styles(rendered, tmp_path):
    _, view, _ = rendered["elementary"]
    shipped = Path(str(templates_dir().joinpath("docx").joinpath("plan.docx")))
    firm = tmp_path / "firm.docx"
    shutil.copyfile(shipped, firm)
    template = docx.Document(str(firm))
    template.styles["Heading 1"].font.color.rgb = RGBColor(0xC0, 0x10, 0x20)
    template.save(str(firm))
    document = read(render_docx(view, firm))
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xC0, 0x10, 0x20)
    assert styled(document, "Heading 1") == [section.title for section in view.sections]


def test_a_template_reaching_for_python_internals_is_stopped(rendered, tmp_path):
    _, view, _ = rendered["elementary"]
    evil = tmp_path / "evil.docx"
    template = docx.Document(io.BytesIO(shipped_template()))
    template.add_paragraph("{{ view.__class__.__mro__ }}")
    template.save(str(evil))
    with pytest.raises(SipError, match="Python internals"):
        render_docx(view, evil)


def test_a_template_with_a_jinja_error_names_the_template_and_the_text(rendered, tmp_path):
    _, view, _ = rendered["elementary"]
    broken = tmp_path / "broken.docx"
    template = docx.Document(io.BytesIO(shipped_template()))
    template.add_paragraph("{% for x in %}")
    template.save(str(broken))
    with pytest.raises(SipError, match=r"broken\.docx.*syntax error.*for x in"):
        render_docx(view, broken)


def test_a_template_naming_unknown_data_fails_clearly(rendered, tmp_path):
    _, view, _ = rendered["elementary"]
    unknown = tmp_path / "unknown.docx"
    template = docx.Document(io.BytesIO(shipped_template()))
    template.add_paragraph("{{ view.principal_name }}")
    template.save(str(unknown))
    with pytest.raises(SipError, match="principal_name"):
        render_docx(view, unknown)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not a word document", "not a Word document"),
        (b"PK\x05\x06" + b"\x00" * 18, "not a Word document"),
    ],
)
def test_a_template_that_is_not_a_docx_gives_a_clear_error(rendered, tmp_path, content, message):
    _, view, _ = rendered["elementary"]
    fake = tmp_path / "firm.docx"
    fake.write_bytes(content)
    with pytest.raises(SipError, match=message):
        render_docx(view, fake)


def test_a_missing_template_gives_a_clear_error(rendered, tmp_path):
    _, view, _ = rendered["elementary"]
    with pytest.raises(SipError, match="cannot read the Word template"):
        render_docx(view, tmp_path / "missing.docx")


def test_every_character_survives_and_line_breaks_show(tmp_path):
    path = tmp_path / "torture.yaml"
    path.write_text(TORTURE_PLAN, encoding="utf-8")
    data = render_docx(build_view(load_plan(path)))
    document = read(data)
    text = all_texts(document)
    for char in TORTURE.split():
        assert char in text
    assert "Maple & <Elm> \"Quoted\" 'School' é 中文 🎉: Sustainable Improvement Plan" in text
    assert "Families & staff asked for <more> \"time\" 'now' é 中文 🎉" in text
    cells = [cell for table in document.tables for row in table.rows for cell in row.cells]
    broken = [cell for cell in cells if cell.text.startswith("First line")]
    assert [cell.text for cell in broken] == ["First line & <b>\nSecond line \"中文\" 'é' 🎉 >"]
    assert broken[0]._tc.xpath(".//w:br")


def test_characters_xml_cannot_hold_become_replacement_characters():
    assert word_text("a\x07b\x0bc\r\nd\re\n") == "a\ufffdb\ufffdc\nd\ne"
    assert word_text(3) == 3
    view = PlanView(
        "Bell\x07 school",
        "",
        (Entry("Tab", "a\tb"),),
        (Section("vision", "Vision", "", paragraphs=(Entry("Vision", "x\x0cy"),)),),
        cover=Cover(details=(Entry("Tab", "a\tb"),)),
    )
    text = all_texts(read(render_docx(view)))
    assert "Bell\ufffd school" in text
    assert "x\ufffdy" in text
    assert "a\tb" in text


def test_no_table_row_breaks_across_a_page(tmp_path: Path, run_sip) -> None:
    out = tmp_path / "plan.docx"
    plan = Path(__file__).parents[1] / "examples" / "k8" / "plan.yaml"
    assert run_sip("render", plan, "--to", "docx", "-o", out).exit_code == 0
    document = docx.Document(str(out))
    rows = [row._tr for table in document.tables for row in table.rows]
    assert rows
    for row in rows:
        properties = row.trPr
        assert properties is not None and properties.find(qn("w:cantSplit")) is not None
        names = [child.tag.split("}")[1] for child in properties]
        if "tblHeader" in names:  # the schema's order: cantSplit before tblHeader
            assert names.index("cantSplit") < names.index("tblHeader")


def test_progress_tables_use_the_plans_table_text(tmp_path: Path, run_sip) -> None:
    out = tmp_path / "progress.docx"
    plan = Path(__file__).parents[1] / "examples" / "middle.yaml"
    result = run_sip(
        "render", plan, "--report", "progress", "--as-of", "2027-02-15", "--to", "docx", "-o", out
    )
    assert result.exit_code == 0, result.stderr
    document = docx.Document(str(out))
    styles = {p.style.name for t in document.tables for c in t._cells for p in c.paragraphs}
    assert styles == {"Table Text"}  # the size the column fitting assumes, as in the plan
