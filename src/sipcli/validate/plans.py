"""The one plan loop: every command that reads plans reads them here.

For each path it yields a `PlanFile`: the file's diagnostics, its `Plan` when it is valid,
and the reference facts that apply to it (the shipped facts, or those the nearest
``.sip.yaml`` names). The facts are looked up only when a command asks for them, so
``sip validate`` never reads a configuration file and no command imports the lint rules
to find them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache, cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from sipcli.diagnostics import FileResult, RunResult
from sipcli.load.git_revision import read_at_revision
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import Document
from sipcli.model import Plan
from sipcli.model.reference import Reference, default_reference, load_reference
from sipcli.validate.check import validate_bytes, validate_file

if TYPE_CHECKING:
    from sipcli.load.config import ConfigFile

#: Told ``(files done, files in all)`` as a run goes; the command line shows it as progress.
FileProgress = Callable[[int, int], None]


@dataclass(frozen=True)
class PlanFile:
    """One plan file as read: its result, its document and plan (when valid), its facts."""

    path: Path
    result: FileResult
    plan: Plan | None
    document: Document | None = None
    config: Path | None = field(default=None, compare=False)
    """The configuration file named on the command line (None: the nearest one)."""

    @cached_property
    def reference(self) -> Reference:
        """The reference facts for this plan.

        Raises:
            SipError: when the configuration file or the facts file it names is invalid.
        """
        return reference_for(self.path, self.config)


def read_plans(
    paths: Iterable[Path],
    *,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_special: bool = False,
    show_placeholders: bool = False,
    on_file: FileProgress | None = None,
) -> Iterator[PlanFile]:
    """Load and validate each plan file in turn (pipes and devices only with ``allow_special``).

    ``show_placeholders`` reports each `sip init` placeholder on its own. ``on_file`` is told
    ``(done, total)`` before each file and once at the end; a file counts as done once the
    caller has asked for the next one, so its own work on the file is counted too.

    Raises:
        UnreadableFileError: when a file cannot be read at all.
    """
    paths = list(paths)
    for done, path in enumerate(paths):
        if on_file is not None:
            on_file(done, len(paths))
        checked = validate_file(
            path,
            max_bytes=max_bytes,
            allow_special=allow_special,
            config=config,
            show_placeholders=show_placeholders,
        )
        yield PlanFile(path, checked.result, checked.plan, checked.document, config)
    if on_file is not None:
        on_file(len(paths), len(paths))


def read_plan_at_revision(path: Path, rev: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> PlanFile:
    """Load and validate ``path`` as committed in git revision ``rev`` (for `sip diff --rev`).

    Raises:
        SipError: when git cannot show the file at that revision.
    """
    committed = read_at_revision(path, rev)
    checked = validate_bytes(
        committed.content, file=committed.label, max_bytes=max_bytes, path=path
    )
    return PlanFile(path, checked.result, checked.plan, checked.document)


def validate_files(
    paths: Iterable[Path],
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    allow_special: bool = False,
    show_placeholders: bool = False,
    on_file: FileProgress | None = None,
) -> RunResult:
    """Validate every file in ``paths`` (already collected) and gather the results.

    ``on_file`` is told ``(done, total)`` as files are checked (see `read_plans`).
    """
    sources = read_plans(
        paths,
        max_bytes=max_bytes,
        allow_special=allow_special,
        show_placeholders=show_placeholders,
        on_file=on_file,
    )
    return RunResult([source.result for source in sources])


def reference_for(plan: Path, config: Path | None = None) -> Reference:
    """Return the reference facts for ``plan``: shipped, merged with the configuration's file.

    Raises:
        SipError: when the configuration file or the facts file it names is invalid.
    """
    # Imported here: `sip validate` never reads a configuration file.
    from sipcli.load.config import config_path_for, read_config  # noqa: PLC0415

    path = config_path_for(plan, config)
    data, _ = read_config(path)
    return reference_in(path, data)


def reference_in(config: Path | None, data: ConfigFile) -> Reference:
    """Return the reference facts a configuration file (already read) names.

    Raises:
        SipError: when the facts file cannot be read or is invalid.
    """
    from sipcli.load.config import reference_path  # noqa: PLC0415

    return _reference_at(reference_path(config, data))


@cache
def _reference_at(path: Path | None) -> Reference:
    return load_reference(path) if path is not None else default_reference()
