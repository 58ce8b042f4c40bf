"""`sip render --to pdf`: the Word document converted by LibreOffice, and what happens without it.

The tests marked ``needs_libreoffice`` run the real LibreOffice (skipped where it is missing,
never under `.ci/run`); their text checks read the PDF with ``pdftotext`` (poppler-utils). The
others stand a small fake ``soffice`` (a Python script) in for LibreOffice, to show what sip
does when LibreOffice is missing, hangs, fails or writes something that is not a PDF.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sipcli.cli import app
from sipcli.errors import SipError
from sipcli.render import pdf as pdf_module
from sipcli.render import run as run_module
from sipcli.render.pdf import (
    LibreOfficeMissing,
    PdfConversionError,
    docx_to_pdf,
    docxs_to_pdfs,
    find_soffice,
)
from sipcli.validate.check import validate_file

from .conftest import EXAMPLE_PLANS, EXAMPLES, REQUIRE_LIBREOFFICE, needs_libreoffice

PDFTOTEXT = shutil.which("pdftotext")
PDFINFO = shutil.which("pdfinfo")
MIDDLE = EXAMPLES / "middle.yaml"

#: A stand-in for soffice: it reads --outdir and the .docx arguments as LibreOffice does, logs
#: each run, and by FAKE_MODE writes "%PDF" and the document's bytes, writes junk, or writes
#: nothing.
FAKE_SOFFICE = """\
import os, sys
from pathlib import Path
arguments = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a", encoding="utf-8") as log:
    log.write(" ".join(arguments) + "\\n")
mode = os.environ.get("FAKE_MODE", "pdf")
outdir = Path(arguments[arguments.index("--outdir") + 1])
outdir.mkdir(parents=True, exist_ok=True)
for argument in arguments:
    if argument.endswith(".docx") and mode != "nothing":
        source = Path(argument)
        content = b"%PDF-fake " + source.read_bytes() if mode == "pdf" else b"<html>oops"
        (outdir / (source.stem + ".pdf")).write_bytes(content)
print("convert done\x1b[2J")
"""

fake_only = pytest.mark.skipif(sys.platform == "win32", reason="the fake soffice is a script")


@pytest.fixture
def fake_soffice(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point SIP_SOFFICE at the fake; returns its log (one line per run)."""
    script = tmp_path / "fake-soffice"
    script.write_text(f"#!{sys.executable}\n{FAKE_SOFFICE}", encoding="utf-8")
    script.chmod(0o755)
    log = tmp_path / "fake.log"
    log.touch()
    monkeypatch.setenv("SIP_SOFFICE", str(script))
    monkeypatch.setenv("FAKE_LOG", str(log))
    monkeypatch.setenv("FAKE_CHILD", str(tmp_path / "child.pid"))
    return log


