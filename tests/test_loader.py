"""`sipcli.load.source`: decoding bytes and parsing YAML, where a direct test is clearer than a file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from ruamel.yaml.comments import CommentedMap

from sipcli.errors import UnreadableFileError
from sipcli.load.source import Refusal, decode, load_bytes, load_file, parse

MINIMAL_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
"""


def refusal_of(action, *args) -> tuple[str, int, int, str]:
    with pytest.raises(Refusal) as raised:
        action(*args)
    refusal = raised.value
    return refusal.check.code, refusal.line, refusal.column, refusal.message


# --- decode ---------------------------------------------------------------------------------


def test_decode_plain_utf8() -> None:
    assert decode("name: École — São José\n".encode()) == "name: École — São José\n"


def test_decode_strips_a_utf8_bom() -> None:
    assert decode(b"\xef\xbb\xbfname: Test\n") == "name: Test\n"


def test_decode_keeps_a_bom_that_is_not_at_the_start() -> None:
    # Only a leading BOM is an encoding mark; elsewhere it is a (zero-width) character.
    assert decode(b"a: x\xef\xbb\xbf\n") == "a: x\ufeff\n"


def test_decode_keeps_crlf() -> None:
    assert decode(b"a: 1\r\nb: 2\r\n") == "a: 1\r\nb: 2\r\n"


def test_decode_empty() -> None:
    assert decode(b"") == ""


@pytest.mark.parametrize(
    "raw",
    [
        "schema_version: 1\n".encode("utf-16"),
        "schema_version: 1\n".encode("utf-16-le").join([b"\xff\xfe", b""]),
        b"\xfe\xff" + "schema_version: 1\n".encode("utf-16-be"),
    ],
    ids=["utf-16", "utf-16-le", "utf-16-be"],
)
def test_decode_refuses_utf16_with_bom(raw: bytes) -> None:
    code, line, column, message = refusal_of(decode, raw)
    assert (code, line, column) == ("SIP005", 1, 1)
    assert "UTF-16" in message


def test_decode_refuses_utf16_without_bom_as_binary() -> None:
    # Without a BOM, UTF-16 text is ASCII interleaved with NUL bytes.
    code, line, column, _ = refusal_of(decode, "ab: 1\n".encode("utf-16-le"))
    assert (code, line, column) == ("SIP006", 1, 2)


def test_decode_refuses_a_nul_byte_at_its_character_column() -> None:
    # 'a: é' is 4 characters but 5 bytes: the NUL is the 5th character.
    code, line, column, message = refusal_of(decode, b"x: 1\na: \xc3\xa9\x00\n")
    assert (code, line, column) == ("SIP006", 2, 5)
    assert "NUL" in message


def test_decode_reports_the_first_nul_byte() -> None:
    code, line, column, _ = refusal_of(decode, b"a: 1\nb: 2\x00\nc: \x00\n")
    assert (code, line, column) == ("SIP006", 2, 5)


def test_nul_byte_wins_over_bad_utf8() -> None:
    code, line, column, _ = refusal_of(decode, b"a: caf\xe9\nb: \x00\n")
    assert (code, line, column) == ("SIP006", 2, 4)


def test_latin1_byte_in_the_middle_of_a_multibyte_line() -> None:
    # 'x: — caf' is 8 characters (10 bytes), so the Latin-1 é is at column 9.
    raw = b"a: 1\n" + "x: — caf".encode() + b"\xe9 ok\n"
    code, line, column, message = refusal_of(decode, raw)
    assert (code, line, column) == ("SIP005", 2, 9)
    assert "Byte 0xE9 at line 2, column 9" in message
    assert "'é'" in message  # what the byte is in Windows-1252


def test_latin1_byte_with_crlf_line_endings() -> None:
    code, line, column, _ = refusal_of(decode, b"a: 1\r\nb: caf\xe9\r\n")
    assert (code, line, column) == ("SIP005", 2, 7)


def test_truncated_utf8_sequence_at_the_end() -> None:
    code, line, column, message = refusal_of(decode, b"a: caf\xc3")
    assert (code, line, column) == ("SIP005", 1, 7)
    assert "0xC3" in message


def test_windows_1252_quote_is_named() -> None:
    # Word's curly quote saved as Windows-1252.
    code, line, column, message = refusal_of(decode, b"a: \x93quoted\x94\n")
    assert (code, line, column) == ("SIP005", 1, 4)
    assert "0x93" in message
    assert "'\u201c'" in message


