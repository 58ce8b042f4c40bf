"""`sip import` keeps its contract on whatever file it is given.

`sip import` reads a Word document or a goal sheet, not a plan, so it has a contract of its
own beside tests/test_fuzz_commands.py: whatever the bytes in a file named .docx, .xlsx or
.csv (random bytes, a real document or workbook cut short or with bytes flipped, a file
starting like a zip, an OLE file or a PDF, CSV text of random cells), it exits 0 or 2, never
with an exception, never changes the source, and writes the draft only when it exits 0,
and then a draft that reads as YAML.

The default profile is short so the suite stays quick; ``SIP_FUZZ=long`` runs thousands of
cases (``SIP_FUZZ_EXAMPLES=N`` sets the number).
"""

from __future__ import annotations

import csv
import functools
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML
from typer.testing import CliRunner

from sipcli.cli import app

from .fuzzing import fuzz_profile

PROFILE = fuzz_profile(30)
SUFFIXES = (".docx", ".xlsx", ".csv")
#: How files of other kinds start: zip (docx, xlsx), OLE (.doc, .xls, encrypted), PDF, a BOM.
PREFIXES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"%PDF-1.7\n", b"\xef\xbb\xbf", b"")


@functools.cache
def real_files() -> dict[str, bytes]:
    """A Word plan and a progress sheet as sip's reader tests build them, and the sheet as CSV."""
    from tests.import_fixtures import dese_template_plan
    from tests.sheet_fixtures import progress_sheet_csv, progress_sheet_xlsx

    return {
        ".docx": dese_template_plan(),
        ".xlsx": progress_sheet_xlsx(),
        ".csv": progress_sheet_csv(),
    }


@st.composite
def damaged(draw: st.DrawFn) -> tuple[str, bytes]:
    """A real document, workbook or sheet cut short, with bytes flipped or bytes put in."""
    suffix = draw(st.sampled_from(SUFFIXES))
    data = bytearray(real_files()[suffix])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, len(data) - 1))
        how = draw(st.sampled_from(["flip", "insert", "cut"]))
        if how == "flip":
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=16))
        else:
            del data[at:]
            break
    # a file named as another kind now and then: a .csv named .docx
    name = draw(st.sampled_from([suffix, suffix, suffix, *SUFFIXES]))
    return name, bytes(data)


@st.composite
def random_files(draw: st.DrawFn) -> tuple[str, bytes]:
    """Random bytes, starting the way some kind of file starts."""
    prefix = draw(st.sampled_from(PREFIXES))
    return draw(st.sampled_from(SUFFIXES)), prefix + draw(st.binary(max_size=400))


_CELL = st.one_of(
    st.sampled_from(
        ["Goal", "ID", "G1", "G1.B1", "Baseline", "Target", "Q1", "EOY", "n/a", "23%", "0,5",
         "2026-06-12", "Projected (i-Ready)", "On track", "Key: green", "=A1+1", "", '"', ";"]
    ),
    st.text(max_size=12),
)  # fmt: skip


@st.composite
def csv_sheets(draw: st.DrawFn) -> tuple[str, bytes]:
    """A CSV of random cells (goal-sheet words among them), in one of the usual delimiters."""
    width = draw(st.integers(1, 6))
    rows = draw(st.lists(st.lists(_CELL, min_size=width, max_size=width), max_size=6))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=draw(st.sampled_from([",", ";", "\t"]))).writerows(rows)
    return ".csv", buffer.getvalue().encode("utf-8", "surrogatepass")


def check_contract(name: str, data: bytes, folder: Path) -> None:
    """Import ``data`` saved as ``source{name}`` and check `sip import`'s promises."""
    source = folder / f"source{name}"
    source.write_bytes(data)
    plan = folder / "plan.yaml"
    result = CliRunner().invoke(
        app, ["import", str(source), "-o", str(plan)], catch_exceptions=False
    )
    shown = f"sip import of {len(data)} bytes as {name} gave {result.exit_code}:\n{result.stderr[-2000:]}"
    assert result.exit_code in (0, 2), shown
    assert "Traceback" not in result.stderr and "internal error" not in result.stderr, shown
    assert source.read_bytes() == data, f"{shown}\nthe source was changed"
    if result.exit_code == 0:
        assert isinstance(YAML(typ="safe").load(plan.read_text(encoding="utf-8")), dict), shown
    else:
        assert not plan.exists(), f"{shown}\na partial draft was written"
        assert str(source) in result.stderr, f"{shown}\nthe message does not name the file"


@pytest.fixture(autouse=True)
def _outside_github(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("SIP_MAX_FILE_SIZE", raising=False)


@PROFILE
@given(file=damaged())
def test_import_keeps_its_contract_on_damaged_files(
    file: tuple[str, bytes], tmp_path_factory
) -> None:
    check_contract(*file, tmp_path_factory.mktemp("import-fuzz"))


@PROFILE
@given(file=random_files())
def test_import_keeps_its_contract_on_random_bytes(
    file: tuple[str, bytes], tmp_path_factory
) -> None:
    check_contract(*file, tmp_path_factory.mktemp("import-fuzz"))


@PROFILE
@given(file=csv_sheets())
def test_import_keeps_its_contract_on_random_sheets(
    file: tuple[str, bytes], tmp_path_factory
) -> None:
    check_contract(*file, tmp_path_factory.mktemp("import-fuzz"))


def test_the_real_files_the_damage_starts_from_import(tmp_path: Path) -> None:
    """Undamaged, each file imports: the damaged cases start from files sip reads."""
    for suffix, data in real_files().items():
        folder = tmp_path / suffix.strip(".")
        folder.mkdir()
        check_contract(suffix, data, folder)
        assert (folder / "plan.yaml").exists()


def test_control_characters_a_comment_keeps_are_written_as_their_codes(tmp_path: Path) -> None:
    """A pasted escape in a cell kept verbatim, or in a header a comment names, reads back."""
    rows = "Goal,Owner,Colour\x1b\nAttendance will rise to 95%.,Dean,re\x1bd\n"
    check_contract(".csv", rows.encode("utf-8"), tmp_path)
    text = (tmp_path / "plan.yaml").read_text(encoding="utf-8")
    assert "\x1b" not in text
    assert "#   re\\x1bd" in text.splitlines()  # the cell under a column sip does not know
