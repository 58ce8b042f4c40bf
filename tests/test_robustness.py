"""Property test: whatever happens to a plan's text, sip reports problems and never crashes."""

from __future__ import annotations

from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sipcli.load.source import LOADER_CHECKS, load_bytes
from sipcli.validate.document import SCHEMA_CHECKS, validate_document
from sipcli.validate.scaffold import plan_skeleton

from .conftest import EXAMPLES, MINIMAL_PLAN

KNOWN_CODES = {check.code for check in (*LOADER_CHECKS, *SCHEMA_CHECKS)}
SEEDS = [
    MINIMAL_PLAN,
    plan_skeleton("x"),
    *(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.yaml"))),
]
YAML_NOISE = st.text(
    alphabet=st.sampled_from(list(":-[]{}&*!|>#'\"\t\n %@`,?<>=~ab1.0é😀\\")),
    min_size=1,
    max_size=12,
)


@st.composite
def mutated_plans(draw: st.DrawFn) -> bytes:
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        text = draw(st.sampled_from(MUTATIONS))(draw, text)
    raw = text.encode("utf-8")
    if draw(st.booleans()) and raw:
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + draw(st.binary(min_size=0, max_size=3)) + raw[at:]
    return raw


def _insert(draw: st.DrawFn, text: str) -> str:
    at = draw(st.integers(0, len(text)))
    return text[:at] + draw(YAML_NOISE) + text[at:]


def _delete(draw: st.DrawFn, text: str) -> str:
    start = draw(st.integers(0, max(len(text) - 1, 0)))
    return text[:start] + text[start + draw(st.integers(1, 40)) :]


def _duplicate_line(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    at = draw(st.integers(0, len(lines) - 1))
    return "".join(lines[: at + 1] + lines[at:])


def _reindent_line(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    at = draw(st.integers(0, len(lines) - 1))
    lines[at] = " " * draw(st.integers(0, 9)) + lines[at].lstrip(" ")
    return "".join(lines)


def _replace_value(draw: st.DrawFn, text: str) -> str:
    lines = text.splitlines(keepends=True)
    candidates = [
        i for i, line in enumerate(lines) if ": " in line and not line.lstrip().startswith("#")
    ]
    if not candidates:
        return text
    at = draw(st.sampled_from(candidates))
    key = lines[at].split(": ", 1)[0]
    value = draw(
        st.sampled_from(
            [
                "",
                "~",
                "[]",
                "{}",
                "-1",
                "1e999",
                "2026-02-30",
                "yes",
                "'x'",
                "[1, [2]]",
                "{a: 1}",
                "<x>",
                "SY2025-27",
            ]
        )
    )
    lines[at] = f"{key}: {value}\n"
    return "".join(lines)


MUTATIONS = [_insert, _delete, _duplicate_line, _reindent_line, _replace_value]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(raw=mutated_plans())
def test_mutated_plans_never_crash_and_point_inside_the_file(raw: bytes) -> None:
    loaded = load_bytes(raw, file="mutated.yaml")
    if loaded.document is None:
        assert loaded.diagnostic is not None
        diagnostics = [loaded.diagnostic]
    else:
        diagnostics = validate_document(loaded.document).diagnostics
    line_count = max(len(loaded.lines), 1)
    for d in diagnostics:
        assert d.code in KNOWN_CODES
        assert 1 <= d.line <= line_count + 1
        assert d.column >= 1
        assert d.message and "Traceback" not in d.message


def test_seeds_cover_the_examples() -> None:
    assert len(SEEDS) == 2 + len(list(Path(EXAMPLES).glob("*.yaml")))
