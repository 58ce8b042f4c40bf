"""`sip progress` and `sip progress-import`: statuses at dates, thresholds, the gate, CSV merges."""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sipcli.model.reference import default_reference
from sipcli.monitor.progress import Thresholds, goal_progress, overdue_date, plan_progress
from sipcli.monitor.progress_import import (
    NumberFormatError,
    ProgressImportError,
    parse_number,
    read_updates,
)
from sipcli.periods import PeriodContext
from sipcli.validate.check import validate_file
from tests.conftest import Result

RunSip = Callable[..., Result]

PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
goals:
  # G1 rises on a straight line from 40 to 50 over a year.
  - id: G1
    statement: Meeting or exceeding rises from 40% to 50% by June 2027.
    metric: mcas_meeting_exceeding
    direction: increase
    baseline: {value: 40, period: SY2025-26}
    target: {value: 50, by: 2027-06-01}
    benchmarks:
      - id: G1.B1   # walkthroughs
        statement: At least 80% of walkthroughs show the practice.
        type: early_evidence
        due: [2026-10-15, 2026-12-15]
        target: {value: 80, unit: percent}
        status_updates:
          - {date: 2026-10-10, actual: 70}
    status_updates:
      - {date: 2026-11-30, actual: 44.6, note: First interim check.}

  # G2: lower is better (the metric says so; no direction given).
  - id: G2
    statement: Chronic absenteeism falls from 30% to 20% by June 2027.
    metric: chronic_absenteeism
    baseline: {value: 30, period: SY2025-26}
    target: {value: 20, by: 2027-06-01}
    benchmarks:
      - id: G2.B1
        statement: At most 10% of students miss two or more days in October.
        type: outcome
        due: [2026-11-01]
        target: {value: 10, unit: percent, comparison: at_most}
        status_updates:
          - {date: 2026-10-01, actual: 12}
    status_updates:
      - {date: 2026-12-01, actual: 19}
  - id: G3
    statement: Ninety percent of families attend a fall conference by October 2026.
    baseline: {value: 10, period: SY2025-26}
    target: {value: 90, by: 2026-10-01}
    owner: Principal

