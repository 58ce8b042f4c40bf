"""The skeleton `sip init` writes: every section, DESE's expectations as comments, placeholders.

`sip init` may know a few facts about the school already (asked in the terminal or given as
options): `PlanAnswers` holds them, each checked by the ``read_*`` functions here the way
validation checks it, and `plan_skeleton` writes them in place of their placeholders.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass

from sipcli.load.resources import read_template
from sipcli.model.types import normalise_school_year
from sipcli.periods import default_calendar, school_year_label
from sipcli.validate.grades import format_grades, parse_grades

SCHEMA_FILE_NAME = "sip-plan.schema.json"
_SCHEMA_MARKER = "__SCHEMA_URL__"

# The skeleton's lines an answer replaces, each written once in templates/init/plan.yaml.
_NAME = "  name: <school name>\n"
_DISTRICT = "  district: <district name>\n"
_ORG_CODE = '  org_code: "<8-digit DESE school code>"\n'
_DISTRICT_CODE = '  district_code: "<8-digit DESE district code>"\n'
_GRADES = (
    "  grades: [<every grade served as a number or K or PK>]"
    "  # each grade, not a range: [K, 1, 2, 3, 4, 5]\n"
)
_SCHOOL_YEAR = "  school_year: <school year the plan starts, e.g. SY2026-27>\n"

#: Plain YAML text that reads back as the same string: a letter first, then no character
#: that YAML gives a meaning (``: ``, `` #``, quotes at the start, brackets, ...).
_PLAIN = re.compile(r"[^\W\d_][\w .,'&()/+-]*", re.UNICODE)
#: Words YAML 1.1 readers take for true, false or null when written without quotes.
_YAML_WORDS = frozenset({"y", "n", "yes", "no", "on", "off", "true", "false", "null"})


@dataclass(frozen=True)
class PlanAnswers:
    """What `sip init` knows about the school; None leaves that placeholder for the team."""

    school: str | None = None
    district: str | None = None
    school_code: str | None = None
    district_code: str | None = None
    grades: tuple[str, ...] | None = None
    school_year: str | None = None


def plan_skeleton(schema_url: str, answers: PlanAnswers | None = None) -> str:
    """Return the text of a new plan whose editor modeline points to ``schema_url``.

    Each value ``answers`` gives replaces its placeholder; the rest stay to be filled in.
    """
    text = read_template("init", "plan.yaml").replace(_SCHEMA_MARKER, schema_url)
    if answers is None:
        return text
    filled = {
        _NAME: _line("name", answers.school),
        _DISTRICT: _line("district", answers.district),
        _ORG_CODE: _code_line("org_code", answers.school_code),
        _DISTRICT_CODE: _code_line("district_code", answers.district_code),
        _GRADES: _grades_line(answers.grades),
        _SCHOOL_YEAR: _line("school_year", answers.school_year),
    }
    for placeholder, line in filled.items():
        if line is not None:
            text = _replace_once(text, placeholder, line)
    return text


def read_name(text: str, what: str) -> str:
    """Return a school or district name as typed, checked: one line, not empty.

    Raises:
        ValueError: when it is empty or spans lines.
    """
    name = text.strip()
    if not name:
        raise ValueError(f"the {what} name is empty; type it as DESE lists it")
    if any(not character.isprintable() for character in name):
        raise ValueError(f"the {what} name must be one line of text, without tabs")
    return name


def read_org_code(text: str, what: str) -> str:
    """Return a DESE org code as the plan writes it: 8 digits (spaces ignored).

    Raises:
        ValueError: when it is not 8 digits, with where to find the code.
    """
    code = re.sub(r"\s+", "", text)
    if re.fullmatch(r"\d{8}", code) is None:
        raise ValueError(
            f"'{text.strip()}' is not a DESE {what} code: it has 8 digits, leading zeros "
            "included (e.g. 00010505); DESE's School and District Profiles list it"
        )
    return code


def read_grades(text: str) -> tuple[str, ...]:
    """Return every grade served from ``K-5``, ``PK-8``, ``9-12`` or ``K, 1, 2``.

    Raises:
        ValueError: when a grade or range cannot be read, saying how to write it.
    """
    return tuple(parse_grades(text))


def read_school_year(text: str) -> str:
    """Return a school year as plans write it (SY2026-27), read as validation reads it.

    Raises:
        ValueError: when it is not a school year of two consecutive years.
    """
    return str(normalise_school_year(text))


def current_school_year(today: dt.date) -> str:
    """Return the school year ``today`` falls in, in Massachusetts' default calendar."""
    return school_year_label(default_calendar().school_year_of(today))


def _line(key: str, value: str | None) -> str | None:
    """The skeleton line giving ``key`` (of ``school`` or ``plan``, both indented) its value."""
    return None if value is None else f"  {key}: {_yaml_text(value)}\n"


def _grades_line(grades: tuple[str, ...] | None) -> str | None:
    """The grades line: every grade served, as the model and the format mean it."""
    if grades is None:
        return None
    return f"  grades: {format_grades(grades)}  # every grade served, not a range\n"


def _code_line(key: str, code: str | None) -> str | None:
    """An org code line: always in quotes, or YAML would read the digits as a number."""
    return None if code is None else f'  {key}: "{code}"\n'


def _yaml_text(value: str) -> str:
    """``value`` as YAML text that reads back as the same string: plain when safe, else quoted."""
    if _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    # A JSON string is a YAML double-quoted scalar with the same escapes.
    return json.dumps(value, ensure_ascii=False)


def _replace_once(text: str, old: str, new: str) -> str:
    """Replace the one ``old`` in the skeleton; a skeleton without it is sip's own mistake."""
    if text.count(old) != 1:
        raise AssertionError(f"templates/init/plan.yaml must hold {old.strip()!r} exactly once")
    return text.replace(old, new)
