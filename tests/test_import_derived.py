"""Importing a document sip rendered leaves out what sip derives from the plan (issue 18).

sip writes into every plan document blocks it works out from the plan: phase labels, the
contents list, the traceability and resource tables, the Turnaround Practices key. Imported
back, they are left out of the draft with one note saying how many and why, instead of
filling its '# Not imported' blocks. A document sip did not render keeps every such block.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import docx
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from sipcli.cli import app
from sipcli.importing.derived import SIP_AUTHOR, SIP_CREATED, rendered_by_sip
from sipcli.importing.pipeline import Imported, import_document, import_file, read_source
from sipcli.render.docx_render import AUTHOR, FIXED_DATE
from tests.conftest import EXAMPLE_PLANS, EXAMPLES, SOFFICE, needs_libreoffice

#: The note's opening words, in the summary and in the draft's header.
NOTE = "blocks sip derives from the plan ("


def _render(example: Path, target: Path) -> Path:
    result = CliRunner().invoke(app, ["render", str(example), "--to", "docx", "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


@pytest.fixture(scope="module")
def middle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The middle school example rendered to Word by sip."""
    return _render(EXAMPLES / "middle.yaml", tmp_path_factory.mktemp("middle") / "middle.docx")


def _kept(imported: Imported) -> list[str]:
    """The text of each block kept under '# Not imported' in the draft, in order."""
    lines = imported.text.splitlines()
    return [
        lines[index + 1].removeprefix("#").strip()
        for index, line in enumerate(lines)
        if line.startswith("# [")
    ]


def _data(text: str) -> Any:
    return YAML(typ="safe").load(text)


def test_the_signs_are_the_ones_the_renderer_writes() -> None:
    assert SIP_AUTHOR == AUTHOR
    assert SIP_CREATED == FIXED_DATE


def test_a_document_is_sips_by_its_author_and_its_date_or_styles() -> None:
    other_day = dt.datetime(2026, 3, 4, tzinfo=dt.timezone.utc)
    assert rendered_by_sip("sip", SIP_CREATED, [])
    assert rendered_by_sip("sip", other_day, ["Normal", "Plan  Phase"])  # saved as a copy
    assert rendered_by_sip("sip", dt.datetime(1980, 1, 1), [])  # read without a time zone
    assert not rendered_by_sip("sip", other_day, ["Normal", "Heading 1"])  # a person named sip
    assert not rendered_by_sip("Dana Okafor", SIP_CREATED, ["Plan Phase", "Table Spacer"])
    assert not rendered_by_sip(None, None, [])


def test_the_rendered_example_keeps_nothing_sip_derives(middle: Path) -> None:
    imported = import_file(middle)
    # Every block sip wrote there is either read into the draft or derived from the plan.
    assert _kept(imported) == []
    assert imported.summary.left_over == 0
    assert imported.summary.derived >= 70
    as_data = imported.summary.to_dict()
    assert as_data["derived_left_out"] == imported.summary.derived


def test_leaving_out_changes_nothing_the_draft_holds(middle: Path) -> None:
    document = read_source(middle)
    assert document.rendered_by_sip
    sips = import_document(document)
    anyones = import_document(dataclasses.replace(document, rendered_by_sip=False))
    assert _data(sips.text) == _data(anyones.text)
    # What was left out is exactly what the same document, not sip's, keeps as text.
    assert anyones.summary.left_over == sips.summary.left_over + sips.summary.derived
    kept = _kept(anyones)
    for derived in ("Phase II", "Contents", "Traceability", "Funding source | Total", "✓"):
        assert derived in kept
    assert "TP4 | School climate and culture" in kept


def test_the_summary_and_the_draft_say_how_many_were_left_out_and_why(
    middle: Path, tmp_path: Path
) -> None:
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["import", str(middle), "-o", str(draft)])
    assert result.exit_code == 0, result.output
    count = import_file(middle).summary.derived
    notes = [line.strip() for line in result.stderr.splitlines() if NOTE in line]
    assert len(notes) == 1
    assert notes[0].startswith(f"note: {count} {NOTE}phase labels and title lines, contents")
    assert "traceability" in notes[0]
    assert notes[0].endswith("sip rendered this document and writes them again from the plan")
    header = draft.read_text("utf-8").split("\n\n", 1)[0]
    assert f"# Note: {count} blocks sip derives from the plan" in header


