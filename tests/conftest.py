"""Shared fixtures: the repository's folders and a CLI runner that shows output on failure."""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sipcli.cli import app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"
#: The shipped example plans: one file each at the top, or a folder with its own .sip.yaml
#: (the flawed plan, kept to show lint findings, is not one of them).
EXAMPLE_PLANS = sorted([*EXAMPLES.glob("*.yaml"), *EXAMPLES.glob("*/plan.yaml")])
EXAMPLE_PLANS.remove(EXAMPLES / "flawed" / "plan.yaml")

#: Set by `.ci/run`: there a test that needs LibreOffice fails rather than skips without it.
REQUIRE_LIBREOFFICE = os.environ.get("SIP_REQUIRE_LIBREOFFICE") == "1"


def _soffice() -> str | None:
    """LibreOffice where sip itself would find it (SIP_SOFFICE, PATH, the usual install places)."""
    from sipcli.render.pdf import LibreOfficeMissing, find_soffice

    try:
        return find_soffice()
    except LibreOfficeMissing:
        return None


SOFFICE = _soffice()


def needs_libreoffice(test: object) -> object:
    """Skip ``test`` where LibreOffice is missing, with the reason; never under `.ci/run`."""
    if SOFFICE is None and REQUIRE_LIBREOFFICE:
        return pytest.mark.usefixtures("_libreoffice_required")(test)
    return pytest.mark.skipif(
        SOFFICE is None,
        reason="LibreOffice (soffice) is not installed: apt-get install libreoffice-writer",
    )(test)


@pytest.fixture
def _libreoffice_required() -> None:
    pytest.fail("SIP_REQUIRE_LIBREOFFICE=1 but LibreOffice (soffice) is not installed")


CHROMIUM = shutil.which("chromium")


def needs_chromium(test: object) -> object:
    """Skip ``test`` where headless Chromium is missing, with the reason; never under `.ci/run`."""
    if CHROMIUM is None and REQUIRE_LIBREOFFICE:
        return pytest.mark.usefixtures("_chromium_required")(test)
    return pytest.mark.skipif(
        CHROMIUM is None, reason="Chromium is not installed: apt-get install chromium"
    )(test)


@pytest.fixture
def _chromium_required() -> None:
    pytest.fail("SIP_REQUIRE_LIBREOFFICE=1 but Chromium (chromium) is not installed")


MINIMAL_PLAN = """\
schema_version: 1
school:
  name: Test School
  district: Test District
plan:
  type: initial
  school_year: SY2026-27
"""


@dataclass
class Result:
    """What a CLI run gave: exit code, standard output and standard error."""

    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture
def run_sip(monkeypatch: pytest.MonkeyPatch):
    """Run sip in-process through Typer's CliRunner, outside GitHub Actions by default."""
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)
    monkeypatch.delenv("SIP_MAX_FILE_SIZE", raising=False)
    monkeypatch.delenv("RUNNER_TEMP", raising=False)
    for colour in ("FORCE_COLOR", "NO_COLOR"):
        monkeypatch.delenv(colour, raising=False)

    def run(*args: str, env: dict[str, str] | None = None, input: str | None = None) -> Result:
        result = CliRunner().invoke(
            app, [str(arg) for arg in args], env=env, input=input, catch_exceptions=False
        )
        return Result(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def minimal_plan(tmp_path: Path) -> Path:
    """A minimal valid plan file."""
    path = tmp_path / "plan.yaml"
    path.write_text(MINIMAL_PLAN, encoding="utf-8")
    return path
