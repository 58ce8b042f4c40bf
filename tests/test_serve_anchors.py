"""`sip serve`: where each finding links (the item it is about, else its section), and reading saves."""

from __future__ import annotations

from pathlib import Path

import pytest

from sipcli.diagnostics import Diagnostic, Severity
from sipcli.serve.anchors import anchor_for, page_ids

ROOT = Path(__file__).resolve().parents[1]
DATA = {
    "school": {"name": "Lincoln", "org_code": 9991215},
    "goals": [{"id": "G1", "benchmarks": [{"id": "G1.B1"}, {"id": "G1.B2"}]}],
    "vision": {"statement": "Every student reads."},
}
PAGE = '<header id="plan"></header><section id="goals"><tr id="G1"></tr><tr id="G1.B2"></tr>'


def finding(path: str, line: int = 1) -> Diagnostic:
    return Diagnostic("plan.yaml", line, 1, "SIP999", "test", Severity.WARNING, "x", path)


def test_the_deepest_item_with_an_id_on_the_page_is_the_anchor() -> None:
    ids = page_ids(PAGE)
    assert anchor_for(finding("goals[0].benchmarks[1].target"), DATA, ids) == "G1.B2"
    # G1.B1 has no row on this page: its goal's row is the next best place.
    assert anchor_for(finding("goals[0].benchmarks[0].due"), DATA, ids) == "G1"


def test_a_section_without_an_item_id_is_its_top_level_key() -> None:
    assert anchor_for(finding("goals"), DATA, page_ids(PAGE)) == "goals"
    assert anchor_for(finding("vision.statement"), DATA, page_ids(PAGE)) is None


def test_the_school_has_no_section_and_is_shown_in_the_title_block() -> None:
    assert anchor_for(finding("school.org_code"), DATA, page_ids(PAGE)) == "plan"


# --- reading a file that is being saved ------------------------------------------------------


def test_a_save_caught_half_written_is_read_once_it_is_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sipcli.serve import site as site_module

    plan = tmp_path / "plan.yaml"
    whole = (ROOT / "examples" / "school-council.yaml").read_text(encoding="utf-8")
    plan.write_text(whole, encoding="utf-8")
    lines: list[str] = []
    site = site_module.Site(plan, site_module.ServeOptions(), lines.append)
    assert site.refresh() and site.generation == 1

    class EditorFinishesWriting:
        """The first moment the watcher waits is when the editor writes the rest of the file."""

        written = False

        @classmethod
        def sleep(cls, seconds: float) -> None:
            if not cls.written:
                plan.write_text(whole + "\n# saved again\n", encoding="utf-8")
                cls.written = True

    plan.write_text("", encoding="utf-8")  # the editor has truncated the file
    monkeypatch.setattr(site_module, "time", EditorFinishesWriting)
    assert site.refresh() is False  # not read while it changes
    assert site.generation == 1
    assert site.refresh() is True  # the next look reads it whole
    assert all("empty" not in line for line in lines), lines
