"""Validate loaded plan data into a `Plan`, turning every Pydantic error into a `Diagnostic`.

Each error is placed on the key (unknown keys), the value (wrong values) or the enclosing
section (missing keys), and worded for a school leader: what is wrong, and how to fix it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails
from ruamel.yaml.comments import CommentedMap

from sipcli.diagnostics import Check, Diagnostic, format_plan_path
from sipcli.load.positions import Anchor, locate, walk
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.model.kinds import DEFAULT_KIND, plan_kinds
from sipcli.periods import CalendarSettings, PeriodContext
from sipcli.validate.naming import capitalised, person_path
from sipcli.validate.placeholders import (
    SectionPlaceholders,
    find_placeholders,
    placeholder_sections,
)
from sipcli.validate.schema_text import (  # the wording helpers; imported here, used on errors
    allowed_keys,
    choices_in,
    describe_input,
    expected_words,
    field_description,
)
from sipcli.validate.synonyms import meant

MISSING = Check("SIP101", "missing-key", "A required key is missing.")
UNKNOWN = Check("SIP102", "unknown-key", "A key that the plan format does not know.")
WRONG_TYPE = Check("SIP103", "wrong-type", "A value of the wrong kind (text, number, list...).")
INVALID_CHOICE = Check(
    "SIP104", "invalid-choice", "A value that is not one of the allowed choices."
)
OUT_OF_RANGE = Check("SIP105", "out-of-range", "A number, text or list outside its allowed size.")
INVALID_DATE = Check(
    "SIP106", "invalid-date", "A date or period that sip cannot read (see the forms it accepts)."
)
INVALID_FORMAT = Check("SIP107", "invalid-format", "An id, code or school year in the wrong form.")
PLACEHOLDER = Check(
    "SIP108", "unfilled-placeholder", "A placeholder from `sip init` not filled in."
)
SCHEMA_VERSION = Check(
    "SIP109", "unsupported-schema-version", "A plan format this sip cannot read."
)

SCHEMA_CHECKS: tuple[Check, ...] = (
    MISSING,
    UNKNOWN,
    WRONG_TYPE,
    INVALID_CHOICE,
    OUT_OF_RANGE,
    INVALID_DATE,
    INVALID_FORMAT,
    PLACEHOLDER,
    SCHEMA_VERSION,
)


@dataclass(frozen=True)
class Validation:
    """The outcome of validating one document: the plan when valid, and the diagnostics."""

    plan: Plan | None
    diagnostics: list[Diagnostic]


#: What gives the ``calendar:`` settings a plan's periods are read in (called only if needed).
CalendarSource = Callable[[], CalendarSettings | None]


def validate_document(
    document: Document, calendar: CalendarSource | None = None, *, show_placeholders: bool = False
) -> Validation:
    """Validate a loaded document against the plan model, its periods read in ``calendar``.

    Placeholders left from `sip init` are reported once per section (how many, where the
    first is), or each on its own with ``show_placeholders``.
    """
    placeholders = dict(find_placeholders(document.data))
    diagnostics = (
        [_placeholder(document, path, text) for path, text in placeholders.items()]
        if show_placeholders
        else [
            _section_placeholders(document, section) for section in placeholder_sections(document)
        ]
    )
    reported = set(placeholders)
    try:
        plan: Plan | None = Plan.model_validate(document.data, context=PeriodContext(calendar))
    except ValidationError as error:
        plan = None
        for details in error.errors(include_url=False):
            path, _ = walk(document.data, details["loc"])
            if tuple(key for _, key in path) not in placeholders:
                diagnostics.append(_from_pydantic(document, details))
    diagnostics.extend(_required_by_kind(document, reported))
    return Validation(None if diagnostics else plan, sorted(diagnostics))


def _required_by_kind(
    document: Document, reported: set[tuple[str | int, ...]]
) -> Iterator[Diagnostic]:
    """A key the plan's kind requires (a Sustainable Improvement Plan's school_year, ...).

    Read from the raw data, so it is reported beside the plan's other errors; a key written
    with no value counts as missing and is reported on its own line.
    """
    plan = document.data.get("plan") if isinstance(document.data, dict) else None
    if not isinstance(plan, dict):
        return
    kinds = plan_kinds()
    written = plan.get("kind") or DEFAULT_KIND
    if not isinstance(written, str) or written not in kinds:
        return  # an unknown kind is its own error; what it would require is unknown
    kind = kinds[written]
    for path in kind.requires:
        _, parent = walk(document.data, path[:-1])
        if not isinstance(parent, dict) or parent.get(path[-1]) is not None or path in reported:
            continue
        empty = path[-1] in parent
        where = locate(document.data, path if empty else path[:-1], "key" if empty else "parent")
        description = field_description(path)
        what = f": {description[:1].lower()}{description[1:].rstrip('.')}" if description else ""
        state = "has no value" if empty else "is missing"
        yield Diagnostic.of(
            MISSING,
            file=document.file,
            line=where.line,
            column=where.column,
            path=format_plan_path(path),
            message=(
                f"{capitalised(person_path(document.data, path))} {state}; this kind of plan "
                f"({kind.title}) requires "
                f"it{what}. Add it, or set plan.kind if this is another kind of plan."
            ),
        )


def _section_placeholders(document: Document, section: SectionPlaceholders) -> Diagnostic:
    """One finding for a section's placeholders: "vision: 6 placeholders left, first at 61:14"."""
    name = section.section or "the plan"
    first = f"'{section.texts[0]}' at {section.line}:{section.column}"
    if section.count == 1:
        state = f"1 placeholder left, {first}"
    elif section.not_started:
        state = f"not started, {section.count} placeholders, the first {first}"
    else:
        state = f"{section.count} placeholders left, the first {first}"
    return Diagnostic.of(
        PLACEHOLDER,
        file=document.file,
        line=section.line,
        column=section.column,
        path=section.section,
        message=(
            f"{name}: {state}. Replace each <...> with the plan's own words; "
            "`sip validate --show-placeholders` lists them all, and `sip render --draft` "
            "previews the plan as it is."
        ),
    )