# end of goals
"""


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """The small plan above, written to a file."""
    path = tmp_path / "plan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    return path


def _statuses(run_sip: RunSip, plan: Path, *options: str) -> dict[str, str]:
    result = run_sip("progress", plan, "--format", "json", *options)
    assert result.exit_code in (0, 1), result.stderr
    return {item["id"]: item["status"] for item in json.loads(result.stdout)["items"]}


def _statuses_at(plan_file: Path, day: str, thresholds: Thresholds | None = None) -> dict[str, str]:
    plan = validate_file(plan_file).plan
    assert plan is not None
    run = plan_progress(
        plan,
        "plan.yaml",
        dt.date.fromisoformat(day),
        default_reference(),
        thresholds or Thresholds(),
    )
    return {item.id: item.status for item in run.items}


# --- the core -----------------------------------------------------------------------------


def test_statuses_before_any_actual(plan_file: Path) -> None:
    statuses = _statuses_at(plan_file, "2026-09-01")
    assert statuses == {
        "G1": "no data",
        "G1.B1": "no data",
        "G2": "no data",
        "G2.B1": "no data",  # its first update is dated 2026-10-01
        "G3": "no data",
    }


def test_statuses_mid_year(plan_file: Path) -> None:
    statuses = _statuses_at(plan_file, "2026-12-01")
    # G1: 44.6 covers 4.6 of the 4.74 expected points (97%); G2: 19 is below the target of 20.
    assert statuses["G1"] == "on track"
    assert statuses["G2"] == "met"
    assert statuses["G1.B1"] == "at risk"  # 70 against at least 80: 88%
    assert statuses["G3"] == "overdue"  # target date 2026-10-01 passed with no result


def test_overdue_benchmark_after_a_missed_check(plan_file: Path) -> None:
    assert _statuses_at(plan_file, "2026-12-20")["G1.B1"] == "overdue"


def test_goal_off_track_at_the_target_date(plan_file: Path) -> None:
    # By June 2027 the path reaches 50: 4.6 of 10 points is 46% of the expected progress.
    assert _statuses_at(plan_file, "2027-06-02")["G1"] == "off track"


def test_at_most_benchmark_share_is_inverted(plan_file: Path) -> None:
    # 12 against at most 10: 10/12 = 83%, at risk.
    assert _statuses_at(plan_file, "2026-10-01")["G2.B1"] == "at risk"


def test_thresholds_move_the_status(plan_file: Path) -> None:
    assert _statuses_at(plan_file, "2026-12-01", Thresholds(0.98, 0.7))["G1"] == "at risk"
    assert _statuses_at(plan_file, "2026-12-01", Thresholds(0.99, 0.98))["G1"] == "off track"


def test_expected_value_is_on_the_straight_line(plan_file: Path) -> None:
    plan = validate_file(plan_file).plan
    assert plan is not None and plan.goals
    # Baseline SY2025-26 is read as the end of that school year (2026-06-20 in the shipped
    # calendar); on the line from there to 50 on 2027-06-01, the result of 2026-11-30 is
    # compared with the line on its own day: about 44.71.
    item = goal_progress(
        plan.goals[0], dt.date(2026, 12, 1), dt.date(2026, 7, 1), True, Thresholds()
    )
    assert item.expected == pytest.approx(44.71, abs=0.01)
    assert item.share == pytest.approx(0.976, abs=0.001)


def test_overdue_date_counts_only_actuals_after_the_previous_check() -> None:
    due = [dt.date(2026, 10, 1), dt.date(2026, 11, 1)]
    assert overdue_date(due, None, [], dt.date(2026, 10, 1)) is None  # due today: not yet
    assert overdue_date(due, None, [], dt.date(2026, 10, 2)) == dt.date(2026, 10, 1)


def test_thresholds_refuse_at_risk_above_on_track() -> None:
    with pytest.raises(ValueError, match="at-risk"):
        Thresholds(on_track=0.5, at_risk=0.6)


# --- sip progress ---------------------------------------------------------------------------


def test_cli_json_reports_each_item(run_sip: RunSip, plan_file: Path) -> None:
    result = run_sip("progress", plan_file, "--as-of", "2026-12-01", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["version"] == 1 and data["as_of"] == "2026-12-01"
    g1 = next(item for item in data["items"] if item["id"] == "G1")
    assert g1["latest"] == {
        "date": "2026-11-30",
        "actual": 44.6,
        "period": None,
        "kind": "actual",
        "source": None,
    }
    assert g1["projected"] is None and g1["label"] == "on track"
    assert g1["target"] == 50 and g1["status"] == "on track"
    assert data["summary"]["overdue"] == 1


def test_cli_output_file_holds_the_report_and_keeps_the_exit_code(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "reports" / "progress.md"
    target.parent.mkdir()
    args = ("progress", plan_file, "--as-of", "2026-12-01", "-f", "markdown", "--fail-on")
    result = run_sip(*args, "off-track", "-o", target)
    assert result.exit_code == 1  # G3 is overdue
    assert result.stdout == "" and f"Wrote {target}" in result.stderr
    assert target.read_text(encoding="utf-8") == run_sip(*args, "off-track").stdout


def test_cli_output_file_that_cannot_be_written_exits_2(run_sip: RunSip, plan_file: Path) -> None:
    result = run_sip("progress", plan_file, "-o", plan_file / "out.md")  # under a file
    assert result.exit_code == 2
    assert "cannot write" in result.stderr


def test_cli_threshold_options(run_sip: RunSip, plan_file: Path) -> None:
    statuses = _statuses(run_sip, plan_file, "--as-of", "2026-12-01", "--on-track", "98")
    assert statuses["G1"] == "at risk"


def test_cli_at_risk_above_on_track_is_a_usage_error(run_sip: RunSip, plan_file: Path) -> None:
    result = run_sip("progress", plan_file, "--on-track", "50", "--at-risk", "60")
    assert result.exit_code == 2
    assert "--at-risk 60 is above --on-track 50" in result.stderr


def test_cli_fail_on_off_track(run_sip: RunSip, plan_file: Path) -> None:
    # 2026-12-01: G3 is overdue, which off-track counts.
    failing = run_sip("progress", plan_file, "--as-of", "2026-12-01", "--fail-on", "off-track")
    assert failing.exit_code == 1
    assert "1 failing --fail-on off-track" in failing.stdout
    # 2026-10-01: nothing is off track or overdue; G2.B1 at risk fails only --fail-on at-risk.
    calm = run_sip("progress", plan_file, "--as-of", "2026-10-01", "--fail-on", "off-track")
    assert calm.exit_code == 0
    risky = run_sip("progress", plan_file, "--as-of", "2026-10-01", "--fail-on", "at-risk")
    assert risky.exit_code == 1


def test_cli_markdown_and_table(run_sip: RunSip, plan_file: Path) -> None:
    markdown = run_sip("progress", plan_file, "--as-of", "2026-12-01", "-f", "markdown")
    assert "| G1 | on track | 44.6 (2026-11-30) | 44.71 | 50 | 2027-06-01 |  |" in markdown.stdout
    table = run_sip("progress", plan_file, "--as-of", "2026-12-01")
    assert "G3" in table.stdout and "overdue" in table.stdout


def test_cli_bad_as_of_date(run_sip: RunSip, plan_file: Path) -> None:
    result = run_sip("progress", plan_file, "--as-of", "2026-02-30")
    assert result.exit_code == 2
    assert "not a date" in result.stderr


def test_cli_invalid_plan_exits_1_with_the_problem(run_sip: RunSip, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("schema_version: 1\nschool: {name: X}\n", encoding="utf-8")
    result = run_sip("progress", bad, "-f", "json")
    assert result.exit_code == 1
    assert json.loads(result.stdout)["diagnostics"]


# --- sip progress-import ----------------------------------------------------------------------


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "data.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_import_adds_only_lines_and_keeps_comments(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = _csv(
        tmp_path,
        "id,date,actual,status,note\n"
        'G1,2027-01-15,46,on_track,"Winter check: up 1.4, as hoped"\n'
        "G1.B1,2026-12-15,82,met,\n"
        "G3,2026-10-01,75,,\n",
    )
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 0, result.stderr
    assert "added 3 status update(s)" in result.stderr
    after = plan_file.read_text(encoding="utf-8")
    changes = [
        line for line in difflib.ndiff(PLAN.splitlines(), after.splitlines()) if line[:1] in "+-"
    ]
    assert changes == [
        "+           - {date: 2026-12-15, actual: 82, status: met}",
        '+       - {date: 2027-01-15, actual: 46, status: on_track, note: "Winter check: up 1.4, as hoped"}',
        "+     status_updates:",
        "+       - {date: 2026-10-01, actual: 75}",
    ]
    checked = validate_file(plan_file)
    assert checked.plan is not None and checked.plan.goals
    assert [u.actual for u in checked.plan.goals[2].status_updates or []] == [75]
    assert "# end of goals" in after and "# walkthroughs" in after


def test_import_creates_status_updates_on_a_benchmark(run_sip: RunSip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PLAN.replace("        status_updates:\n          - {date: 2026-10-10, actual: 70}\n", ""),
        encoding="utf-8",
    )
    result = run_sip(
        "progress-import", plan, _csv(tmp_path, "id,date,actual\nG1.B1,2026-10-12,71\n")
    )
    assert result.exit_code == 0, result.stderr
    checked = validate_file(plan)
    assert checked.plan is not None and checked.plan.goals and checked.plan.goals[0].benchmarks
    assert checked.plan.goals[0].benchmarks[0].status_updates is not None


def test_import_fills_an_empty_flow_list_keeping_its_comment(
    run_sip: RunSip, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    empty = "        status_updates: []  # none yet\n"
    plan.write_text(
        PLAN.replace(
            "        status_updates:\n          - {date: 2026-10-10, actual: 70}\n", empty
        ),
        encoding="utf-8",
    )
    before = plan.read_text(encoding="utf-8")
    assert empty in before
    result = run_sip(
        "progress-import", plan, _csv(tmp_path, "id,date,actual\nG1.B1,2026-10-12,71\n")
    )
    assert result.exit_code == 0, result.stderr
    after = plan.read_text(encoding="utf-8")
    expected = "        status_updates:  # none yet\n          - {date: 2026-10-12, actual: 71}\n"
    assert after == before.replace(empty, expected)
    checked = validate_file(plan)
    assert checked.plan is not None and checked.plan.goals and checked.plan.goals[0].benchmarks
    updates = checked.plan.goals[0].benchmarks[0].status_updates
    assert updates is not None and [u.actual for u in updates] == [71]


def test_import_escapes_line_separators_and_controls_in_a_note(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    note = "pasted\x85from\u2028a PDF\x9c, \u00e9t\u00e9"
    csv_file = tmp_path / "data.csv"
    csv_file.write_text(f'id,date,note\nG3,2026-10-01,"{note}"\n', encoding="utf-8")
    result = run_sip("progress-import", plan_file, csv_file)
    assert result.exit_code == 0, result.stderr
    text = plan_file.read_text(encoding="utf-8")
    assert "\\x85" in text and "\\u2028" in text and "\u00e9t\u00e9" in text
    assert len(text.splitlines()) == len(PLAN.splitlines()) + 2
    checked = validate_file(plan_file)
    assert checked.plan is not None and checked.plan.goals
    updates = checked.plan.goals[2].status_updates
    assert updates is not None and updates[-1].note == note


KEPT_NOTE = """\
      - date: 2026-12-01
        actual: 19
        note: |+
          Kept line.

