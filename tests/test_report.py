"""`sip report`: the district rollup over a folder of plans."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLES, MINIMAL_PLAN


def test_one_row_per_plan_with_scores_and_missing_stages(run_sip) -> None:
    result = run_sip("report", EXAMPLES, "-f", "json", "--as-of", "2027-01-15")
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["version"] == 1 and output["as_of"] == "2027-01-15"
    by_school = {row["school"]: row for row in output["schools"]}
    assert len(by_school) == 4
    flawed = by_school["Riverside Middle School"]
    assert flawed["goals"] == 5 and flawed["benchmarks"] == 5
    assert flawed["missing_stages"] == ["Vision", "District systems"]
    assert flawed["average_score"] < by_school["Maple Street Elementary School"]["average_score"]
    # No result recorded in the elementary plan: its checks due by mid-January are overdue.
    assert by_school["Maple Street Elementary School"]["overdue"] > 0
    # The middle school's G2.B2 stands at 38 of its 60 in November: off track.
    middle = by_school["Harbor View Middle School"]
    assert (middle["off_track"], middle["overdue"]) == (1, 9)
    assert [row["district"] for row in output["schools"]] == sorted(
        row["district"] for row in output["schools"]
    )


def test_an_invalid_plan_is_listed_and_exits_1(run_sip, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(MINIMAL_PLAN.replace("initial", "intial"), encoding="utf-8")
    result = run_sip("report", tmp_path, "-f", "json")
    assert result.exit_code == 1
    output = json.loads(result.stdout)
    assert [item["file"] for item in output["invalid"]] == [str(tmp_path / "bad.yaml")]
    row = output["schools"][0]
    assert row["goals"] == 0 and row["average_score"] is None
    assert "Goals and benchmarks" in row["missing_stages"]


def test_markdown_and_html_pages(run_sip, tmp_path: Path) -> None:
    markdown = run_sip("report", EXAMPLES, "-f", "markdown").stdout
    assert markdown.startswith("# Improvement plans: district rollup")
    assert "| School | District | Year |" in markdown
    target = tmp_path / "rollup.html"
    assert run_sip("report", EXAMPLES, "-f", "html", "-o", target).exit_code == 0
    html = target.read_text(encoding="utf-8")
    assert '<html lang="en">' in html and '<th scope="col">School</th>' in html


def test_table_and_summary(run_sip) -> None:
    result = run_sip("report", EXAMPLES)
    assert "Maple Street" in result.stdout and "4 plans as of" in result.stdout


def test_bad_date_and_missing_folder_exit_2(run_sip, tmp_path: Path) -> None:
    assert run_sip("report", EXAMPLES, "--as-of", "June 2027").exit_code == 2
    assert run_sip("report", tmp_path / "nowhere").exit_code == 2
