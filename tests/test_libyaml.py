"""libyaml's events give the same data and positions as ruamel's pure parser, or are not used."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ruamel.yaml.comments import TaggedScalar
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scanner import RoundTripScanner

from sipcli.load import libyaml
from sipcli.load.source import Refusal, load_bytes, new_yaml

from .conftest import EXAMPLES
from .test_robustness import mutated_plans

pytestmark = pytest.mark.skipif(not libyaml.available(), reason="ruamel.yaml.clib not installed")

PLANS = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/*.yaml")])


def load_pure(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return new_yaml(comments=False).load(text)


def load_libyaml(text: str) -> Any:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return libyaml.use_libyaml(new_yaml(comments=False)).load(text)


def assert_same(pure: Any, fast: Any, path: str = "") -> None:
    """Same types, values, key order, and line and column of every key, value and item."""
    assert type(fast) is type(pure), path
    if hasattr(pure, "lc"):
        assert (fast.lc.line, fast.lc.col) == (pure.lc.line, pure.lc.col), path
    if isinstance(pure, dict):
        assert list(fast) == list(pure), path
        for key in pure:
            assert fast.lc.key(key) == pure.lc.key(key), f"{path}.{key}"
            assert fast.lc.value(key) == pure.lc.value(key), f"{path}.{key}"
            assert_same(pure[key], fast[key], f"{path}.{key}")
    elif isinstance(pure, list):
        assert len(fast) == len(pure), path
        for index, (expected, actual) in enumerate(zip(pure, fast, strict=True)):
            assert fast.lc.item(index) == pure.lc.item(index), f"{path}[{index}]"
            assert_same(expected, actual, f"{path}[{index}]")
    elif isinstance(pure, TaggedScalar):  # '=' and '<<' as values; no __eq__ of its own
        assert (fast.value, str(fast.tag), fast.style) == (pure.value, str(pure.tag), pure.style)
    else:
        assert fast == pure, path


@pytest.mark.parametrize("plan", PLANS, ids=lambda path: path.name)
def test_shipped_plans_load_identically(plan: Path) -> None:
    text = plan.read_text(encoding="utf-8")
    assert libyaml.can_read(text)
    assert_same(load_pure(text), load_libyaml(text))


@pytest.mark.parametrize("plan", PLANS, ids=lambda path: path.name)
def test_reading_comments_changes_no_data_or_position(plan: Path) -> None:
    # `sip fmt` reads comments, every other command does not: both see the same plan.
    text = plan.read_text(encoding="utf-8")
    assert_same(new_yaml().load(text), load_pure(text))


def test_text_that_trips_ruamels_comment_reader_still_validates() -> None:
    # ruamel's round-trip scanner raised NotImplementedError ("overlap in comment") here.
    raw = b"school:  #c]b1\n  b1?'it''s'x\n\n"
    loaded = load_bytes(raw, file="p.yaml")
    assert loaded.document is not None
    assert loaded.document.data == {"school": "b1?'it''s'x"}
    assert load_pure(raw.decode()) == loaded.document.data  # and so when libyaml stands aside


def test_the_loader_takes_the_libyaml_path(monkeypatch: pytest.MonkeyPatch) -> None:
    def pure_scanner_used(*args: Any, **kwargs: Any) -> Any:
        raise AssertionError("the pure scanner read a file libyaml can read")

    monkeypatch.setattr(RoundTripScanner, "check_token", pure_scanner_used)
    loaded = load_bytes((EXAMPLES / "middle.yaml").read_bytes(), file="middle.yaml")
    assert loaded.document is not None and "goals" in loaded.document.data


def test_comments_are_kept_only_on_request() -> None:
    raw = b"# about the school\nschema_version: 1  # the format\n"
    plain = load_bytes(raw, file="p.yaml").document
    with_comments = load_bytes(raw, file="p.yaml", keep_comments=True).document
    assert plain is not None and with_comments is not None
    assert "about the school" not in str(plain.data.ca)
    assert "about the school" in str(with_comments.data.ca)


@pytest.mark.parametrize(
    "text",
    [
        "a:\tb\n",
        "a: b\x85c\n",
        "a: b\u2028c\n",
        "a: b\n\ufeff\nc: d\n",
        "%YAML 1.1\n---\na: yes\n",
        "a: 1\n%TAG ! x\n",
        "a: 1\x15\n",
    ],
    ids=[
        "tab",
        "nel",
        "line-separator",
        "inner-bom",
        "yaml-directive",
        "directive-later",
        "control-character",
    ],
)
def test_text_where_yaml_versions_scan_differently_stays_pure(text: str) -> None:
    assert not libyaml.can_read(text)


def test_a_syntax_error_is_reported_in_the_pure_parsers_words() -> None:
    loaded = load_bytes(b"school:\n  name: a: b\n", file="p.yaml")
    assert loaded.diagnostic is not None
    assert (loaded.diagnostic.line, loaded.diagnostic.column) == (2, 10)
    # libyaml says "not allowed in this context".
    assert "mapping values are not allowed here" in loaded.diagnostic.message


@pytest.mark.parametrize(
    "text",
    [
        "a: [http://example.org]\n",  # libyaml refuses what YAML 1.2 reads
        'a: ["x":1]\n',  # libyaml reads what ruamel refuses
        "a: {b:}\n",
        "a:\nb: 1\n",  # an empty value: libyaml puts it elsewhere
        "a:\n  -\n  - 1\n",
        "a: |#note\n  text\n",  # YAML wants a space before the comment; libyaml does not
        "a: |\n  \n    text\n",  # ruamel refuses this indentation, libyaml reads it
        "|\n#x\n",  # at the root, ruamel's block scalar may start at column 0
    ],
)
def test_where_libyaml_may_differ_the_loader_gives_the_pure_result(text: str) -> None:
    with pytest.raises((libyaml.Diverges, YAMLError)):
        load_libyaml(text)
    try:
        expected: Any = load_pure(text)
    except YAMLError:
        assert load_bytes(text.encode(), file="p.yaml").document is None
        return
    loaded = load_bytes(text.encode(), file="p.yaml")
    if not isinstance(expected, dict):  # the pure parser's value, refused as not a plan
        assert loaded.diagnostic is not None and loaded.diagnostic.code == "SIP008"
        return
    assert loaded.document is not None
    assert_same(expected, loaded.document.data)


def assert_libyaml_matches_or_stands_aside(text: str) -> None:
    """Whenever libyaml's path gives data, the pure parser gives the very same."""
    if not libyaml.can_read(text):
        return
    try:
        fast = load_libyaml(text)
    except (libyaml.Diverges, YAMLError, Refusal, RecursionError):
        return  # sip then asks the pure parser, whose answer it reports
    assert_same(load_pure(text), fast)


FLOW_PIECES = st.lists(
    st.sampled_from(
        ["[", "]", "{", "}", ",", ":", ": ", "?", "-", "a", "b1", '"q"', "'s'", " ", "\n  ", "#c\n"]
    ),
    max_size=14,
).map("".join)


@settings(max_examples=400, deadline=None)
@given(value=FLOW_PIECES)
def test_flow_values_load_identically_whenever_libyaml_reads_them(value: str) -> None:
    assert_libyaml_matches_or_stands_aside(f"key: {value}\nnext: [x, {{k: v}}]\n")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_plans())
def test_mutated_plans_load_identically_whenever_libyaml_reads_them(raw: bytes) -> None:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert_libyaml_matches_or_stands_aside(text)