"""


@pytest.mark.parametrize("where", ["list", "new key"])
def test_import_below_a_kept_block_note_leaves_its_blank_line_to_it(
    run_sip: RunSip, tmp_path: Path, where: str
) -> None:
    plan = tmp_path / "plan.yaml"
    text = PLAN.replace("      - {date: 2026-12-01, actual: 19}\n", KEPT_NOTE)
    if where == "new key":  # the note ends G2.B1, which has no status_updates yet
        text = text.replace(
            "        status_updates:\n          - {date: 2026-10-01, actual: 12}\n", ""
        )
        text = text.replace("    status_updates:\n" + KEPT_NOTE, "")
        text = text.replace(
            "        target: {value: 10, unit: percent, comparison: at_most}\n",
            "        target: {value: 10, unit: percent, comparison: at_most}\n"
            "        data_source: |+\n          Attendance report.\n\n",
        )
    plan.write_text(text, encoding="utf-8")
    item = "G2" if where == "list" else "G2.B1"
    result = run_sip("progress-import", plan, _csv(tmp_path, f"id,date\n{item},2027-01-15\n"))
    assert result.exit_code == 0, result.stderr
    expected = {
        "list": "          Kept line.\n\n      - date: 2027-01-15\n  - id: G3\n",
        "new key": "          Attendance report.\n\n"
        "        status_updates:\n          - {date: 2027-01-15}\n  - id: G3\n",
    }[where]
    assert expected in plan.read_text(encoding="utf-8")


@pytest.mark.parametrize("empty", ["[ ]", "~", "null", ""])
def test_import_fills_any_empty_status_updates(run_sip: RunSip, tmp_path: Path, empty: str) -> None:
    plan = tmp_path / "plan.yaml"
    written = f"        status_updates: {empty}  # none yet\n".replace(":   #", ":  #")
    plan.write_text(
        PLAN.replace(
            "        status_updates:\n          - {date: 2026-10-10, actual: 70}\n", written
        ),
        encoding="utf-8",
    )
    result = run_sip(
        "progress-import", plan, _csv(tmp_path, "id,date,actual\nG1.B1,2026-10-12,71\n")
    )
    assert result.exit_code == 0, result.stderr
    assert (
        "        status_updates:  # none yet\n          - {date: 2026-10-12, actual: 71}\n"
        in plan.read_text(encoding="utf-8")
    )


def test_import_unknown_id_names_the_row_and_writes_nothing(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = _csv(tmp_path, "id,date,actual\nG1,2027-01-15,46\nG9.B1,2027-01-15,3\n")
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 2
    assert "row 3" in result.stderr and "'G9.B1'" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_import_bad_number_and_date_name_row_and_column(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = _csv(tmp_path, "id,date,actual\nG1,2027-01-15,46%\nG2,15/01/2027,3\n")
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 2
    assert "row 2, column actual (C): '46%' is not a number" in result.stderr
    assert "row 3, column date (B): '15/01/2027' is not a date" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_import_duplicate_is_reported_not_added(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = _csv(tmp_path, "id,date,actual\nG1,2026-11-30,44.6\n")
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 0
    assert "row 2: G1 already has an update for 2026-11-30; skipped" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_import_unknown_column_suggests_the_right_one() -> None:
    with pytest.raises(ProgressImportError, match="did you mean 'actual'"):
        read_updates("id,date,actul\nG1,2026-01-01,3\n", "data.csv")


def test_import_reads_trailing_empty_columns_that_spreadsheets_save() -> None:
    rows = read_updates("id,date,actual,,\nG1,2026-01-01,3,,\nG2,2026-01-02,4\n", "data.csv")
    assert [(row.id, row.update.actual) for row in rows] == [("G1", 3), ("G2", 4)]


def test_import_names_an_unnamed_column_in_the_middle() -> None:
    with pytest.raises(ProgressImportError, match="row 1, column C: the column has no name"):
        read_updates("id,date,,actual\nG1,2026-01-01,,3\n", "data.csv")


def test_import_reads_a_semicolon_csv_with_decimal_commas() -> None:
    # What Excel saves as "CSV" when the computer writes decimals with a comma.
    rows = read_updates('id;date;actual;note\nG1;2026-01-01;38,4;"a; b, c"\n', "data.csv")
    assert rows[0].update.actual == 38.4 and rows[0].update.note == "a; b, c"


def test_import_semicolon_csv_reads_a_dot_as_a_thousands_separator_only_when_proven() -> None:
    # 1.234 used to be read as 1234: a guess, now refused (see the ambiguous tests below).
    text = (
        "id;date;actual\nG1;2026-01-01;1.234.567\nG2;2026-01-01;1.234,5\nG3;2026-01-01;0.5\n"
        "G4;2026-01-01;25.50\n"
    )
    assert [row.update.actual for row in read_updates(text, "data.csv")] == [
        1234567,
        1234.5,
        0.5,
        25.5,
    ]


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "value"),
    [
        ("25.5", False, 25.5),
        ("25", False, 25),
        ("-3", False, -3),
        ("1,234.5", False, 1234.5),
        ("1,234,567", False, 1234567),
        ("0.500", False, 0.5),
        ("25,5", True, 25.5),
        ("1.234,5", True, 1234.5),
        ("1.234.567", True, 1234567),
        ("-1.234,5", True, -1234.5),
        ("0.500", True, 0.5),
        ("0,500", True, 0.5),
        ("25.50", True, 25.5),
    ],
)
def test_parse_number_reads_plain_and_proven_grouped_numbers(
    cell: str, decimal_comma: bool, value: float
) -> None:
    assert parse_number(cell, decimal_comma=decimal_comma) == value


@pytest.mark.parametrize(
    ("cell", "decimal_comma", "fixes"),
    [
        ("25.500", True, "(25500) or with this file's decimal mark (25,5)"),
        ("1.234", True, "(1234) or with this file's decimal mark (1,234)"),
        ("45,000", False, "(45000) or with this file's decimal mark (45.0)"),
    ],
)
def test_parse_number_refuses_a_single_group_it_cannot_prove(
    cell: str, decimal_comma: bool, fixes: str
) -> None:
    with pytest.raises(NumberFormatError, match="could be read two ways") as error:
        parse_number(cell, decimal_comma=decimal_comma)
    assert f"write it without a thousands separator {fixes}" in str(error.value)


@pytest.mark.parametrize(
    ("cell", "decimal_comma"),
    [
        ("46%", False),
        ("38,4", False),
        ("1,23", False),
        ("1,234.5", True),
        ("1.23.4", True),
        ("nan", False),
        ("inf", True),
        ("", False),
    ],
)
def test_parse_number_refuses_what_is_not_a_number(cell: str, decimal_comma: bool) -> None:
    with pytest.raises(NumberFormatError, match="is not a number"):
        parse_number(cell, decimal_comma=decimal_comma)


def test_import_ambiguous_number_names_row_and_column(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = _csv(tmp_path, "id;date;actual\nG1;2027-01-15;25,50\nG2;2027-01-15;25.500\n")
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 2
    assert "row 3, column actual (C): '25.500' could be read two ways" in result.stderr
    assert "(25500) or with this file's decimal mark (25,5)" in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN
    comma = _csv(tmp_path, 'id,date,actual\nG1,2027-01-15,"45,000"\n')
    result = run_sip("progress-import", plan_file, comma)
    assert result.exit_code == 2
    assert "row 2, column actual (C): '45,000' could be read two ways" in result.stderr


def test_import_too_many_cells_names_the_files_separator() -> None:
    with pytest.raises(ProgressImportError, match="quote text that holds a semicolon"):
        read_updates("id;date;note\nG1;2026-01-01;a;b\n", "data.csv")


def test_import_decimal_comma_is_not_read_in_a_comma_csv() -> None:
    with pytest.raises(ProgressImportError, match="'38,4' is not a number"):
        read_updates('id,date,actual\nG1,2026-01-01,"38,4"\n', "data.csv")


def test_import_repeated_row_in_the_csv() -> None:
    with pytest.raises(ProgressImportError, match="row 3: G1 on 2026-01-01 repeats row 2"):
        read_updates("id,date\nG1,2026-01-01\nG1,2026-01-01\n", "data.csv")


UNCLOSED = 'id,date,actual,note\nG1,2026-11-20,25,"oops\nG1.B1,2026-11-21,30,\nG2,2026-11-22,31,\n'


def test_import_unclosed_quote_is_refused_where_it_opens(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    result = run_sip("progress-import", plan_file, _csv(tmp_path, UNCLOSED))
    assert result.exit_code == 2
    assert "data.csv: row 2, column note (D): the quote that opens this cell is never closed" in (
        result.stderr
    )
    assert "close the quote" in result.stderr and 'write it twice ("")' in result.stderr
    assert "added" not in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_import_unclosed_quote_names_row_and_line_after_a_note_of_two_lines() -> None:
    text = 'id,date,note\nG1,2026-01-01,"two\nlines"\nG2,2026-01-02,ok\nG3,2026-01-03,"open\n'
    with pytest.raises(ProgressImportError) as error:
        read_updates(text, "data.csv")
    assert error.value.problems == [
        "data.csv: row 4, column note (C) (line 5 of the file): the quote that opens this cell "
        "is never closed, so the rest of the file would be read into it; close the quote at "
        "the end of the cell's text, or, if the quote is part of the text, write it twice "
        '("") and put the whole cell in quotes, e.g. "the ""new"" schedule"'
    ]


def test_import_quote_closed_rows_later_is_refused() -> None:
    # The open quote is closed by chance at the end of the next row: no csv error, but the
    # row that was swallowed shows in the note.
    text = 'id,date,actual,note\nG1,2026-11-20,25,"oops\nG1.B1,2026-11-21,30,"\n'
    with pytest.raises(ProgressImportError, match="a quote was probably left open") as error:
        read_updates(text, "data.csv")
    assert error.value.problems[0].startswith(
        "data.csv: row 2, column note (D): line 3 of the file, inside this quoted cell, "
        "reads like a row of its own (G1.B1, 2026-11-21)"
    )


def test_import_a_note_over_several_lines_is_kept() -> None:
    text = 'id,date,note\nG1,2026-01-01,"First check.\r\nG2 next, 2026-02-01"\n'
    [row] = read_updates(text, "data.csv")
    assert row.update.note == "First check.\r\nG2 next, 2026-02-01"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('G1,2026-01-01,"a"b', "row 2, column note (C): text follows the quote that closes"),
        (
            'G1,2026-01-01,"a\nb"c',
            "row 2, column note (C): the quote that opens this cell is not closed on its line "
            "but only on line 3, where text follows it",
        ),
    ],
)
def test_import_text_after_a_closing_quote_is_refused(line: str, message: str) -> None:
    with pytest.raises(ProgressImportError, match="write it twice") as error:
        read_updates(f"id,date,note\n{line}\n", "data.csv")
    assert message in error.value.problems[0]


@pytest.mark.parametrize("end", ["\r", "\n", "\r\n"])
def test_import_reads_any_line_end(end: str) -> None:
    text = end.join(["id;date;actual", "G1;2026-11-20;25,5", "G2;2026-11-21;3", ""])
    rows = read_updates(text, "data.csv")
    assert [(row.id, row.update.actual) for row in rows] == [("G1", 25.5), ("G2", 3)]


def test_import_reads_a_csv_with_old_mac_line_ends(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    data = tmp_path / "data.csv"
    data.write_bytes(b'id,date,actual,note\rG3,2026-10-01,75,"a\rb"\r')
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 0, result.stderr
    checked = validate_file(plan_file)
    assert checked.plan is not None and checked.plan.goals
    [update] = checked.plan.goals[2].status_updates or []
    assert (update.actual, update.note) == (75, "a\rb")


def test_import_refuses_a_cell_too_long_naming_row_and_column(
    run_sip: RunSip, plan_file: Path, tmp_path: Path
) -> None:
    note = "x" * 131_073
    data = _csv(tmp_path, f'id,date,actual,note\nG1,2027-01-15,46,\nG3,2026-10-01,75,"{note}"\n')
    result = run_sip("progress-import", plan_file, data)
    assert result.exit_code == 2
    assert (
        "data.csv: row 3, column note (D): the cell holds 131,073 characters, more than the "
        "131,072 a cell may have" in result.stderr
    )
    assert "internal error" not in result.stderr
    assert plan_file.read_text(encoding="utf-8") == PLAN


def test_import_any_other_csv_error_names_the_row(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    real_reader = csv.reader

    def failing_reader(lines: list[str], **options: object) -> Iterator[list[str]]:
        rows = real_reader(lines, **options)  # type: ignore[arg-type]

        class Failing:
            line_num = 0

            def __iter__(self) -> Failing:
                return self

            def __next__(self) -> list[str]:
                if self.line_num == 2:
                    raise csv.Error("something odd")
                row = next(rows)
                self.line_num = rows.line_num
                return row

        return Failing()

    monkeypatch.setattr(csv, "reader", failing_reader)
    with pytest.raises(ProgressImportError) as error:
        read_updates("id,date\nG1,2026-01-01\nG2,2026-01-02\n", "data.csv")
    assert error.value.problems == [
        "data.csv: row 3 (line 3 of the file) cannot be read as CSV (something odd); check its "
        "quotes and separators, or save the file again from the spreadsheet"
    ]


def test_import_keeps_windows_line_endings(run_sip: RunSip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(PLAN.replace("\n", "\r\n").encode("utf-8"))
    result = run_sip("progress-import", plan, _csv(tmp_path, "id,date,actual\nG3,2026-10-01,75\n"))
    assert result.exit_code == 0, result.stderr
    raw = plan.read_bytes()
    assert b"\r\n    status_updates:\r\n      - {date: 2026-10-01, actual: 75}\r\n" in raw
    assert raw.count(b"\n") == raw.count(b"\r\n")


def test_import_goal_and_its_last_benchmark_end_at_the_same_line(
    run_sip: RunSip, tmp_path: Path
) -> None:
    # In the elementary example neither G1 nor its last benchmark G1.B3 has status_updates:
    # both new keys go after G1.B3's last line, the benchmark's first.
    source = (Path(__file__).resolve().parents[1] / "examples" / "elementary.yaml").read_text(
        encoding="utf-8"
    )
    plan = tmp_path / "elementary.yaml"
    plan.write_text(source, encoding="utf-8")
    data = _csv(tmp_path, "id,date,actual\nG1,2026-09-20,26\nG1.B3,2026-11-06,35\n")
    assert run_sip("progress-import", plan, data).exit_code == 0
    added = [
        line
        for line in difflib.ndiff(source.splitlines(), plan.read_text("utf-8").splitlines())
        if line[:1] in "+-"
    ]
    assert added == [
        "+         status_updates:",
        "+           - {date: 2026-11-06, actual: 35}",
        "+     status_updates:",
        "+       - {date: 2026-09-20, actual: 26}",
    ]
    checked = validate_file(plan)
    assert checked.plan is not None and checked.plan.goals
    assert checked.plan.goals[0].status_updates is not None


# --- regressions found in review ------------------------------------------------------------


def test_a_goal_with_only_its_baseline_result_goes_overdue_after_its_date(run_sip) -> None:
    import json

    from .conftest import EXAMPLES

    result = run_sip("progress", EXAMPLES / "middle.yaml", "--as-of", "2028-06-30", "-f", "json")
    goals = {
        i["id"]: i["status"] for i in json.loads(result.stdout)["items"] if i["kind"] == "goal"
    }
    assert set(goals.values()) == {"overdue"}


def test_at_most_benchmarks_in_the_examples_are_met_below_their_target(run_sip) -> None:
    import json

    from .conftest import EXAMPLES

    result = run_sip("progress", EXAMPLES / "middle.yaml", "--as-of", "2026-11-21", "-f", "json")
    items = {i["id"]: i["status"] for i in json.loads(result.stdout)["items"]}
    assert items["G3.B2"] == "met" and items["G3.B3"] == "met"


# --- periods, projections and the school's status scale ------------------------------------

PERIOD_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
goals:
  - id: G1
    statement: Meeting or exceeding rises from 20% to 30% by spring 2027 MCAS.
    metric: mcas_meeting_exceeding
    direction: increase
    unit: percent
    baseline: {value: 20, period: SY2025-26}
    target: {value: 30, by: spring 2027 MCAS}
    status_updates:
      - {date: winter 2027 i-Ready, actual: 23, kind: projected, source: i-Ready predicted}
    benchmarks:
      - id: G1.B1
        statement: At least 80% of students are proficient on each unit assessment.
        type: outcome
        due: [Q1, Q2, Q3, EOY]
        target: {value: 80, unit: percent}
        status_updates:
          - {date: Q1, actual: 72}
"""


