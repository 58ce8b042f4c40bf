"""Placing blocks into a plan and writing the draft: `sip import`'s mapping, build and summary.

The sources are built here by hand as `SourceDocument`s, the way the Word and sheet readers
give them, written for sip in our own words. Each case's draft must validate with nothing
but placeholders left, and matches its golden file under tests/golden/import/ (regenerate
after a deliberate change with ``SIP_UPDATE_GOLDEN=1 pytest tests/test_import_build.py``).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from sipcli.errors import SipError
from sipcli.importing.blocks import Block, Cell, Heading, Origin, Paragraph, SourceDocument, Table
from sipcli.importing.mapping import match_label, match_section, normalise, parse_overrides
from sipcli.importing.pipeline import import_document
from sipcli.load.source import load_bytes
from sipcli.validate.document import validate_document

GOLDEN = Path(__file__).parent / "golden" / "import"


# --- building sources ---------------------------------------------------------------------


class Source:
    """A source document written block by block, each with an origin as the readers word it."""

    def __init__(self, file: str = "plan.docx") -> None:
        self.file = file
        self.blocks: list[Block] = []
        self.paragraphs = 0
        self.tables = 0

    def heading(self, text: str, level: int = 1) -> Source:
        self.blocks.append(Heading(text, level, Origin(f"heading '{text}'")))
        return self

    def para(self, text: str, list_level: int | None = None) -> Source:
        self.paragraphs += 1
        self.blocks.append(Paragraph(text, Origin(f"paragraph {self.paragraphs}"), list_level))
        return self

    def table(self, rows: list[list[str | Cell]], title: str | None = None) -> Source:
        self.tables += 1
        number = self.tables
        built = tuple(
            tuple(
                cell
                if isinstance(cell, Cell)
                else Cell(cell, Origin(f"table {number}, row {r + 1}, column {c + 1}"))
                for c, cell in enumerate(row)
            )
            for r, row in enumerate(rows)
        )
        self.blocks.append(Table(built, Origin(f"table {number}"), title))
        return self

    def document(self) -> SourceDocument:
        return SourceDocument(self.file, tuple(self.blocks))


def validated(text: str) -> list[str]:
    """The codes of every finding on the draft other than an unfilled placeholder (SIP108)."""
    loaded = load_bytes(text.encode("utf-8"), file="draft.yaml")
    assert loaded.document is not None, loaded.diagnostic
    found = validate_document(loaded.document).diagnostics
    return [f"{d.code} {d.message}" for d in found if d.code != "SIP108"]


def draft(source: Source, overrides: dict[str, str] | None = None) -> str:
    return import_document(source.document(), overrides).text


def data_of(text: str) -> dict:
    return YAML(typ="safe").load(text)


def check_golden(name: str, text: str) -> None:
    path = GOLDEN / f"{name}.yaml"
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


# --- the cases ----------------------------------------------------------------------------


def dese_template() -> Source:
    """A plan on DESE's template: a cover table, the stage headings, a goals table."""
    source = Source("harbor-view.docx")
    source.heading("Sustainable Improvement Plan 2025-2026")
    source.table(
        [
            ["School Name", "Harbor View Elementary"],
            ["District", "Bayside Public Schools"],
            ["Principal", "Lena Ortiz"],
            ["Date submitted", "June 2025"],
        ]
    )
    source.heading("Executive Summary")
    source.para("Harbor View serves 410 students in grades K-5 on the east side of Bayside.")
    source.para(
        "Theory of Action: If teachers plan reading lessons together, then more students read on grade level."
    )
    source.heading("Stakeholder Engagement")
    source.para(
        "We heard from families at two evening forums and from staff in grade-level meetings."
    )
    source.heading("Envisioning the Future")
    source.para("Every Harbor View student leaves grade 5 a confident reader and writer.")
    source.para("Mission: We build readers, writers and kind neighbors.")
    source.para("Students talk about the books they love", list_level=0)
    source.para("Families know how their child is doing in reading", list_level=0)
    source.heading("Assessment of Assets and Challenges")
    source.table(
        [
            ["Challenge", "Evidence"],
            ["Fewer than a third of grade 3 students meet expectations in ELA", "MCAS 2025"],
        ]
    )
    source.heading("Root Cause Analysis")
    source.table(
        [
            ["Root Cause", "How we know"],
            ["Reading lessons differ from room to room", "Walkthroughs in fall 2024"],
        ]
    )
    source.heading("Strategic Objectives")
    source.table(
        [
            ["Strategic Objective", "Rationale"],
            ["Build a shared core reading block in every K-3 classroom", "Lessons differ by room"],
        ]
    )
    source.heading("Goals and Benchmarks")
    source.table(
        [
            ["Goal", "Measure", "Baseline", "Target", "By when", "Person responsible"],
            [
                "By spring 2027, the percent of grade 3 students meeting or exceeding expectations on MCAS ELA will rise from 29% to 40%.",
                "Spring MCAS grade 3 ELA",
                "29% (spring 2025)",
                "40%",
                "spring 2027 MCAS",
                "Principal",
            ],
        ]
    )
    source.table(
        [
            ["Benchmark", "Type", "Due", "Data source", "Owner"],
            [
                "Every K-3 teacher teaches the shared reading block",
                "Process",
                "Q2",
                "Walkthrough tool",
                "Literacy coach",
            ],
        ]
    )
    source.heading("District Systems")
    source.para("The assistant superintendent meets the principal weekly.")
    return source


