"""The quick fixes of `sipcli.editing.actions`: each fixes its finding, keeps comments, and none
is offered when the text no longer looks as it did when the finding was made."""

from __future__ import annotations

from pathlib import Path

import pytest

from sipcli.editing.actions import code_actions, parse_plan_path
from sipcli.editing.diagnose import diagnose
from sipcli.editing.types import Action, Edit, Span

ROOT = Path(__file__).resolve().parent.parent
COUNCIL = ROOT / "examples" / "school-council.yaml"
FLAWED = ROOT / "examples" / "flawed" / "plan.yaml"


def _apply(text: str, edits: tuple[Edit, ...]) -> str:
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(line: int, column: int) -> int:
        return starts[min(line, len(lines))] + column

    for edit in sorted(edits, key=lambda e: (e.span.line, e.span.column), reverse=True):
        start = offset(edit.span.line, edit.span.column)
        end = offset(edit.span.end_line, edit.span.end_column)
        text = text[:start] + edit.text + text[end:]
    return text


def _fixes(text: str, code: str, path: Path) -> tuple[list[Action], str]:
    """The fixes of the first ``code`` finding in ``text`` and the text with the first applied."""
    found = [d for d in diagnose(text, path) if d.code == code]
    assert found, f"{code} not reported"
    first = found[0]
    span = Span(first.line - 1, first.column - 1, first.line - 1, first.column - 1)
    actions = code_actions(text, code, span, first.path)
    return actions, _apply(text, actions[0].edits) if actions else text


def _count(text: str, code: str, path: Path) -> int:
    return [d.code for d in diagnose(text, path)].count(code)


@pytest.fixture
def council() -> str:
    return COUNCIL.read_text(encoding="utf-8")


def test_parse_plan_path_reads_diagnostic_paths() -> None:
    assert parse_plan_path("goals[1].benchmarks[0].target") == (
        "goals",
        1,
        "benchmarks",
        0,
        "target",
    )
    assert parse_plan_path("") == ()


def test_quote_an_org_code_keeps_the_comment(council: str, tmp_path: Path) -> None:
    text = council.replace('org_code: "09991215"', "org_code: 09991215")
    actions, fixed = _fixes(text, "SIP107", tmp_path / "plan.yaml")
    assert [action.code for action in actions] == ["SIP107"]
    assert fixed == council  # the comment after the code is untouched
    assert _count(fixed, "SIP107", tmp_path / "plan.yaml") == 0


def test_no_quoting_for_a_code_that_lost_its_leading_zero(council: str, tmp_path: Path) -> None:
    # Quoting 7 digits would not make a DESE code: the fix is the user's to make.
    text = council.replace('org_code: "09991215"', "org_code: 9991215")
    found = [d for d in diagnose(text, tmp_path / "p.yaml") if d.path == "school.org_code"]
    assert found
    span = Span(found[0].line - 1, found[0].column - 1, found[0].line - 1, found[0].column - 1)
    assert code_actions(text, found[0].code, span, found[0].path) == []


def test_add_comparison_to_a_flow_target_keeps_the_comment(tmp_path: Path) -> None:
    text = FLAWED.read_text(encoding="utf-8")
    actions, fixed = _fixes(text, "SIP309", tmp_path / "plan.yaml")
    assert actions[0].title == "Add comparison: at_most to the target"
    assert (
        "        target: {value: 30, unit: percent, comparison: at_most}   # no comparison: judged"
        in fixed
    )
    assert _count(fixed, "SIP309", tmp_path / "plan.yaml") == 0


def test_add_comparison_to_a_block_target(tmp_path: Path) -> None:
    text = FLAWED.read_text(encoding="utf-8").replace(
        "        target: {value: 30, unit: percent}   # no comparison: judged as met at or above 30%\n",
        "        target:\n          value: 30   # the spring figure\n          unit: percent\n",
    )
    assert _count(text, "SIP309", tmp_path / "plan.yaml") == 1
    _, fixed = _fixes(text, "SIP309", tmp_path / "plan.yaml")
    assert (
        "        target:\n          value: 30   # the spring figure\n          unit: percent\n"
        "          comparison: at_most\n"
    ) in fixed
    assert _count(fixed, "SIP309", tmp_path / "plan.yaml") == 0


