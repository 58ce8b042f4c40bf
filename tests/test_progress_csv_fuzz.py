"""`sip progress-import` on random CSV texts: it imports or refuses, never crashes or half-writes.

The CSVs come from a grammar of the cells people and spreadsheets write (ids, dates,
numbers in both decimal conventions, notes with quotes, separators and line breaks of every
kind), quoted well or badly, with any line end and sometimes a byte-order mark. Set
``SIP_FUZZ=long`` for a long run.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from tests.conftest import Result
from tests.test_progress import PLAN

RunSip = Callable[..., Result]

LONG = os.environ.get("SIP_FUZZ") == "long"

IDS = ["G1", "G1.B1", "G2", "G2.B1", "G3", "G9", "", " G1 ", "g1", "G1.B1\n"]
DATES = [f"2026-{month:02}-{day:02}" for month in (10, 11, 12) for day in (1, 15, 28)]
BAD_DATES = ["", "15/01/2027", "2026-02-30", "2026-1-5", "2026-10-01 "]
NUMBERS = [
    "25",
    "25.5",
    "25,5",
    "-3",
    "0.5",
    "0,500",
    "25.50",
    "25.500",
    "45,000",
    "1.234,5",
    "1,234.5",
    "1.234.567",
    "1,234,567",
    "1e3",
    " 7 ",
    "46%",
    "nan",
    "",
]
STATUSES = ["", "on_track", "at risk", "Met", "off-track", "not_met", "unknown"]
#: Characters that stress a CSV reader or the YAML writer: separators, quotes, every kind
#: of line break (LF, CR, NEL, U+2028), a byte-order mark, accents, controls, an emoji.
TEXT_CHARACTERS = [
    *"ab ,;\t\"'\n\r:#-{}[]&*!|>%@`",
    "\x85",
    "\u2028",
    "\u2029",
    "\ufeff",
    "\u00e9",
    "\x00",
    "\x1b",
    "\x7f",
    "\U0001f600",
]
COLUMN_NAMES = ["id", "date", "actual", "status", "period", "note"]


def _quoted(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


@st.composite
def cells(draw: st.DrawFn, column: str) -> str:
    """One cell's text for ``column``, before quoting."""
    if column == "id":
        return draw(st.sampled_from(IDS))
    if column == "date":
        return draw(st.sampled_from(DATES) | st.sampled_from(BAD_DATES))
    if column == "actual":
        return draw(st.sampled_from(NUMBERS))
    if column == "status":
        return draw(st.sampled_from(STATUSES))
    return draw(st.text(st.sampled_from(TEXT_CHARACTERS), max_size=12))


@st.composite
def written(draw: st.DrawFn, text: str, delimiter: str) -> str:
    """The cell as a CSV holds it: quoted when needed, sometimes quoted badly on purpose."""
    needs_quotes = any(char in text for char in (delimiter, '"', "\n", "\r"))
    way = draw(st.sampled_from(["right", "right", "right", "always", "raw", "unclosed", "stray"]))
    if way == "always" or (way == "right" and needs_quotes):
        return _quoted(text)
    if way == "unclosed":
        return '"' + text
    if way == "stray":
        return _quoted(text) + draw(st.sampled_from(["x", '"', " "]))
    return text


@st.composite
def csv_texts(draw: st.DrawFn) -> str:
    """A whole CSV: a header naming id and date among others, rows, some line end, maybe a BOM."""
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    others = draw(st.lists(st.sampled_from(COLUMN_NAMES[2:]), unique=True))
    header = draw(st.permutations(["id", "date", *others]))
    if draw(st.integers(0, 20)) == 0:
        header = [*header, draw(st.sampled_from(["", "actul", "id"]))]
    end = draw(st.sampled_from(["\n", "\r\n", "\r"]))
    rows = [delimiter.join(header)]
    for _ in range(draw(st.integers(0, 5))):
        values = [draw(cells(column)) for column in header]
        rows.append(delimiter.join(draw(written(value, delimiter)) for value in values))
    bom = "\ufeff" if draw(st.booleans()) else ""
    trailing = end if draw(st.integers(0, 4)) else ""
    return bom + end.join(rows) + trailing


def _is_kept_in_order(before: list[str], after: list[str]) -> bool:
    """Whether every line of ``before`` is in ``after``, in the same order (lines only added)."""
    remaining = iter(after)
    return all(any(line == other for other in remaining) for line in before)


@settings(
    max_examples=5000 if LONG else 60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=csv_texts())
def test_import_of_any_csv_imports_or_refuses_cleanly(
    run_sip: RunSip, tmp_path: Path, text: str
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(PLAN, encoding="utf-8")
    data = tmp_path / "data.csv"
    data.write_bytes(text.encode("utf-8"))
    result = run_sip("progress-import", plan, data)
    assert result.exit_code in (0, 2), result.stderr
    # Shown by --hypothesis-show-statistics: a run that only ever refuses tests little.
    event(f"exit {result.exit_code}")
    assert "internal error" not in result.stderr and "Traceback" not in result.stderr
    after = plan.read_text(encoding="utf-8")
    if result.exit_code == 2:
        assert after == PLAN
        return
    assert _is_kept_in_order(PLAN.split("\n"), after.split("\n")), after
    checked = run_sip("validate", plan)
    assert checked.exit_code == 0, checked.stdout + checked.stderr
