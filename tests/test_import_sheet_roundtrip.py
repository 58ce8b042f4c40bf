"""A goal sheet exported from each example plan imports back to the same goals and benchmarks.

sip has no command that writes goals as a spreadsheet (`sip progress` writes a table, JSON or
Markdown; `sip render` a document), so the sheet is written here the way a consultant keeps
one: a title row naming the school and the school year, one row per goal and per benchmark
(the benchmark's id says whose it is), and one column per period of the status updates, a
projection or an early result in a column of its own ("fall 2026 i-Ready (projected)").

The fields compared, for every example in ``EXAMPLE_PLANS``, as CSV and as XLSX:

- goals: id, statement, measure_source, student_group, baseline value and period, target
  value, by and period, owner, priority, grades, subject and direction;
- benchmarks: id, statement, type, audience, frequency, due, data_source, owner, target value;
- status updates of both: date, actual and kind (actual, projected or preliminary).

Dates and periods are compared by what they mean in the plan's school year (the sheet's
"Q1" comes back as "Q1 2026-27", the same quarter). What a sheet has no column for (a
baseline's note, an interim target, a status update's note) is not compared: the whole plan
is compared by the Word round trip (tests/test_import_roundtrip.py).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sipcli.model.labels import label_table
from sipcli.periods import PeriodContext, read_when
from tests.conftest import EXAMPLE_PLANS

HEADERS = [
    "ID",
    "Goal or benchmark",
    "Type",
    "Measure",
    "Students",
    "Baseline",
    "Baseline period",
    "Target",
    "Target period",
    "By",
    "Checkpoints",
    "Owner",
    "Priority",
    "Grades",
    "Subject",
    "Direction",
    "Audience",
    "How often",
]
_KIND_WORDS = {None: "actual", "actual": "actual", "projected": "projected"}


def load(path: Path) -> dict[str, Any]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


# --- the exporter: a consultant's goal sheet ----------------------------------------------


def _periods(plan: dict[str, Any]) -> list[tuple[str, str]]:
    """Each (period, kind) of a status update in the plan, in the order first met."""
    seen: dict[tuple[str, str], None] = {}
    for goal in plan.get("goals", []):
        for item in [goal, *(goal.get("benchmarks") or [])]:
            for update in item.get("status_updates") or []:
                seen[(str(update["date"]), update.get("kind") or "actual")] = None
    return list(seen)


def _figure(value: float | None, unit: str | None) -> str:
    if value is None:
        return ""
    text = str(int(value)) if float(value).is_integer() else str(value)
    return f"{text}%" if unit == "percent" else text


def sheet_rows(plan: dict[str, Any]) -> list[list[Any]]:
    """The goal sheet as rows of values: numbers as numbers (a percentage as 23 and unit)."""
    periods = _periods(plan)
    school = plan["school"]["name"]
    width = len(HEADERS) + len(periods)
    rows: list[list[Any]] = [[f"{school}: goals and results {plan['plan']['school_year']}"]]
    rows[0] += [""] * (width - 1)
    rows.append(HEADERS + [f"{period} ({kind})" for period, kind in periods])
    groups = label_table("student_group")
    words = {table: label_table(table) for table in ("subject", "direction", "audience", "cadence")}
    for goal in plan.get("goals", []):
        baseline, target = goal.get("baseline") or {}, goal.get("target") or {}
        row: list[Any] = [
            goal["id"],
            goal["statement"],
            "",
            goal.get("measure_source", ""),
            groups.get(goal.get("student_group", ""), goal.get("student_group", "")),
            (baseline.get("value"), goal.get("unit")),
            baseline.get("period", ""),
            (target.get("value"), goal.get("unit")),
            target.get("period", ""),
            str(target.get("by", "")),
            "",
            goal.get("owner", ""),
            goal.get("priority", ""),
            ", ".join(str(grade) for grade in goal.get("grades") or []),
            words["subject"].get(goal.get("subject", ""), ""),
            words["direction"].get(goal.get("direction", ""), ""),
            "",
            "",
        ]
        rows.append(row + _results(goal, periods, goal.get("unit")))
        for benchmark in goal.get("benchmarks") or []:
            aim = benchmark.get("target") or {}
            unit = aim.get("unit")
            row = [
                benchmark["id"],
                benchmark["statement"],
                benchmark["type"].replace("_", " "),
                benchmark.get("data_source", ""),
                "",
                (None, None),
                "",
                (aim.get("value"), unit),
                "",
                "",
                "; ".join(str(due) for due in benchmark["due"]),
                benchmark.get("owner", ""),
                *("", "", "", ""),
                words["audience"].get(benchmark.get("audience", ""), ""),
                words["cadence"].get(benchmark.get("frequency", ""), ""),
            ]
            rows.append(row + _results(benchmark, periods, unit))
    return rows


def _results(item: dict[str, Any], periods: list[tuple[str, str]], unit: str | None) -> list[Any]:
    by_period = {
        (str(u["date"]), u.get("kind") or "actual"): u for u in item.get("status_updates") or []
    }
    cells: list[Any] = []
    for key in periods:
        update = by_period.get(key)
        cells.append((update.get("actual"), unit) if update else "")
    return cells


def as_csv(rows: list[list[Any]]) -> bytes:
    """The sheet as a spreadsheet saves it as CSV: percentages typed as "23%"."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow([_figure(*cell) if isinstance(cell, tuple) else cell for cell in row])
    return buffer.getvalue().encode("utf-8")


