"""`sip init`: the questions it asks, the plan and the files it writes, what it says next."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from sipcli.validate.grades import parse_grades
from sipcli.validate.scaffold import SCHEMA_FILE_NAME, current_school_year, plan_skeleton

from .test_cli import _fill_placeholders

SCRIPTED = (
    "--school",
    "Maple Street Elementary",
    "--district",
    "Riverbend Public Schools",
    "--school-code",
    "09990105",
    "--district-code",
    "09990000",
    "--grades",
    "K-5",
    "--school-year",
    "2027-2028",
)


@pytest.fixture
def terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make `sip init` behave as in a terminal, so that CliRunner's input answers it."""
    monkeypatch.setattr("sipcli.cli.init._stdin_is_terminal", lambda: True)


def school_of(path: Path) -> dict[str, object]:
    data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    return {"school_year": data["plan"]["school_year"], **data["school"]}


def codes_of(run_sip, path: Path) -> set[str]:
    result = run_sip("validate", "-f", "json", path)
    return {d["code"] for d in json.loads(result.stdout)["diagnostics"]}


def test_options_fill_the_school_and_the_plan_validates_once_filled(
    run_sip, tmp_path: Path
) -> None:
    target = tmp_path / "maple.yaml"
    result = run_sip("init", "--no-input", target, *SCRIPTED)
    assert result.exit_code == 0
    school = school_of(target)
    assert school["name"] == "Maple Street Elementary"
    assert school["district"] == "Riverbend Public Schools"
    assert (school["org_code"], school["district_code"]) == ("09990105", "09990000")
    assert school["grades"] == ["K", 1, 2, 3, 4, 5]
    assert school["school_year"] == "SY2027-28"
    assert school["principal"] == "<principal's name>"  # the rest stays to be filled in
    assert codes_of(run_sip, target) == {"SIP108"}
    target.write_text(_fill_placeholders(target.read_text(encoding="utf-8")), encoding="utf-8")
    assert run_sip("validate", target).exit_code == 0
    assert school_of(target)["name"] == "Maple Street Elementary"


