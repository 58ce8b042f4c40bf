"""`sip init`: a new plan with every section, ready to fill in.

In a terminal it asks for the facts a team knows on day one (school, district, DESE codes,
grades served, school year); options give the same facts to scripts, and ``--no-input``
never asks. What is not answered stays a ``<placeholder>``. It says which files it wrote and
ends with the next three steps, all on standard error.
"""

from __future__ import annotations

import datetime as dt
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, TypeVar

import typer

from sipcli.cli.support import fail, write_or_fail
from sipcli.cli.terminal import say

if TYPE_CHECKING:
    from sipcli.validate.scaffold import PlanAnswers

T = TypeVar("T")


def register(app: typer.Typer) -> None:
    """Add `sip init` to ``app``."""
    app.command("init")(init)


def init(
    path: Annotated[
        Path, typer.Argument(help="Where to write the new plan, e.g. plans/lincoln.yaml.")
    ],
    school: Annotated[
        str | None, typer.Option("--school", help="The school's name, as DESE lists it.")
    ] = None,
    district: Annotated[str | None, typer.Option("--district", help="The district's name.")] = None,
    school_code: Annotated[
        str | None,
        typer.Option("--school-code", help="The school's 8-digit DESE org code, e.g. 00010505."),
    ] = None,
    district_code: Annotated[
        str | None,
        typer.Option(
            "--district-code", help="The district's 8-digit DESE org code, e.g. 00010000."
        ),
    ] = None,
    grades: Annotated[
        str | None,
        typer.Option("--grades", help="The grades served: K-5, PK-8, 9-12 or K,1,2."),
    ] = None,
    school_year: Annotated[
        str | None,
        typer.Option(
            "--school-year",
            help="The school year the plan starts, e.g. SY2026-27; in a terminal, "
            "Enter takes the current school year.",
        ),
    ] = None,
    no_input: Annotated[
        bool,
        typer.Option(
            "--no-input",
            help="Never ask; what no option gives stays a <placeholder>. Also the case "
            "when standard input is not a terminal.",
        ),
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite the file if it exists.")
    ] = False,
    schema_url: Annotated[
        str | None,
        typer.Option(
            "--schema-url",
            help="The schema location for the editor modeline; then no schema file is "
            "written. By default sip writes sip-plan.schema.json beside the plan (unless "
            "one is there) and points to it.",
        ),
    ] = None,
) -> None:
    """Write a new plan with every section, ready to fill in, and say what to do next.

    In a terminal, sip asks for the school, district, DESE codes, grades and school year;
    the options answer those questions for scripts. The rest stays <placeholders>.
    """
    from sipcli.validate.scaffold import SCHEMA_FILE_NAME, plan_skeleton

    if path.exists() and not force:
        fail(f"{path} already exists; choose another name or pass --force to overwrite it")
    answers = _from_options(school, district, school_code, district_code, grades, school_year)
    if not no_input and _stdin_is_terminal():
        answers = _ask(answers)
    modeline = f"./{SCHEMA_FILE_NAME}" if schema_url is None else schema_url
    write_or_fail(path, plan_skeleton(modeline, answers))
    written = f"Wrote {path}, a new plan"
    if answers.school is not None:
        written += f" for {answers.school}"
    say(f"{written}, with every section and DESE's expectations as comments.")
    if schema_url is None:
        say(_schema_beside(path.parent / SCHEMA_FILE_NAME))
    say(next_steps(path))


def next_steps(path: Path) -> str:
    """Return the three steps after `sip init`, with the commands for the plan at ``path``."""
    plan = shlex.quote(str(path))
    return (
        "Next steps:\n"
        "  1. Fill in school, plan and stakeholder_engagement, then each stage in order:\n"
        "     replace each <placeholder>, delete what does not apply.\n"
        f"  2. sip status {plan} shows what is done and what is left;"
        f" sip validate {plan} checks it.\n"
        f"  3. sip render {plan} --draft previews the document so far, gaps and all."
    )


def _stdin_is_terminal() -> bool:
    """True when a person can answer questions (tests replace this to answer them)."""
    return sys.stdin.isatty()