@pytest.fixture
def period_plan(tmp_path: Path) -> Path:
    """A plan dated in periods of the school calendar, with a projected value."""
    path = tmp_path / "periods.yaml"
    path.write_text(PERIOD_PLAN, encoding="utf-8")
    return path


def _items(run_sip: RunSip, plan: Path, *options: str) -> dict[str, dict[str, object]]:
    result = run_sip("progress", plan, "-f", "json", *options)
    assert result.exit_code in (0, 1), result.stderr
    return {item["id"]: item for item in json.loads(result.stdout)["items"]}


def test_a_check_due_by_term_is_overdue_once_the_next_term_ends(
    run_sip: RunSip, period_plan: Path
) -> None:
    # Q2 ends 2027-01-30 in the shipped calendar: the day before, the Q1 result still counts
    # (72 against 80 at the Q1 check: not met, at risk).
    assert _items(run_sip, period_plan, "--as-of", "2027-01-29")["G1.B1"]["status"] == "at risk"
    late = _items(run_sip, period_plan, "--as-of", "2027-02-01")["G1.B1"]
    assert late["status"] == "overdue"
    assert late["reason"] == "no result recorded for the check due Q2 2026-27"
    assert (late["due"], late["due_period"]) == ("2027-04-10", "Q3 2026-27")


