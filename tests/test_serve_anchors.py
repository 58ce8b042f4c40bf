"""Where `sip serve` links each finding: the item it is about, else its section."""

from __future__ import annotations

from sipcli.diagnostics import Diagnostic, Severity
from sipcli.serve.anchors import anchor_for, page_ids

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
