"""Run the corpus of broken plan files in tests/fixtures/invalid/ against its manifest.

Each file must give exactly the diagnostics (code, line, column) listed in cases.yaml, in
sip's order, with plain messages. Known bugs are listed with ``xfail`` and must fail.
"""

from __future__ import annotations

import re
import time
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from sipcli.load.source import DEFAULT_MAX_BYTES
from sipcli.validate.check import validate_file

CORPUS = Path(__file__).parent / "fixtures" / "invalid"
MANIFEST = CORPUS / "cases.yaml"
CASE_KEYS = {"file", "why", "expect", "max_bytes", "message_contains", "message_excludes", "xfail"}
CODE = re.compile(r"^SIP\d{3}$")
#: Text that only appears when an exception or a Python object leaks into a message.
LEAKS = re.compile(
    r"Traceback \(most recent call last\)|File \"|\b[A-Z]\w*(Error|Exception)\b|"
    r"<class |object at 0x|ruamel|pydantic|CommentedMap|CommentedSeq"
)


def _load_manifest() -> list[dict[str, Any]]:
    cases = YAML(typ="safe", pure=True).load(MANIFEST.read_text(encoding="utf-8"))
    assert isinstance(cases, list)
    return cases


CASES = _load_manifest()


def _params() -> list[Any]:
    params = []
    for case in CASES:
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=" ".join(case["xfail"].split())))
        params.append(pytest.param(case, id=case["file"], marks=marks))
    return params


@pytest.mark.parametrize("case", _params())
def test_corpus_case(case: dict[str, Any]) -> None:
    checked = validate_file(
        CORPUS / case["file"], max_bytes=case.get("max_bytes", DEFAULT_MAX_BYTES)
    )
    diagnostics = list(checked.result.diagnostics)

    got = [[d.code, d.line, d.column] for d in diagnostics]
    assert got == case["expect"]

    for diagnostic in diagnostics:
        assert diagnostic.line >= 1
        assert diagnostic.column >= 1
        assert diagnostic.message.strip()
        assert not LEAKS.search(diagnostic.message), diagnostic.message
    messages = "\n".join(d.message for d in diagnostics)
    for text in case.get("message_contains", []):
        assert text in messages
    for text in case.get("message_excludes", []):
        assert text not in messages
    # A file with errors never yields a plan; a file without any always does.
    assert (checked.plan is None) == bool(diagnostics)


def test_manifest_entries_are_well_formed() -> None:
    names = [case["file"] for case in CASES]
    assert len(names) == len(set(names)), "a file is listed twice"
    for case in CASES:
        assert set(case) <= CASE_KEYS, case["file"]
        assert case.get("why"), case["file"]
        assert isinstance(case["expect"], list), case["file"]
        for entry in case["expect"]:
            code, line, column = entry
            assert CODE.match(code), case["file"]
            assert isinstance(line, int) and line >= 1, case["file"]
            assert isinstance(column, int) and column >= 1, case["file"]
        # The expected list is itself in sip's order: by line, then column, then code.
        assert case["expect"] == sorted(case["expect"], key=lambda e: (e[1], e[2], e[0]))


def test_every_fixture_is_listed_and_every_listed_file_exists() -> None:
    on_disk = {path.name for path in CORPUS.iterdir() if path.name != MANIFEST.name}
    listed = {case["file"] for case in CASES}
    assert sorted(on_disk - listed) == [], "fixtures missing from cases.yaml"
    assert sorted(listed - on_disk) == [], "cases.yaml lists files that do not exist"


def test_corpus_covers_every_loader_and_schema_code() -> None:
    from sipcli.load.source import LOADER_CHECKS
    from sipcli.validate.document import SCHEMA_CHECKS

    expected_codes = {
        code for case in CASES if not case.get("xfail") for code, _, _ in case["expect"]
    }
    all_codes = {check.code for check in (*LOADER_CHECKS, *SCHEMA_CHECKS)}
    assert all_codes - expected_codes == set()


def test_billion_laughs_is_refused_quickly() -> None:
    path = CORPUS / "billion-laughs.yaml"
    start = time.perf_counter()
    checked = validate_file(path)
    elapsed = time.perf_counter() - start
    assert [d.code for d in checked.result.diagnostics] == ["SIP010"]
    assert elapsed < 0.5, f"loading the alias bomb took {elapsed:.3f} s"


@pytest.mark.parametrize(
    "template",
    [
        'name: !!python/object/apply:os.system ["touch {target}"]\n',
        'name: !!python/object/apply:builtins.open ["{target}", "w"]\n',
        'name: !!python/object/new:builtins.open ["{target}", "w"]\n',
        "name: !!python/name:os.system\n",
    ],
    ids=["os.system", "apply-open", "new-open", "name"],
)
def test_python_tags_are_never_executed(tmp_path: Path, template: str) -> None:
    target = tmp_path / "sip-was-exploited"
    plan = tmp_path / "plan.yaml"
    plan.write_text(
        "schema_version: 1\nschool:\n  " + template.format(target=target), encoding="utf-8"
    )

    checked = validate_file(plan)

    assert [[d.code, d.line, d.column] for d in checked.result.diagnostics] == [["SIP011", 3, 9]]
    assert not target.exists()
