"""Find the plan files named on the command line: files as given, folders searched recursively.

A folder walk follows the configuration that applies to the folder (the nearest
``.sip.yaml`` or ``[tool.sip]``): ``include`` (default ``*.yaml`` and ``*.yml``) and
``exclude``, gitignore-style patterns relative to the configuration's folder, and, unless
``respect-gitignore: false``, the ``.gitignore`` files from the repository root down. A
file named on the command line is always read: the user chose it.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sipcli.errors import NoInputError, UnreadableFileError
from sipcli.load.ignore import Patterns, gitignore_in, gitignores_above, ignored, patterns

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


@dataclass(frozen=True)
class WalkRules:
    """What a folder walk takes: ``include`` and ``exclude`` patterns, and .gitignore or not."""

    include: Patterns | None
    exclude: Patterns | None
    respect_gitignore: bool = True


def walk_rules(folder: Path) -> WalkRules:
    """Return the walk settings of the configuration that applies to ``folder``.

    Raises:
        SipError: when that configuration file is invalid.
    """
    from sipcli.load.config import find_config, read_config  # noqa: PLC0415 - pydantic

    config = find_config(folder)
    data, _ = read_config(config)
    base = config.parent if config is not None else folder.resolve()
    include = patterns(base, data.include) if data.include is not None else None
    exclude = patterns(base, data.exclude) if data.exclude else None
    return WalkRules(include, exclude, data.respect_gitignore)


def _plans_below(folder: Path) -> list[Path]:
    rules = walk_rules(folder)
    root = folder.resolve()
    chain = gitignores_above(root) if rules.respect_gitignore else []
    layers = {root: chain}
    plans = []
    for current, folders, files in os.walk(root):
        here = Path(current)
        chain = layers.pop(here)
        own = gitignore_in(here) if rules.respect_gitignore else None
        if own is not None:
            chain = [*chain, own]
        kept = []
        for name in sorted(folders):
            if not _skipped(here / name, name, chain, rules, is_dir=True):
                layers[here / name] = chain
                kept.append(name)
        folders[:] = kept  # os.walk descends only into these
        for name in sorted(files):
            path = here / name
            if not _skipped(path, name, chain, rules, is_dir=False) and _included(path, rules):
                plans.append(folder / path.relative_to(root))
    return sorted(plans)


def _skipped(
    path: Path, name: str, chain: list[Patterns], rules: WalkRules, *, is_dir: bool
) -> bool:
    if name.startswith("."):
        return True  # hidden files and folders, among them sip's own .sip.yaml configuration
    if is_dir and name in SKIPPED_FOLDERS:
        return True
    if rules.exclude is not None and rules.exclude.verdict(path, is_dir=is_dir):
        return True
    return ignored(path, chain, is_dir=is_dir)


def _included(path: Path, rules: WalkRules) -> bool:
    if rules.include is not None:
        return bool(rules.include.verdict(path, is_dir=False))
    return path.suffix.lower() in PLAN_SUFFIXES and path.is_file()
