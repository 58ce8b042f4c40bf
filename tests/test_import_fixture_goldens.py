"""Word documents and goal sheets laid out as real ones are, imported from their files.

Each fixture of `tests/import_fixtures.py` and `tests/sheet_fixtures.py` is written to a file
with its usual name and imported as `sip import` does: the draft validates apart from its
placeholders, keeps every paragraph of the source (as a value or verbatim in a comment), and
matches its golden file under tests/golden/import/ (``SIP_UPDATE_GOLDEN=1`` regenerates).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from sipcli.importing.blocks import Paragraph
from sipcli.importing.pipeline import import_file, read_source

from . import import_fixtures, sheet_fixtures
from .test_import_build import check_golden, validated

FIXTURES: dict[str, tuple[str, Callable[[], bytes]]] = {
    "file-dese-template": ("riverbend.docx", import_fixtures.dese_template_plan),
    "file-own-headings": ("own-headings.docx", import_fixtures.own_headings_plan),
    "file-merged-cells": ("merged.docx", import_fixtures.merged_cells_table),
    "file-text-boxes": ("text-boxes.docx", import_fixtures.text_box_doc),
    "file-tracked-changes": ("tracked.docx", import_fixtures.tracked_changes_doc),
    "file-empty-template": ("template.docx", import_fixtures.empty_template_with_instructions),
    "file-progress-sheet-xlsx": ("progress.xlsx", sheet_fixtures.progress_sheet_xlsx),
    "file-progress-sheet-csv": ("progress.csv", sheet_fixtures.progress_sheet_csv),
}


def _words(text: str) -> str:
    """Text with its whitespace runs as single spaces, and without YAML's comment marks."""
    return re.sub(r"\s+", " ", re.sub(r"(?m)^\s*#\s?", " ", text)).strip()


@pytest.mark.parametrize("name", list(FIXTURES))
def test_a_realistic_source_imports_to_its_golden_draft(name: str, tmp_path: Path) -> None:
    file_name, build = FIXTURES[name]
    source = tmp_path / file_name
    source.write_bytes(build())
    imported = import_file(source)
    assert validated(imported.text) == [], "the draft validates but for its placeholders"
    check_golden(name, imported.text.replace(str(tmp_path) + "/", ""))


@pytest.mark.parametrize("name", list(FIXTURES))
def test_every_paragraph_of_the_source_is_in_the_draft(name: str, tmp_path: Path) -> None:
    file_name, build = FIXTURES[name]
    source = tmp_path / file_name
    source.write_bytes(build())
    draft = _words(import_file(source).text)
    for block in read_source(source).blocks:
        # A heading is kept as the section it chose (or in its section's comment); text is kept.
        if isinstance(block, Paragraph):
            assert _words(block.text) in draft, (block.origin.where, block.text)
