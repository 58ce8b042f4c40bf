"""`sip render` to Markdown and HTML: golden files, exact text, the sandbox, safe writes, the CLI.

Regenerate the golden files after a deliberate change with ``SIP_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import itertools
import os
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from ruamel.yaml import YAML

from sipcli.render.run import render_text
from sipcli.render.view import build_view
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES, MINIMAL_PLAN, ROOT

GOLDEN = ROOT / "tests" / "golden" / "render"
TORTURE = ROOT / "tests" / "fixtures" / "render" / "torture.yaml"
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))
FIXTURES = ROOT / "tests" / "fixtures" / "render"
#: Plans written the way real plans are (periods, plan kinds, local groups), with golden files.
FIXTURE_FILES = [FIXTURES / f"{name}.yaml" for name in ("periods", "turnaround", "council")]
FREE_TEXT_KEYS = {
    "name",
    "district",
    "statement",
    "school_snapshot",
    "text",
    "title",
    "owner",
    "description",
    "funding_source",
    "period",
    "data_source",
}


def view_of(path: Path):  # type: ignore[no-untyped-def]
    plan = validate_file(path).plan
    assert plan is not None
    return build_view(plan)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_examples_match_their_golden_files(path: Path, fmt: str) -> None:
    rendered = render_text(view_of(path), fmt)
    golden = GOLDEN / f"{path.stem}.{fmt}"
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", FIXTURE_FILES, ids=lambda p: p.stem)
@pytest.mark.parametrize("fmt", ["md", "html"])
def test_fixture_plans_match_their_golden_files(path: Path, fmt: str) -> None:
    rendered = render_text(view_of(path), fmt)
    golden = GOLDEN / f"fixture-{path.stem}.{fmt}"
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        golden.write_text(rendered, encoding="utf-8")
    assert rendered == golden.read_text(encoding="utf-8")


class _Text(HTMLParser):
    """The text a browser shows, with <br> as a line break and script contents kept."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"br", "p", "td", "th", "li", "dd", "dt", "tr", "h1", "h2", "h3", "h4"}:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def shown_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return squash("".join(parser.parts))


def squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def torture_strings() -> list[str]:
    data = YAML(typ="safe", pure=True).load(TORTURE.read_text(encoding="utf-8"))
    found: list[str] = []

    def walk(node: object, key: str | None = None) -> None:
        if isinstance(node, dict):
            for child_key, value in node.items():
                walk(value, str(child_key))
        elif isinstance(node, list):
            for value in node:
                walk(value, key)
        elif isinstance(node, str) and key in FREE_TEXT_KEYS | {"statement"}:
            found.append(node)

    walk(data)
    return found


def test_torture_plan_is_valid_and_has_hostile_text() -> None:
    assert validate_file(TORTURE).plan is not None
    strings = torture_strings()
    assert any("<script>" in s for s in strings) and any("\n" in s for s in strings)


@pytest.mark.parametrize("text", torture_strings())
def test_every_character_survives_markdown(text: str) -> None:
    rendered = render_text(view_of(TORTURE), "md")
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(rendered)
    assert squash(text) in shown_text(html)


@pytest.mark.parametrize("text", torture_strings())
def test_every_character_survives_html(text: str) -> None:
    assert squash(text) in shown_text(render_text(view_of(TORTURE), "html"))


def test_html_escapes_everything() -> None:
    html = render_text(view_of(TORTURE), "html")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>not bold</b>" not in html
    assert "Cell with<br>\na line break" in html


def test_markdown_escapes_its_own_markup() -> None:
    rendered = render_text(view_of(TORTURE), "md")
    assert "Objective \\| with pipes \\| and \\*stars\\*" in rendered
    assert "\\&copy; \\&amp;" in rendered  # entities stay as written, not read
    html = MarkdownIt("commonmark").enable("table").render(rendered)
    assert "<script>" not in html and "<b>" not in html
    assert "<h1>" in html and html.count("<h1>") == 1  # "# not a heading" stayed text