def test_a_dese_template_plan_is_placed_section_by_section() -> None:
    text = draft(dese_template())
    data = data_of(text)
    assert data["school"] == {
        "name": "Harbor View Elementary",
        "district": "Bayside Public Schools",
        "principal": "Lena Ortiz",
    }
    assert data["plan"]["school_year"] == "SY2025-26"
    assert data["executive_summary"]["theory_of_action"].startswith("If teachers plan")
    assert data["vision"]["statement"].startswith("Every Harbor View student")
    assert data["vision"]["mission"] == "We build readers, writers and kind neighbors."
    assert len(data["vision"]["desired_state"]) == 2
    assert data["assessment"]["challenges"][0]["id"] == "C1"
    assert data["assessment"]["root_causes"][0]["evidence"] == "Walkthroughs in fall 2024"
    assert data["strategic_objectives"][0]["title"].startswith("Build a shared core")
    goal = data["goals"][0]
    assert goal["baseline"] == {"value": 29, "period": "spring 2025"}
    assert goal["target"] == {"value": 40, "by": "spring 2027 MCAS"}
    benchmark = goal["benchmarks"][0]
    assert (benchmark["id"], benchmark["type"], benchmark["due"]) == ("G1.B1", "process", ["Q2"])
    assert "# from table 6, row 2; placed under the goal above it" in text
    assert validated(text) == []
    check_golden("dese-template", text)


def test_the_cover_rows_and_sections_sip_cannot_read_are_kept_not_imported() -> None:
    text = draft(dese_template())
    assert "#   Date submitted | June 2025" in text
    # the district systems paragraph has no field of its own: kept at its section's place
    assert "# Not imported (district_systems: sip could place none of it)" in text
    assert "#   The assistant superintendent meets the principal weekly." in text


def test_a_plan_with_its_own_headings_and_the_turnaround_template() -> None:
    source = Source("oak-street.docx")
    source.heading("Oak Street Middle School Turnaround Plan")
    source.heading("I. Levers and Priorities")
    source.table(
        [["Lever", "Theory of action"], ["Data-driven instruction", "Teachers act on weekly data"]]
    )
    source.heading("II. Measurable Annual Goals")
    source.table(
        [
            ["Measurable goal", "Baseline", "Target"],
            ["Raise the grade 8 math SGP to 55 by SY2026-27.", "41", "55"],
        ]
    )
    source.heading("Where We Are Headed", level=2)
    source.para("A school families choose first.")
    source.heading("III. Financial Plan")
    source.para("The plan is paid for by the school redesign grant through June 2027.")
    source.table(
        [["Item", "Cost", "Source of funds"], ["Math coach", "$85,000", "School redesign grant"]]
    )
    text = draft(source)
    data = data_of(text)
    assert data["plan"]["kind"] == "turnaround_level4"
    assert "# chosen from heading 'I. Levers and Priorities'" in text
    assert data["strategic_objectives"][0] == {
        "id": "O1",
        "title": "Data-driven instruction",
        "rationale": "Teachers act on weekly data",
    }
    assert data["goals"][0]["baseline"]["value"] == 41
    assert data["financial_plan"]["summary"].startswith("The plan is paid for")
    assert data["financial_plan"]["items"][0]["cost"] == 85000
    # an unknown sub-heading's paragraph is not guessed into the goals: it is kept
    assert "#   A school families choose first." in text
    assert validated(text) == []
    check_golden("own-headings", text)