def test_as_of_a_period_is_its_end_and_json_gives_both(run_sip: RunSip, period_plan: Path) -> None:
    result = run_sip("progress", period_plan, "-f", "json", "--as-of", "SY2026-27 Q2")
    data = json.loads(result.stdout)
    assert (data["as_of"], data["as_of_period"]) == ("2027-01-30", "Q2 2026-27")
    latest = next(item for item in data["items"] if item["id"] == "G1.B1")["latest"]
    assert latest == {
        "date": "2026-11-07",
        "actual": 72.0,
        "period": "Q1 2026-27",
        "kind": "actual",
        "source": None,
    }
    # A bare term is read in the plan's school year; a season by the year it ends in.
    assert json.loads(run_sip("progress", period_plan, "-f", "json", "--as-of", "Q2").stdout)[
        "as_of"
    ] == ("2027-01-30")
    spring = run_sip("progress", period_plan, "-f", "json", "--as-of", "spring 2027").stdout
    assert json.loads(spring)["as_of"] == "2027-06-15"


def test_as_of_a_bare_term_needs_the_plans_school_year(run_sip: RunSip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PERIOD_PLAN.replace(
            "  type: initial\n  school_year: SY2026-27\n", "  kind: other\n  title: Our plan\n"
        )
        .replace("due: [Q1, Q2, Q3, EOY]", "due: [SY2026-27 Q1]")
        .replace("{date: Q1, actual: 72}", "{date: SY2026-27 Q1, actual: 72}"),
        encoding="utf-8",
    )
    result = run_sip("progress", plan, "--as-of", "Q2")
    assert result.exit_code == 2, result.stdout
    assert "plan.school_year is not set" in result.stderr
    assert run_sip("progress", plan, "--as-of", "SY2026-27 Q2").exit_code == 0


def test_bad_as_of_text_names_the_forms(run_sip: RunSip, period_plan: Path) -> None:
    result = run_sip("progress", period_plan, "--as-of", "next Tuesday")
    assert result.exit_code == 2
    assert "--as-of 'next Tuesday' is not a date or a period" in result.stderr
    assert "SY2026-27 Q2" in result.stderr and "spring 2027 MCAS" in result.stderr


def test_a_projection_is_shown_never_judged(run_sip: RunSip, period_plan: Path) -> None:
    g1 = _items(run_sip, period_plan, "--as-of", "2027-03-01")["G1"]
    assert g1["status"] == "no data" and g1["latest"] is None
    assert g1["projected"] == {
        "date": "2027-02-13",  # the day the window's results are known
        "actual": 23.0,
        "period": "winter 2027 i-Ready",
        "kind": "projected",
        "source": "i-Ready predicted",
    }
    markdown = run_sip("progress", period_plan, "-f", "markdown", "--as-of", "2027-03-01")
    assert "projected 23% (winter 2027 i-Ready; i-Ready predicted)" in markdown.stdout
    table = run_sip("progress", period_plan, "--as-of", "2027-03-01").stdout
    assert "projected 23%" in table
    # Before the window's results are known there is no projection to show.
    assert _items(run_sip, period_plan, "--as-of", "2027-01-15")["G1"]["projected"] is None


