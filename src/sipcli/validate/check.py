"""Check plan files: load each with positions, validate it into a `Plan`, collect diagnostics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sipcli.diagnostics import FileResult
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import Document, LoadResult, load_bytes, load_file
from sipcli.model import Plan
from sipcli.validate.document import validate_document


@dataclass(frozen=True)
class CheckedFile:
    """One file after validation: its result, the loaded document, and the plan when valid."""

    result: FileResult
    plan: Plan | None
    document: Document | None = None


def validate_file(
    path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES, allow_special: bool = False
) -> CheckedFile:
    """Load and validate one plan file.

    Raises:
        UnreadableFileError: when the file cannot be read at all.
    """
    return _validated(load_file(path, max_bytes=max_bytes, allow_special=allow_special))


def validate_bytes(content: bytes, *, file: str, max_bytes: int = DEFAULT_MAX_BYTES) -> CheckedFile:
    """Load and validate a plan held in memory (a version committed to git), named ``file``."""
    return _validated(load_bytes(content, file=file, max_bytes=max_bytes))


def _validated(loaded: LoadResult) -> CheckedFile:
    if loaded.document is None:
        diagnostics = [loaded.diagnostic] if loaded.diagnostic else []
        return CheckedFile(FileResult(loaded.file, diagnostics, loaded.lines), None)
    validation = validate_document(loaded.document)
    return CheckedFile(
        FileResult(loaded.file, validation.diagnostics, loaded.lines),
        validation.plan,
        loaded.document,
    )