def merged(text: str, where: str, span: int = 1, rows: int = 1) -> Cell:
    return Cell(text, Origin(where), span=span, rows=rows)


def covered(text: str, where: str) -> Cell:
    return Cell(text, Origin(where), merged=True)


def test_a_goals_table_with_a_title_row_and_a_two_row_header() -> None:
    source = Source()
    source.heading("Goals")
    source.table(
        [
            [
                merged("Goals for SY2025-26", "table 1, row 1", span=4),
                *[covered("Goals for SY2025-26", "table 1, row 1")] * 3,
            ],
            [
                merged("Goal", "table 1, row 2, column 1", rows=2),
                merged("Benchmarks", "table 1, row 2, column 2", span=2),
                covered("Benchmarks", "table 1, row 2, column 3"),
                merged("Owner", "table 1, row 2, column 4", rows=2),
            ],
            [covered("Goal", "x"), "Mid-year", "End of year", covered("Owner", "x")],
            [
                merged("Raise grade 4 reading", "table 1, row 4, column 1", rows=2),
                "38%",
                "42%",
                merged("Reading coach", "table 1, row 4, column 4", rows=2),
            ],
            [covered("Raise grade 4 reading", "x"), "40%", "45%", covered("Reading coach", "x")],
        ]
    )
    text = draft(source)
    goals = data_of(text)["goals"]
    assert len(goals) == 1, "the goal's second row continues it"
    assert goals[0]["owner"] == "Reading coach"
    assert [(t["value"], t["by"]) for t in goals[0]["interim_targets"]] == [
        (38, "MOY 2025-26"),
        (42, "EOY 2025-26"),
        (40, "MOY 2025-26"),
        (45, "EOY 2025-26"),
    ]
    assert "period read from the header 'Benchmarks / Mid-year'" in text
    assert "#   Goals for SY2025-26" in text  # the title row is kept too
    assert validated(text) == []
    check_golden("multi-row-header", text)


def test_a_goal_whose_baseline_is_only_in_its_sentence() -> None:
    source = Source()
    source.heading("Goals and Benchmarks")
    source.table(
        [
            ["Goal", "Owner"],
            ["Chronic absenteeism will fall from 22% to 14% by June 2027.", "Assistant principal"],
        ]
    )
    text = draft(source)
    goal = data_of(text)["goals"][0]
    assert goal["baseline"] == {"value": 22, "period": "<when it was measured>"}
    assert goal["target"] == {"value": 14, "by": "June 2027"}
    assert goal["unit"] == "percent"
    line = next(line for line in text.splitlines() if "value: 22" in line)
    assert line.endswith("# read from the statement in table 1, row 2, column 1")
    assert validated(text) == []
    check_golden("baseline-in-sentence", text)


def test_a_column_wins_over_the_sentence() -> None:
    source = Source()
    source.heading("Goals")
    source.table(
        [["Goal", "Baseline"], ["Attendance will rise from 88% to 93% by June 2027.", "90%"]]
    )
    goal = data_of(draft(source))["goals"][0]
    assert goal["baseline"]["value"] == 90
    assert goal["target"]["value"] == 93


def sheet_cell(text: str, where: str, number: float | None = None, percent: bool = False) -> Cell:
    return Cell(text, Origin(where), number=number, percent=percent)


def progress_sheet() -> Source:
    """A goal sheet: one row per goal or benchmark, period columns, a projected column."""
    source = Source("progress.xlsx")
    header = ["Id", "Goal", "Baseline", "Target", "Q1", "Mid-year", "EOY", "MOY i-Ready projected"]
    rows: list[list[str | Cell]] = [
        [sheet_cell(text, f"sheet 'Goals', cell {chr(65 + c)}2") for c, text in enumerate(header)],
        [
            sheet_cell("G1", "sheet 'Goals', cell A3"),
            sheet_cell(
                "Grade 5 math proficiency will rise to 45% by spring 2027.",
                "sheet 'Goals', cell B3",
            ),
            sheet_cell("36%", "sheet 'Goals', cell C3", 0.36, True),
            sheet_cell("45%", "sheet 'Goals', cell D3", 0.45, True),
            sheet_cell("37%", "sheet 'Goals', cell E3", 0.37, True),
            sheet_cell("On track", "sheet 'Goals', cell F3"),
            sheet_cell("", "sheet 'Goals', cell G3"),
            sheet_cell("41%", "sheet 'Goals', cell H3", 0.41, True),
        ],
        [sheet_cell("", f"sheet 'Goals', cell {chr(65 + c)}4") for c in range(8)],
        [
            sheet_cell("G1.B1", "sheet 'Goals', cell A5"),
            sheet_cell("Three in four students pass each unit test.", "sheet 'Goals', cell B5"),
            sheet_cell("", "sheet 'Goals', cell C5"),
            sheet_cell("", "sheet 'Goals', cell D5"),
            sheet_cell("0.71", "sheet 'Goals', cell E5", 0.71),
            sheet_cell("", "sheet 'Goals', cell F5"),
            sheet_cell("", "sheet 'Goals', cell G5"),
            sheet_cell("", "sheet 'Goals', cell H5"),
        ],
    ]
    source.table(rows, title="Goal progress SY2025-26")
    return source


