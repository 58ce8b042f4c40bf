"""Check plan files: load each with positions, validate it into a `Plan`, collect diagnostics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sipcli.diagnostics import FileResult
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import Document, LoadResult, load_bytes, load_file
from sipcli.model import Plan
from sipcli.periods import CalendarSettings
from sipcli.validate.document import CalendarSource, validate_document


@dataclass(frozen=True)
class CheckedFile:
    """One file after validation: its result, the loaded document, and the plan when valid."""

    result: FileResult
    plan: Plan | None
    document: Document | None = None


def validate_file(
    path: Path,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_special: bool = False,
    config: Path | None = None,
    show_placeholders: bool = False,
) -> CheckedFile:
    """Load and validate one plan file, its periods read in the calendar ``config`` sets.

    ``config`` is the configuration file named on the command line; without it the nearest
    ``.sip.yaml`` gives the calendar (or the shipped one). ``show_placeholders`` reports
    each placeholder on its own rather than once per section.

    Raises:
        UnreadableFileError: when the file cannot be read at all.
        SipError: when the configuration file is invalid.
    """
    loaded = load_file(path, max_bytes=max_bytes, allow_special=allow_special)
    return _validated(loaded, calendar_source(path, config), show_placeholders)


def validate_bytes(
    content: bytes, *, file: str, max_bytes: int = DEFAULT_MAX_BYTES, path: Path | None = None
) -> CheckedFile:
    """Load and validate a plan held in memory (a version committed to git), named ``file``.

    ``path`` is where the plan lives in the working tree: its ``.sip.yaml`` gives the calendar.
    """
    settings = calendar_source(path, None) if path is not None else None
    return _validated(load_bytes(content, file=file, max_bytes=max_bytes), settings)


def calendar_source(path: Path, config: Path | None = None) -> CalendarSource:
    """Return what reads the calendar for ``path``: called only if the plan writes a period."""

    def settings() -> CalendarSettings | None:
        from sipcli.load.config import calendar_settings_for  # noqa: PLC0415 - rarely needed

        return calendar_settings_for(path, config)

    return settings


def _validated(
    loaded: LoadResult, calendar: CalendarSource | None, show_placeholders: bool = False
) -> CheckedFile:
    if loaded.document is None:
        diagnostics = [loaded.diagnostic] if loaded.diagnostic else []
        return CheckedFile(FileResult(loaded.file, diagnostics, loaded.lines), None)
    validation = validate_document(loaded.document, calendar, show_placeholders=show_placeholders)
    return CheckedFile(
        FileResult(loaded.file, validation.diagnostics, loaded.lines),
        validation.plan,
        loaded.document,
    )
