"""The Word documents as a reader sees them: each example's PDF, judged from its text.

Every document (each example's plan, the progress reports of the middle and K-8 schools, each
example's family summary) is rendered to DOCX and converted to PDF in one LibreOffice run;
`tests.pdf_layout` reads the words and their boxes back with poppler's ``pdftotext``. The
checks fail on the defects a school committee member would see: ids, dates and figures
broken across lines, blank pages, a heading left at a page's foot, a table of contents that
misses a stage or names the wrong page. The checkers' own tests, on small made-up
documents with each defect, are at the end of this module.

The PDFs stay in pytest's temporary folder (``--basetemp DIR`` chooses it), to look at.
"""

from __future__ import annotations

import io
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, fields, is_dataclass
from pathlib import Path

import docx
import pytest
from docx.document import Document as DocxDocument
from docx.enum.text import WD_BREAK, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Inches, Pt
from docx.table import Table as DocxTable
from PIL import Image

from sipcli.model import Plan
from sipcli.model.labels import label_table
from sipcli.render import progress_view, run, summary_view
from sipcli.render import view as plan_view
from sipcli.render.pdf import docxs_to_pdfs
from sipcli.render.run import RenderOptions, render_plan
from sipcli.render.viewmodel import Item, PlanView, Row, Table
from sipcli.validate.plans import PlanFile, read_plans

from . import pdf_layout as layout
from .conftest import EXAMPLE_PLANS, EXAMPLES, REQUIRE_LIBREOFFICE, needs_libreoffice

#: The date and period the progress reports are judged at, as `.ci/run` judges them.
PROGRESS = {EXAMPLES / "middle.yaml": "2027-02-15", EXAMPLES / "k8" / "plan.yaml": "SY2026-27 Q2"}
#: The family summaries are judged at one fixed date, so that they read the same every run.
SUMMARY_AS_OF = "2027-02-15"
#: A table cell's paragraph of this many words or more needs a wide column ...
LONG_TEXT = 25
#: ... in which it runs at most this many lines (a goal statement ran 10 to 15).
MOST_CELL_LINES = 8
#: A last page holding this many lines or fewer wastes a sheet ("Rendered by sip ...").
SPARE_LINES = 2


def convert(documents: dict[str, bytes]) -> dict[str, bytes]:
    """Convert Word documents (by name) to PDF in one LibreOffice run: sip's own converter."""
    return docxs_to_pdfs(documents)


def _name(path: Path) -> str:
    """The example's name: its file's stem, or its folder's name for ``k8/plan.yaml``."""
    return path.parent.name if path.stem == "plan" else path.stem


@dataclass(frozen=True)
class Spec:
    """A document to judge: which report of which plan, at which date."""

    report: str
    path: Path
    as_of: str | None = None

    @property
    def id(self) -> str:
        """How the document is named in test ids: ``plan-middle``, ``progress-k8``."""
        return f"{self.report}-{_name(self.path)}"


PLANS = [Spec("plan", path) for path in EXAMPLE_PLANS]
REPORTS = [Spec("progress", path, as_of) for path, as_of in PROGRESS.items()]
SUMMARIES = [Spec("summary", path, SUMMARY_AS_OF) for path in EXAMPLE_PLANS]
DOCUMENTS = PLANS + REPORTS + SUMMARIES


Pages = tuple[layout.Page, ...]


@dataclass(frozen=True)
class Rendered:
    """One document: what was asked, the view it was rendered from and its PDF's pages."""

    spec: Spec
    view: object
    pages: Pages


def _source(path: Path) -> PlanFile:
    source = next(read_plans([path]))
    assert source.plan is not None, source.result.diagnostics
    return source