def test_a_preliminary_result_counts_from_the_preliminary_day_and_is_marked(
    run_sip: RunSip, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PERIOD_PLAN.replace(
            "      - {date: winter 2027 i-Ready,",
            "      - {date: spring 2027 MCAS, actual: 31, kind: preliminary}\n"
            "      - {date: winter 2027 i-Ready,",
        ),
        encoding="utf-8",
    )
    # MCAS preliminary results reach schools on 07-31; official ones on 09-25.
    assert _items(run_sip, plan, "--as-of", "2027-07-30")["G1"]["latest"] is None
    g1 = _items(run_sip, plan, "--as-of", "2027-08-01")["G1"]
    assert g1["status"] == "met"
    assert g1["latest"]["kind"] == "preliminary"  # type: ignore[index]
    assert g1["reason"] == "31% (preliminary) reaches the target of 30%"
    markdown = run_sip("progress", plan, "-f", "markdown", "--as-of", "2027-08-01").stdout
    assert "31% (spring 2027 MCAS, preliminary)" in markdown


SCALE = """\
status-scale:
  levels:
    - {name: on track or met annual goal, at-least: 90}
    - {name: off track but recoverable, at-least: 60}
    - {name: behind schedule to meet annual goal}
  multi-year-met: three-year goal already met
  overdue: check missed
"""


def test_the_schools_status_scale_names_every_status(run_sip: RunSip, period_plan: Path) -> None:
    (period_plan.parent / ".sip.yaml").write_text(SCALE, encoding="utf-8")
    items = _items(run_sip, period_plan, "--as-of", "2026-11-07")
    # 72 of 80 is 90% on the day of the Q1 check: the first level, which counts as on track.
    assert (items["G1.B1"]["status"], items["G1.B1"]["label"]) == (
        "on track",
        "on track or met annual goal",
    )
    late = _items(run_sip, period_plan, "--as-of", "2027-02-01")["G1.B1"]
    assert (late["status"], late["label"]) == ("overdue", "check missed")
    table = run_sip("progress", period_plan, "--as-of", "2026-11-07").stdout
    assert "on track or met annual goal" in table
    (period_plan.parent / ".sip.yaml").write_text(
        SCALE.replace("at-least: 90", "at-least: 95"), encoding="utf-8"
    )
    items = _items(run_sip, period_plan, "--as-of", "2026-11-07")
    assert (items["G1.B1"]["status"], items["G1.B1"]["label"]) == (
        "at risk",
        "off track but recoverable",
    )
    summary = run_sip("progress", period_plan, "--as-of", "2026-11-07").stdout
    assert "1 off track but recoverable" in summary


def test_a_goal_past_its_final_target_is_named_multi_year_met(
    run_sip: RunSip, tmp_path: Path
) -> None:
    (tmp_path / ".sip.yaml").write_text(SCALE, encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PERIOD_PLAN.replace(
            "      - {date: winter 2027 i-Ready,",
            "      - {date: 2026-12-01, actual: 31}\n      - {date: winter 2027 i-Ready,",
        ),
        encoding="utf-8",
    )
    g1 = _items(run_sip, plan, "--as-of", "2026-12-15")["G1"]
    assert (g1["status"], g1["label"]) == ("met", "three-year goal already met")
    data = json.loads(run_sip("progress", plan, "-f", "json", "--as-of", "2026-12-15").stdout)
    assert data["plans"][0]["scale"]["multi_year_met"] == "three-year goal already met"
    assert data["labels"]["three-year goal already met"] == 1


@pytest.mark.parametrize(
    ("scale", "message"),
    [
        (
            "status-scale:\n  levels:\n    - {name: fine, at-least: 50}\n    - {name: poor, at-least: 80}\n",
            "the last level ('poor') is everything below the one before it",
        ),
        (
            "status-scale:\n  levels:\n    - {name: a, at-least: 50}\n    - {name: b, at-least: 60}\n"
            "    - {name: c}\n",
            "the levels go best first: reverse the list",
        ),
        ("status-scale:\n  levels:\n    - {name: alone}\n", "at least 2 items"),
        (
            "status-scale:\n  levels:\n    - {name: a, at-least: 50, colour: red}\n    - {name: b}\n",
            "unknown key 'colour'",
        ),
    ],
)
def test_a_bad_status_scale_is_refused_at_its_line(
    run_sip: RunSip, period_plan: Path, scale: str, message: str
) -> None:
    (period_plan.parent / ".sip.yaml").write_text(scale, encoding="utf-8")
    result = run_sip("progress", period_plan)
    assert result.exit_code == 2
    assert message in result.stderr
    assert ".sip.yaml:2:" in result.stderr or ".sip.yaml:3:" in result.stderr


def test_cli_thresholds_with_a_school_scale_are_refused(run_sip: RunSip, period_plan: Path) -> None:
    (period_plan.parent / ".sip.yaml").write_text(SCALE, encoding="utf-8")
    result = run_sip("progress", period_plan, "--on-track", "80")
    assert result.exit_code == 2
    assert "sets status-scale" in result.stderr


# --- progress-import: progress sheets, kinds and periods ------------------------------------


def test_import_a_progress_sheet_with_a_projected_row(run_sip: RunSip, period_plan: Path) -> None:
    data = _csv(
        period_plan.parent,
        "id,kind,source,Q1,Q2,SY2026-27 Q3\nG1.B1,,,72,75,\nG1,projected,i-Ready predicted,,,25\n",
    )
    before = period_plan.read_text(encoding="utf-8")
    result = run_sip("progress-import", period_plan, data)
    assert result.exit_code == 0, result.stderr
    # Q1 is already recorded (same id, period and kind); the projection is not a duplicate.
    assert (
        "row 2, column Q1 (D): G1.B1 already has an update for Q1 2026-27; skipped" in result.stderr
    )
    assert "added 2 status update(s), 1 already recorded" in result.stderr
    changes = [
        line
        for line in difflib.ndiff(before.splitlines(), period_plan.read_text().splitlines())
        if line[:1] in "+-"
    ]
    assert changes == [
        "+       - {date: SY2026-27 Q3, actual: 25, kind: projected, source: i-Ready predicted}",
        "+           - {date: Q2, actual: 75}",
    ]
    data.write_text(
        "id,kind,source,winter 2027 i-Ready\nG1,projected,i-Ready predicted,25\n", encoding="utf-8"
    )
    result = run_sip("progress-import", period_plan, data)
    # The plan projects 23 for that window: the sheet's 25 is reported, not written over it.
    assert (
        "G1 already has 23 for winter 2027 i-Ready; the sheet says 25: change it in the plan"
    ) in result.stderr