def as_xlsx(rows: list[list[Any]]) -> bytes:
    """The sheet as a workbook: percentages stored as 0.23 shown as 23%, a merged title."""
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "Goals"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            cell = sheet.cell(r, c)
            if isinstance(value, tuple):
                number, unit = value
                if number is None:
                    continue
                if unit == "percent":
                    cell.value = number / 100
                    cell.number_format = "0%" if float(number).is_integer() else "0.0%"
                else:
                    cell.value = number
            elif value != "":
                cell.value = value
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=len(rows[1]))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# --- what is compared ---------------------------------------------------------------------


def _when(value: Any, year: int) -> tuple[dt.date, dt.date] | None:
    if value is None:
        return None
    when = read_when(str(value), PeriodContext(school_year=year))
    return (when.start, when.end)


def _number(value: Any) -> float | None:
    return None if value is None else round(float(value), 6)


def _updates(item: dict[str, Any], year: int) -> list[tuple[Any, ...]]:
    return sorted(
        (_when(u["date"], year), _number(u.get("actual")), u.get("kind") or "actual")
        for u in item.get("status_updates") or []
    )


def compared(plan: dict[str, Any]) -> list[dict[str, Any]]:
    """The goals' and benchmarks' fields the round trip must keep (see the module docstring)."""
    year = int(str(plan["plan"]["school_year"])[2:6])
    goals = []
    for goal in plan.get("goals", []):
        baseline, target = goal.get("baseline") or {}, goal.get("target") or {}
        benchmarks = [
            {
                "id": b["id"],
                "statement": b["statement"],
                "type": b["type"],
                "due": [_when(due, year) for due in b["due"]],
                "data_source": b.get("data_source"),
                "owner": b.get("owner"),
                "target": _number((b.get("target") or {}).get("value")),
                "audience": b.get("audience"),
                "frequency": b.get("frequency"),
                "status_updates": _updates(b, year),
            }
            for b in goal.get("benchmarks") or []
        ]
        goals.append(
            {
                "id": goal["id"],
                "statement": goal["statement"],
                "measure_source": goal.get("measure_source"),
                "student_group": goal.get("student_group"),
                "baseline": (_number(baseline.get("value")), baseline.get("period")),
                "target": (
                    _number(target.get("value")),
                    _when(target.get("by"), year),
                    target.get("period"),
                ),
                "owner": goal.get("owner"),
                "priority": goal.get("priority"),
                "grades": [str(grade) for grade in goal.get("grades") or []],
                "subject": goal.get("subject"),
                "direction": goal.get("direction"),
                "status_updates": _updates(goal, year),
                "benchmarks": benchmarks,
            }
        )
    return goals


# --- the round trip -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["csv", "xlsx"])
@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=lambda path: path.parent.name + path.stem)
def test_a_goal_sheet_exported_from_an_example_imports_back_to_its_goals(
    run_sip, tmp_path: Path, example: Path, kind: str
) -> None:
    original = load(example)
    assert original.get("goals"), f"{example} has no goals to export"
    rows = sheet_rows(original)
    source = tmp_path / f"goals.{kind}"
    source.write_bytes(as_csv(rows) if kind == "csv" else as_xlsx(rows))
    plan = tmp_path / "plan.yaml"
    result = run_sip("import", source, "-o", plan)
    assert result.exit_code == 0, result.stderr
    text = plan.read_text(encoding="utf-8")
    imported = load(plan)
    assert imported["plan"]["school_year"] == original["plan"]["school_year"]
    assert compared(imported) == compared(original)
    # every cell of the sheet was placed: nothing was left for the team to place by hand
    kept = [line for line in text.splitlines() if line.startswith("# Not imported")]
    assert kept == [], text


def test_the_exporter_writes_actual_and_projected_results_apart() -> None:
    """The sheet the round trip reads keeps a projection out of the actual results' column."""
    council = next(path for path in EXAMPLE_PLANS if path.stem == "school-council")
    rows = sheet_rows(load(council))
    header = rows[1]
    assert "fall 2026 i-Ready (projected)" in header
    assert "Q1 (actual)" in header
    g1b2 = next(row for row in rows if row[0] == "G1.B2")
    assert g1b2[header.index("fall 2026 i-Ready (projected)")] == (35, "percent")
    assert g1b2[header.index("Q1 (actual)")] == ""


