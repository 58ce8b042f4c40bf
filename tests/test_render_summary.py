"""`sip render --report summary`: the one-page family summary, in plain words, in every format.

Plain-language checks read what a parent sees (the Markdown, the HTML's text, the Word
document's paragraphs) for every example: no ids, no YAML paths, no codes, no unexplained
abbreviations. Golden files keep Markdown and HTML byte-identical run to run; regenerate them
after a deliberate change with ``SIP_UPDATE_GOLDEN=1 pytest tests/test_render_summary.py``.
"""

from __future__ import annotations

import copy
import datetime as dt
import io
import os
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from docx import Document
from ruamel.yaml import YAML

from sipcli.render.run import RenderOptions, render_files
from sipcli.render.summary_text import Plainer, shorten, without_ids
from sipcli.render.summary_view import MAX_GOALS, _least_needed, build_summary_view
from sipcli.validate.plans import read_plans

from .conftest import EXAMPLE_PLANS, EXAMPLES, MINIMAL_PLAN, ROOT, needs_chromium, needs_libreoffice

GOLDEN = ROOT / "tests" / "golden" / "summary"
MIDDLE = EXAMPLES / "middle.yaml"
AS_OF = "2026-12-15"
FORMATS = ("md", "html", "docx")

#: What a family must never see: the plan's ids, YAML paths, stored codes.
IDS = re.compile(r"\b(?:G|O|I|TP|SIP|RC|D|C|A|B)\d+(?:\.[A-Z]?\d+)*\b")
YAML_PATHS = re.compile(r"\w\[\d+\]|\.(?:statement|baseline|target|goals|vision)\b|\w+\.\w+\.\w")
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z0-9_]+\b")


def name_of(path: Path) -> str:
    """An example's name: its file's stem, or its folder's for a plan.yaml in a folder."""
    return path.parent.name if path.stem == "plan" else path.stem


def output_stem(path: Path) -> str:
    return f"{path.stem}-summary"


class _Text(HTMLParser):
    """The text a browser shows in the body (not the style sheet)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.skip = tag in {"style", "title"}
        if tag in {"br", "li", "p", "h1", "h2"}:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        self.skip = False

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    return "\n".join(paragraph.text for paragraph in document.paragraphs)


def render_to(folder: Path, paths: list[Path], formats: tuple[str, ...] = FORMATS) -> None:
    run = render_files(
        paths, RenderOptions(formats=formats, output=folder, report="summary", as_of=AS_OF)
    )
    assert not run.invalid


def render_one(path: Path, folder: Path, formats: tuple[str, ...] = FORMATS) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    render_to(folder, [path], formats)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[Path, dict[str, str]]:
    """Each example's summary in each format, as the text a reader sees."""
    texts: dict[Path, dict[str, str]] = {}
    for path in EXAMPLE_PLANS:
        folder = tmp_path_factory.mktemp(name_of(path))
        render_one(path, folder)
        stem = folder / output_stem(path)
        texts[path] = {
            "md": stem.with_suffix(".md").read_text(encoding="utf-8"),
            "html": html_text(stem.with_suffix(".html").read_text(encoding="utf-8")),
            "docx": docx_text(stem.with_suffix(".docx").read_bytes()),
        }
    return texts


def view_of(path: Path, as_of: dt.date = dt.date(2026, 12, 15)):
    (source,) = read_plans([path])
    assert source.plan is not None
    return source.plan, build_summary_view(source.plan, as_of, source.reference)