def test_import_a_sheet_writes_periods_as_written(run_sip: RunSip, period_plan: Path) -> None:
    data = _csv(period_plan.parent, "id,SY2026-27 Q2,spring 2027 MCAS\nG1,24,29.5\n")
    assert run_sip("progress-import", period_plan, data).exit_code == 0
    text = period_plan.read_text(encoding="utf-8")
    assert "      - {date: SY2026-27 Q2, actual: 24}\n" in text
    assert "      - {date: spring 2027 MCAS, actual: 29.5}\n" in text
    checked = validate_file(period_plan)
    assert checked.plan is not None and checked.plan.goals
    dates = [u.date for u in checked.plan.goals[0].status_updates or []]
    assert [str(day) for day in dates] == [
        "winter 2027 i-Ready",
        "Q2 2026-27",
        "spring 2027 MCAS",
    ]


@pytest.mark.parametrize("cell", ["p23", "23 (projected)", "23p", "~23", "predicted 23"])
def test_import_refuses_a_value_marked_inside_its_cell(cell: str) -> None:
    with pytest.raises(ProgressImportError) as raised:
        read_updates(f"id,Q1,Q2\nG1,20,{cell}\n", "sheet.csv", _context())
    assert raised.value.problems == [
        f"sheet.csv: row 2, column Q2 (C): '{cell}' marks the value inside its cell; write the "
        "number alone and put projected values on a row of their own whose kind column says "
        "projected"
    ]


def _context() -> PeriodContext:
    return PeriodContext(school_year=2026)


def test_import_sheet_header_problems_name_the_column() -> None:
    with pytest.raises(ProgressImportError) as raised:
        read_updates("id,Q1,Quarter nine,actuals\nG1,1,2,3\n", "sheet.csv", _context())
    problems = raised.value.problems
    assert problems[0].startswith(
        "sheet.csv: row 1, column C: 'Quarter nine' is neither a column sip knows "
        "(id, kind, source, note) nor a period of the school calendar"
    )
    assert problems[1].startswith("sheet.csv: row 1, column D: 'actuals' is neither")
    with pytest.raises(ProgressImportError, match="no column names a period"):
        read_updates("id,kind\nG1,actual\n", "sheet.csv", _context())
    with pytest.raises(ProgressImportError, match="needs a school year"):
        read_updates("id,Q1\nG1,3\n", "sheet.csv", PeriodContext())


def test_import_sheet_bad_kind_and_repeated_row() -> None:
    with pytest.raises(ProgressImportError) as raised:
        read_updates("id,kind,Q1\nG1,guess,3\nG2,,4\nG2,actual,5\n", "s.csv", _context())
    assert raised.value.problems == [
        "s.csv: row 2, column kind (B): 'guess' is not a kind of result; use one of actual, "
        "preliminary, projected (blank: actual)",
        "s.csv: row 4, column Q1 (C): G2 on Q1 2026-27 repeats row 3, column Q1 (C); keep one",
    ]


def test_import_long_format_reads_kind_source_and_periods() -> None:
    rows = read_updates(
        "id,date,actual,kind,source\n"
        "G1,winter 2027 i-Ready,23,projected,i-Ready\n"
        "G1,2027-01-15,22,,\n"
        "G1.B1,Q2,75,actual,unit test\n",
        "long.csv",
        _context(),
    )
    assert [(r.update.kind, r.update.source, str(r.update.date)) for r in rows] == [
        ("projected", "i-Ready", "winter 2027 i-Ready"),
        (None, None, "2027-01-15"),
        (None, "unit test", "Q2 2026-27"),
    ]
    with pytest.raises(ProgressImportError, match="column actual \\(C\\): '23 \\(projected\\)'"):
        read_updates("id,date,actual\nG1,Q2,23 (projected)\n", "long.csv", _context())


# --- the target date, interim targets, missed checks, old projections (user trial) ---------

MCAS_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
goals:
  - id: G1
    statement: Meeting or exceeding rises from 10% to 14% by spring 2027 MCAS.
    metric: mcas_meeting_exceeding
    direction: increase
    baseline: {value: 10, period: SY2025-26}
    target: {value: 14, by: spring 2027 MCAS}
    status_updates:
      - {date: spring 2027 MCAS, actual: 13}
"""


def _plan(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_goal_past_its_target_date_is_met_or_not_met(run_sip: RunSip, tmp_path: Path) -> None:
    plan = _plan(tmp_path, MCAS_PLAN)
    g1 = _items(run_sip, plan, "--as-of", "2027-12-01")["G1"]
    assert g1["status"] == "off track"
    assert g1["reason"] == (
        "the target date spring 2027 MCAS has passed: 13 against a target of 14 (not met)"
    )
    assert g1["share"] is None
    met = _plan(tmp_path, MCAS_PLAN.replace("actual: 13}", "actual: 14}"))
    assert _items(run_sip, met, "--as-of", "2027-12-01")["G1"]["status"] == "met"


def test_a_goal_not_met_is_named_in_the_schools_scale(run_sip: RunSip, tmp_path: Path) -> None:
    plan = _plan(tmp_path, MCAS_PLAN)
    (tmp_path / ".sip.yaml").write_text(
        "status-scale:\n  levels:\n    - {name: progressing, at-least: 50}\n"
        "    - {name: stalled}\n",
        encoding="utf-8",
    )
    g1 = _items(run_sip, plan, "--as-of", "2027-12-01")["G1"]
    assert (g1["status"], g1["label"]) == ("off track", "stalled")
    assert "(not met)" in g1["reason"]


INTERIM_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
  horizon_years: 3
goals:
  - id: G1
    statement: Meeting or exceeding rises from 10% to 30% by spring 2029 MCAS.
    metric: mcas_meeting_exceeding
    direction: increase
    baseline: {value: 10, period: spring 2026 MCAS}
    target: {value: 30, by: spring 2029 MCAS}
    interim_targets:
      - {value: 12, by: spring 2027 MCAS}
      - {value: 20, by: spring 2028 MCAS}
    status_updates:
      - {date: spring 2027 MCAS, actual: 12}
"""


def test_the_path_goes_through_each_interim_target(run_sip: RunSip, tmp_path: Path) -> None:
    plan = _plan(tmp_path, INTERIM_PLAN)
    g1 = _items(run_sip, plan, "--as-of", "2028-03-01")["G1"]
    # 12 in spring 2027 is that year's interim target: on the path, not behind a straight line.
    assert (g1["status"], g1["expected"], g1["share"]) == ("on track", 12.0, 1.0)
    assert "expected by spring 2027 MCAS" in g1["reason"]
    # Once spring 2028's results are due and none is recorded, the interim target is overdue.
    late = _items(run_sip, plan, "--as-of", "2028-12-01")["G1"]
    assert late["status"] == "overdue"
    assert late["reason"] == (
        "no result recorded since spring 2027 MCAS and the interim target date "
        "spring 2028 MCAS has passed"
    )


