"""Word documents to PDF with LibreOffice, the way a consultant would print them.

LibreOffice lays the PDF out from the same DOCX sip writes, so the PDF is the Word document a
school committee would open: the same title page, table of contents, tables and page numbers.
It runs headless in a subprocess, with a profile of its own in a temporary folder: a
LibreOffice the user has open would otherwise take the job over (and the command would return
with nothing converted), and two sip runs at once would fight over one profile. One run
converts many documents, which is much faster than one run each: starting LibreOffice costs
seconds, a document a fraction of one.

The same document gives the same PDF bytes (with the same LibreOffice): LibreOffice stamps
the time of the conversion and an id made from it, and sip writes the fixed date the Word
document carries instead, and an id made from the PDF's content.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from sipcli.errors import SipError

#: How long LibreOffice may take for one document, start-up included: a plan takes a few
#: seconds; two minutes means LibreOffice is stuck (a dialog, a broken profile, a full disk).
DEFAULT_PDF_SECONDS = 120.0
#: The environment variable naming the LibreOffice program, when it is not on PATH.
SOFFICE_VARIABLE = "SIP_SOFFICE"
#: Where the installers put LibreOffice when it is not on PATH (macOS and Windows).
_KNOWN_PLACES = (
    "/Applications/LibreOffice.app/Contents/MacOS/soffice",
    r"C:\Program Files\LibreOffice\program\soffice.exe",
    r"C:\Program Files (x86)\LibreOffice\program\soffice.exe",
)
#: How much of LibreOffice's own output a message quotes.
_QUOTED = 400
#: The conversion time LibreOffice writes into the PDF's information (its 14 digits), and
#: the date written instead: the one the Word document carries.
_CREATED = re.compile(rb"(/CreationDate\s*\(D:)\d{14}")
FIXED_DATE = b"19800101000000"
#: The trailer's file id (two hex strings) and LibreOffice's checksum of the file, both made
#: from the time of the conversion.
_FILE_ID = re.compile(rb"(/ID\s*\[\s*<)([0-9A-Fa-f]{32})(>\s*<)([0-9A-Fa-f]{32})(>)")
_CHECKSUM = re.compile(rb"(/DocChecksum\s*/)([0-9A-Fa-f]{32})")

INSTALL_HINT = (
    "Install LibreOffice and run the command again: on Debian or Ubuntu "
    "`sudo apt-get install libreoffice-writer`, on macOS `brew install --cask libreoffice`, "
    "on Windows the installer from https://www.libreoffice.org/download/. If it is installed "
    f"somewhere sip does not look, set {SOFFICE_VARIABLE} to the soffice program. "
    "`--to docx` works without LibreOffice."
)


class LibreOfficeMissing(SipError):
    """LibreOffice is not installed (or not where ``SIP_SOFFICE`` says): no PDF can be made."""


class PdfConversionError(SipError):
    """LibreOffice ran but did not produce a PDF: it failed, or ran out of time."""


def find_soffice() -> str:
    """Return the LibreOffice program to run: ``SIP_SOFFICE``, else PATH, else where installed.

    Raises:
        LibreOfficeMissing: when there is none, with how to install it.
    """
    chosen = os.environ.get(SOFFICE_VARIABLE)
    if chosen:
        found = shutil.which(chosen)
        if found is None:
            raise LibreOfficeMissing(
                f"{SOFFICE_VARIABLE} is set to {chosen}, which is not a program sip can run, "
                f"so no PDF can be made. Point {SOFFICE_VARIABLE} at LibreOffice's soffice "
                f"program, or unset it. {INSTALL_HINT}"
            )
        return found
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found is not None:
            return found
    for place in _KNOWN_PLACES:
        if Path(place).is_file():
            return place
    raise LibreOfficeMissing(
        f"a PDF is made by LibreOffice, which is not installed (no soffice program found). "
        f"{INSTALL_HINT}"
    )


def docx_to_pdf(document: bytes, *, timeout: float = DEFAULT_PDF_SECONDS) -> bytes:
    """Convert one Word document (its bytes) to the bytes of a PDF with LibreOffice.

    Raises:
        LibreOfficeMissing: when LibreOffice is not installed.
        PdfConversionError: when LibreOffice fails, writes no PDF, or runs past ``timeout``
            seconds (it is then stopped).
    """
    return docxs_to_pdfs({"document": document}, timeout=timeout)["document"]


def docxs_to_pdfs(
    documents: Mapping[str, bytes], *, timeout: float = DEFAULT_PDF_SECONDS
) -> dict[str, bytes]:
    """Convert several Word documents to PDF in one LibreOffice run; keys are kept.

    ``timeout`` is the seconds allowed per document; the run may take that times the number
    of documents.

    Raises:
        LibreOfficeMissing: when LibreOffice is not installed.
        PdfConversionError: when LibreOffice fails, leaves a document unconverted, or runs
            past its time (it is then stopped).
    """
    if not documents:
        return {}
    soffice = find_soffice()
    with tempfile.TemporaryDirectory(prefix="sip-pdf-") as folder:
        work = Path(folder)
        inputs, outputs = work / "in", work / "out"
        inputs.mkdir()
        # Numbered names: the keys may be anything (paths, names that clash once stemmed).
        names = {key: f"document-{index:04d}" for index, key in enumerate(documents)}
        for key, name in names.items():
            (inputs / f"{name}.docx").write_bytes(documents[key])
        command = [
            soffice,
            f"-env:UserInstallation={(work / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            str(outputs),
            *(str(inputs / f"{name}.docx") for name in names.values()),
        ]
        allowed = timeout * len(documents)
        log = _run(command, allowed, len(documents))
        return {key: _read_pdf(outputs / f"{name}.pdf", log) for key, name in names.items()}


def _run(command: list[str], allowed: float, count: int) -> str:
    """Run LibreOffice and return what it printed; stop it (and its children) on time out."""
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            # Its own process group, so that a time out stops soffice.bin too, not only the
            # soffice script that started it.
            start_new_session=sys.platform != "win32",
            # The time zone goes into the PDF's date: one for every machine.
            env={**os.environ, "TZ": "UTC"},
        )
    except OSError as error:
        raise LibreOfficeMissing(
            f"LibreOffice ({command[0]}) could not be started: {error.strerror or error}. "
            f"{INSTALL_HINT}"
        ) from error
    try:
        printed, _ = process.communicate(timeout=allowed)
    except subprocess.TimeoutExpired:
        _stop(process)
        documents = "a document" if count == 1 else f"{count} documents"
        seconds = "1 second" if allowed == 1 else f"{allowed:g} seconds"
        raise PdfConversionError(
            f"LibreOffice did not finish converting {documents} to PDF within {seconds}, "
            "so sip stopped it. A slow or busy machine can need more time: allow it with "
            "--pdf-seconds (or SIP_PDF_SECONDS). If LibreOffice stops again, check that "
            "`--to docx` gives a document LibreOffice opens."
        ) from None
    return _quotable(printed.decode("utf-8", "replace"))


def _quotable(text: str) -> str:
    """LibreOffice's output on one line, with control characters shown as escapes.

    It goes into an error message on a terminal, where a control character could act.
    """
    one_line = " ".join(text.split())
    return "".join(char if char.isprintable() else repr(char)[1:-1] for char in one_line)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Stop LibreOffice and whatever it started, then reap it."""
    if sys.platform == "win32":
        # soffice.exe starts soffice.bin; taskkill /T stops the whole tree.
        subprocess.run(
            ["taskkill", "/F", "/T", "/PID", str(process.pid)],
            capture_output=True,
            check=False,
        )
    else:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            process.kill()
    try:
        # A child that escaped would hold the output pipe open: do not wait for it for ever.
        process.communicate(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()


def _read_pdf(path: Path, log: str) -> bytes:
    """The PDF LibreOffice wrote at ``path``, checked to be one.

    Raises:
        PdfConversionError: when it is missing or is not a PDF.
    """
    said = f" LibreOffice said: {log[-_QUOTED:]}" if log else ""
    try:
        content = path.read_bytes()
    except OSError:
        raise PdfConversionError(
            "LibreOffice did not convert the Word document to PDF. Check that `--to docx` "
            f"gives a document LibreOffice opens.{said}"
        ) from None
    if not content.startswith(b"%PDF"):
        raise PdfConversionError(f"LibreOffice wrote something that is not a PDF.{said}")
    return reproducible(content)


def reproducible(content: bytes) -> bytes:
    """The PDF with its conversion time fixed and its file id made from its content.

    Each replacement has the length of what it replaces, so the PDF's table of byte offsets
    stays right.
    """
    content = _CREATED.sub(lambda found: found.group(1) + FIXED_DATE, content)
    digest = hashlib.sha256(_with_ids(content, b"0" * 32)).hexdigest()[:32].upper()
    return _with_ids(content, digest.encode("ascii"))


def _with_ids(content: bytes, ident: bytes) -> bytes:
    """``content`` with the file id's two strings and the checksum all ``ident``."""
    content = _FILE_ID.sub(
        lambda found: found.group(1) + ident + found.group(3) + ident + found.group(5), content
    )
    return _CHECKSUM.sub(lambda found: found.group(1) + ident, content)