# --- Plain language, in every example and every format -------------------------------------


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=name_of)
def test_no_ids_yaml_paths_or_codes(rendered, path: Path, fmt: str) -> None:
    text = rendered[path][fmt]
    assert not IDS.findall(text)
    assert not YAML_PATHS.findall(text)
    assert not SNAKE_CASE.findall(text)


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=name_of)
def test_abbreviations_are_explained_or_replaced(rendered, path: Path, fmt: str) -> None:
    """SGP never shows (it is "student growth"); MCAS only as "the state MCAS tests" or explained."""
    text = " ".join(rendered[path][fmt].split())
    assert "SGP" not in text and "EOY" not in text and not re.search(r"\bSY ?\d{4}", text)
    for match in re.finditer(r"\bMCAS\b", text):
        around = text[max(0, match.start() - 10) : match.end() + 20]
        assert "state MCAS tests" in around or "MCAS (the state tests)" in around, around


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=name_of)
def test_vision_focus_goals_and_families_are_all_there(rendered, path: Path, fmt: str) -> None:
    plan, view = view_of(path)
    text = " ".join(rendered[path][fmt].split()).replace("\\", "")
    if plan.vision:
        assert " ".join(plan.vision.statement.split()) in text
    assert 3 <= len(view.focus) <= 5
    for item in view.focus:
        assert item in text
    assert len(view.goals) == min(len(plan.goals or []), MAX_GOALS)
    for goal in view.goals:
        assert goal.text in text and f"{goal.status}:" in text
    for key, heading in view.headings.items():
        # A plan without a vision (a school council's plan may have none) shows no heading.
        assert (heading in text) == (key != "vision" or bool(view.vision))
    assert all(line in text for line in view.families)


def test_a_goal_reads_in_plain_words_from_its_measure() -> None:
    _, view = view_of(MIDDLE)
    assert view.goals[2].text == (
        "Lower the share of students in grades 6-8 who miss 10% or more of school days, "
        "from 31.5% in the 2025-26 school year to 25% in the 2026-27 school year."
    )
    assert "student growth" in view.goals[1].text and "on a scale of 1 to 99" in view.goals[1].text
    assert view.goals[3].text.startswith("Raise the share of English learners in grades 6-8 ")


def test_a_goal_for_the_plans_own_group_names_the_students_it_combines() -> None:
    _, view = view_of(EXAMPLES / "school-council.yaml")
    assert "students with disabilities and English learners in grades 3-5" in view.goals[1].text
    assert view.goals[1].checks == "Checks this year: 1 needs attention."  # one check
    assert view.goals[2].checks == "Checks this year: 2 reached."


def test_the_focus_is_the_objectives_titles_in_the_plans_order() -> None:
    plan, view = view_of(MIDDLE)
    assert view.focus == tuple(objective.title for objective in plan.strategic_objectives)


def test_statuses_are_a_parents_words_with_their_meaning() -> None:
    _, view = view_of(MIDDLE)
    assert {goal.status for goal in view.goals} == {"Not yet measured"}
    assert view.goals[0].standing == "Next result expected by September 2027."
    assert view.goals[2].checks == "Checks this year: 2 reached, 1 not yet reported."
    assert [entry.label for entry in view.legend] == ["Not yet measured"]


def test_a_result_since_the_plan_began_is_shown_with_its_status(tmp_path: Path) -> None:
    plan = MIDDLE.read_text(encoding="utf-8").replace(
        "      - {date: 2026-09-17, actual: 31.5, status: not_met, period: SY2025-26,",
        "      - {date: 2027-01-29, actual: 27.5, period: mid-year 2027}\n"
        "      - {date: 2026-09-17, actual: 31.5, status: not_met, period: SY2025-26,",
    )
    path = tmp_path / "middle.yaml"
    path.write_text(plan, encoding="utf-8")
    _, view = view_of(path, dt.date(2027, 2, 15))
    assert view.goals[2].standing == "Latest result: 27.5% in mid-year 2027."
    assert view.goals[2].status == "On track"  # 27.5% by February is ahead of the path to 25%
    assert [entry.label for entry in view.legend] == ["On track", "Not yet measured"]


def test_families_read_what_the_plan_says_and_upcoming_public_meetings() -> None:
    _, view = view_of(MIDDLE)
    assert view.families[0].startswith("Families helped shape this plan: 187 family members")
    assert (
        "Coming up, open to the public: Mid-year update to the school committee "
        "(March 10, 2027)." in view.families
    )
    assert "November 24, 2026" not in " ".join(view.families)  # past by the as-of date
    assert view.families[-1] == "Questions? Contact the principal, Dr. Renata Okafor."