def test_without_interim_targets_the_path_is_one_straight_line() -> None:
    from sipcli.monitor.progress import _on_path

    start, end = dt.date(2026, 1, 1), dt.date(2027, 1, 1)
    assert _on_path([(start, 0.0), (end, 10.0)], dt.date(2026, 7, 2)) == pytest.approx(5, abs=0.1)
    assert _on_path([(start, 0.0), (end, 10.0)], dt.date(2028, 1, 1)) == 10.0


CHECK_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
goals:
  - id: G1
    statement: Chronic absenteeism falls from 30% to 20% by June 2027.
    metric: chronic_absenteeism
    baseline: {value: 30, period: SY2025-26}
    target: {value: 20, by: 2027-06-01}
    benchmarks:
      - id: G1.B1
        statement: At least 80% of walkthroughs show the practice.
        type: early_evidence
        due: [2026-12-15, 2027-03-15]
        target: {value: 80, unit: percent}
        status_updates:
          - {date: 2026-12-10, actual: 75}
      - id: G1.B2
        statement: At most 24% of students are chronically absent by December.
        type: outcome
        due: [2026-12-15, 2027-03-15]
        target: {value: 24, unit: percent, comparison: at_most}
        status_updates:
          - {date: 2026-12-10, actual: 26}
"""


def test_a_benchmark_that_misses_its_check_is_not_on_track(run_sip: RunSip, tmp_path: Path) -> None:
    plan = _plan(tmp_path, CHECK_PLAN)
    # Before the check is due, 75 of 80 (94%) is progress on the way: on track.
    before = _items(run_sip, plan, "--as-of", "2026-12-12")
    assert before["G1.B1"]["status"] == "on track"
    after = _items(run_sip, plan, "--as-of", "2027-01-10")
    assert after["G1.B1"]["status"] == "at risk"
    assert after["G1.B1"]["reason"] == (
        "75% against a target of 80%: 94% of it, not met at the check due 2026-12-15"
    )
    # 26 against at most 24 is not met, though 24/26 is 92%.
    assert after["G1.B2"]["status"] == "at risk"
    assert "26% against a target of at most 24%" in after["G1.B2"]["reason"]
    assert "not met" in after["G1.B2"]["reason"]


def test_an_old_projection_goes_once_an_actual_of_its_period_is_in(
    run_sip: RunSip, period_plan: Path
) -> None:
    text = period_plan.read_text(encoding="utf-8").replace(
        "      - {date: winter 2027 i-Ready, actual: 23, kind: projected, source: i-Ready predicted}\n",
        "      - {date: winter 2027 i-Ready, actual: 23, kind: projected, source: i-Ready predicted}\n"
        "      - {date: Q3, actual: 25}\n",
    )
    period_plan.write_text(text, encoding="utf-8")
    g1 = _items(run_sip, period_plan, "--as-of", "2027-05-01")["G1"]
    assert g1["latest"]["actual"] == 25.0 and g1["projected"] is None


def test_reasons_name_the_baseline_period_not_a_worked_out_day(
    run_sip: RunSip, plan_file: Path
) -> None:
    g3 = _items(run_sip, plan_file, "--as-of", "2026-12-01")["G3"]
    assert g3["reason"] == (
        "no result recorded since the baseline (SY2025-26) and the target date 2026-10-01 "
        "has passed"
    )
    assert "2026-06-20" not in g3["reason"]


def test_import_keys_updates_by_period_and_reports_a_different_value(
    run_sip: RunSip, period_plan: Path, tmp_path: Path
) -> None:
    # The plan has {date: Q1, actual: 72}: a day inside Q1 is another update, Q1 itself the same.
    sheet = _csv(tmp_path, "id,date,actual\nG1.B1,2026-11-07,71\nG1.B1,Q1,74\n")
    result = run_sip("progress-import", period_plan, sheet)
    assert result.exit_code == 0, result.stderr
    assert "{date: 2026-11-07, actual: 71}" in period_plan.read_text(encoding="utf-8")
    assert (
        "G1.B1 already has 72 for Q1 2026-27; the sheet says 74: change it in the plan if the "
        "sheet is right; skipped"
    ) in result.stderr
    assert "actual: 74" not in period_plan.read_text(encoding="utf-8")


def test_import_sheet_q4_and_the_school_year_are_different_columns() -> None:
    rows = read_updates("id,Q4,SY2026-27\nG1,3,4\n", "s.csv", _context())
    assert [str(row.update.date) for row in rows] == ["Q4 2026-27", "SY2026-27"]


@pytest.mark.parametrize("cell", ["N/A", "n/a", "-", "\u2014", " "])
def test_import_no_data_cells_are_blank(cell: str) -> None:
    rows = read_updates(f"id,Q1,Q2\nG1,{cell},4\n", "s.csv", _context())
    assert [(str(row.update.date), row.update.actual) for row in rows] == [("Q2 2026-27", 4.0)]
    long = read_updates(f"id,date,actual,note\nG1,Q1,{cell},seen\n", "l.csv", _context())
    assert long[0].update.actual is None


def test_import_sheet_messages_keep_the_headers_case() -> None:
    with pytest.raises(ProgressImportError) as raised:
        read_updates("id,Q1\nG1,abc\n", "s.csv", _context())
    assert "column Q1 (B)" in raised.value.problems[0]


@pytest.mark.parametrize("columns", ["120", "80"])
def test_the_table_keeps_the_reason_readable(
    run_sip: RunSip, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    from .conftest import EXAMPLES

    monkeypatch.setenv("COLUMNS", columns)
    table = run_sip("progress", EXAMPLES / "k8" / "plan.yaml", "--as-of", "2027-03-01").stdout
    assert "no result recorded" in table
    assert max(len(line) for line in table.splitlines()) <= int(columns)


def test_as_of_a_term_names_the_plan_without_a_school_year(run_sip: RunSip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        PERIOD_PLAN.replace(
            "  type: initial\n  school_year: SY2026-27\n", "  kind: other\n  title: Our plan\n"
        )
        .replace("due: [Q1, Q2, Q3, EOY]", "due: [SY2026-27 Q1]")
        .replace("{date: Q1, actual: 72}", "{date: SY2026-27 Q1, actual: 72}"),
        encoding="utf-8",
    )
    result = run_sip("progress", plan, "--as-of", "Q2")
    assert result.exit_code == 2
    assert f"{plan}: --as-of 'Q2'" in result.stderr


def test_a_reason_gives_each_figure_its_unit(run_sip: RunSip, tmp_path: Path) -> None:
    # "75 against a target of 80" left a reader to guess: percent figures carry their sign.
    plan = _plan(tmp_path, CHECK_PLAN)
    reason = _items(run_sip, plan, "--as-of", "2027-01-10")["G1.B1"]["reason"]
    assert reason.startswith("75% against a target of 80%: ")  # type: ignore[union-attr]
