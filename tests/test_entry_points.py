"""The installed `sip` command and `python -m sipcli`, run as real processes."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from sipcli import __version__

from .conftest import MINIMAL_PLAN


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_python_dash_m_sipcli_version() -> None:
    result = _run(sys.executable, "-m", "sipcli", "--version")
    assert (result.returncode, result.stdout.strip()) == (0, f"sip {__version__}")


@pytest.fixture
def sip_command() -> str:
    found = shutil.which("sip", path=str(Path(sys.executable).parent))
    assert found, "the `sip` console script is not installed next to this Python"
    return found


def test_installed_sip_validates(sip_command: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(MINIMAL_PLAN, encoding="utf-8")
    result = _run(sip_command, "validate", "-f", "concise", str(plan))
    assert (result.returncode, result.stdout.strip()) == (0, "1 file checked: no problems.")


def test_installed_sip_reports_problems_without_traceback(sip_command: str, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_bytes(b"schema_version: 1\nschool: [\n")
    result = _run(sip_command, "validate", str(plan))
    assert result.returncode == 1
    assert "SIP001" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_installed_sip_missing_file_exits_2(sip_command: str, tmp_path: Path) -> None:
    result = _run(sip_command, "validate", str(tmp_path / "missing.yaml"))
    assert result.returncode == 2
    assert result.stderr.startswith("sip: error: ")