def test_a_plan_that_says_nothing_gets_a_neutral_line_and_no_invented_facts(
    minimal_plan: Path,
) -> None:
    _, view = view_of(minimal_plan)
    assert view.families == ("To learn more about the plan or to take part, contact the school.",)
    assert view.vision == "" and view.focus == () and view.goals == ()


def test_a_goal_without_a_measure_reads_as_its_statement_made_plain(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL_PLAN
        + "goals:\n"
        + "  - {id: G1, statement: 'More ELs in SY2026-27 meet their ACCESS target (see O2).'}\n"
        + "  - {id: G2, statement: 'G2 per TP3.', grades: [K, 1, 2]}\n",
        encoding="utf-8",
    )
    _, view = view_of(path)
    assert [goal.text for goal in view.goals] == [
        "More English learners in the 2026-27 school year meet their ACCESS (the state's yearly "
        "English test for English learners) target.",
        "A goal for students in kindergarten to grade 2.",
    ]


# --- The ellipsis rule ------------------------------------------------------------------


STATEMENT = (
    "Families want to hear about absences before a warning letter arrives, and many did not "
    "know the intervention block existed. Families of English learners asked for interpreters."
)


def test_text_that_fits_is_kept_whole() -> None:
    assert shorten("  Every student,\n known.  ", 21) == "Every student, known."


def test_a_long_text_ends_at_its_last_whole_sentence_when_that_keeps_half() -> None:
    assert shorten(STATEMENT, 140) == STATEMENT.split(". ", maxsplit=1)[0] + "."


def test_a_long_sentence_is_cut_at_a_word_with_an_ellipsis_not_after_a_weak_word() -> None:
    assert shorten(STATEMENT, 60) == "Families want to hear about absences before a warning…"
    assert shorten(STATEMENT, 30) == "Families want to hear about…"


@pytest.mark.parametrize("limit", range(2, len(STATEMENT) + 2))
def test_a_cut_is_never_inside_a_word_and_never_over_the_limit(limit: int) -> None:
    short = shorten(STATEMENT, limit)
    assert len(short) <= limit
    if short == STATEMENT:
        return
    head = short.removesuffix("…")
    assert STATEMENT.startswith(head)
    if head:
        assert STATEMENT[len(head)] in " ,;:.", short
        assert head.rsplit(" ", 1)[-1].lower() not in {"a", "the", "and", "to", "of"}


def test_plan_text_loses_its_ids_and_gains_plain_words() -> None:
    plain = Plainer()
    assert without_ids("Attendance became an objective (O4) with its own goal.") == (
        "Attendance became an objective with its own goal."
    )
    assert without_ids("Tutors help. The log behind G1.B1 is kept weekly.") == "Tutors help."
    assert plain("Results from SY2025-26 in SGP and ESL.", 100) == (
        "Results from the 2025-26 school year in student growth and ESL "
        "(English as a second language)."
    )
    assert plain("More ESL staff.", 100) == "More ESL staff."  # explained once per page


# --- Formats: golden files, stable bytes, escaping, Word styles -------------------------


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=name_of)
def test_examples_match_their_golden_files(tmp_path: Path, path: Path, fmt: str) -> None:
    render_one(path, tmp_path, (fmt,))
    text = (tmp_path / f"{output_stem(path)}.{fmt}").read_text(encoding="utf-8")
    golden = GOLDEN / f"{name_of(path)}.{fmt}"
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert text == golden.read_text(encoding="utf-8")


