"""The examples' DOCX converted to PDF with LibreOffice: several pages, with the plan's text.

Skipped where LibreOffice (``soffice``) is not installed; the text check also needs
``pdftotext`` (poppler-utils).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from sipcli.model import Plan
from sipcli.render.docx_render import render_docx
from sipcli.render.view import build_view
from sipcli.validate.check import validate_file

from .conftest import EXAMPLES

SOFFICE = shutil.which("soffice")
PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
EXAMPLE_FILES = sorted(EXAMPLES.glob("*.yaml"))

pytestmark = pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")


def load_plan(path: Path) -> Plan:
    checked = validate_file(path)
    assert checked.plan is not None, checked.result.diagnostics
    return checked.plan


@pytest.fixture(scope="module")
def pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Plan, Path]]:
    """Each example's plan and its PDF, converted in one LibreOffice run."""
    assert SOFFICE is not None
    folder = tmp_path_factory.mktemp("pdf")
    plans = {}
    documents = []
    for path in EXAMPLE_FILES:
        plan = load_plan(path)
        document = folder / f"{path.stem}.docx"
        document.write_bytes(render_docx(build_view(plan)))
        plans[path.stem] = plan
        documents.append(str(document))
    # A profile of its own, so that a LibreOffice already open does not swallow the job.
    profile = (folder / "profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(folder),
            *documents,
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {name: (plan, folder / f"{name}.pdf") for name, plan in plans.items()}


def page_count(pdf: Path) -> int:
    """The number of pages: from pdfinfo when installed, else the PDF's page objects."""
    if PDFINFO is not None:
        info = subprocess.run(
            [PDFINFO, str(pdf)], check=True, capture_output=True, text=True
        ).stdout
        found = re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE)
        assert found, info
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


def pdf_text(pdf: Path) -> str:
    """The PDF's text with all runs of white space made single spaces."""
    assert PDFTOTEXT is not None
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return " ".join(text.split())


@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_each_example_converts_to_a_pdf_of_several_pages(pdfs, name):
    _, pdf = pdfs[name]
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page_count(pdf) > 1


@pytest.mark.skipif(PDFTOTEXT is None, reason="pdftotext (poppler-utils) is not installed")
@pytest.mark.parametrize("name", [path.stem for path in EXAMPLE_FILES])
def test_the_pdf_shows_the_school_and_a_goal(pdfs, name):
    plan, pdf = pdfs[name]
    text = pdf_text(pdf)
    assert plan.school.name in text
    assert plan.goals
    statement = " ".join(plan.goals[0].statement.split())
    assert statement in text