def test_latin1_byte_after_a_bom_is_found_where_it_is() -> None:
    code, line, column, message = refusal_of(decode, b"\xef\xbb\xbfa: b\n\xe9t\xe9: x\n")
    assert (code, line, column) == ("SIP005", 2, 1)
    assert "Byte 0xE9 at line 2, column 1" in message


# --- parse ----------------------------------------------------------------------------------


def test_parse_returns_a_commented_map_with_positions() -> None:
    data = parse("a: 1\nb:\n  c: x\n")
    assert isinstance(data, CommentedMap)
    assert data == {"a": 1, "b": {"c": "x"}}
    assert data.lc.key("b") == (1, 0)
    assert data["b"].lc.value("c") == (2, 5)


def test_parse_builds_dates() -> None:
    assert parse("a: 2026-02-28\n")["a"] == dt.date(2026, 2, 28)


@pytest.mark.parametrize("text", ["2026-02-30", "2026-13-01", "2025-02-29"])
def test_parse_keeps_an_impossible_date_as_text(text: str) -> None:
    assert parse(f"a: {text}\n")["a"] == text


def test_parse_accepts_a_leading_document_start_and_directive() -> None:
    assert parse("%YAML 1.2\n---\na: 1\n...\n") == {"a": 1}


def test_crlf_positions_are_the_lf_positions() -> None:
    lf = parse(MINIMAL_PLAN)
    crlf = parse(MINIMAL_PLAN.replace("\n", "\r\n"))
    assert crlf == lf
    for section in ("school", "plan"):
        assert crlf.lc.key(section) == lf.lc.key(section)
        for key in lf[section]:
            assert crlf[section].lc.key(key) == lf[section].lc.key(key)
            assert crlf[section].lc.value(key) == lf[section].lc.value(key)


def test_crlf_syntax_error_position_is_the_lf_position() -> None:
    text = "a: 1\nb: [1, 2\nc: 3\n"
    assert refusal_of(parse, text.replace("\n", "\r\n"))[:3] == refusal_of(parse, text)[:3]
    # Reported at the '[' that is never closed, not where YAML stops reading.
    assert refusal_of(parse, text)[:3] == ("SIP001", 2, 4)


def test_bom_does_not_shift_positions() -> None:
    loaded = load_bytes(b"\xef\xbb\xbf" + MINIMAL_PLAN.encode(), file="plan.yaml")
    assert loaded.document is not None
    assert loaded.document.data.lc.value("schema_version") == (0, 16)
    assert loaded.lines[0] == "schema_version: 1"


def test_syntax_error_column_counts_characters() -> None:
    # 'x: — é' is 6 characters (9 bytes): the unexpected ':' is at column 7.
    code, line, column, _ = refusal_of(parse, "x: — é: y\n")
    assert (code, line, column) == ("SIP001", 1, 7)


@pytest.mark.parametrize("text", ["", "\n\n", "   \n\t\n", "# only\n# comments\n", "---\n"])
def test_parse_refuses_empty_text(text: str) -> None:
    assert refusal_of(parse, text)[:3] == ("SIP007", 1, 1)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("- a\n- b\n", (1, 1)),
        ("[a, b]\n", (1, 1)),
        ("just text\n", (1, 1)),
        ("'quoted text'\n", (1, 1)),
        ("42\n", (1, 1)),
        ("# comment\n\n  - a\n", (3, 3)),
    ],
)
def test_parse_refuses_a_top_level_that_is_not_a_mapping(
    text: str, position: tuple[int, int]
) -> None:
    assert refusal_of(parse, text)[:3] == ("SIP008", *position)


def test_second_document_is_refused_where_it_starts() -> None:
    assert refusal_of(parse, "a: 1\n---\nb: 2\n")[:3] == ("SIP004", 2, 1)


def test_nesting_limit_is_32_levels() -> None:
    # The root mapping is level 1 and 'a' level 2; 31 lists inside stay within the limit.
    assert parse("a: " + "[" * 31 + "]" * 31 + "\n")["a"] is not None
    code, line, column, message = refusal_of(parse, "a: " + "[" * 32 + "]" * 32 + "\n")
    assert (code, line, column) == ("SIP009", 1, 35)
    assert "32 levels" in message