def test_every_format_is_byte_identical_run_to_run(tmp_path: Path) -> None:
    render_one(MIDDLE, tmp_path / "a")
    render_one(MIDDLE, tmp_path / "b")
    for fmt in FORMATS:
        name = f"middle-summary.{fmt}"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_html_stands_alone_and_prints_on_letter_paper(tmp_path: Path) -> None:
    render_one(MIDDLE, tmp_path, ("html",))
    html = (tmp_path / "middle-summary.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in html and "@page { size: letter;" in html
    assert not re.search(r"(?:src|href)=|@import|url\(", html)


def test_plan_text_is_escaped_in_every_format(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(
        MINIMAL_PLAN.replace("name: Test School", 'name: "<b>Oak & Elm</b> *School*"')
        + "vision:\n  statement: 'Every child <script>x</script> reads_well | [link](y)'\n",
        encoding="utf-8",
    )
    render_one(path, tmp_path / "out")
    html = (tmp_path / "out" / "plan-summary.html").read_text(encoding="utf-8")
    assert "<script>x" not in html and "&lt;script&gt;x&lt;/script&gt;" in html
    assert "&lt;b&gt;Oak &amp; Elm&lt;/b&gt;" in html
    markdown = (tmp_path / "out" / "plan-summary.md").read_text(encoding="utf-8")
    assert r"\<b\>Oak & Elm\</b\> \*School\*" in markdown and r"\[link\](y)" in markdown
    document = docx_text((tmp_path / "out" / "plan-summary.docx").read_bytes())
    assert "<b>Oak & Elm</b> *School*" in document


def test_the_word_summary_uses_the_templates_styles_and_never_breaks_a_page(
    tmp_path: Path,
) -> None:
    render_one(MIDDLE, tmp_path, ("docx",))
    document = Document(io.BytesIO((tmp_path / "middle-summary.docx").read_bytes()))
    styles = [paragraph.style.name for paragraph in document.paragraphs]
    assert styles[:2] == ["Title", "Subtitle"] and styles.count("Heading 2") == 4
    assert all(p.paragraph_format.page_break_before is False for p in document.paragraphs)
    assert not document.tables and "{{" not in document.sections[0].header.paragraphs[0].text


# --- One page when printed ----------------------------------------------------------------


def page_count(pdf: bytes) -> int:
    """The number of pages of a PDF: from pdfinfo when installed, else its page objects."""
    pdfinfo = shutil.which("pdfinfo")
    if pdfinfo is None:
        return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    info = subprocess.run([pdfinfo, "-"], input=pdf, check=True, capture_output=True).stdout
    found = re.search(rb"^Pages:\s+(\d+)", info, re.MULTILINE)
    assert found, info
    return int(found.group(1))


def crowded_plan(tmp_path: Path) -> Path:
    """Middle school's plan with more of everything than one page holds, and long texts."""
    yaml = YAML(typ="safe", pure=True)
    data = yaml.load(MIDDLE.read_text(encoding="utf-8"))
    long = " ".join(["Every student reads, writes and reasons at grade level every day"] * 8)
    data["vision"]["statement"] = long + "."
    data["school"]["name"] = "Frederick Douglass and Clara Barton Community Innovation School"
    data["school"]["district"] = "The Public Schools of the Town and City of Eastbrook Harbor"
    objectives = data["strategic_objectives"]
    for number in range(len(objectives) + 1, 9):
        extra = copy.deepcopy(objectives[0])
        extra["id"] = f"O{number}"
        del extra["initiatives"]
        objectives.append(extra)
    for objective in objectives:
        objective["title"] = long
    goals = data["goals"]
    for number in range(len(goals) + 1, 9):
        extra = copy.deepcopy(goals[number % 4])
        extra["id"] = f"G{number}"
        extra["benchmarks"] = [
            {**benchmark, "id": f"G{number}.B{index}"}
            for index, benchmark in enumerate(extra["benchmarks"], start=1)
        ]
        goals.append(extra)
    engagement = data["stakeholder_engagement"]
    engagement["ongoing_communication"] = long
    data["monitoring"]["public_reporting"] = long
    data["monitoring"]["calendar"] += [
        {"date": dt.date(2027, 5, day), "title": long, "level": "public"} for day in range(1, 6)
    ]
    path = tmp_path / "crowded.yaml"
    with path.open("w", encoding="utf-8") as stream:
        yaml.dump(data, stream)
    return path


@needs_libreoffice
def test_every_summary_is_one_page_in_pdf(tmp_path: Path) -> None:
    from sipcli.render.pdf import docxs_to_pdfs

    paths = [*EXAMPLE_PLANS, crowded_plan(tmp_path)]
    folder = tmp_path / "out"
    documents = {}
    for index, path in enumerate(paths):
        render_one(path, folder / str(index), ("docx",))
        documents[str(index)] = (folder / str(index) / f"{output_stem(path)}.docx").read_bytes()
    pdfs = docxs_to_pdfs(documents)
    for index, path in enumerate(paths):
        assert page_count(pdfs[str(index)]) == 1, path


@needs_chromium
def test_the_html_prints_on_one_letter_page(tmp_path: Path) -> None:
    paths = [*EXAMPLE_PLANS, crowded_plan(tmp_path)]
    render_to(tmp_path, paths, ("html",))
    for path in paths:
        html = tmp_path / f"{output_stem(path)}.html"
        pdf = html.with_suffix(".pdf")
        subprocess.run(
            [
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                f"--user-data-dir={tmp_path / 'chromium'}",
                "--no-pdf-header-footer",
                f"--print-to-pdf={pdf}",
                html.as_uri(),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )
        assert page_count(pdf.read_bytes()) == 1, path


def test_a_crowded_plan_is_cut_to_what_one_page_holds(tmp_path: Path) -> None:
    """Cut in the documented order: the page keeps three focus items and three goals at least."""
    _, view = view_of(crowded_plan(tmp_path))
    assert 3 <= len(view.focus) < 5
    assert view.more_focus == f"The full plan has {8 - len(view.focus)} more areas of work."
    assert 3 <= len(view.goals) < MAX_GOALS
    assert view.more_goals == f"The full plan has {8 - len(view.goals)} more goals."
    assert all(len(item) <= 150 and item.endswith("…") for item in view.focus)
    assert len(view.vision) <= 300 and sum("Coming up" in line for line in view.families) == 1
    assert view.families[-1] == "Questions? Contact the principal, Dr. Renata Okafor."


def test_goals_are_dropped_lowest_priority_first_then_the_later_one() -> None:
    plan, view = view_of(MIDDLE)  # priorities 2, 1, 1, 3
    goals = list(zip(plan.goals, view.goals, strict=True))
    order = []
    while goals:
        order.append(goals.pop(_least_needed(goals))[0].id)
    assert order == ["G4", "G1", "G3", "G2"]
    unranked = plan.goals[0].model_copy(update={"priority": None, "id": "G9"})
    assert (
        _least_needed([*zip(plan.goals, view.goals, strict=True), (unranked, view.goals[0])]) == 4
    )


# --- The command line ---------------------------------------------------------------------


def test_the_cli_writes_plan_summary_files(run_sip, tmp_path: Path) -> None:
    result = run_sip(
        "render", MIDDLE, "--report", "summary", "--as-of", AS_OF, "--to", "md,html", "-o", tmp_path
    )
    assert result.exit_code == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "middle-summary.html",
        "middle-summary.md",
    ]


def test_the_cli_refuses_a_bad_report_or_date_and_an_invalid_plan(run_sip, tmp_path: Path) -> None:
    result = run_sip("render", MIDDLE, "--report", "families", "-o", tmp_path)
    assert result.exit_code == 2 and "use plan, progress or summary" in result.stderr
    result = run_sip("render", MIDDLE, "--report", "summary", "--as-of", "soon", "-o", tmp_path)
    assert result.exit_code == 2 and "'soon' is not a date or a period" in result.stderr
    broken = tmp_path / "broken.yaml"
    broken.write_text("schema_version: 1\nschool: {name: X}\n", encoding="utf-8")
    result = run_sip("render", broken, "--report", "summary", "-o", tmp_path / "out")
    assert result.exit_code == 1
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
    assert "Traceback" not in result.stderr