def test_a_sheet_with_period_columns_and_projected_results() -> None:
    text = draft(progress_sheet())
    data = data_of(text)
    assert data["plan"]["school_year"] == "SY2025-26"
    goal = data["goals"][0]
    assert goal["baseline"]["value"] == 36
    assert goal["status_updates"] == [
        {"date": "Q1 2025-26", "actual": 37},
        {"date": "MOY 2025-26", "status": "on_track"},
        {"date": "MOY 2025-26", "actual": 41, "kind": "projected"},
    ]
    benchmark = goal["benchmarks"][0]
    assert benchmark["id"] == "G1.B1"
    assert benchmark["status_updates"] == [{"date": "Q1 2025-26", "actual": 0.71}]
    # checked when the sheet checks: its period columns, each once
    assert benchmark["due"] == ["Q1 2025-26", "MOY 2025-26", "EOY 2025-26"]
    assert "# read from the header 'MOY i-Ready projected' in sheet 'Goals', cell H3" in text
    assert validated(text) == []
    check_golden("progress-sheet", text)


def test_map_overrides_a_columns_guess() -> None:
    source = Source("sheet.csv")
    source.table(
        [
            ["Aim", "Lead", "Measure"],
            ["Attendance will rise to 95% by June 2027.", "Dean", "Attendance"],
        ]
    )
    guessed = data_of(draft(source))
    assert "goals" not in guessed  # no column says "goal": sip does not guess one
    mapped = draft(source, parse_overrides(["Aim=statement", "Measure=measure_source"]))
    goal = data_of(mapped)["goals"][0]
    assert goal["statement"].startswith("Attendance will rise")
    assert (goal["owner"], goal["measure_source"]) == ("Dean", "Attendance")
    assert validated(mapped) == []


def test_map_refuses_what_it_cannot_use() -> None:
    with pytest.raises(SipError, match="COLUMN=FIELD"):
        parse_overrides(["Goal text"])
    with pytest.raises(SipError, match="'colour' is not a field"):
        parse_overrides(["Goal text=colour"])


def test_leftovers_go_to_the_section_of_the_nearest_heading_above() -> None:
    source = Source()
    source.para("Prepared by the school leadership team.")
    source.heading("Vision")
    source.para("Every child known by name.")
    source.heading("Family Partnerships")  # not a section sip knows
    source.para("Monthly coffee hours with the principal.")
    source.heading("Goals and Benchmarks")
    source.table([["Color", "Meaning"], ["Green", "On track"]])
    text = draft(source)
    lines = text.splitlines()
    vision_end = lines.index("#   Monthly coffee hours with the principal.")
    assert lines[vision_end - 1] == "# [paragraph 3]"
    assert text.index("Prepared by the school leadership team.") < text.index("vision:")
    assert text.index("#   Green | On track") > text.index("vision:")
    assert "# Not imported (goals: sip could place none of it)" in text
    assert validated(text) == []
    check_golden("leftovers", text)


def test_the_summary_counts_by_section() -> None:
    summary = import_document(dese_template().document()).summary
    counts = {count.section: count for count in summary.sections}
    assert counts["goals"].imported > counts["goals"].inferred > 0
    assert counts["district_systems"].left_over == 1
    assert summary.placeholders == 1  # plan.type: the source says nothing of it
    as_json = json.loads(json.dumps(summary.to_dict()))
    assert as_json["left_over"] == summary.left_over


def test_wording_is_matched_by_its_words() -> None:
    assert normalise("II. Measurable Annual Goals:") == "measurable annual goals"
    assert normalise("3.2 Root-Cause Analysis") == "root cause analysis"
    assert match_section("Phase II: Goals & Benchmarks").section == "goals"
    assert (
        match_section("Stage 3 - Strategic Objectives and Initiatives").section
        == "strategic_objectives"
    )
    assert match_section("A letter to families") is None
    assert match_label("Theory of Action") == ("executive_summary", "theory_of_action")