def _render(spec: Spec, source: PlanFile) -> tuple[object, bytes]:
    """``spec``'s Word document as `sip render` makes it, and the view it was made from.

    The view is caught on its way from the function that builds it, so the checks read the
    very view the document shows (its title page look, its statuses at the as-of date).
    """
    assert source.plan is not None
    seen: list[object] = []

    def caught(build: Callable[..., object]) -> Callable[..., object]:
        def build_and_keep(*args: object, **kwargs: object) -> object:
            seen.append(built := build(*args, **kwargs))
            return built

        return build_and_keep

    options = RenderOptions(formats=("docx",), report=spec.report, as_of=spec.as_of)
    builders = (
        (plan_view, "build_view"),
        (progress_view, "build_progress_view"),
        (summary_view, "build_summary_view"),
    )
    with pytest.MonkeyPatch.context() as patch:
        for module, name in builders:
            keeping = caught(getattr(module, name))
            patch.setattr(module, name, keeping)
            if hasattr(run, name):  # imported by name into the render run
                patch.setattr(run, name, keeping)
        (output,) = render_plan(source.plan, source, options)
    assert len(seen) == 1, f"{len(seen)} views built for one document: see {builders}"
    (view,) = seen
    # The progress report's view comes with its charts.
    return (view[0] if isinstance(view, tuple) else view), output.content


@pytest.fixture(scope="module")
def pdftotext() -> None:
    """Skip where poppler's pdftotext is missing, with the reason; fail under `.ci/run`."""
    if layout.PDFTOTEXT is None:
        message = "poppler's pdftotext is not installed: apt-get install poppler-utils"
        if REQUIRE_LIBREOFFICE:
            pytest.fail(message)
        pytest.skip(message)


@pytest.fixture(scope="module")
def converted(
    pdftotext: None, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Rendered | str | Pages]:
    """Every document of `DOCUMENTS`, and every made-up sample of `SAMPLES` (named
    ``sample-<name>``), converted to PDF in one LibreOffice run.

    A document is kept as a `Rendered`, a sample as its pages. A document sip cannot render
    is kept as its error, so that its own tests fail with it and the rest are still judged.
    """
    folder = tmp_path_factory.mktemp("layout")
    views: dict[str, object] = {}
    documents: dict[str, bytes] = {}
    result: dict[str, Rendered | str | Pages] = {}
    for spec in DOCUMENTS:
        try:
            views[spec.id], documents[spec.id] = _render(spec, _source(spec.path))
        except Exception as error:  # reported by the document's own tests
            result[spec.id] = f"sip could not render {spec.id}: {type(error).__name__}: {error}"
    for name, make in SAMPLES.items():
        buffer = io.BytesIO()
        make().save(buffer)
        documents[f"sample-{name}"] = buffer.getvalue()
    for name, pdf in convert(documents).items():
        path = folder / f"{name}.pdf"
        path.write_bytes(pdf)
        pages = layout.read_pdf(path)
        judging = next((spec for spec in DOCUMENTS if spec.id == name), None)
        result[name] = pages if judging is None else Rendered(judging, views[name], pages)
    return result


@pytest.fixture(scope="module")
def rendered(converted: dict[str, Rendered | str | Pages]) -> dict[str, object]:
    """Each document of `DOCUMENTS` by its id: a `Rendered`, or why sip could not render it."""
    return {spec.id: converted[spec.id] for spec in DOCUMENTS}


@pytest.fixture(scope="module")
def samples(converted: dict[str, Rendered | str | Pages]) -> dict[str, Pages]:
    """Each made-up sample's PDF pages, by its name in `SAMPLES`."""
    found = {name: converted[f"sample-{name}"] for name in SAMPLES}
    return {name: pages for name, pages in found.items() if isinstance(pages, tuple)}


def judged(rendered: dict[str, object], name: str) -> Rendered:
    """The document ``name``, or a failure saying why sip could not render it."""
    document = rendered[name]
    if not isinstance(document, Rendered):
        pytest.fail(str(document), pytrace=False)
    return document