def test_html_is_one_accessible_self_contained_page() -> None:
    html = render_text(view_of(EXAMPLE_FILES[0]), "html")
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en">' in html
    assert "<style>" in html and "@media print" in html and "break-before: page" in html
    assert 'src="http' not in html and 'href="http' not in html
    assert '<th scope="col">' in html
    levels = [int(level) for level in re.findall(r"<h([1-6])", html)]
    assert levels[0] == 1 and all(b - a <= 1 for a, b in itertools.pairwise(levels))


def test_document_follows_the_dese_order() -> None:
    rendered = render_text(view_of(EXAMPLES / "elementary.yaml"), "md")
    headings = re.findall(r"^## (.+)$", rendered, re.MULTILINE)
    assert headings[0] == "Executive summary"
    order = [
        "Stakeholder engagement",
        "Vision",
        "Assessment of assets and challenges, and root cause analysis",
        "Strategic objectives and initiatives",
        "Goals and benchmarks",
        "From challenges to goals",
        "Resources",
        "District systems",
        "Implementation",
        "Progress monitoring",
    ]
    assert [h for h in headings if h in order] == order


def test_tables_the_issue_asks_for() -> None:
    rendered = render_text(view_of(EXAMPLES / "elementary.yaml"), "md")
    for heading in (
        "### Goals",
        "### Turnaround Practices alignment",
        "### Traceability",
        "### Monitoring calendar",
        "### Totals by funding source",
    ):
        assert heading in rendered
    assert (
        "| Id | Benchmark | Type | Audience | How often | Due | Data source | Owner | Target |"
        in rendered
    )
    assert "**All sources**" in rendered


def test_renders_are_byte_identical() -> None:
    view = view_of(EXAMPLES / "middle.yaml")
    assert render_text(view, "html") == render_text(view_of(EXAMPLES / "middle.yaml"), "html")


# --- plans as real plans are written: periods, kinds, local groups ------------------------


def rendered_fixture(name: str, fmt: str = "md") -> str:
    return render_text(view_of(FIXTURES / f"{name}.yaml"), fmt)


def test_periods_print_as_written_never_as_the_day_sip_settles_them() -> None:
    text = rendered_fixture("periods")
    assert "| 47% | spring 2029 MCAS |" in text  # the goal's target.by
    assert "| Q1, Q2, Q3, EOY 2026-27 |" in text  # benchmark due, one school year
    assert "| T2 2026-27 |" in text and "| winter 2027 i-Ready |" in text
    assert "**Implementation begins.** Q1 2026-27" in text
    assert "| fall 2025, March 2026 |" in text  # stakeholder dates
    assert "| spring 2026 | Data review and root cause analysis |" in text  # a workshop
    assert "| 2026-06-18 | Goals and benchmarks | 14 |" in text  # an exact date stays a date
    # The days the periods are settled on (results known, end of term) are never printed.
    for settled in ("2029-09-25", "2026-11-07", "2027-03-13", "2027-02-13", "2026-06-15"):
        assert settled not in text


def test_rows_dated_by_period_still_sort_by_date() -> None:
    text = rendered_fixture("periods")
    steps = [
        "| 2026-08-27 | Train grade 3-5 teachers",
        "| Q2 2026-27 | Review attendance",
        "| winter 2027 i-Ready | Share winter i-Ready results",
    ]
    positions = [text.index(step) for step in steps]
    assert positions == sorted(positions)
    # Within the calendar: a goal's results table may name the same periods earlier.
    calendar_text = text[text.index("### Monitoring calendar") :]
    calendar = ["| 2026-10-01 | Baseline review", "| MOY 2026-27 |", "| spring 2027 MCAS |"]
    positions = [calendar_text.index(row) for row in calendar]
    assert positions == sorted(positions)


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_interim_targets_are_shown_with_the_goal(fmt: str) -> None:
    text = rendered_fixture("periods", fmt)
    if fmt == "html":
        text = shown_text(text)
    assert "Interim targets" in text
    assert "41% by SY2026-27; 44% by SY2027-28" in text