def test_deep_nesting_is_refused_without_recursion() -> None:
    code, line, _, _ = refusal_of(parse, "a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert (code, line) == ("SIP009", 1)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("a: &x 1\nb: 2\n", (1, 4)),
        ("a: 1\nb: *x\n", (2, 4)),
        ("a: &x [1]\nb: *x\n", (1, 4)),
        ("a:\n  - &item\n    id: G1\n", (2, 5)),
    ],
)
def test_anchors_and_aliases_are_refused_at_the_first_one(
    text: str, position: tuple[int, int]
) -> None:
    assert refusal_of(parse, text)[:3] == ("SIP010", *position)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("a: !!python/object/apply:os.system ['true']\n", "!!python/object/apply:os.system"),
        ("a: !!binary aGVsbG8=\n", "!!binary"),
        ("a: !!set {x}\n", "!!set"),
        ("a: !!int '3'\n", "!!int"),
        ("a: !custom x\n", "!custom"),
        ("a: !<tag:example.com,2024:thing> x\n", "tag:example.com,2024:thing"),
    ],
)
def test_explicit_tags_are_refused(text: str, shown: str) -> None:
    code, line, column, message = refusal_of(parse, text)
    assert (code, line, column) == ("SIP011", 1, 4)
    assert f"'{shown}'" in message


def test_duplicate_key_message_names_key_and_section() -> None:
    code, line, column, message = refusal_of(parse, "s:\n  a: 1\n  b: 2\n  a: 3\n")
    assert (code, line, column) == ("SIP002", 4, 3)
    assert "'a'" in message
    assert "line 2" in message


def test_tab_in_indentation_is_reported_at_the_tab() -> None:
    assert refusal_of(parse, "s:\n  a: 1\n  \tb: 2\n")[:3] == ("SIP003", 3, 3)


def test_tab_in_a_block_scalar_indentation() -> None:
    assert refusal_of(parse, "a: |\n  x\n\ty\n")[:3] == ("SIP003", 3, 1)


def test_tab_inside_a_value_is_not_called_indentation() -> None:
    code, line, column, message = refusal_of(parse, "principal: Dr.\tJane Smith\n")
    assert (code, line, column) == ("SIP003", 1, 15)
    assert "indented with a tab" not in message


def test_reserved_character_gets_its_hint() -> None:
    code, line, column, message = refusal_of(parse, "name: @school\n")
    assert (code, line, column) == ("SIP001", 1, 7)
    assert 'Put the value in quotes: name: "@school"' in message


def test_unclosed_quote_hint() -> None:
    # Reported at the quote that opens the text, not at the end of the file.
    code, line, column, message = refusal_of(parse, "a: 'x\nb: 2\n")
    assert (code, line, column) == ("SIP001", 1, 4)
    assert "Add the closing ' where the text ends: a: 'x'" in message


# --- load_bytes and load_file ---------------------------------------------------------------


def test_load_bytes_gives_lines_without_line_endings() -> None:
    loaded = load_bytes(b"a: 1\r\nb: 2\r\n", file="plan.yaml")
    assert loaded.diagnostic is None
    assert loaded.lines == ["a: 1", "b: 2"]
    assert loaded.document is not None
    assert loaded.document.file == "plan.yaml"


def test_load_bytes_keeps_lines_of_a_refused_file() -> None:
    loaded = load_bytes(b"a: 1\nb: [\n", file="plan.yaml")
    assert loaded.document is None
    assert loaded.diagnostic is not None
    assert loaded.diagnostic.code == "SIP001"
    assert loaded.lines == ["a: 1", "b: ["]


def test_size_limit_is_inclusive() -> None:
    raw = b"a: 1\n"
    assert load_bytes(raw, file="f", max_bytes=len(raw)).diagnostic is None
    refused = load_bytes(raw, file="f", max_bytes=len(raw) - 1).diagnostic
    assert refused is not None
    assert (refused.code, refused.line, refused.column) == ("SIP012", 1, 1)


def test_load_file_checks_the_size_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: " + b"x" * 1000 + b"\n")
    loaded = load_file(path, label="big.yaml", max_bytes=100)
    assert loaded.diagnostic is not None
    assert loaded.diagnostic.code == "SIP012"
    assert loaded.diagnostic.file == "big.yaml"
    assert "1,004 bytes" in loaded.diagnostic.message


def test_load_file_raises_for_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="cannot read"):
        load_file(tmp_path / "nope.yaml")


def test_load_file_raises_for_a_directory(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError):
        load_file(tmp_path)


@pytest.mark.parametrize(
    "value", ["+_", "0x_", "._", "1" * 5000], ids=["sign", "hex", "dot", "5000-digits"]
)
def test_text_the_resolver_takes_for_a_number_reaches_the_model_as_text(value: str) -> None:
    # ruamel raised IndexError or ValueError (no position) for each of these.
    loaded = load_bytes(f"a: {value}\n".encode(), file="plan.yaml")
    assert loaded.document is not None and loaded.document.data["a"] == value