@pytest.mark.parametrize("example", EXAMPLE_PLANS, ids=lambda path: path.parent.name + path.stem)
def test_every_example_keeps_only_what_the_plan_cannot_hold(example: Path, tmp_path: Path) -> None:
    imported = import_file(_render(example, tmp_path / "plan.docx"))
    # The one block an example keeps is "Prepared by ..." on the title page: it comes from
    # the project's .sip.yaml, not from the plan, so the plan has no place for it.
    kept = _kept(imported)
    assert len(kept) <= 1
    assert all(text.startswith("Prepared by ") for text in kept)
    assert imported.summary.derived > 10


def test_what_a_person_added_to_sips_document_is_kept(middle: Path, tmp_path: Path) -> None:
    edited = docx.Document(str(middle))
    paragraphs = {paragraph.text: paragraph for paragraph in edited.paragraphs}
    # a line of their own under the contents, and under the traceability table
    paragraphs["Executive summary"].insert_paragraph_before("Annex A: the walkthrough tool")
    paragraphs["Resources"].insert_paragraph_before("Our coaches checked each link twice.")
    # the facilitator changed on the title page only: not what the draft holds, so kept
    credit = next(text for text in paragraphs if text.startswith("Planning facilitated by "))
    paragraphs[credit].text = "Planning facilitated by Lakeside Partners"
    edited.core_properties.last_modified_by = "Dana Okafor"
    saved = tmp_path / "edited.docx"
    edited.save(str(saved))
    imported = import_file(saved)
    assert sorted(_kept(imported)) == [
        "Annex A: the walkthrough tool",
        "Our coaches checked each link twice.",
        "Planning facilitated by Lakeside Partners",
    ]


def test_a_consultants_own_tables_and_headings_are_all_kept(tmp_path: Path) -> None:
    own = docx.Document()
    own.core_properties.author = "Lakeside Partners"
    own.add_heading("Contents", 1)
    own.add_paragraph("Goals and benchmarks")
    own.add_heading("Goals and benchmarks", 1)
    own.add_paragraph("Phase II")
    own.add_heading("Traceability", 2)
    table = own.add_table(rows=2, cols=4)
    header = ("Challenges", "Root causes", "Strategic objective", "Goals")
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    row = ("Reading lags in grade 4", "Little small-group time", "Daily guided reading", "G1")
    for cell, text in zip(table.rows[1].cells, row, strict=True):
        cell.text = text
    path = tmp_path / "consultant.docx"
    own.save(str(path))
    imported = import_file(path)
    assert imported.summary.derived == 0
    assert not any(NOTE in note for note in imported.summary.notes)
    assert NOTE not in imported.text
    kept = _kept(imported)
    assert "Challenges | Root causes | Strategic objective | Goals" in kept
    assert "Reading lags in grade 4 | Little small-group time | Daily guided reading | G1" in kept
    assert {"Phase II", "Traceability", "Contents"} <= set(kept)


@needs_libreoffice
def test_sips_document_saved_again_by_libreoffice_is_still_known(
    middle: Path, tmp_path: Path
) -> None:
    # Saving keeps the author, the creation date and the styles; it updates the contents,
    # whose lines then end in page numbers ("Vision 5").
    out = tmp_path / "saved"
    subprocess.run(
        [
            str(SOFFICE),
            f"-env:UserInstallation=file://{tmp_path}/profile",
            "--headless",
            "--convert-to",
            "docx:MS Word 2007 XML",
            "--outdir",
            str(out),
            str(middle),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    imported = import_file(out / "middle.docx")
    assert _kept(imported) == []
    assert imported.summary.derived == import_file(middle).summary.derived