def test_what_the_plan_does_not_say_is_not_printed() -> None:
    text = rendered_fixture("turnaround")
    head = text.split("\n## ", 1)[0]
    assert head.splitlines()[2] == "Millbrook Public Schools · SY2016-17"  # no plan type
    for absent in ("Horizon", "Status", "Plan type", "Initial plan", "None"):
        assert absent not in head
    assert "*Phase" not in text  # DESE's phases belong to the Sustainable Improvement Plan
    periods = rendered_fixture("periods")
    assert "**Horizon:**" not in periods and "**Status:**" not in periods
    council = rendered_fixture("council")
    assert "- **Status:** Draft" in council and "**Horizon:**" not in council


def test_an_empty_column_is_left_out() -> None:
    text = rendered_fixture("council")
    assert "| Milestone | Due |\n|---|---|\n| Advisory curriculum adopted | 2026-09-30 |" in text
    periods = rendered_fixture("periods")
    assert "| Due | Action |\n" in periods  # no Owner or Initiative column
    assert "| Group | How | When |\n" in periods  # no Participants or What they said
    assert "| Id | Goal | Measure | Students | Baseline | Target | By |\n" in periods


def test_an_empty_section_is_left_out(tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN + "stakeholder_engagement: {}\nmonitoring: {}\n", encoding="utf-8")
    text = render_text(view_of(path), "md")
    assert "## Stakeholder engagement" not in text and "## Progress monitoring" not in text


def test_the_title_names_the_kind_of_plan() -> None:
    assert rendered_fixture("turnaround").startswith(
        "# Ironworks Middle School: Level 4 Turnaround Plan\n"
    )
    assert rendered_fixture("council").startswith(
        "# Willow Brook High School: School Improvement Plan\n"
    )
    assert rendered_fixture("periods").startswith(
        "# Cedar Hill Elementary School: Sustainable Improvement Plan\n"
    )


def test_a_turnaround_plan_shows_its_cover_page_dates_and_exit_year() -> None:
    text = rendered_fixture("turnaround")
    assert "- **Designation:** Level 4\n" in text
    assert "- **Eligible to exit Level 4 status:** SY2018-19\n" in text
    assert (
        "- **Submitted to the Local Stakeholder Group:** May 2, 2016 (Draft for comment)\n" in text
    )
    assert "- **Submitted to the school committee:** May 19, 2016\n" in text
    assert "- **Submitted to DESE:** spring 2016 (Final plan)\n" in text


def test_a_team_given_by_role_has_no_name_column() -> None:
    text = rendered_fixture("turnaround")
    assert (
        "### Planning team\n\n| Role |\n|---|\n| A cross-functional team of labor and management |"
        in text
    )
    mixed = rendered_fixture("periods")
    assert "| Role | Name |" in mixed
    assert "| Principal | Lena Ortiz |\n| Grade 3 teacher |  |" in mixed


def test_stakeholder_group_and_school_council_rosters_by_role() -> None:
    text = rendered_fixture("turnaround")
    assert "### Local Stakeholder Group: members\n\n| Role | Name |" in text
    assert "| Parent | Maria Santos |\n| Teacher |  |" in text
    assert "**Local Stakeholder Group: meetings.** 2016-03-14, 2016-04-11" in text
    assert "**Local Stakeholder Group: recommendations.** Extend the school day" in text
    council = rendered_fixture("council")
    assert "### School council: members" in council and "| Student |  |" in council
    assert "**School council: meetings.** 2026-09-17, Q2 2026-27" in council


def test_goals_are_grouped_under_their_turnaround_practice() -> None:
    text = rendered_fixture("turnaround")
    tp2 = text.index("### TP2: Intentional practices for improving instruction")
    tp4 = text.index("### TP4: School climate and culture")
    g1, g2, g3 = (text.index(f"| {goal} | ") for goal in ("G1", "G2", "G3"))
    assert tp2 < g1 < g3 < tp4 < g2
    assert "### Goals\n" not in text  # no ungrouped table beside the groups
    # Goals with nothing beyond their row (no benchmarks) get no section repeating it.
    assert "#### Goal G1" not in text