def _from_options(
    school: str | None,
    district: str | None,
    school_code: str | None,
    district_code: str | None,
    grades: str | None,
    school_year: str | None,
) -> PlanAnswers:
    """The answers the options give, each checked as validation checks it (exit 2 if wrong)."""
    from sipcli.validate import scaffold

    return scaffold.PlanAnswers(
        school=_option("--school", school, lambda text: scaffold.read_name(text, "school")),
        district=_option("--district", district, lambda text: scaffold.read_name(text, "district")),
        school_code=_option(
            "--school-code", school_code, lambda text: scaffold.read_org_code(text, "school")
        ),
        district_code=_option(
            "--district-code",
            district_code,
            lambda text: scaffold.read_org_code(text, "district"),
        ),
        grades=_option("--grades", grades, scaffold.read_grades),
        school_year=_option("--school-year", school_year, scaffold.read_school_year),
    )


def _option(name: str, value: str | None, read: Callable[[str], T]) -> T | None:
    """``value`` read by ``read``; a value it refuses is a usage error (exit 2)."""
    if value is None:
        return None
    try:
        return read(value)
    except ValueError as error:
        fail(f"{name}: {error}")


def _ask(given: PlanAnswers) -> PlanAnswers:
    """Ask for each answer no option gave; Ctrl-C or the end of input writes nothing."""
    from dataclasses import replace

    from sipcli.validate import scaffold

    typer.echo(
        "A few facts about the school; the rest of the plan stays <placeholders> to fill in.\n"
        "Press Enter to skip a question that says (optional).",
        err=True,
    )
    try:
        return replace(
            given,
            school=given.school
            or _question("School name", lambda text: scaffold.read_name(text, "school")),
            district=given.district
            or _question("District", lambda text: scaffold.read_name(text, "district")),
            school_code=given.school_code
            or _optional(
                "School's DESE org code, 8 digits",
                lambda text: scaffold.read_org_code(text, "school"),
            ),
            district_code=given.district_code
            or _optional(
                "District's DESE org code, 8 digits",
                lambda text: scaffold.read_org_code(text, "district"),
            ),
            grades=given.grades or _ask_grades(),
            school_year=given.school_year
            or _question(
                "School year the plan starts",
                scaffold.read_school_year,
                default=scaffold.current_school_year(dt.date.today()),
            ),
        )
    except typer.Abort:
        typer.echo("", err=True)
        fail("stopped before the plan was written; no file was written")


def _ask_grades() -> tuple[str, ...] | None:
    """Ask for the grades served, and show the grades a range stands for."""
    from sipcli.validate.scaffold import read_grades

    grades = _optional("Grades served, e.g. K-5, PK-8, 9-12 or K,1,2", read_grades)
    if grades is not None:
        typer.echo(f"  The plan lists every grade served: {', '.join(grades)}", err=True)
    return grades


def _question(text: str, read: Callable[[str], T], default: str = "") -> T:
    """Ask ``text`` until ``read`` accepts the answer; its message says what was wrong."""

    def check(answer: str) -> T:
        try:
            return read(answer)
        except ValueError as error:
            raise typer.BadParameter(str(error)) from None

    # An empty default lets ``read`` see an empty answer (a skip, or a plain "is empty"
    # message) where click would ask again silently; it is not worth showing as "[]".
    answer: T = typer.prompt(
        text, default=default, show_default=bool(default), value_proc=check, err=True
    )
    return answer


def _optional(text: str, read: Callable[[str], T]) -> T | None:
    """Ask ``text``; an empty answer skips it (None), any other must satisfy ``read``."""

    def check(answer: str) -> T | None:
        return None if not answer.strip() else read(answer)

    return _question(f"{text} (optional)", check)


def _schema_beside(schema_path: Path) -> str:
    """Write the plan's JSON Schema at ``schema_path`` unless one is there; say which."""
    from sipcli.validate.schema import plan_json_schema_text

    why = "its first line points editors with the YAML extension to it for completion and checks"
    current = plan_json_schema_text()
    if schema_path.exists():
        if _same_text(schema_path, current):
            return f"Kept {schema_path}, this sip's plan format, already there: {why}."
        return (
            f"Kept {schema_path}, a plan format already there but not this sip's (an older "
            f"sip wrote it?): sip schema -o {shlex.quote(str(schema_path))} brings it up to "
            "date, for every plan that points to it."
        )
    write_or_fail(schema_path, current)
    return (
        f"Wrote {schema_path}, the plan format: {why} "
        "(--schema-url URL points elsewhere and writes no such file)."
    )


def _same_text(path: Path, text: str) -> bool:
    """Whether the file at ``path`` holds ``text`` (False when it cannot be read)."""
    try:
        return path.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