def test_without_answers_every_value_is_a_placeholder(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    assert run_sip("init", "--no-input", target).exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert text == plan_skeleton(f"./{SCHEMA_FILE_NAME}")
    assert "  name: <school name>\n" in text
    assert "school_year: <school year the plan starts, e.g. SY2026-27>\n" in text
    grades = next(line for line in text.splitlines() if line.startswith("  grades:"))
    assert grades == (
        "  grades: [<every grade served as a number or K or PK>]"
        "  # each grade, not a range: [K, 1, 2, 3, 4, 5]"
    )


def test_grades_line_lists_every_grade_and_keeps_its_comment(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    run_sip("init", "--no-input", "--grades", "PK-2", target)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert "  grades: [PK, K, 1, 2]  # every grade served, not a range" in lines


@pytest.mark.parametrize(
    ("answer", "grades"),
    [
        ("K-5", ["K", "1", "2", "3", "4", "5"]),
        ("PK-8", ["PK", "K", "1", "2", "3", "4", "5", "6", "7", "8"]),
        ("9-12", ["9", "10", "11", "12"]),
        ("K,1,2", ["K", "1", "2"]),
        ("k, 1, 2", ["K", "1", "2"]),
        ("K 1 2", ["K", "1", "2"]),
        ("Pre-K-1", ["PK", "K", "1"]),
        ("PK, K-2", ["PK", "K", "1", "2"]),
        ("K to 3", ["K", "1", "2", "3"]),
        ("kindergarten through 2", ["K", "1", "2"]),
        ("6\u20138", ["6", "7", "8"]),
        ("09-10", ["9", "10"]),
        ("5, K", ["K", "5"]),
        ("3", ["3"]),
    ],
)
def test_grades_expand_to_every_grade_served(answer: str, grades: list[str]) -> None:
    assert parse_grades(answer) == grades


@pytest.mark.parametrize(
    ("answer", "message"),
    [
        ("K-13", "'13' is not a grade; grades are PK, K and 1 to 12"),
        ("5-K", "'5-K' runs backwards; write the lowest grade first, e.g. K-5"),
        ("K-", "'K-' is not a range of grades"),
        ("1-2-3", "'1-2-3' is not a range of grades"),
        ("K-2, 2", "grade 2 is named twice"),
        ("  ", "no grades given"),
        ("elementary", "'ELEMENTARY' is not a grade"),
    ],
)
def test_grades_that_cannot_be_read_say_how_to_write_them(answer: str, message: str) -> None:
    with pytest.raises(ValueError) as error:
        parse_grades(answer)
    assert message.lower() in str(error.value).lower()


@pytest.mark.parametrize(
    ("today", "school_year"),
    [
        (dt.date(2026, 12, 2), "SY2026-27"),
        (dt.date(2027, 3, 15), "SY2026-27"),
        (dt.date(2027, 6, 18), "SY2026-27"),
        (dt.date(2027, 9, 8), "SY2027-28"),
    ],
)
def test_the_default_school_year_is_the_one_today_falls_in(
    today: dt.date, school_year: str
) -> None:
    assert current_school_year(today) == school_year


@pytest.mark.usefixtures("terminal")
def test_in_a_terminal_it_asks_and_writes_the_answers(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    answers = "Maple Street Elementary\nRiverbend\n09990105\n09990000\nK-2\nSY2027-28\n"
    result = run_sip("init", target, input=answers)
    assert result.exit_code == 0
    for question in (
        "School name:",
        "District:",
        "School's DESE org code, 8 digits (optional):",
        "District's DESE org code, 8 digits (optional):",
        "Grades served, e.g. K-5, PK-8, 9-12 or K,1,2 (optional):",
        f"School year the plan starts [{current_school_year(dt.date.today())}]:",
    ):
        assert question in result.stderr
    assert "The plan lists every grade served: K, 1, 2" in result.stderr
    school = school_of(target)
    assert (school["name"], school["district"]) == ("Maple Street Elementary", "Riverbend")
    assert (school["org_code"], school["district_code"]) == ("09990105", "09990000")
    assert (school["grades"], school["school_year"]) == (["K", 1, 2], "SY2027-28")


@pytest.mark.usefixtures("terminal")
def test_skipped_questions_stay_placeholders_and_enter_takes_this_school_year(
    run_sip, tmp_path: Path
) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip("init", target, input="Maple\nRiverbend\n\n\n\n\n")
    assert result.exit_code == 0
    school = school_of(target)
    assert school["org_code"] == "<8-digit DESE school code>"
    assert school["grades"] == ["<every grade served as a number or K or PK>"]
    assert school["school_year"] == current_school_year(dt.date.today())


@pytest.mark.usefixtures("terminal")
def test_a_wrong_answer_is_asked_again_with_what_is_wrong(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    answers = "\nMaple\nRiverbend\n123\n09990105\n\nK-13\nK-5\n2027-29\n2027-28\n"
    result = run_sip("init", target, input=answers)
    assert result.exit_code == 0
    assert "Error: the school name is empty; type it as DESE lists it" in result.stderr
    assert "Error: '123' is not a DESE school code: it has 8 digits" in result.stderr
    assert "Error: '13' is not a grade" in result.stderr
    assert "Error: '2027-29' spans 2027 to 2029" in result.stderr
    assert result.stderr.count("School name:") == 2
    assert result.stderr.count("Grades served") == 2
    school = school_of(target)
    assert (school["name"], school["org_code"]) == ("Maple", "09990105")
    assert (school["grades"], school["school_year"]) == (["K", 1, 2, 3, 4, 5], "SY2027-28")


@pytest.mark.usefixtures("terminal")
def test_options_skip_their_questions(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip(
        "init", target, "--school", "Maple", "--grades", "9-12", input="Riverbend\n\n\n\n"
    )
    assert result.exit_code == 0
    assert "School name" not in result.stderr
    assert "Grades served" not in result.stderr
    assert "District:" in result.stderr
    school = school_of(target)
    assert (school["name"], school["district"], school["grades"]) == (
        "Maple",
        "Riverbend",
        [9, 10, 11, 12],
    )


@pytest.mark.usefixtures("terminal")
def test_no_input_never_asks_even_in_a_terminal(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip("init", "--no-input", target, input="Maple\n")
    assert result.exit_code == 0
    assert "School name" not in result.stderr
    assert school_of(target)["name"] == "<school name>"


def test_without_a_terminal_it_never_asks(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip("init", target, input="Maple\n")
    assert result.exit_code == 0
    assert "School name" not in result.stderr
    assert school_of(target)["name"] == "<school name>"


@pytest.mark.usefixtures("terminal")
def test_input_ending_before_the_last_answer_writes_nothing(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip("init", target, input="Maple\n")
    assert result.exit_code == 2
    assert "sip: error: stopped before the plan was written; no file was written" in (result.stderr)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.usefixtures("terminal")
def test_an_existing_plan_is_refused_before_any_question(run_sip, minimal_plan: Path) -> None:
    before = minimal_plan.read_text(encoding="utf-8")
    result = run_sip("init", minimal_plan, input="Maple\n")
    assert result.exit_code == 2
    assert "School name" not in result.stderr
    assert "pass --force" in result.stderr
    assert minimal_plan.read_text(encoding="utf-8") == before


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--school-code", "123", "--school-code: '123' is not a DESE school code"),
        ("--district-code", "0035", "--district-code: '0035' is not a DESE district code"),
        ("--grades", "K-13", "--grades: '13' is not a grade"),
        ("--school-year", "2027", "--school-year: '2027' is not a school year"),
        ("--school", " ", "--school: the school name is empty"),
    ],
)
def test_a_wrong_option_exits_2_and_writes_nothing(
    run_sip, tmp_path: Path, option: str, value: str, message: str
) -> None:
    result = run_sip("init", "--no-input", tmp_path / "plan.yaml", option, value)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"sip: error: {message}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    "name", ["Lincoln: East #2", "yes", "1901 Academy", '"Quoted" School', "École Saint-Jean"]
)
def test_names_yaml_would_misread_are_quoted(run_sip, tmp_path: Path, name: str) -> None:
    target = tmp_path / "plan.yaml"
    assert run_sip("init", "--no-input", "--school", name, target).exit_code == 0
    assert school_of(target)["name"] == name
    assert codes_of(run_sip, target) == {"SIP108"}


def test_it_writes_the_plan_and_the_schema_and_names_both(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plans" / "maple.yaml"
    result = run_sip("init", "--no-input", target)
    assert sorted(path.name for path in target.parent.iterdir()) == ["maple.yaml", SCHEMA_FILE_NAME]
    assert target.read_text(encoding="utf-8").startswith(
        f"# yaml-language-server: $schema=./{SCHEMA_FILE_NAME}\n"
    )
    lines = result.stderr.splitlines()
    assert (
        lines[0]
        == f"Wrote {target}, a new plan, with every section and DESE's expectations as comments."
    )
    assert lines[1].startswith(f"Wrote {target.parent / SCHEMA_FILE_NAME}, the plan format: ")
    assert "--schema-url URL points elsewhere and writes no such file" in lines[1]


def test_an_existing_schema_is_kept_and_named(run_sip, tmp_path: Path) -> None:
    schema = tmp_path / SCHEMA_FILE_NAME
    schema.write_text("{}", encoding="utf-8")
    result = run_sip("init", "--no-input", tmp_path / "plan.yaml")
    assert result.exit_code == 0
    assert schema.read_text(encoding="utf-8") == "{}"
    assert f"Kept {schema}, a plan format already there but not this sip's" in result.stderr
    assert f"sip schema -o {schema} brings it up to date" in result.stderr


def test_a_schema_of_this_sip_is_kept_as_up_to_date(run_sip, tmp_path: Path) -> None:
    assert run_sip("init", "--no-input", tmp_path / "a.yaml").exit_code == 0
    result = run_sip("init", "--no-input", tmp_path / "b.yaml")
    assert result.exit_code == 0
    schema = tmp_path / SCHEMA_FILE_NAME
    assert f"Kept {schema}, this sip's plan format, already there" in result.stderr
    assert "brings it up to date" not in result.stderr


def test_a_schema_url_writes_only_the_plan(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "plan.yaml"
    result = run_sip("init", "--no-input", target, "--schema-url", "https://example.org/s.json")
    assert result.exit_code == 0
    assert [path.name for path in tmp_path.iterdir()] == ["plan.yaml"]
    assert "schema" not in result.stderr.split("Next steps:")[0].replace(str(target), "")


def test_it_ends_with_the_three_next_steps(run_sip, tmp_path: Path) -> None:
    target = tmp_path / "my plans" / "maple.yaml"
    result = run_sip("init", "--no-input", "--school", "Maple", target)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert f"Wrote {target}, a new plan for Maple, with every section" in result.stderr
    quoted = f"'{target}'"
    assert result.stderr.endswith(
        "Next steps:\n"
        "  1. Fill in school, plan and stakeholder_engagement, then each stage in order:\n"
        "     replace each <placeholder>, delete what does not apply.\n"
        f"  2. sip status {quoted} shows what is done and what is left;"
        f" sip validate {quoted} checks it.\n"
        f"  3. sip render {quoted} --draft previews the document so far, gaps and all.\n"
    )
