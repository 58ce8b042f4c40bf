"""Start-up cost: each command imports only what it needs (checked in a fresh interpreter)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import MINIMAL_PLAN

WATCHED = ("rich", "jinja2", "ruamel", "sipcli", "docx", "docxtpl", "jsonschema")
PROBE = f"""
import atexit, json, sys
atexit.register(lambda: print(json.dumps(sorted(
    name for name in sys.modules if name.split(".")[0] in {WATCHED!r}
))))
sys.argv = ["sip", *sys.argv[1:]]
from sipcli.cli import main
main()
"""


def imported_by(*args: str) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return set(json.loads(result.stdout.strip().splitlines()[-1]))


def test_version_loads_neither_yaml_nor_the_model() -> None:
    modules = imported_by("--version")
    assert not {name for name in modules if name.startswith(("ruamel", "sipcli.model", "rich"))}


@pytest.fixture
def clean_plan(tmp_path: Path) -> Path:
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN, encoding="utf-8")
    return path


def test_clean_validate_needs_no_rich_and_no_templates(clean_plan: Path) -> None:
    modules = imported_by("validate", str(clean_plan))
    assert "sipcli.model" in modules and "ruamel.yaml" in modules
    assert not {
        name for name in modules if name.startswith(("rich", "jinja2", "docx", "jsonschema"))
    }


def test_validate_with_problems_uses_rich_for_the_report(clean_plan: Path) -> None:
    clean_plan.write_text(MINIMAL_PLAN.replace("initial", "intial"), encoding="utf-8")
    assert "rich.console" in imported_by("validate", str(clean_plan))


def test_clean_validate_reads_no_configuration(clean_plan: Path) -> None:
    modules = imported_by("validate", str(clean_plan))
    assert not {name for name in modules if name.startswith(("sipcli.lint", "sipcli.load.config"))}


@pytest.mark.parametrize(
    "command",
    [
        ["score"],
        ["progress", "--as-of", "2027-01-31"],
        # Not `sip report`: it judges each school's stages as `sip status` does, with the rules.
        ["render", "--to", "md", "-o", "{out}/plan.md"],
    ],
)
def test_commands_that_only_need_reference_facts_do_not_import_the_rules(
    clean_plan: Path, command: list[str]
) -> None:
    args = [part.replace("{out}", str(clean_plan.parent)) for part in command]
    modules = imported_by(*args, str(clean_plan))
    assert "sipcli.validate.plans" in modules
    assert not {name for name in modules if name.startswith("sipcli.lint")}


def test_lint_imports_the_scorer_only_for_the_rule_that_scores(clean_plan: Path) -> None:
    assert "sipcli.score.scorer" in imported_by("lint", str(clean_plan))
    without = imported_by("lint", "--ignore", "SIP801", str(clean_plan))
    assert "sipcli.lint.rules.smart_score_below" in without
    assert not {name for name in without if name.startswith("sipcli.score")}