def test_the_financial_plan_shows_its_summary_total_and_items() -> None:
    text = rendered_fixture("turnaround")
    assert "## Financial plan" in text
    assert "**Total cost.** $1,450,000" in text
    assert (
        "| Extended learning time (one hour a day) | $900,000 | School Redesign Grant | FY17-FY19 |"
        in text
    )


def test_a_local_student_group_prints_its_label() -> None:
    text = rendered_fixture("periods")
    assert (
        "| Special populations (IEPs, 504s and multilingual learners) | 38% (spring 2026) |" in text
    )
    assert "| Students new to Cedar Hill | 24% (SY2025-26) |" in text
    assert "Special populations |" not in text.replace("learners) |", "")
    assert "New to school" not in text and "| Other |" not in text
    assert "### Student groups this plan names" in text
    assert "| Students with disabilities, English learners |" in text


# --- the CLI ------------------------------------------------------------------------------


def test_cli_writes_several_formats_into_a_new_folder(run_sip, tmp_path: Path) -> None:
    out = tmp_path / "out" / "deep"
    result = run_sip("render", *EXAMPLE_FILES, "--to", "md,html", "-o", out)
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        f"{p.stem}.{ext}" for p in EXAMPLE_FILES for ext in ("md", "html")
    )
    assert not [p for p in out.iterdir() if p.name.startswith(".")]  # no temporary files left