def sip(*args: object, env: dict[str, str] | None = None) -> tuple[int, str]:
    """Run sip in-process; return the exit code and standard error."""
    result = CliRunner().invoke(app, [str(arg) for arg in args], env=env, catch_exceptions=False)
    return result.exit_code, result.stderr


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
    """The PDF's text with every run of white space made one space."""
    if PDFTOTEXT is None:
        if REQUIRE_LIBREOFFICE:
            pytest.fail("SIP_REQUIRE_LIBREOFFICE=1 but pdftotext (poppler-utils) is missing")
        pytest.skip("pdftotext is not installed: apt-get install poppler-utils")
    text = subprocess.run(
        [PDFTOTEXT, "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True
    ).stdout.decode("utf-8")
    return " ".join(text.split())


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every example's plan as DOCX and PDF (one sip run), and middle's progress report PDF."""
    folder = tmp_path_factory.mktemp("rendered")
    code, stderr = sip("render", *EXAMPLE_PLANS, "--to", "docx,pdf", "-o", folder)
    assert code == 0, stderr
    code, stderr = sip(
        "render", MIDDLE, "--report", "progress", "--as-of", "2027-02-15", "--to", "pdf",
        "-o", folder / "middle-progress.pdf",
    )  # fmt: skip
    assert code == 0, stderr
    return folder


@needs_libreoffice
@pytest.mark.parametrize("plan", EXAMPLE_PLANS, ids=lambda path: path.parent.name + path.stem)
def test_render_to_pdf_writes_the_plan_as_a_pdf_of_several_pages(rendered, plan: Path) -> None:
    pdf = rendered / f"{plan.stem}.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    assert page_count(pdf) > 1
    checked = validate_file(plan)
    assert checked.plan is not None and checked.plan.goals
    text = pdf_text(pdf)
    assert checked.plan.school.name in text
    assert " ".join(checked.plan.goals[0].statement.split()) in text


@needs_libreoffice
def test_the_progress_report_renders_to_pdf(rendered) -> None:
    pdf = rendered / "middle-progress.pdf"
    assert pdf.read_bytes().startswith(b"%PDF")
    text = pdf_text(pdf)
    checked = validate_file(MIDDLE)
    assert checked.plan is not None
    assert checked.plan.school.name in text
    # Each goal with its statement, as the progress report shows it.
    for goal in checked.plan.goals:
        assert " ".join(goal.statement.split()) in text


@needs_libreoffice
def test_the_same_document_gives_the_same_pdf_bytes(rendered) -> None:
    # The CLI converted middle.docx with the other plans, some seconds ago; alone, now, it
    # gives the same bytes: the conversion time and the ids made from it are fixed.
    content = docx_to_pdf((rendered / "middle.docx").read_bytes())
    assert content.startswith(b"%PDF")
    assert b"%%EOF" in content[-64:]
    assert b"/CreationDate(D:19800101000000" in content
    assert content == (rendered / "middle.pdf").read_bytes()


def test_the_conversion_time_and_ids_are_replaced_in_place() -> None:
    def made_at(second: str, ident: str) -> bytes:
        return (
            f"%PDF-1.6\n1 0 obj <</CreationDate(D:202612020539{second}Z')>>\nendobj\n"
            f"trailer\n<</Size 2/ID [ <{ident}>\n<{ident}> ]\n/DocChecksum /{ident[::-1]}\n>>\n"
            "startxref\n9\n%%EOF\n"
        ).encode("ascii")

    first = made_at("03", "4790B355A6652824DC0F85DD13897A8F")
    second = made_at("45", "70AE1982FE090644ADAF0B7CA0D59424")
    assert first != second
    fixed = pdf_module.reproducible(first)
    assert fixed == pdf_module.reproducible(second)
    assert len(fixed) == len(first)  # the byte offsets of the PDF's objects stay right
    assert b"D:19800101000000Z'" in fixed
    assert b"4790B355" not in fixed and b"F8A79831" not in fixed
    # Another document gets another id.
    assert pdf_module.reproducible(first.replace(b"Size 2", b"Size 3")) != fixed


@fake_only
def test_docx_and_pdf_in_one_run_make_the_pdf_from_the_docx_written(
    fake_soffice: Path, tmp_path: Path
) -> None:
    code, stderr = sip("render", MIDDLE, "--to", "docx,pdf", "-o", tmp_path / "out")
    assert code == 0, stderr
    docx = (tmp_path / "out" / "middle.docx").read_bytes()
    # The fake writes "%PDF-fake " and the document it was given: the same bytes.
    assert (tmp_path / "out" / "middle.pdf").read_bytes() == b"%PDF-fake " + docx
    assert "Wrote" in stderr and "middle.pdf" in stderr


@fake_only
def test_pdf_alone_writes_no_docx(fake_soffice: Path, tmp_path: Path) -> None:
    # "-o out/" is a folder, created, even for one plan in one format.
    code, stderr = sip("render", MIDDLE, "--to", "pdf", "-o", f"{tmp_path / 'out'}/")
    assert code == 0, stderr
    assert sorted(path.name for path in (tmp_path / "out").iterdir()) == ["middle.pdf"]


@fake_only
def test_plans_are_converted_together_in_batches(
    fake_soffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(run_module, "PDF_BATCH", 2)
    plans = [EXAMPLES / f"{name}.yaml" for name in ("elementary", "high", "middle")]
    code, stderr = sip("render", *plans, "--to", "pdf", "-o", tmp_path / "out")
    assert code == 0, stderr
    runs = fake_soffice.read_text(encoding="utf-8").splitlines()
    assert [line.count(".docx") for line in runs] == [2, 1]
    for plan in plans:
        assert (tmp_path / "out" / f"{plan.stem}.pdf").read_bytes().startswith(b"%PDF-fake PK")


@fake_only
def test_each_document_gets_its_own_pdf_back(fake_soffice: Path) -> None:
    # Keys that would clash or be unsafe as file names still come back to their own PDF.
    documents = {"a/plan.yaml": b"PK first", "b/plan.yaml": b"PK second", "../x": b"PK third"}
    converted = docxs_to_pdfs(documents)
    assert converted == {key: b"%PDF-fake " + value for key, value in documents.items()}
    assert docxs_to_pdfs({}) == {}


def test_without_libreoffice_nothing_is_written_and_the_message_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Even with one plan a batch, the run stops before the first plan's files are written.
    monkeypatch.setattr(run_module, "PDF_BATCH", 1)
    out = tmp_path / "out"
    code, stderr = sip(
        "render", EXAMPLES / "high.yaml", MIDDLE, "--to", "md,docx,pdf", "-o", out,
        env={"SIP_SOFFICE": "/nonexistent"},
    )  # fmt: skip
    assert code == 2
    assert not out.exists()
    message = " ".join(stderr.split())
    assert "SIP_SOFFICE is set to /nonexistent" in message
    assert "apt-get install libreoffice-writer" in message
    assert "brew install --cask libreoffice" in message
    assert "`--to docx` works without LibreOffice" in message
    assert "Traceback" not in stderr


def test_libreoffice_not_on_path_is_named_missing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SIP_SOFFICE", raising=False)
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.setattr(pdf_module, "_KNOWN_PLACES", ())
    with pytest.raises(LibreOfficeMissing, match="LibreOffice, which is not installed"):
        find_soffice()
    code, stderr = sip("render", MIDDLE, "--to", "pdf", "-o", tmp_path / "out")
    assert code == 2 and "not installed" in stderr
    assert not (tmp_path / "out").exists()


#: A LibreOffice that hangs: it starts a child that sleeps (its pid in FAKE_CHILD), as soffice
#: starts soffice.bin, and waits for it. A shell script, so that it is running within the
#: second the test allows even on a busy machine.
HANGING_SOFFICE = """\
#!/bin/sh
sleep 120 &
echo $! > "$FAKE_CHILD"
wait
"""


@fake_only
def test_a_libreoffice_that_hangs_is_stopped_and_reported(
    fake_soffice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    hanging = tmp_path / "hanging-soffice"
    hanging.write_text(HANGING_SOFFICE, encoding="utf-8")
    hanging.chmod(0o755)
    monkeypatch.setenv("SIP_SOFFICE", str(hanging))
    started = time.monotonic()
    code, stderr = sip(
        "render", MIDDLE, "--to", "md,pdf", "-o", tmp_path / "out", env={"SIP_PDF_SECONDS": "1"}
    )
    assert time.monotonic() - started < 30
    assert code == 2
    message = " ".join(stderr.split())
    assert "did not finish converting a document to PDF within 1 second" in message
    assert "--pdf-seconds" in message
    assert f"Nothing was written for {MIDDLE}" in message
    assert not (tmp_path / "out").exists()
    # What LibreOffice started is stopped with it, not left running.
    child = int((tmp_path / "child.pid").read_text())
    assert not _running(child)


def _running(pid: int) -> bool:
    stat = Path(f"/proc/{pid}/stat")
    if stat.parent.parent.is_dir():  # Linux: a zombie waiting for init to reap it is stopped
        return stat.exists() and stat.read_text().split(")")[-1].split()[0] != "Z"
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@fake_only
@pytest.mark.parametrize(
    ("mode", "words"),
    [("junk", "not a PDF"), ("nothing", "did not convert the Word document")],
)
def test_libreoffice_writing_no_pdf_is_an_error(
    fake_soffice: Path, monkeypatch: pytest.MonkeyPatch, mode: str, words: str
) -> None:
    monkeypatch.setenv("FAKE_MODE", mode)
    with pytest.raises(PdfConversionError, match=words) as raised:
        docx_to_pdf(b"PK not really")
    # What LibreOffice said is quoted, with its control characters made harmless.
    assert "convert done\\x1b[2J" in str(raised.value)
    assert "\x1b" not in str(raised.value)
    assert isinstance(raised.value, SipError)


@fake_only
def test_two_plans_rendering_to_one_pdf_are_refused_before_anything_runs(
    fake_soffice: Path, tmp_path: Path
) -> None:
    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        shutil.copy(MIDDLE, tmp_path / name / "plan.yaml")
    out = tmp_path / "out"
    code, stderr = sip(
        "render", tmp_path / "a" / "plan.yaml", tmp_path / "b" / "plan.yaml", "--to", "pdf",
        "-o", out,
    )  # fmt: skip
    assert code == 2 and "plan.pdf would be written twice" in stderr
    assert not out.exists()
    assert fake_soffice.read_text(encoding="utf-8") == ""


@fake_only
def test_a_pdf_output_over_a_plan_is_refused(fake_soffice: Path, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    shutil.copy(MIDDLE, plan)
    other = tmp_path / "notes.pdf"
    shutil.copy(MIDDLE, other)  # a plan saved under a .pdf name is still a plan
    code, stderr = sip("render", plan, "--to", "pdf", "-o", other)
    assert code == 2 and "holds a plan" in stderr
    assert other.read_bytes() == MIDDLE.read_bytes()
