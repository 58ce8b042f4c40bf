"""The deliberately flawed example: valid against the schema, and its full lint output is golden.

Regenerate the golden file after a deliberate change with ``SIP_UPDATE_GOLDEN=1 pytest``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from sipcli.lint.settings import load_settings

from .conftest import EXAMPLES, ROOT

FLAWED = EXAMPLES / "flawed" / "plan.yaml"
GOLDEN = ROOT / "tests" / "golden" / "flawed-lint.json"


@pytest.fixture(autouse=True)
def from_the_repository_root(monkeypatch: pytest.MonkeyPatch) -> None:
    # File names in the output are as given: run from the root so they are stable.
    monkeypatch.chdir(ROOT)
    load_settings.cache_clear()


def test_flawed_plan_is_valid_against_the_schema(run_sip) -> None:
    assert run_sip("validate", FLAWED.relative_to(ROOT)).exit_code == 0


def test_flawed_plan_full_json_output_is_golden(run_sip) -> None:
    result = run_sip("lint", "--format", "json", FLAWED.relative_to(ROOT))
    assert result.exit_code == 1
    if os.environ.get("SIP_UPDATE_GOLDEN"):
        GOLDEN.parent.mkdir(exist_ok=True)
        GOLDEN.write_text(result.stdout, encoding="utf-8")
    assert result.stdout == GOLDEN.read_text(encoding="utf-8")


def test_flawed_plan_makes_many_rules_fire(run_sip) -> None:
    output = json.loads(GOLDEN.read_text(encoding="utf-8"))
    fired = {diagnostic["code"] for diagnostic in output["diagnostics"]}
    assert len(fired) >= 25, sorted(fired)


def test_golden_file_is_json_with_positions() -> None:
    output = json.loads(Path(GOLDEN).read_text(encoding="utf-8"))
    assert output["version"] == 1
    assert all(d["line"] >= 1 and d["column"] >= 1 for d in output["diagnostics"])