def test_sips_own_rendered_headings_and_table_headers_are_recognised() -> None:
    for heading, section in [
        ("Stakeholder engagement", "stakeholder_engagement"),
        ("Vision", "vision"),
        ("Strategic objectives and initiatives", "strategic_objectives"),
        ("Goals and benchmarks", "goals"),
        ("District systems", "district_systems"),
        ("Executive summary", "executive_summary"),
        ("Progress monitoring", "monitoring"),
        ("Financial plan", "financial_plan"),
    ]:
        assert match_section(heading).section == section, heading
    source = Source()
    source.heading("Goals and benchmarks")
    source.table(
        [
            [
                "Id",
                "Goal",
                "Measure",
                "Students",
                "Baseline",
                "Target",
                "By",
                "Owner",
                "Objectives",
            ],
            [
                "G7",
                "Attendance will rise to 95%.",
                "Attendance",
                "All students",
                "91% (SY2024-25)",
                "95%",
                "June 2027",
                "Dean",
                "O1",
            ],
        ]
    )
    goal = data_of(draft(source))["goals"][0]
    assert (goal["id"], goal["target"]["by"], goal["baseline"]["period"]) == (
        "G7",
        "June 2027",
        "SY2024-25",
    )


# --- nothing is lost ----------------------------------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp", "Co", "Cn")),
    min_size=1,
    max_size=80,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lines=st.lists(_TEXT, min_size=1, max_size=3))
def test_text_under_an_unknown_heading_appears_verbatim(lines: list[str]) -> None:
    text = "\n".join(lines).strip()
    assume(text and "\x85" not in text)
    head, colon, _ = text.partition(":")
    assume(not colon or match_label(head) is None)
    source = Source()
    source.heading("Vision")
    source.heading("Notes From The Retreat", level=2)
    source.para(text)
    output = draft(source)
    for line in text.splitlines():
        assert f"#   {line}".rstrip() in output.splitlines()
    assert validated(output) == []


# --- the command --------------------------------------------------------------------------


@pytest.fixture
def placed(monkeypatch: pytest.MonkeyPatch) -> None:
    """`sip import` reads the source through the readers; here they give a hand-built one."""
    from sipcli.importing import pipeline

    monkeypatch.setattr(pipeline, "read_source", lambda path, max_bytes: dese_template().document())


def test_sip_import_writes_the_draft_and_the_summary(run_sip, tmp_path: Path, placed: None) -> None:
    source = tmp_path / "harbor-view.docx"
    source.write_bytes(b"a Word document")
    plan = tmp_path / "harbor-view.yaml"
    result = run_sip("import", source, "-o", plan)
    assert result.exit_code == 0, result.stderr
    assert plan.read_text(encoding="utf-8") == draft(dese_template())
    assert "goals" in result.stderr and "sip validate --show-placeholders" in result.stderr
    assert run_sip("validate", plan).exit_code in (0, 1)