def _placeholder(document: Document, path: tuple[str | int, ...], text: str) -> Diagnostic:
    where = locate(document.data, path, "value")
    return Diagnostic.of(
        PLACEHOLDER,
        file=document.file,
        line=where.line,
        column=where.column,
        path=format_plan_path(path),
        message=(
            f"'{text}' in {person_path(document.data, path)} is a placeholder; replace it "
            "with the real value."
        ),
    )


def _from_pydantic(document: Document, error: ErrorDetails) -> Diagnostic:
    loc = tuple(error["loc"])
    path = locate(document.data, loc).path
    if error["type"] == "missing":
        path = (*path, str(loc[-1]))
    check, anchor, message = _explain(
        error, path, names_key=loc[-1:] == ("[key]",), data=document.data
    )
    if check is UNKNOWN and _in_flow_mapping(document, path):
        message += _FLOW_COMMA_HINT
    where = locate(document.data, path, anchor)
    return Diagnostic.of(
        check,
        file=document.file,
        line=where.line,
        column=where.column,
        path=format_plan_path(path),
        message=message,
    )


_FLOW_COMMA_HINT = (
    " This section is written on one line in { }, where a comma ends a value: if the text "
    "before this contains a comma, put that text in quotes."
)


def _in_flow_mapping(document: Document, path: tuple[Any, ...]) -> bool:
    _, parent = walk(document.data, path[:-1])
    return isinstance(parent, CommentedMap) and bool(parent.fa.flow_style())


def _explain(
    error: ErrorDetails, path: tuple[Any, ...], *, names_key: bool, data: Any = None
) -> tuple[Check, Anchor, str]:
    """Choose the check, what to point at, and the message for one Pydantic error.

    ``path`` holds only the keys and indexes present in the file (plus the missing key);
    ``names_key`` says the error is about a mapping's key rather than its value. Messages
    name the place as a person does (`person_path` in ``data``, the plan as loaded).
    """
    kind = error["type"]
    field = capitalised(person_path(data, path)) if path else "The plan"
    if kind == "missing":
        return MISSING, "parent", _missing(path, data)
    if kind in ("extra_forbidden", "invalid_key") or names_key:
        expected = choices_in(error.get("ctx", {}).get("expected", ""))
        return UNKNOWN, "key", _unknown(path, expected, data)
    if path == ("schema_version",):
        return SCHEMA_VERSION, "value", _schema_version(error)
    if kind in ("literal_error", "enum"):
        return INVALID_CHOICE, "value", _invalid_choice(error, field)
    if kind == "invalid_period":
        reason = str(error.get("ctx", {}).get("reason", error["msg"]))
        return INVALID_DATE, "value", f"{field}: {reason}"
    if kind.startswith("date") or kind.startswith("datetime"):
        given = describe_input(error["input"])
        return (
            INVALID_DATE,
            "value",
            f"{field} should be a date written YYYY-MM-DD, such as 2026-06-30, but it is {given}.",
        )
    if kind in _RANGE_KINDS:
        return OUT_OF_RANGE, "value", _out_of_range(error, field)
    if kind in ("string_pattern_mismatch", "value_error", "assertion_error"):
        return INVALID_FORMAT, "value", _invalid_format(error, field)
    return WRONG_TYPE, "value", _wrong_type(error, field)


