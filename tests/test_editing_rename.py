"""Rename behind `sip lsp`: an id and every use of it change together, or not at all.

Checked against the oracle of tests/test_editing_analysis.py (ids and references read with
ruamel alone); a renamed example must validate as it did, with the same references.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sipcli.editing import Edit, RenameRefused, Span
from sipcli.validate.check import validate_bytes
from tests.test_editing_analysis import COUNCIL, MIDDLE, SMALL, analysed, line_of, read, span_at


def apply(text: str, edits: list[Edit]) -> str:
    """Apply edits (one line each, as a rename's are) to ``text``."""
    lines = text.splitlines(keepends=True)
    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        assert edit.span.line == edit.span.end_line
        line = lines[edit.span.line]
        lines[edit.span.line] = line[: edit.span.column] + edit.text + line[edit.span.end_column :]
    return "".join(lines)


def _key(span: Span) -> tuple[int, int, int, int]:
    return span.line, span.column, span.end_line, span.end_column


def _references_of(text: str) -> list[tuple[str, str]]:
    return sorted((field, identifier) for field, identifier, _ in read(text).references)


@pytest.mark.parametrize(
    ("plan", "old"),
    [
        (MIDDLE, "D3"),
        (MIDDLE, "C2"),
        (MIDDLE, "RC2"),
        (MIDDLE, "O3"),
        (MIDDLE, "I3.1"),
        (MIDDLE, "G1.B2"),
        (COUNCIL, "G2"),
        (COUNCIL, "special_populations"),
    ],
)
def test_rename_changes_the_id_and_every_use_and_the_plan_still_validates(
    plan: Path, old: str
) -> None:
    text = plan.read_text(encoding="utf-8")
    new = "Renamed-9"
    assert new not in text
    analysis, written = analysed(text), read(text)
    place = next(ids[old] for ids in written.definitions.values() if old in ids)
    edits = analysis.rename(*place, new)
    uses = [p for _, i, p in written.references if i == old]
    assert uses, f"{old} is used nowhere: a weak test"
    assert sorted(_key(edit.span) for edit in edits) == sorted(
        _key(span_at(p, old)) for p in [place, *uses]
    )
    renamed = apply(text, edits)
    # Nothing else changed: prose that mentions the old id keeps it.
    assert renamed.replace(new, old) == text
    before = validate_bytes(text.encode(), file=plan.name, path=plan)
    after = validate_bytes(renamed.encode(), file=plan.name, path=plan)
    assert after.plan is not None
    assert [d.code for d in after.result.diagnostics] == [d.code for d in before.result.diagnostics]
    assert _references_of(renamed) == sorted(
        (field, new if identifier == old else identifier)
        for field, identifier in _references_of(text)
    )
    # From a reference, the rename is the same.
    assert sorted(analysis.rename(*uses[-1], new), key=lambda e: _key(e.span)) == sorted(
        edits, key=lambda e: _key(e.span)
    )


def test_rename_to_the_same_name_changes_nothing() -> None:
    analysis, written = analysed(SMALL), read(SMALL)
    assert analysis.rename(*written.definitions["goal"]["G1"], "G1") == []


@pytest.mark.parametrize(
    ("new", "reason"),
    [
        ("2nd-goal", "not a valid id"),
        ("two words", "not a valid id"),
        ("G" * 41, "not a valid id"),
        ("", "not a valid id"),
        ("yes", "yes/no or empty"),
        ("No", "yes/no or empty"),
        ("off", "yes/no or empty"),
        ("null", "yes/no or empty"),
        ("true", "yes/no or empty"),
        ("C1", "already a challenge id"),
        ("newcomers", "already a student group id"),
    ],
)
def test_rename_is_refused_with_the_reason(new: str, reason: str) -> None:
    analysis, written = analysed(SMALL), read(SMALL)
    with pytest.raises(RenameRefused, match=reason):
        analysis.rename(*written.definitions["goal"]["G1"], new)


def test_rename_where_there_is_no_id_is_refused() -> None:
    analysis = analysed(SMALL)
    key = line_of(SMALL, "schema_version")
    assert analysis.prepare_rename(key, 3) is None
    with pytest.raises(RenameRefused, match="no id of the plan here"):
        analysis.rename(key, 3, "other")


def test_a_reference_to_nothing_cannot_be_renamed() -> None:
    text = SMALL.replace("challenge_refs: [C1]", "challenge_refs: [C9]")
    line = line_of(text, "challenge_refs: [C9]")
    column = text.splitlines()[line].index("C9")
    analysis = analysed(text)
    assert analysis.prepare_rename(line, column) is None
    with pytest.raises(RenameRefused):
        analysis.rename(line, column, "C10")


def test_prepare_rename_gives_the_span_of_the_id_under_the_cursor() -> None:
    analysis, written = analysed(SMALL), read(SMALL)
    place = written.definitions["initiative"]["I1.1"]
    assert analysis.prepare_rename(place[0], place[1] + 2) == span_at(place, "I1.1")
    use = next(p for f, _, p in written.references if f == "initiative_ref")
    assert analysis.prepare_rename(*use) == span_at(use, "I1.1")
