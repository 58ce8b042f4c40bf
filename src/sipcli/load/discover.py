"""Find the plan files named on the command line: files as given, folders searched recursively."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sipcli.errors import NoInputError, UnreadableFileError

PLAN_SUFFIXES = (".yaml", ".yml")
#: Folders that never hold plans and can be large.
SKIPPED_FOLDERS = frozenset({".git", ".venv", "venv", "node_modules", "__pycache__", ".tox"})


def collect_plan_files(paths: Iterable[Path]) -> list[Path]:
    """Return the plan files in ``paths``, each once, in a stable order.

    A file is taken whatever its suffix (the user named it); a folder contributes every
    ``*.yaml`` and ``*.yml`` below it, hidden and tool folders excepted.

    Raises:
        UnreadableFileError: when a path does not exist.
        NoInputError: when the paths hold no plan file at all.
    """
    found: dict[Path, None] = {}
    for path in paths:
        if path.is_dir():
            found.update(dict.fromkeys(_plans_below(path)))
        elif path.exists():
            found[path] = None
        else:
            raise UnreadableFileError(f"{path}: no such file or folder")
    if not found:
        shown = ", ".join(str(path) for path in paths) or "(none)"
        raise NoInputError(f"no .yaml or .yml files found in {shown}")
    return list(found)


def _plans_below(folder: Path) -> list[Path]:
    plans = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder).parts
        if any(part in SKIPPED_FOLDERS or part.startswith(".") for part in relative[:-1]):
            continue
        if relative[-1].startswith("."):
            continue  # hidden files, among them sip's own .sip.yaml configuration
        if path.suffix.lower() in PLAN_SUFFIXES and path.is_file():
            plans.append(path)
    return plans