def tables(value: object) -> Iterator[Table]:
    """Every table in a view, wherever it sits."""
    if isinstance(value, Table):
        yield value
    elif is_dataclass(value) and not isinstance(value, type):
        for item in fields(value):
            yield from tables(getattr(value, item.name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            yield from tables(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from tables(item)


def table_texts(view: object) -> list[str]:
    """Every cell and header of the view's tables: where narrow columns break tokens."""
    return [
        text
        for found in tables(view)
        for text in (
            *found.headers,
            *(cell for row in found.rows for cell in row.cells),
            *(found.footer.cells if found.footer else ()),
        )
    ]


def header_words(view: object) -> set[str]:
    """The words of every table header: a header word must never break ("Priori ty")."""
    return {
        word
        for found in tables(view)
        for header in found.headers
        for word in map(layout.bare, header.split())
        if len(word) >= 2
    }


def printed_texts(document: Rendered) -> list[str]:
    """The texts whose tokens must stay whole: the tables', and every line of the summary."""
    if document.spec.report == "summary":
        return list(layout.strings(document.view, skip={"generator"}))
    return table_texts(document.view)


def row_start(row: Row) -> str:
    """The row's first filled cell: what a reader finds it by."""
    return next((cell for cell in row.cells if cell.strip()), "")


def first_cell(found: Table) -> str:
    """The first filled cell of the table's first row: what starts the table's body."""
    return row_start(found.rows[0]) if found.rows else ""


def goal_tables(view: PlanView) -> Iterator[tuple[str, Table]]:
    """Each goal's heading and its benchmarks table, in the plan's order."""

    def walk(items: tuple[Item, ...]) -> Iterator[tuple[str, Table]]:
        for item in items:
            if item.title.startswith("Goal ") and item.tables:
                yield item.title, item.tables[0]
            yield from walk(item.children)

    for section in view.sections:
        if section.key == "goals":
            yield from walk(section.items)


def stages(document: Rendered) -> list[str]:
    """The stages' titles (the plan's Heading 1s), in order."""
    assert isinstance(document.view, PlanView)
    return [section.title for section in document.view.sections]


def after_contents(document: Rendered) -> layout.Place | None:
    """Where the body starts: below the table of contents, if there is one."""
    where = layout.contents_pages(document.pages, stages(document))
    return layout.Place(where[-1], float("inf")) if where else None


def plan_ids(plan: Plan) -> set[str]:
    """Every id like G1, G1.B2, O3, D10 the plan gives (a group's id may be a plain word)."""
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            if isinstance(value.get("id"), str):
                found.add(value["id"])
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(plan.model_dump())
    return {item for item in found if re.fullmatch(r"[A-Z]{1,3}\d+(?:\.[A-Z]{0,3}\d+)*", item)}


def none(problems: list[str]) -> None:
    """Pass when there are no ``problems``; else fail with each on a line of its own."""
    if problems:
        pytest.fail("\n".join(problems), pytrace=False)


def by_id(specs: list[Spec]) -> pytest.MarkDecorator:
    """Parametrize a test over ``specs``' document ids."""
    return pytest.mark.parametrize("name", [spec.id for spec in specs])


def token_breaks(pages: Pages, texts: list[str], headers: set[str]) -> list[str]:
    """The tokens of ``texts``, header words and the texts' words broken across lines."""
    tokens = layout.tokens_in(texts) | headers
    found = layout.broken_tokens(pages, tokens, layout.words_in(texts, shortest=4))
    return [f"page {item.page}: {item.token!r} printed as {item.printed!r}" for item in found]


@needs_libreoffice
@by_id(DOCUMENTS)
def test_no_id_date_figure_or_header_word_breaks_across_lines(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    none(token_breaks(document.pages, printed_texts(document), header_words(document.view)))


@needs_libreoffice
@by_id(DOCUMENTS)
def test_every_id_date_and_figure_is_printed_whole(rendered: dict[str, object], name: str) -> None:
    document = judged(rendered, name)
    missing = layout.missing_tokens(document.pages, layout.tokens_in(printed_texts(document)))
    none([f"{token!r} is nowhere printed whole" for token in missing])


@needs_libreoffice
@by_id(DOCUMENTS)
def test_no_page_is_blank(rendered: dict[str, object], name: str) -> None:
    blank = layout.blank_pages(judged(rendered, name).pages)
    none([f"page {number} has only the running header and page number" for number in blank])


@needs_libreoffice
@by_id(DOCUMENTS)
def test_the_last_page_is_not_wasted(rendered: dict[str, object], name: str) -> None:
    none(layout.wasted_last_page(judged(rendered, name).pages, SPARE_LINES))


def long_paragraphs(view: object) -> list[str]:
    """The paragraphs of table cells long enough to show a column too narrow for them."""
    return [
        paragraph
        for text in table_texts(view)
        for paragraph in text.split("\n")
        if len(paragraph.split()) >= LONG_TEXT
    ]


@needs_libreoffice
@by_id(PLANS + REPORTS)
def test_long_text_columns_get_the_width(rendered: dict[str, object], name: str) -> None:
    """A goal statement in a quarter of the width ran 10 to 15 lines a row."""
    document = judged(rendered, name)
    texts = long_paragraphs(document.view)
    runs = {text: layout.lines_run(document.pages, text) for text in texts}
    # A table the Word document does not show is not measured, but some must be.
    assert any(runs.values()) or not texts, "no long cell is found in the PDF to measure"
    none(
        [
            f"{count} lines: {text[:60]!r}..."
            for text, count in runs.items()
            if count > MOST_CELL_LINES
        ]
    )


@needs_libreoffice
@by_id(PLANS)
def test_every_goals_benchmark_heading_is_on_the_page_its_table_starts(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    assert isinstance(document.view, PlanView)
    headings = [(heading, first_cell(found)) for heading, found in goal_tables(document.view)]
    assert headings, "every example has goals with benchmarks"
    none(layout.headings_apart(document.pages, headings, after_contents(document)))


@needs_libreoffice
@by_id(PLANS)
def test_every_table_heading_is_on_the_page_its_table_starts(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    assert isinstance(document.view, PlanView)
    headings = [
        (heading, first_cell(found))
        for section in document.view.sections
        for heading, found in section.tables
    ]
    none(layout.headings_apart(document.pages, headings, after_contents(document)))


def headed_tables(document: Rendered) -> list[tuple[str, Table]]:
    """The tables under a heading of their own, with it: a plan's labelled tables and its
    goals' benchmarks, a progress report's goals."""
    view = document.view
    if isinstance(view, PlanView):
        return [found for section in view.sections for found in section.tables] + list(
            goal_tables(view)
        )
    goals = getattr(view, "goals", ())
    return [(goal.title, next(tables(goal))) for goal in goals if any(tables(goal))]


@needs_libreoffice
@by_id(REPORTS)
def test_every_progress_goal_heading_is_on_the_page_its_table_starts(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    headings = [(heading, first_cell(found)) for heading, found in headed_tables(document)]
    assert headings, "the report shows a table per goal"
    none(layout.headings_apart(document.pages, headings))


@needs_libreoffice
@by_id(PLANS + REPORTS)
def test_a_table_going_on_to_another_page_repeats_its_header_row(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    after = after_contents(document) if isinstance(document.view, PlanView) else None
    problems = []
    for heading, found in headed_tables(document):
        starts = [row_start(row) for row in found.rows]
        problems += layout.headers_not_repeated(
            document.pages, heading, found.headers, starts, after
        )
    none(problems)


@needs_libreoffice
@by_id(PLANS)
def test_the_contents_list_every_stage_with_the_page_it_starts_on(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    none(layout.contents_problems(document.pages, stages(document)))


@needs_libreoffice
@by_id(PLANS)
def test_no_stage_or_item_heading_is_left_at_the_foot_of_a_page(
    rendered: dict[str, object], name: str
) -> None:
    document = judged(rendered, name)
    assert isinstance(document.view, PlanView)
    headings = [
        title
        for section in document.view.sections
        for title in (section.title, *(item.title for item in section.items))
    ]
    none(layout.headings_alone(document.pages, headings, after_contents(document)))


@needs_libreoffice
@by_id(SUMMARIES)
def test_the_family_summary_is_one_page_without_ids(rendered: dict[str, object], name: str) -> None:
    document = judged(rendered, name)
    plan = _source(document.spec.path).plan
    assert plan is not None
    printed = {layout.bare(word.text) for page in document.pages for word in page.words}
    ids = sorted(printed & (plan_ids(plan) | set(label_table("practice"))))
    none(
        ([f"{len(document.pages)} pages, not one"] if len(document.pages) != 1 else [])
        + [f"the id {found!r} is printed" for found in ids]
    )


# The checkers' own tests: small Word documents, each with the defect a checker must see
# beside the same content laid out right (converted with the examples: `converted`).

SAMPLE_HEADERS = ("Id", "Priority", "Students", "Due", "Cost", "Year", "Notes")
SAMPLE_ROW = ("G1.B1", "high", "all", "2027-09-30", "$168,000", "SY2026-27", "Objectives")
HYPHENATED = "grade-level reading and well-known i-Ready practice, re-engaging student-led teams"
TALL_TEXT = " ".join(["Students read every day."] * 9)
WIDE_TEXT = " ".join(["A page-wide paragraph of prose runs on and on."] * 6)
LONG_ROWS = range(1, 41)
SAMPLE_STAGES = ("First stage", "Second stage", "Third stage", "Fourth stage")


def _running_header_and_page_numbers(document: DocxDocument) -> None:
    """A running header on every page and "Page N" (a PAGE field) at the foot."""
    section = document.sections[0]
    section.header.paragraphs[0].text = "Sample running header"
    footer = section.footer.paragraphs[0]
    footer.add_run("Page ")
    page = OxmlElement("w:fldSimple")
    page.set(qn("w:instr"), "PAGE")
    run_element, text = OxmlElement("w:r"), OxmlElement("w:t")
    text.text = "1"
    run_element.append(text)
    page.append(run_element)
    footer._p.append(page)


def _fixed_table(
    document: DocxDocument, rows: Sequence[tuple[str, ...]], inches: float
) -> DocxTable:
    """A table whose every column is ``inches`` wide, whatever its text."""
    table: DocxTable = document.add_table(rows=0, cols=len(rows[0]))
    table.style = "Table Grid"
    table.autofit = False
    for cells in rows:
        for cell, text in zip(table.add_row().cells, cells, strict=True):
            cell.width = Inches(inches)
            cell.text = text
    for column in table.columns:
        column.width = Inches(inches)
    return table


def _sample() -> DocxDocument:
    """A new document spaced as sip's template is: a few points after each paragraph and
    cell, so that two rows of a table, or a table and the paragraph after it, stand apart."""
    document = docx.Document()
    document.styles["Normal"].paragraph_format.space_after = Pt(5)
    return document


def _new_page(document: DocxDocument) -> None:
    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _narrow() -> DocxDocument:
    """Tokens in columns too narrow for them, hyphenated prose, a tall cell, wide prose."""
    document = _sample()
    _running_header_and_page_numbers(document)
    _fixed_table(document, [SAMPLE_HEADERS, SAMPLE_ROW], 0.42)
    document.add_paragraph("Hyphenated prose in a narrow column:")
    _fixed_table(document, [(HYPHENATED,)], 0.9)
    _fixed_table(document, [("Goal", "Measure"), (TALL_TEXT, "")], 0.8)
    document.add_paragraph(WIDE_TEXT)
    return document


def _wide() -> DocxDocument:
    """The same tokens in columns wide enough for them."""
    document = _sample()
    _fixed_table(document, [SAMPLE_HEADERS, SAMPLE_ROW], 0.92)
    return document


def _blank() -> DocxDocument:
    """Text; a page with only the running header and page number; text; a page with only a
    picture (a chart); a last line alone."""
    document = _sample()
    _running_header_and_page_numbers(document)
    document.add_paragraph("The first page has text.")
    _new_page(document)
    _new_page(document)
    document.add_paragraph("The third page has text, after a blank page.")
    _new_page(document)
    picture = io.BytesIO()
    Image.new("RGB", (300, 150), "steelblue").save(picture, format="PNG")
    document.add_picture(picture, width=Inches(4))
    _new_page(document)
    document.add_paragraph("Rendered from the sample.")
    return document


def _apart() -> DocxDocument:
    """A heading at a page's foot with its table on the next page; one kept with its table."""
    document = _sample()
    _running_header_and_page_numbers(document)
    for _ in range(28):
        document.add_paragraph("Text that fills the page so the heading sits at its foot.")
    document.add_heading("Goal G1", level=2)
    _new_page(document)
    _fixed_table(document, [("Id", "Benchmark"), ("G1.B1", "Every teacher is coached.")], 2)
    document.add_heading("Goal G2", level=2)
    _fixed_table(document, [("Id", "Benchmark"), ("G2.B1", "Most students attend.")], 2)
    return document


def _contents() -> DocxDocument:
    """A title page, contents with a dot leader (one page wrong, one stage missing), stages."""
    document = _sample()
    _running_header_and_page_numbers(document)
    document.add_paragraph("Sample plan", style="Title")
    _new_page(document)
    document.add_paragraph("Contents", style="Heading 1")
    for title, page in (("First stage", 3), ("Second stage", 4), ("Third stage", 9)):
        entry = document.add_paragraph(f"{title}\t{page}")
        entry.paragraph_format.tab_stops.add_tab_stop(
            Inches(6), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS
        )
    for title in SAMPLE_STAGES:
        _new_page(document)
        document.add_heading(title, level=1)
        document.add_paragraph(f"What the {title.lower()} says.")
    return document


def _long_tables() -> DocxDocument:
    """Two tables running over a page: one repeats its header row there, one does not."""
    document = _sample()
    _running_header_and_page_numbers(document)
    for heading, letter, repeated in (("Repeated header", "A", True), ("Header once", "B", False)):
        document.add_heading(heading, level=2)
        rows = [("Id", "Milestone"), *((f"{letter}{n}", "A step of the plan.") for n in LONG_ROWS)]
        table = _fixed_table(document, rows, 2)
        if repeated:
            table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:tblHeader"))
        _new_page(document)
    return document


SAMPLES = {
    "narrow": _narrow,
    "wide": _wide,
    "blank": _blank,
    "apart": _apart,
    "contents": _contents,
    "long": _long_tables,
}


def sample_breaks(pages: Pages) -> set[str]:
    texts = [*SAMPLE_HEADERS, *SAMPLE_ROW, HYPHENATED]
    tokens = layout.tokens_in(texts) | set(SAMPLE_HEADERS)
    found = layout.broken_tokens(pages, tokens, layout.words_in(texts, shortest=4))
    return {item.token for item in found}


@needs_libreoffice
def test_a_token_in_a_narrow_column_is_seen_broken(samples: dict[str, Pages]) -> None:
    # Ids, dates, money, school years and header words, over two lines or three ("2027-" /
    # "09-" / "30"); "Objectives", no token, is a word the document prints whole elsewhere.
    broken = sample_breaks(samples["narrow"])
    assert broken >= {"G1.B1", "2027-09-30", "$168,000", "SY2026-27", "Priority", "Students"}
    assert "Objectives" in broken
    assert "Id" not in broken


@needs_libreoffice
def test_hyphenated_prose_and_wide_columns_are_no_alarm(samples: dict[str, Pages]) -> None:
    narrow = samples["narrow"]
    # The prose did break at its hyphens ("grade-" above "level"), or this test proves nothing.
    assert any(line.words[-1].text.endswith("-") for line in narrow[0].lines)
    assert not sample_breaks(samples["wide"])
    assert sample_breaks(narrow).isdisjoint({"grade-level", "well-known", "re-engaging"})


@needs_libreoffice
def test_a_token_broken_everywhere_is_missing_whole(samples: dict[str, Pages]) -> None:
    tokens = layout.tokens_in(SAMPLE_ROW)
    assert set(layout.missing_tokens(samples["narrow"], tokens)) >= {"2027-09-30", "$168,000"}
    assert not layout.missing_tokens(samples["wide"], tokens)


@needs_libreoffice
def test_a_page_with_only_the_running_header_is_blank(samples: dict[str, Pages]) -> None:
    # Page 4 holds only a picture: blank to pdftotext, not to a reader.
    assert [page.images for page in samples["blank"]] == [0, 0, 0, 1, 0]
    assert layout.blank_pages(samples["blank"]) == [2]
    assert not layout.blank_pages(samples["narrow"])


@needs_libreoffice
def test_a_last_page_holding_one_line_is_wasted(samples: dict[str, Pages]) -> None:
    assert layout.wasted_last_page(samples["blank"], SPARE_LINES) == [
        "the last page (page 5) holds only: Rendered from the sample."
    ]
    assert not layout.wasted_last_page(samples["apart"], SPARE_LINES)


@needs_libreoffice
def test_a_narrow_column_runs_its_text_down_the_page(samples: dict[str, Pages]) -> None:
    assert layout.lines_run(samples["narrow"], TALL_TEXT) == 27
    assert layout.lines_run(samples["narrow"], WIDE_TEXT) == 4
    assert layout.lines_run(samples["narrow"], "Text printed nowhere") == 0


@needs_libreoffice
def test_a_heading_at_the_foot_of_a_page_is_apart_from_its_table(samples: dict[str, Pages]) -> None:
    problems = layout.headings_apart(samples["apart"], [("Goal G1", "G1.B1"), ("Goal G2", "G2.B1")])
    assert len(problems) == 1
    assert problems[0].startswith("'Goal G1' is at the foot of page ")
    assert layout.headings_apart(samples["apart"], [("Goal G3", "G3.B1")]) == [
        "'Goal G3' is not printed as a heading"
    ]


@needs_libreoffice
def test_the_contents_checker_sees_a_wrong_page_and_a_missing_stage(
    samples: dict[str, Pages],
) -> None:
    pages = samples["contents"]
    entries = layout.toc_entries(pages, SAMPLE_STAGES)
    assert entries["First stage"] == layout.TocEntry(page=2, number=3)
    assert layout.contents_problems(pages, SAMPLE_STAGES) == [
        "'Fourth stage' is not in the contents",
        "'Third stage': the contents say page 9, it is on 5",
    ]
    assert not layout.contents_problems(pages, SAMPLE_STAGES[:2])


@needs_libreoffice
def test_a_heading_whose_text_starts_on_the_next_page_is_alone(samples: dict[str, Pages]) -> None:
    alone = layout.headings_alone(samples["apart"], ["Goal G1", "Goal G2"])
    assert len(alone) == 1
    assert alone[0].startswith("'Goal G1' is alone at the foot of page ")


def test_a_line_continues_only_in_its_own_column() -> None:
    # Two columns of a row: "2027-" above "09-30" in one, "Coaching" above "log" in the next,
    # and a row further down that continues neither.
    words = (
        layout.Word("2027-", 100, 100, 125, 111),
        layout.Word("Coaching", 200, 100, 240, 111),
        layout.Word("09-30", 100, 111.5, 125, 122.5),
        layout.Word("log", 200, 111.5, 215, 122.5),
        layout.Word("2028-01-01", 100, 140, 150, 151),
    )
    page = layout.Page(1, 612, 792, words)
    first, second = page.rows[0]
    assert [page.below(first), page.below(second)] == [page.rows[1][0], page.rows[1][1]]
    assert [line.text for line in page.rows[1]] == ["09-30", "log"]
    assert page.below(page.rows[1][0]) is None
    assert layout.broken_tokens([page], {"2027-09-30"}) == [
        layout.Break(1, "2027- / 09-30", "2027-09-30")
    ]
    # An empty page is blank even where no running header is found.
    assert layout.blank_pages([layout.Page(1, 612, 792, ())]) == [1]


@needs_libreoffice
def test_a_table_going_on_to_a_page_without_its_header_row_is_seen(
    samples: dict[str, Pages],
) -> None:
    pages = samples["long"]
    headers = ("Id", "Milestone")
    repeated = layout.headers_not_repeated(
        pages, "Repeated header", headers, [f"A{n}" for n in LONG_ROWS]
    )
    once = layout.headers_not_repeated(pages, "Header once", headers, [f"B{n}" for n in LONG_ROWS])
    assert not repeated
    assert once == [
        "'Header once': its table goes on to page 4 with no header row above 'B34' (no 'Id')"
    ]