def test_a_stated_comparison_is_turned_round(tmp_path: Path) -> None:
    text = FLAWED.read_text(encoding="utf-8").replace(
        "        target: {value: 30, unit: percent}   #",
        "        target: {value: 30, unit: percent, comparison: at_least}   #",
    )
    actions, fixed = _fixes(text, "SIP309", tmp_path / "plan.yaml")
    assert actions[0].title == "Make it comparison: at_most"
    assert "target: {value: 30, unit: percent, comparison: at_most}   #" in fixed
    assert _count(fixed, "SIP309", tmp_path / "plan.yaml") == 0


def test_remove_an_unused_noqa_after_a_value(council: str, tmp_path: Path) -> None:
    text = council.replace(
        "  principal: Teresa Amaral\n", "  principal: Teresa Amaral   # sip: noqa: SIP201\n"
    )
    _, fixed = _fixes(text, "SIP901", tmp_path / "plan.yaml")
    assert fixed == council


def test_remove_an_unused_noqa_on_a_line_of_its_own(council: str, tmp_path: Path) -> None:
    text = council.replace(
        "  principal: Teresa Amaral\n",
        "  principal: Teresa Amaral\n  # sip: noqa-file: SIP201 old reason\n",
    )
    _, fixed = _fixes(text, "SIP901", tmp_path / "plan.yaml")
    assert fixed == council


def test_remove_an_unused_noqa_on_the_last_line_without_a_line_break(
    council: str, tmp_path: Path
) -> None:
    text = council.rstrip("\n") + "\n# sip: noqa-file: SIP201"
    _, fixed = _fixes(text, "SIP901", tmp_path / "plan.yaml")
    assert fixed == council.rstrip("\n")


def test_a_missing_key_gets_a_placeholder_where_the_format_puts_it(
    council: str, tmp_path: Path
) -> None:
    text = council.replace("  name: Quarry Hill Elementary School\n", "")
    actions, fixed = _fixes(text, "SIP101", tmp_path / "plan.yaml")
    assert actions[0].title == "Add the missing key 'name' to fill in"
    assert 'school:\n  name: "<The school\'s name as DESE lists it>"\n  district:' in fixed
    after = [d.code for d in diagnose(fixed, tmp_path / "plan.yaml")]
    assert "SIP101" not in after
    assert after == ["SIP108"]  # the placeholder left to fill in


def test_a_missing_first_key_of_a_list_item_stays_in_the_item(tmp_path: Path) -> None:
    text = FLAWED.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    # Drop the id of the first goal: its statement becomes the item's first key.
    index = next(i for i, line in enumerate(lines) if line.startswith("  - id: G1"))
    statement = lines[index + 1]
    lines[index : index + 2] = ["  - " + statement.lstrip()]
    broken = "".join(lines)
    actions, fixed = _fixes(broken, "SIP101", tmp_path / "plan.yaml")
    assert actions
    assert '  - id: "<' in fixed
    assert [d.code for d in diagnose(fixed, tmp_path / "plan.yaml")].count("SIP101") == 0


def test_windows_line_endings_are_kept(council: str, tmp_path: Path) -> None:
    text = council.replace("  name: Quarry Hill Elementary School\n", "").replace("\n", "\r\n")
    _, fixed = _fixes(text, "SIP101", tmp_path / "plan.yaml")
    assert "\n" not in fixed.replace("\r\n", "")


def test_no_action_when_the_text_moved_on(council: str, tmp_path: Path) -> None:
    text = council.replace('org_code: "09991215"', "org_code: 09991215")
    found = next(d for d in diagnose(text, tmp_path / "p.yaml") if d.code == "SIP107")
    span = Span(found.line - 1, found.column - 1, found.line - 1, found.column - 1)
    # The user quoted it by hand before asking: nothing left to fix.
    assert code_actions(council, "SIP107", span, found.path) == []
    # A noqa the user already deleted.
    assert code_actions("schema_version: 1\n", "SIP901", Span(0, 19, 0, 19)) == []


def test_no_action_for_findings_without_a_safe_fix(council: str) -> None:
    assert code_actions(council, "SIP201", Span(0, 0, 0, 0), "school") == []
    assert code_actions("not: [yaml", "SIP101", Span(0, 0, 0, 0), "school.name") == []