# --- what a real progress sheet holds besides figures ---------------------------------------


def test_n_a_gives_no_result_a_date_is_kept_and_a_projection_waits_for_its_period(
    run_sip, tmp_path: Path
) -> None:
    """The progress sheet of tests/sheet_fixtures.py, in both formats."""
    from tests.sheet_fixtures import progress_sheet_csv, progress_sheet_xlsx

    for kind, data in (("csv", progress_sheet_csv()), ("xlsx", progress_sheet_xlsx())):
        source = tmp_path / f"progress.{kind}"
        source.write_bytes(data)
        plan = tmp_path / f"progress-{kind}.yaml"
        assert run_sip("import", source, "-o", plan).exit_code == 0
        text = plan.read_text(encoding="utf-8")
        g1, _, g3 = load(plan)["goals"]
        dates = [str(update["date"]) for update in g1["status_updates"]]
        # G1's Q3 says "n/a": no result, and no note saying "n/a" either
        assert "Q3 2025-26" not in dates
        assert "n/a" not in text
        # the projection of a column naming no period: its figure, its kind, a period to fill
        projected = [u for u in g1["status_updates"] if u.get("kind") == "projected"]
        assert [u["actual"] for u in projected] == [36.5]  # the XLSX stores 0.365, shows 37%
        assert str(projected[0]["date"]).startswith("<when: the header 'Projected (i-Ready)'")
        # G3's EOY cell holds a date, not a result: kept verbatim, not made a note
        assert [str(u["date"]) for u in g3["status_updates"]] == ["Q1 2025-26"]
        assert "EOY: 2026-06-12" in text.split("# Not imported", 2)[-1]


UNUSUAL = [
    ["Aim #", "What we'll see", "Start pt", "Finish line", "Deadline?", "Lead", "Champion"],
    ["A1", "Nine in ten families attend a fall conference.", "71%", "90%", "June 2027",
     "Conference sign-in sheets", "Family liaison"],
    ["A2", "Chronic absenteeism falls below one in five students.", "24.6%", "19%",
     "SY2026-27", "Attendance report", "Dean of students"],
]  # fmt: skip


def test_map_reads_a_sheet_whose_headers_sip_does_not_know(run_sip, tmp_path: Path) -> None:
    source = tmp_path / "aims.csv"
    source.write_bytes(as_csv(UNUSUAL))
    guessed = tmp_path / "guessed.yaml"
    assert run_sip("import", source, "-o", guessed).exit_code == 0
    assert "goals" not in load(guessed)  # no header says goal: sip guesses none
    kept_text = guessed.read_text("utf-8").split("\n# Not imported", 1)[1]
    assert "Nine in ten families attend a fall conference." in kept_text  # kept, not lost

    mapped = tmp_path / "mapped.yaml"
    pairs = {
        "Aim #": "id",
        "What we'll see": "statement",
        "Start pt": "baseline.value",
        "Finish line": "target.value",
        "Deadline?": "target.by",
        "Lead": "measure_source",  # sip would read "Lead" as the owner: the map wins
        "Champion": "owner",
    }
    arguments = [part for column, name in pairs.items() for part in ("--map", f"{column}={name}")]
    result = run_sip("import", source, "-o", mapped, *arguments)
    assert result.exit_code == 0, result.stderr
    goals = load(mapped)["goals"]
    assert [
        (g["id"], g["baseline"]["value"], g["target"]["value"], str(g["target"]["by"]))
        for g in goals
    ] == [("A1", 71, 90, "June 2027"), ("A2", 24.6, 19, "SY2026-27")]
    assert goals[0]["statement"] == "Nine in ten families attend a fall conference."
    assert (goals[1]["measure_source"], goals[1]["owner"]) == (
        "Attendance report",
        "Dean of students",
    )
    kept = [
        line for line in mapped.read_text("utf-8").splitlines() if line.startswith("# Not imported")
    ]
    assert kept == []


def test_map_to_a_field_sip_does_not_import_is_refused_and_writes_nothing(
    run_sip, tmp_path: Path
) -> None:
    source = tmp_path / "aims.csv"
    source.write_bytes(as_csv(UNUSUAL))
    plan = tmp_path / "plan.yaml"
    result = run_sip("import", source, "-o", plan, "--map", "Champion=champion")
    assert result.exit_code == 2
    assert "'champion' is not a field sip imports" in result.stderr
    assert "Traceback" not in result.stderr
    assert not plan.exists()
