"""`sip fmt`: canonical layout, comments kept, data proven unchanged, --check and --diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from sipcli.edit.fmt import format_text

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

UNORDERED = """\
# header comment
schema_version: 1
plan:  # about the plan
  school_year: 2026-2027   # written long
  # the kind of plan
  type: initial

# the school
school:
  district: Test District   # district comment
  # name comment
  name: Test School
  org_code: '00010505'
"""


def test_reorders_keys_keeping_comments_and_blank_lines() -> None:
    result = format_text(UNORDERED, "plan.yaml")
    assert result.error is None and result.formatted is not None
    text = result.formatted
    assert text.index("school:") < text.index("plan:")
    assert text.index("  # name comment\n  name: Test School") < text.index("  district:")
    assert "district: Test District   # district comment" in text
    assert "  # the kind of plan\n  type: initial" in text
    assert text.index("type: initial") < text.index("school_year:")
    assert text.count("\n\n") == UNORDERED.count("\n\n")
    assert text.startswith("# header comment\n")


def test_normalises_school_year_and_org_code() -> None:
    result = format_text(UNORDERED, "plan.yaml")
    assert result.formatted is not None
    assert "school_year: SY2026-27   # written long" in result.formatted
    assert 'org_code: "00010505"' in result.formatted


def test_idempotent() -> None:
    once = format_text(UNORDERED, "plan.yaml").formatted
    assert once is not None
    twice = format_text(once, "plan.yaml")
    assert twice.formatted == once and not twice.changed


def test_invalid_plan_is_refused_with_diagnostics() -> None:
    result = format_text("schema_version: 1\nschool: {name: X}\n", "bad.yaml")
    assert result.formatted is None
    assert result.diagnostics


def test_fmt_rewrites_file(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    result = run_sip("fmt", path)
    assert result.exit_code == 0
    assert "reformatted" in result.stdout
    assert path.read_text(encoding="utf-8") == format_text(UNORDERED, "p").formatted
    assert run_sip("fmt", "--check", path).exit_code == 0


def test_check_and_diff_change_nothing(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    check = run_sip("fmt", "--check", path)
    assert check.exit_code == 1 and "would reformat" in check.stdout
    diff = run_sip("fmt", "--diff", path)
    assert diff.exit_code == 1 and "+  school_year: SY2026-27" in diff.stdout
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_invalid_file_untouched_exit_1(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("schema_version: 1\nschool: [\n", encoding="utf-8")
    result = run_sip("fmt", path)
    assert result.exit_code == 1
    assert "bad.yaml:" in result.stderr and "was not formatted" in result.stderr
    assert path.read_text(encoding="utf-8") == "schema_version: 1\nschool: [\n"


def test_missing_path_exit_2(run_sip, tmp_path: Path) -> None:
    assert run_sip("fmt", tmp_path / "nope.yaml").exit_code == 2


FLOW = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
assessment:
  current_state:
    - {id: D1, description: A long description of the data, source: mcas,
       value: 24, unit: percent, period: spring 2025}
  assets:
    - {statement: An asset written key-last, id: A1,
       data_refs: [D1]}
"""


def test_multi_line_flow_mapping_keeps_its_line_breaks() -> None:
    result = format_text(FLOW, "plan.yaml")
    assert result.formatted is not None
    assert "source: mcas,\n       value: 24, unit: percent" in result.formatted


def test_reordered_flow_mapping_is_written_on_one_line() -> None:
    result = format_text(FLOW, "plan.yaml")
    assert result.formatted is not None
    assert "    - {id: A1, statement: An asset written key-last, data_refs: [D1]}\n" in (
        result.formatted
    )


def test_comment_block_above_a_moved_section_moves_with_it() -> None:
    text = (
        "schema_version: 1\n"
        "# plan section\n"
        "plan:\n  type: initial\n  school_year: SY2026-27\n"
        "\n# school section\n"
        "school:\n  name: S\n  district: D\n"
    )
    result = format_text(text, "plan.yaml")
    assert result.formatted is not None
    assert result.formatted.index("# school section\nschool:") < result.formatted.index(
        "# plan section\nplan:"
    )