def _missing(loc: tuple[Any, ...], data: Any) -> str:
    key = loc[-1]
    parent = capitalised(person_path(data, loc[:-1])) if loc[:-1] else "The plan"
    description = field_description(loc)
    meaning = f" ({description.rstrip('.')})" if description else ""
    return f"{parent} is missing the required key '{key}'{meaning}. Add it."


def _unknown(path: tuple[Any, ...], choices: list[str], data: Any) -> str:
    key = str(path[-1]) if path else ""
    where = f" in {person_path(data, path[:-1])}" if path[:-1] else " at the top level"
    known = choices or allowed_keys(path[:-1])
    guess = meant(key, known)  # a demographics key is a student group: by meaning first
    if guess:
        return f"Unknown key '{key}'{where}. Did you mean {guess}?"
    return f"Unknown key '{key}'{where}. The keys allowed here are: {', '.join(known)}."


def _schema_version(error: ErrorDetails) -> str:
    given = describe_input(error["input"])
    return (
        f"schema_version is {given}, but this sip reads plan format version 1. Write "
        "'schema_version: 1', or upgrade sip if the plan was written for a newer version."
    )


def _invalid_choice(error: ErrorDetails, field: str) -> str:
    choices = choices_in(error.get("ctx", {}).get("expected", ""))
    given = error["input"]
    guess = meant(given, choices) if isinstance(given, str) else None
    hint = f" Did you mean {guess}?" if guess else ""
    return f"{field} is {describe_input(given)}, which is not one of: {', '.join(choices)}.{hint}"


_RANGE_KINDS = {
    "greater_than",
    "greater_than_equal",
    "less_than",
    "less_than_equal",
    "too_short",
    "too_long",
    "string_too_short",
    "string_too_long",
}


def _out_of_range(error: ErrorDetails, field: str) -> str:
    ctx = error.get("ctx", {})
    given = describe_input(error["input"])
    bounds = {
        "greater_than": f"more than {ctx.get('gt')}",
        "greater_than_equal": f"at least {ctx.get('ge')}",
        "less_than": f"less than {ctx.get('lt')}",
        "less_than_equal": f"at most {ctx.get('le')}",
    }
    kind = error["type"]
    if kind in bounds:
        return f"{field} must be {bounds[kind]}, but it is {given}."
    if kind == "string_too_short":
        return f"{field} is empty; write the text, or remove the key if it does not apply."
    if kind == "too_short":
        minimum = ctx.get("min_length", 1)
        return f"{field} needs at least {minimum} item{'s' if minimum != 1 else ''}, but it has {ctx.get('actual_length', 0)}."
    limit = ctx.get("max_length")
    return f"{field} is too long: at most {limit} {'characters' if kind.startswith('string') else 'items'}."


_PATTERN_HINTS = {
    r"^[A-Za-z][A-Za-z0-9_.-]{0,39}$": (
        "an id starts with a letter and uses only letters, digits, '.', '-' and '_' "
        "(40 characters at most), e.g. G1 or RC-2"
    ),
    r"^\d{8}$": "a DESE org code is 8 digits in quotes, e.g. '00010505'",
}


def _invalid_format(error: ErrorDetails, field: str) -> str:
    given = describe_input(error["input"])
    if error["type"] == "string_pattern_mismatch":
        hint = _PATTERN_HINTS.get(
            str(error.get("ctx", {}).get("pattern")), "it does not have the expected form"
        )
        return f"{field} is {given}: {hint}."
    reason = str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    return f"{field}: {reason[:1].upper()}{reason[1:]}".rstrip(".") + "."


def _wrong_type(error: ErrorDetails, field: str) -> str:
    given = error["input"]
    expected = expected_words(error["type"])
    quote_hint = ""
    if expected == "text" and given is not None and not isinstance(given, dict | list):
        quote_hint = " Put the value in quotes to make it text."
    return f"{field} should be {expected}, but it is {describe_input(given)}.{quote_hint}"
