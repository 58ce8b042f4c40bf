"""edit.insert: new list items go in as new lines; every existing line stays as it was."""

from __future__ import annotations

import datetime as dt

import pytest

from sipcli.edit.insert import (
    InsertionError,
    apply_insertions,
    list_insertion,
    yaml_scalar,
)
from sipcli.load.source import parse


def _add(text: str, item_path: tuple[str | int, ...], entries: list, key: str = "log") -> str:
    data = parse(text)
    item = data
    for step in item_path:
        item = item[step]
    lines = text.splitlines()
    return apply_insertions(lines, [list_insertion(item, key, "X1", entries, lines, "p.yaml")])


def test_items_go_below_the_last_one_in_its_style() -> None:
    text = "items:\n  - id: X1\n    log:\n      - {day: 1}  # first\n# after\n"
    merged = _add(text, ("items", 0), [[("day", 2), ("note", "two words")]])
    assert merged == (
        "items:\n  - id: X1\n    log:\n      - {day: 1}  # first\n"
        "      - {day: 2, note: two words}\n# after"
    )


def test_a_missing_list_becomes_a_new_key_at_the_end_of_the_item() -> None:
    text = "items:\n  - id: X1\n    name: A\n  - id: X2\n"
    merged = _add(text, ("items", 0), [[("day", 3)]])
    assert merged == "items:\n  - id: X1\n    name: A\n    log:\n      - {day: 3}\n  - id: X2"


def test_an_empty_list_is_filled_and_its_comment_kept() -> None:
    merged = _add("item:\n  log: ~  # none yet\n", ("item",), [[("day", 4)]])
    assert merged == "item:\n  log:  # none yet\n    - {day: 4}"


def test_an_item_written_in_braces_is_refused_with_the_fix() -> None:
    with pytest.raises(InsertionError, match=r"p.yaml:2: X1 is written on one line in braces"):
        _add("items:\n  - {id: X1, log: []}\n", ("items", 0), [[("day", 1)]])


def test_a_flow_list_is_refused_with_the_fix() -> None:
    with pytest.raises(InsertionError, match=r"p.yaml:2: the log of X1 are not a block list"):
        _add("item:\n  log: [{day: 1}]\n", ("item",), [[("day", 2)]])


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("on track", "on track"),
        ("yes", '"yes"'),
        ("ends with space ", '"ends with space "'),
        ("a: b", '"a: b"'),
        ("line\u2028break", '"line\\u2028break"'),
        (dt.date(2027, 1, 31), "2027-01-31"),
        (45.0, "45"),
        (45.5, "45.5"),
        (7, "7"),
        (True, "true"),
    ],
)
def test_scalars_read_back_as_the_same_value(value: object, written: str) -> None:
    assert yaml_scalar(value) == written
    assert parse(f"k: {written}\n")["k"] == value


def test_yaml_scalar_writes_a_period_as_written_and_a_date_as_its_day() -> None:
    from sipcli.periods import PeriodContext, read_when

    context = PeriodContext(school_year=2026)
    assert yaml_scalar(read_when("Q2", context)) == "Q2"
    assert yaml_scalar(read_when("SY2026-27 Q2", context)) == "SY2026-27 Q2"
    assert yaml_scalar(read_when("spring 2027 MCAS", context)) == "spring 2027 MCAS"
    assert yaml_scalar(read_when("2026-27", context)) == '"2026-27"'  # quoted: still text
    assert yaml_scalar(read_when("2027-01-15", context)) == "2027-01-15"
    assert yaml_scalar(dt.date(2027, 1, 15)) == "2027-01-15"