def test_comment_below_a_block_scalar_keeps_its_indentation() -> None:
    text = (
        "schema_version: 1\n"
        "school:\n  name: S\n  district: D\n"
        "plan:\n  type: initial\n  school_year: SY2026-27\n"
        "goals:\n"
        "  - id: G1\n"
        "    owner: Principal\n"
        "    statement: |\n      Raise ELA.\n"
        "    # about the metric\n"
        "    metric: mcas_meeting_exceeding\n"
    )
    result = format_text(text, "plan.yaml")
    assert result.formatted is not None
    assert (
        "    statement: |\n      Raise ELA.\n"
        "    # about the metric\n"
        "    metric: mcas_meeting_exceeding\n"
        "    owner: Principal\n"
    ) in result.formatted


def test_output_that_would_lose_a_comment_is_refused(
    run_sip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sipcli.edit.fmt

    real_place = sipcli.edit.fmt.place
    monkeypatch.setattr(
        sipcli.edit.fmt,
        "place",
        lambda *args: real_place(*args).replace("# district comment", ""),
    )
    path = tmp_path / "plan.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    result = run_sip("fmt", path)
    assert result.exit_code == 1
    assert "lose or change a comment" in result.stderr
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_not_utf8_file_is_reported_and_untouched(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    raw = UNORDERED.replace("Test School", "Caf\xe9").encode("latin-1")
    path.write_bytes(raw)
    result = run_sip("fmt", path)
    assert result.exit_code == 1
    assert "SIP005" in result.stderr
    assert path.read_bytes() == raw


def test_folder_reports_each_reformatted_file(run_sip, tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(UNORDERED, encoding="utf-8")
    formatted = format_text(UNORDERED, "b").formatted
    assert formatted is not None
    (tmp_path / "b.yaml").write_text(formatted, encoding="utf-8")
    result = run_sip("fmt", tmp_path)
    assert result.exit_code == 0
    assert "a.yaml" in result.stdout and "b.yaml" not in result.stdout


@pytest.mark.parametrize(
    "path", [*sorted(EXAMPLES.glob("*.yaml")), EXAMPLES / "flawed" / "plan.yaml"], ids=str
)
def test_every_example_is_already_formatted(run_sip, path: Path) -> None:
    assert run_sip("fmt", "--check", path).exit_code == 0


def test_blank_line_after_a_block_scalar_stays_when_keys_move() -> None:
    text = (
        "schema_version: 1\nschool:\n  name: S\n  district: D\n"
        "plan:\n  type: initial\n  school_year: SY2026-27\n"
        "vision:\n  mission: >-\n    Our mission.\n  statement: >-\n    Our vision.\n"
        "\n# the assessment\nassessment:\n  summary: Short.\n"
    )
    result = format_text(text, "plan.yaml")
    assert result.formatted is not None
    assert "  statement: >-\n    Our vision.\n  mission: >-\n    Our mission.\n" in (
        result.formatted
    )
    assert "    Our mission.\n\n# the assessment\nassessment:" in result.formatted


@pytest.mark.parametrize("section", ["implementation", "assessment"])
def test_reversed_section_of_an_example_formats_back_to_the_example(section: str) -> None:
    original = (EXAMPLES / "high.yaml").read_text(encoding="utf-8")
    shuffled = _reverse_section(original, section)
    assert shuffled != original
    assert format_text(shuffled, "high.yaml").formatted == original


def _reverse_section(text: str, section: str) -> str:
    """Reverse the keys of a top-level section, each with the comment lines above it."""
    lines = text.splitlines(keepends=True)
    start = lines.index(f"{section}:\n") + 1
    end = next(i for i in range(start, len(lines)) if lines[i][:1] not in (" ", "\n"))
    while not lines[end - 1].strip() or lines[end - 1].lstrip().startswith("#"):
        end -= 1
    blocks: list[list[str]] = []
    opened = False  # the last block so far holds only comment lines
    for line in lines[start:end]:
        starts_key = line.startswith("  ") and line[2] not in " -"
        if starts_key and not opened:
            blocks.append([line])
        else:
            blocks[-1].append(line)
        opened = line.startswith("  #")
    reordered = [line for block in reversed(blocks) for line in block]
    return "".join(lines[:start] + reordered + lines[end:])


# --- regressions found in review ------------------------------------------------------------


def test_a_comment_inside_a_flow_mapping_stays_beside_its_key(run_sip, tmp_path: Path) -> None:
    # Was refused ("would lose or change a comment"): the mapping is now written in block
    # style, so the comment keeps the line of the key it followed.
    text = (EXAMPLES / "elementary.yaml").read_text(encoding="utf-8")
    start = text.index("- {id: D1")
    end = text.index("\n", start)
    plan = tmp_path / "plan.yaml"
    plan.write_text(text[:end] + "  # from DESE" + text[end:], encoding="utf-8")
    result = run_sip("fmt", plan)
    assert result.exit_code == 0, result.stderr
    written = plan.read_text(encoding="utf-8")
    assert "    - id: D1\n" in written and "      source: mcas  # from DESE\n" in written
    assert run_sip("fmt", "--check", plan).exit_code == 0


def test_windows_line_endings_are_kept(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "high.yaml").read_text(encoding="utf-8")
    plan.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert run_sip("fmt", "--check", plan).exit_code == 0
    moved = text.replace("schema_version: 1\n", "", 1) + "schema_version: 1\n"
    plan.write_bytes(moved.replace("\n", "\r\n").encode("utf-8"))
    assert run_sip("fmt", plan).exit_code == 0
    assert plan.read_bytes().count(b"\r\n") == plan.read_bytes().count(b"\n")
    assert plan.read_bytes().replace(b"\r\n", b"\n").startswith(text[:40].encode("utf-8"))


def test_byte_order_mark_is_kept(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = (EXAMPLES / "high.yaml").read_text(encoding="utf-8")
    plan.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert run_sip("fmt", "--check", plan).exit_code == 0
    moved = text.replace("schema_version: 1\n", "", 1) + "schema_version: 1\n"
    plan.write_bytes(b"\xef\xbb\xbf" + moved.encode("utf-8"))
    assert run_sip("fmt", plan).exit_code == 0
    without_bom = tmp_path / "without-bom.yaml"
    without_bom.write_text(moved, encoding="utf-8")
    assert run_sip("fmt", without_bom).exit_code == 0
    assert plan.read_bytes() == b"\xef\xbb\xbf" + without_bom.read_bytes()
    assert plan.read_bytes() != b"\xef\xbb\xbf" + moved.encode("utf-8")  # it was reformatted


MESSY_ITEMS = (
    "schema_version: 1\n"
    "school:\n  name: S\n  district: D\n"
    "plan:\n  type: initial\n  school_year: SY2026-27\n"
    "goals:\n"
    "  - statement: Raise ELA.\n"
    "    # the id of this goal\n"
    "    id: G1\n"
    "    owner: Principal\n"
    "    benchmarks:\n"
    "      - statement: Teams meet.\n"
    "        type: process\n"
    "        # its id\n"
    "        id: G1.B1\n"
    "        due: [2026-10-30]\n"
    "  - owner: Coach\n"
    "    statement: Raise math.\n"
    "    # second goal\n"
    "    id: G2\n"
)


def test_formatting_settles_in_one_run_when_a_commented_key_moves_to_the_front() -> None:
    # ruamel writes "-" alone above such a comment, then reads it back above the dash.
    result = format_text(MESSY_ITEMS, "plan.yaml")
    assert result.formatted is not None and result.error is None
    assert format_text(result.formatted, "plan.yaml").formatted == result.formatted
    # A comment line takes the indentation of the line it is now above.
    assert "  # the id of this goal\n  - id: G1\n" in result.formatted
    assert "      # its id\n      - id: G1.B1\n" in result.formatted
    assert "  # second goal\n  - id: G2\n" in result.formatted
    assert "-\n" not in result.formatted


def test_fmt_check_passes_on_what_fmt_wrote(run_sip, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY_ITEMS, encoding="utf-8")
    assert run_sip("fmt", "--check", plan).exit_code == 1
    assert run_sip("fmt", plan).exit_code == 0
    assert run_sip("fmt", "--check", plan).exit_code == 0


# --- regressions found by fuzzing (tests/test_fmt_fuzz.py) ----------------------------------


def test_comment_above_a_sections_first_key_moves_with_that_key() -> None:
    # ruamel keeps it with the section's key, so it stayed above whichever key came first.
    text = (
        "schema_version: 1\n"
        "school:\n  # about the district\n  district: D\n  name: S\n"
        "plan:\n  type: initial\n  school_year: SY2026-27\n"
    )
    result = format_text(text, "plan.yaml")
    assert result.formatted is not None, result.error
    assert "  name: S\n  # about the district\n  district: D\n" in result.formatted


def test_comments_inside_a_multi_line_flow_mapping_are_kept_beside_their_keys() -> None:
    text = (
        "schema_version: 1\nschool:\n  name: S\n  district: D\n"
        "plan:\n  type: initial\n  school_year: SY2026-27\n"
        "assessment:\n  current_state:\n"
        "    - {description: ELA, id: D1,  # the id\n"
        "       # where it comes from\n"
        "       source: mcas, value: 24, unit: percent, period: spring 2025}\n"
    )
    result = format_text(text, "plan.yaml")
    assert result.formatted is not None, result.error
    assert "    - id: D1  # the id\n" in result.formatted
    assert "      # where it comes from\n      source: mcas\n" in result.formatted
    assert format_text(result.formatted, "plan.yaml").formatted == result.formatted


def test_a_file_of_blank_lines_is_refused_at_once() -> None:
    import time

    started = time.perf_counter()
    result = format_text("\n" * 1_000_000, "blank.yaml")
    assert time.perf_counter() - started < 2
    assert result.formatted is None and result.diagnostics[0].code == "SIP007"


def test_a_plan_followed_by_many_blank_lines_is_formatted_at_once() -> None:
    import time

    text = (EXAMPLES / "high.yaml").read_text(encoding="utf-8")
    moved = text.replace("schema_version: 1\n", "", 1) + "schema_version: 1\n"
    padding = "\n" * (990_000 - len(moved))
    started = time.perf_counter()
    result = format_text(moved + padding, "plan.yaml")
    assert time.perf_counter() - started < 5
    assert result.formatted == format_text(moved, "plan.yaml").formatted + padding


def test_a_long_run_of_blank_lines_inside_a_plan_is_refused_with_its_line() -> None:
    text = (EXAMPLES / "high.yaml").read_text(encoding="utf-8")
    at = text.index("\nplan:") + 1
    result = format_text(text[:at] + "\n" * 5000 + text[at:], "plan.yaml")
    line = text[:at].count("\n")  # the blank line already above plan:
    assert result.formatted is None
    assert result.error is not None and f"plan.yaml:{line}:1: 5,001 blank lines" in result.error


def test_read_only_file_is_not_rewritten(run_sip, tmp_path: Path) -> None:
    path = tmp_path / "plan.yaml"
    path.write_text(UNORDERED, encoding="utf-8")
    path.chmod(0o444)
    try:
        result = run_sip("fmt", path)
    finally:
        path.chmod(0o644)
    assert result.exit_code == 1
    assert f"cannot write {path}: it is read-only" in result.stderr
    assert path.read_text(encoding="utf-8") == UNORDERED


def test_fmt_keeps_an_edit_saved_while_it_ran(
    run_sip, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from sipcli.edit import fmt

    plan = tmp_path / "plan.yaml"
    plan.write_text(MESSY_FOR_RACE, encoding="utf-8")
    real_format = fmt.format_bytes

    def format_while_someone_saves(raw: bytes, file: str, *calendar: object) -> fmt.FormatResult:
        result = real_format(raw, file)
        with plan.open("a", encoding="utf-8") as stream:
            stream.write("# saved by an editor meanwhile\n")
        return result

    monkeypatch.setattr(fmt, "format_bytes", format_while_someone_saves)
    result = run_sip("fmt", plan)
    assert result.exit_code == 2
    assert "changed while sip was working on it" in result.stderr
    assert plan.read_text(encoding="utf-8") == MESSY_FOR_RACE + "# saved by an editor meanwhile\n"


MESSY_FOR_RACE = """\
plan:
  school_year: SY2026-27
  type: initial
school:
  district: Test District
  name: Test School
schema_version: 1
"""