def test_cli_output_file_for_one_plan_and_format(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert run_sip("render", EXAMPLE_FILES[0], "-o", target).exit_code == 0
    assert target.read_text(encoding="utf-8").startswith("# ")


def test_cli_output_file_extension_picks_the_format(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    result = run_sip("render", EXAMPLE_FILES[0], "-o", target)
    assert result.exit_code == 0, result.stderr
    assert target.read_bytes().startswith(b"PK"), "a Word document, not Markdown"


def test_cli_refuses_an_output_file_named_for_another_format(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.docx"
    result = run_sip("render", EXAMPLE_FILES[0], "--to", "md", "-o", target)
    assert result.exit_code == 2
    assert "names a .docx file but --to asks for md" in result.stderr
    assert not target.exists()


def test_cli_default_output_is_beside_the_plan(run_sip, minimal_plan: Path) -> None:
    assert run_sip("render", minimal_plan, "--to", "html").exit_code == 0
    assert minimal_plan.with_suffix(".html").is_file()


def test_invalid_plan_renders_nothing_and_keeps_the_old_output(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN.replace("initial", "intial"), encoding="utf-8")
    old = tmp_path / "plan.md"
    old.write_text("the previous rendering\n", encoding="utf-8")
    result = run_sip("render", plan)
    assert result.exit_code == 1
    assert "SIP104" in result.stdout
    assert old.read_text(encoding="utf-8") == "the previous rendering\n"


def test_unwritable_output_is_a_clear_error(run_sip, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    result = run_sip("render", EXAMPLE_FILES[0], "-o", blocker / "sub" / "plan.md")
    assert result.exit_code == 2
    assert "cannot write" in result.stderr
    assert "Traceback" not in result.stderr


def test_unknown_format_exits_2(run_sip) -> None:
    result = run_sip("render", EXAMPLE_FILES[0], "--to", "rtf")
    assert result.exit_code == 2 and "use md, html, docx, pdf" in result.stderr


def test_with_scores_adds_the_smart_score(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.md"
    assert run_sip("render", EXAMPLE_FILES[0], "--with-scores", "-o", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "SMART score" in text and re.search(r"\| \d+/100 \|", text)


def test_template_dir_overrides_one_file(run_sip, tmp_path: Path) -> None:
    (tmp_path / "plan.css").write_text("body { color: rebeccapurple; }\n", encoding="utf-8")
    target = tmp_path / "plan.html"
    result = run_sip(
        "render", EXAMPLE_FILES[0], "-t", "html", "--template-dir", tmp_path, "-o", target
    )
    assert result.exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert "rebeccapurple" in html and "<table>" in html


@pytest.mark.parametrize(
    "template",
    [
        "{{ view.__class__.__mro__ }}",
        "{{ view.title.__class__.__subclasses__() }}",
        "{{ ''.__class__.__base__.__subclasses__() }}",
    ],
)
def test_sandbox_stops_templates_reaching_python(run_sip, tmp_path: Path, template: str) -> None:
    (tmp_path / "plan.md.j2").write_text(template, encoding="utf-8")
    result = run_sip(
        "render", EXAMPLE_FILES[0], "--template-dir", tmp_path, "-o", tmp_path / "x.md"
    )
    assert result.exit_code == 2
    assert "Python internals" in result.stderr
    assert not (tmp_path / "x.md").exists()


def test_template_errors_name_the_line(run_sip, tmp_path: Path) -> None:
    (tmp_path / "plan.md.j2").write_text("line one\n{% for x in %}\n", encoding="utf-8")
    result = run_sip(
        "render", EXAMPLE_FILES[0], "--template-dir", tmp_path, "-o", tmp_path / "x.md"
    )
    assert result.exit_code == 2
    assert "plan.md.j2:2: template syntax error" in result.stderr


def test_template_check_reports_unknown_names(run_sip, tmp_path: Path) -> None:
    custom = tmp_path / "plan.md.j2"
    custom.write_text(
        "{{ view.titel }}\n{% for s in view.sections %}{{ s.title }}{{ secton }}{% endfor %}\n",
        encoding="utf-8",
    )
    result = run_sip("template", "check", custom)
    assert result.exit_code == 1
    assert f"{custom}:1: unknown attribute 'titel'; did you mean 'title'?" in result.stdout
    assert f"{custom}:2: unknown variable 'secton'" in result.stdout


@pytest.mark.parametrize("name", ["plan.md.j2", "plan.html.j2", "macros.md.j2", "macros.html.j2"])
def test_shipped_templates_pass_template_check(run_sip, name: str) -> None:
    result = run_sip("template", "check", ROOT / "templates" / "render" / name)
    assert result.exit_code == 0, result.stdout


# --- what a reader sees: wording, units, dates and order ------------------------------------

#: A plan whose text is full of characters Markdown or HTML treat specially.
SPECIAL_TEXT_PLAN = """\
schema_version: 1
school:
  name: "Boys & Girls <Academy> *West*"
  district: "Smith & Jones > Others"
  principal: "R&D Lead"
plan:
  type: initial
  school_year: SY2026-27
stakeholder_engagement:
  how_input_used: "Partners (the Boys & Girls Club) asked for 3 < 5 > 2 *starred* seats."
  groups:
    - {group: partners, description: "Boys & Girls Club", methods: ["Round-table & survey"]}
goals:
  - id: G1
    statement: "Attendance & engagement in grades 6-8 will rise from 85% to 90% by SY2027-28."
    owner: "Assistant Principal for Curriculum & Instruction"
    unit: percent
    baseline: {value: 85, period: SY2025-26}
    target: {value: 90, by: SY2027-28}
"""


def _render_md(run_sip, tmp_path: Path, text: str, fmt: str = "md") -> str:  # type: ignore[no-untyped-def]
    """Render ``text`` (a plan) with the CLI and return the document."""
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / f"plan.{fmt}"
    result = run_sip("render", plan, "--to", fmt, "-o", out)
    assert result.exit_code == 0, result.stderr
    return out.read_text(encoding="utf-8")


def test_markdown_shows_ampersands_and_markup_characters_as_written(
    run_sip, tmp_path: Path
) -> None:
    text = _render_md(run_sip, tmp_path, SPECIAL_TEXT_PLAN)
    assert "&amp;" not in text  # no field is HTML-escaped in Markdown
    assert "# Boys & Girls \\<Academy\\> \\*West\\*" in text
    assert "Smith & Jones \\> Others" in text and "**Principal:** R&D Lead" in text
    assert "the Boys & Girls Club) asked for 3 \\< 5 \\> 2 \\*starred\\* seats." in text
    assert "| Partners: Boys & Girls Club | Round-table & survey |" in text
    assert "Attendance & engagement" in text and "Curriculum & Instruction |" in text
    # Read as Markdown, every character is shown as the plan wrote it, and nothing is markup.
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    shown = shown_text(html)
    assert "Boys & Girls <Academy> *West*" in shown
    assert "3 < 5 > 2 *starred* seats" in shown
    assert "<em>West" not in html and "<em>starred" not in html
    assert "<academy>" not in html.lower()


def test_html_shows_ampersands_escaped_once(run_sip, tmp_path: Path) -> None:
    html = _render_md(run_sip, tmp_path, SPECIAL_TEXT_PLAN, "html")
    assert "Boys &amp; Girls &lt;Academy&gt; *West*" in html
    assert "&amp;amp;" not in html


@pytest.mark.parametrize(
    ("kind", "words"),
    [
        (None, "Submitted to the stakeholder group"),
        ("school_improvement", "Submitted to the stakeholder group"),
        ("turnaround_level4", "Submitted to the Local Stakeholder Group"),
        ("turnaround_level5", "Submitted to the Local Stakeholder Group"),
    ],
)
def test_only_a_turnaround_plan_submits_to_a_local_stakeholder_group(
    run_sip, tmp_path: Path, kind: str | None, words: str
) -> None:
    plan = MINIMAL_PLAN + (f"  kind: {kind}\n" if kind else "")
    plan += "  submissions:\n    - {to: stakeholder_group, date: 2026-09-22}\n"
    text = _render_md(run_sip, tmp_path, plan)
    assert f"- **{words}:** September 22, 2026\n" in text
    if words.endswith("stakeholder group"):
        assert "Local Stakeholder Group" not in text


def _goal_with_unit(unit: str, baseline: float, target: float) -> str:
    return MINIMAL_PLAN + (
        "goals:\n"
        "  - id: G1\n"
        "    statement: The composite score will rise by spring 2027.\n"
        f"    unit: {unit}\n"
        f"    baseline: {{value: {baseline}, period: spring 2013}}\n"
        f"    target: {{value: {target}, by: SY2026-27}}\n"
        "    interim_targets: [{value: 70, by: SY2025-26}]\n"
        "    benchmarks:\n"
        "      - {id: G1.B1, statement: Check, type: outcome, due: [Q2],"
        f" target: {{value: 70, unit: {unit}}}}}\n"
    )


@pytest.mark.parametrize(
    ("unit", "baseline", "target", "interim", "benchmark"),
    [
        (
            "score",
            "68.4 points (spring 2013)",
            "| 75 points |",
            "70 points by SY2025-26",
            "70 points",
        ),
        ("sgp", "68.4 (SGP, spring 2013)", "| 75 (SGP) |", "70 (SGP) by SY2025-26", "70 (SGP)"),
        ("percent", "68.4% (spring 2013)", "| 75% |", "70% by SY2025-26", "70%"),
        ("days", "68.4 days (spring 2013)", "| 75 days |", "70 days by SY2025-26", "70 days"),
    ],
)
def test_a_baseline_reads_with_its_unit_and_period_in_one_parenthesis(
    run_sip,
    tmp_path: Path,
    unit: str,
    baseline: str,
    target: str,
    interim: str,
    benchmark: str,
) -> None:
    text = _render_md(run_sip, tmp_path, _goal_with_unit(unit, 68.4, 75))
    assert f"| {baseline} |" in text and target in text
    assert f"**Interim targets:** {interim}" in text
    assert f"| at least {benchmark} |" in text
    assert ") (" not in text and "(score)" not in text


def test_a_mixed_planning_team_lists_role_then_name(run_sip, tmp_path: Path) -> None:
    plan = MINIMAL_PLAN + (
        "  development:\n"
        "    team:\n"
        "      - {name: Yolanda Marchetti, role: Principal}\n"
        "      - {role: Grade 7 math teacher}\n"
    )
    text = _render_md(run_sip, tmp_path, plan)
    assert (
        "### Planning team\n\n| Role | Name |\n|---|---|\n"
        "| Principal | Yolanda Marchetti |\n| Grade 7 math teacher |  |\n"
    ) in text


_OBJECTIVES = """\
strategic_objectives:
  - id: O1
    title: Strengthen core instruction
    root_cause_refs: [RC1]
goals:
  - {id: G1, statement: Reading will rise by SY2026-27., objective_refs: [O1]}
"""


def test_traceability_is_left_out_when_there_is_nothing_to_trace(run_sip, tmp_path: Path) -> None:
    text = _render_md(run_sip, tmp_path, MINIMAL_PLAN + _OBJECTIVES.replace("[RC1]", "[]"))
    assert "## Strategic objectives and initiatives" in text
    assert "From challenges to goals" not in text and "Traceability" not in text
    assert "From root causes to goals" not in text


def test_traceability_without_challenges_traces_from_root_causes(run_sip, tmp_path: Path) -> None:
    plan = (
        MINIMAL_PLAN
        + _OBJECTIVES
        + ("assessment:\n  root_causes:\n    - {id: RC1, statement: Lessons are not aligned.}\n")
    )
    text = _render_md(run_sip, tmp_path, plan)
    assert "## From root causes to goals" in text and "From challenges" not in text
    assert "| Root causes | Strategic objective | Goals |" in text
    assert "| RC1: Lessons are not aligned. | O1: Strengthen core instruction | G1 |" in text


def test_traceability_from_challenges_keeps_its_heading() -> None:
    text = render_text(view_of(EXAMPLES / "middle.yaml"), "md")
    assert "## From challenges to goals" in text
    assert "| Challenges | Root causes | Strategic objective | Goals |" in text


@pytest.mark.parametrize(
    ("due", "shown"),
    [
        ("[Q1, Q2, Q3, EOY]", "Q1, Q2, Q3, EOY 2026-27"),
        ("[SY2026-27 Q4, SY2027-28 Q1]", "Q4 2026-27, Q1 2027-28"),  # two school years
        ("[Q1, 2027-01-15]", "Q1 2026-27, 2027-01-15"),  # a term and an exact date
        ("[2026-10-01, 2027-01-15]", "2026-10-01, 2027-01-15"),
        ("[Q2]", "Q2 2026-27"),
        ("[Q1, spring 2027]", "Q1 2026-27, spring 2027"),  # a term and a season
    ],
)
def test_a_due_list_names_one_school_year_once(
    run_sip, tmp_path: Path, due: str, shown: str
) -> None:
    plan = MINIMAL_PLAN + (
        "goals:\n  - id: G1\n    statement: Reading will rise by SY2026-27.\n"
        f"    benchmarks:\n      - {{id: G1.B1, statement: Check, type: process, due: {due}}}\n"
    )
    assert f"| G1.B1 | Check | Process | {shown} |" in _render_md(run_sip, tmp_path, plan)


def test_calendar_and_action_steps_sort_by_when_each_begins(run_sip, tmp_path: Path) -> None:
    plan = MINIMAL_PLAN + (
        "implementation:\n  action_steps:\n"
        "    - {description: Exact step, due: 2027-06-10}\n"
        "    - {description: Spring step, due: spring 2027}\n"
        "    - {description: Fall step, due: 2026-10-01}\n"
        "monitoring:\n  calendar:\n"
        "    - {date: 2027-06-10, title: Exact review}\n"
        "    - {date: spring 2027, title: Spring review}\n"
        "    - {date: 2026-10-01, title: Fall review}\n"
    )
    text = _render_md(run_sip, tmp_path, plan)
    steps = ["| 2026-10-01 | Fall step", "| spring 2027 | Spring step", "| 2027-06-10 | Exact step"]
    assert [text.index(row) for row in steps] == sorted(text.index(row) for row in steps)
    rows = ["| 2026-10-01 | Fall review", "| spring 2027 | Spring review", "| 2027-06-10 | Exact r"]
    assert [text.index(row) for row in rows] == sorted(text.index(row) for row in rows)


def test_traceability_puts_each_challenge_and_cause_on_its_own_line() -> None:
    text = render_text(view_of(EXAMPLES / "k8" / "plan.yaml"), "md")
    row = next(line for line in text.splitlines() if line.startswith("| C1: ") and "| O2: " in line)
    assert "is in.<br>RC2: Special educators" in row and ".;" not in row