def test_sip_import_json_summary(run_sip, tmp_path: Path, placed: None) -> None:
    source = tmp_path / "harbor-view.docx"
    source.write_bytes(b"a Word document")
    result = run_sip("import", source, "-o", tmp_path / "p.yaml", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["plan"] == str(tmp_path / "p.yaml")


def test_sip_import_never_writes_over_a_file_without_force(
    run_sip, tmp_path: Path, placed: None
) -> None:
    source = tmp_path / "harbor-view.docx"
    source.write_bytes(b"a Word document")
    plan = tmp_path / "plan.yaml"
    plan.write_text("mine\n", encoding="utf-8")
    refused = run_sip("import", source, "-o", plan)
    assert refused.exit_code == 2
    assert "already exists" in refused.stderr and "--force" in refused.stderr
    assert plan.read_text(encoding="utf-8") == "mine\n"
    assert run_sip("import", source, "-o", plan, "--force").exit_code == 0
    assert plan.read_text(encoding="utf-8").startswith("# Imported by `sip import`")


def test_sip_import_never_writes_over_its_source(run_sip, tmp_path: Path, placed: None) -> None:
    source = tmp_path / "plan.docx"
    source.write_bytes(b"a Word document")
    result = run_sip("import", source, "-o", source, "--force")
    assert result.exit_code == 2
    assert "the file being imported" in result.stderr
    assert source.read_bytes() == b"a Word document"


def test_sip_import_of_a_file_that_is_no_plan_exits_2(run_sip, tmp_path: Path) -> None:
    source = tmp_path / "notes.docx"
    source.write_bytes(b"")
    plan = tmp_path / "plan.yaml"
    result = run_sip("import", source, "-o", plan)
    assert result.exit_code == 2
    assert "notes.docx" in result.stderr and "Traceback" not in result.stderr
    assert not plan.exists()


def test_sip_import_refuses_a_bad_map(run_sip, tmp_path: Path, placed: None) -> None:
    source = tmp_path / "s.csv"
    source.write_bytes(b"x")
    result = run_sip("import", source, "-o", tmp_path / "p.yaml", "--map", "Goal")
    assert result.exit_code == 2
    assert "COLUMN=FIELD" in result.stderr


def test_a_block_of_paragraphs_followed_by_leftovers_reads_back_whole() -> None:
    source = Source()
    source.heading("Stakeholder Engagement")
    source.para("Families asked for earlier notice.")
    source.para("We moved the screener to September.")
    source.heading("What We Learned")
    source.para("Staff want fewer initiatives.")
    text = draft(source)
    assert data_of(text)["stakeholder_engagement"]["how_input_used"] == (
        "Families asked for earlier notice.\n\nWe moved the screener to September.\n"
    )
    assert "#   Staff want fewer initiatives." in text.splitlines()
    assert validated(text) == []


def test_the_readers_word_and_sheet_fixtures_import_end_to_end(run_sip, tmp_path: Path) -> None:
    """Through the real readers: a DESE-template Word plan and a progress sheet in CSV."""
    from tests.import_fixtures import dese_template_plan
    from tests.sheet_fixtures import progress_sheet_csv

    for name, data in [("plan.docx", dese_template_plan()), ("sheet.csv", progress_sheet_csv())]:
        source = tmp_path / name
        source.write_bytes(data)
        plan = tmp_path / f"{name}.yaml"
        result = run_sip("import", source, "-o", plan)
        assert result.exit_code == 0, result.stderr
        assert validated(plan.read_text(encoding="utf-8")) == [], name
    goals = data_of((tmp_path / "sheet.csv.yaml").read_text(encoding="utf-8"))["goals"]
    assert goals[0]["status_updates"][0] == {"date": "Q1 2025-26", "actual": 26}


def test_bullets_under_strategic_objectives_are_objectives_and_their_initiatives() -> None:
    source = Source()
    source.heading("Strategic Objectives and Initiatives")
    source.para("Strengthen core reading instruction in K-3", list_level=0)
    source.para("Adopt a shared phonics block", list_level=1)
    source.para("Coach every K-3 teacher twice a month", list_level=1)
    source.para("Build family partnerships around reading", list_level=0)
    source.para("A third-level note", list_level=2)
    text = draft(source)
    objectives = data_of(text)["strategic_objectives"]
    assert [o["title"] for o in objectives] == [
        "Strengthen core reading instruction in K-3",
        "Build family partnerships around reading",
    ]
    assert [i["id"] for i in objectives[0]["initiatives"]] == ["O1.I1", "O1.I2"]
    assert "#   A third-level note" in text.splitlines()
    assert validated(text) == []


_CELL = st.one_of(
    st.sampled_from(
        [
            "Goal",
            "Baseline",
            "Target",
            "By when",
            "Owner",
            "Benchmark",
            "Q1",
            "Mid-year",
            "EOY",
            "Projected",
            "Due",
            "Type",
            "Challenge",
            "Root cause",
            "Id",
            "G1",
            "G1.B2",
            "23%",
            "0.4",
            "spring 2026",
            "n/a",
            "On track",
            "Process",
            "All students",
            "Key: green",
            "",
        ]
    ),
    _TEXT,
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    heading=st.sampled_from(["Goals and Benchmarks", "Root Cause Analysis", "Notes", "Vision"]),
    rows=st.integers(1, 4).flatmap(
        lambda width: st.lists(
            st.lists(_CELL, min_size=width, max_size=width), min_size=1, max_size=4
        )
    ),
)
def test_any_table_gives_a_draft_that_reads_and_validates(
    heading: str, rows: list[list[str]]
) -> None:
    source = Source()
    source.heading("Sustainable Improvement Plan SY2025-26")
    source.heading(heading)
    source.table(rows)
    text = draft(source)
    assert isinstance(data_of(text), dict)
    assert validated(text) == []
