"""`sip report`: the district rollup over a folder of plans."""

from __future__ import annotations

import json
from pathlib import Path

from .conftest import EXAMPLES, MINIMAL_PLAN

#: Every plan of the examples folder (sip report reads the *.yaml and *.yml files under it,
#: hidden ones such as .sip.yaml excepted).
EXAMPLE_PLANS = sorted(
    path
    for path in [*EXAMPLES.rglob("*.yaml"), *EXAMPLES.rglob("*.yml")]
    if not any(part.startswith(".") for part in path.relative_to(EXAMPLES).parts)
)


def test_one_row_per_plan_with_scores_and_missing_stages(run_sip) -> None:
    result = run_sip("report", EXAMPLES, "-f", "json", "--as-of", "2027-01-15")
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert output["version"] == 1 and output["as_of"] == "2027-01-15"
    by_school = {row["school"]: row for row in output["schools"]}
    # One row per plan: the examples folder grows as examples are added.
    assert len(by_school) == len(output["schools"]) == len(EXAMPLE_PLANS)
    flawed = by_school["Riverside Middle School"]
    assert flawed["goals"] == 5 and flawed["benchmarks"] == 5
    assert flawed["missing_stages"] == ["Envisioning the future", "District systems of support"]
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
    assert "Maple Street" in result.stdout
    assert f"{len(EXAMPLE_PLANS)} plans as of" in result.stdout


def test_bad_date_and_missing_folder_exit_2(run_sip, tmp_path: Path) -> None:
    bad = run_sip("report", EXAMPLES, "--as-of", "Junetember 2027")
    assert bad.exit_code == 2
    assert "--as-of 'Junetember 2027' is not a date or a period" in bad.stderr
    assert "spring 2027 MCAS" in bad.stderr  # the forms sip reads
    assert run_sip("report", tmp_path / "nowhere").exit_code == 2


def test_the_schools_scale_names_the_standing(run_sip, tmp_path: Path) -> None:
    from .test_progress import PERIOD_PLAN, SCALE

    (tmp_path / ".sip.yaml").write_text(SCALE, encoding="utf-8")
    (tmp_path / "plan.yaml").write_text(PERIOD_PLAN, encoding="utf-8")
    result = run_sip("report", tmp_path, "-f", "json", "--as-of", "SY2026-27 Q2")
    assert result.exit_code == 0, result.stderr
    output = json.loads(result.stdout)
    assert (output["as_of"], output["as_of_period"]) == ("2027-01-30", "Q2 2026-27")
    (row,) = output["schools"]
    # G1.B1's 72 of 80 missed its Q1 check: at best at risk, named as the scale names it.
    assert row["standing"] == {"off track but recoverable": 1, "no data": 1}
    assert row["projected"] == 0  # the winter projection is known only on 2027-02-13
    markdown = run_sip("report", tmp_path, "-f", "markdown", "--as-of", "2027-03-01").stdout
    assert "1 check missed, 1 no data, 1 with a projection (not counted)" in markdown


def test_a_plan_without_school_year_or_type_prints_none_invented(run_sip, tmp_path: Path) -> None:
    from .test_progress import PERIOD_PLAN

    plan = (
        PERIOD_PLAN.replace(
            "  type: initial\n  school_year: SY2026-27\n", "  kind: other\n  title: Our plan\n"
        )
        .replace("due: [Q1, Q2, Q3, EOY]", "due: [SY2026-27 Q1]")
        .replace("{date: Q1, actual: 72}", "{date: SY2026-27 Q1, actual: 72}")
    )
    (tmp_path / "plan.yaml").write_text(plan, encoding="utf-8")
    result = run_sip("report", tmp_path, "-f", "json", "--as-of", "2027-01-15")
    assert result.exit_code == 0, result.stderr
    (row,) = json.loads(result.stdout)["schools"]
    assert row["school_year"] is None and row["plan_type"] is None
    markdown = run_sip("report", tmp_path, "-f", "markdown", "--as-of", "2027-01-15").stdout
    assert "| Test School | Test District |  | 1 | 1 |" in markdown
    # A bare term cannot be read for it: the plan is listed, named, as not judged (exit 1).
    (tmp_path / "other.yaml").write_text(PERIOD_PLAN, encoding="utf-8")
    bare = run_sip("report", tmp_path, "-f", "json", "--as-of", "Q2")
    assert bare.exit_code == 1, bare.stderr
    output = json.loads(bare.stdout)
    (judged,) = output["not_judged"]
    assert judged["file"] == str(tmp_path / "plan.yaml")
    assert "plan.school_year is not set" in judged["reason"]
    assert [row["file"] for row in output["schools"]] == [str(tmp_path / "other.yaml")]
    table = run_sip("report", tmp_path, "--as-of", "Q2").stdout
    assert "Not judged:" in table and "plan.yaml" in table
    assert "1 plan as of" in table and "1 plan not judged" in table


def test_missing_stages_follow_the_kind_and_rows_name_their_file(run_sip, tmp_path: Path) -> None:
    council = MINIMAL_PLAN.replace("  type: initial\n", "  kind: school_improvement\n")
    (tmp_path / "a.yaml").write_text(council, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(council, encoding="utf-8")
    output = json.loads(run_sip("report", tmp_path, "-f", "json").stdout)
    stages = output["schools"][0]["missing_stages"]
    assert "Executive summary" not in stages and "Envisioning the future" not in stages
    assert "District systems of support" not in stages and "Goals and benchmarks" in stages
    markdown = run_sip("report", tmp_path, "-f", "markdown").stdout
    assert "a.yaml | Test School |" in markdown and "b.yaml | Test School |" in markdown
    assert "Benchmarks overdue" in markdown and "Standing (goals and benchmarks)" in markdown


def test_one_plan_and_one_problem_are_singular(run_sip, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(MINIMAL_PLAN, encoding="utf-8")
    (tmp_path / "bad.yaml").write_text(MINIMAL_PLAN.replace("initial", "intial"), encoding="utf-8")
    table = run_sip("report", tmp_path).stdout
    assert "1 plan as of" in table and "0 goals" in table
    assert "(1 problem)" in table and "1 plan is not valid" in table
    assert "1 plans" not in table and "(1 problems)" not in table
