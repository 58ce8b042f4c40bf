"""Paths matched as git matches them: ``.gitignore`` files, and ``include``/``exclude`` settings.

Patterns follow gitignore's rules (the ``pathspec`` library reads them): ``*`` never crosses
a ``/``, ``**`` spans any number of folders, a pattern without a ``/`` matches at any depth,
a trailing ``/`` matches only folders, and ``!`` takes back what an earlier pattern
matched. Paths are given relative to the folder the patterns belong to, with ``/``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sipcli.errors import SipError
from sipcli.load.bounded import read_whole
from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from pathspec import GitIgnoreSpec


@dataclass(frozen=True)
class Patterns:
    """Gitignore-style patterns that belong to a folder (paths are matched relative to it)."""

    base: Path
    spec: GitIgnoreSpec

    def verdict(self, path: Path, *, is_dir: bool) -> bool | None:
        """Return True (matched), False (taken back with ``!``) or None (no pattern applies).

        The last pattern that matches decides, as in git.
        """
        try:
            relative = path.relative_to(self.base).as_posix()
        except ValueError:
            return None
        if is_dir:
            relative += "/"
        decided: bool | None = None
        for pattern in self.spec.patterns:
            regex = getattr(pattern, "regex", None)
            if pattern.include is not None and regex is not None and regex.match(relative):
                decided = bool(pattern.include)
        return decided


def patterns(base: Path, lines: Iterable[str]) -> Patterns:
    """Return the patterns in ``lines`` (as a .gitignore holds them), relative to ``base``."""
    # Imported here: checking one named plan walks no folder and needs no patterns.
    from pathspec import GitIgnoreSpec  # noqa: PLC0415

    return Patterns(base, GitIgnoreSpec.from_lines(list(lines)))


def matches(pattern: str, relative: str) -> bool:
    """Return True when the path ``relative`` (with ``/``) matches one gitignore ``pattern``."""
    return _spec_of(pattern).match_file(relative)


@cache
def _spec_of(pattern: str) -> GitIgnoreSpec:
    from pathspec import GitIgnoreSpec  # noqa: PLC0415

    return GitIgnoreSpec.from_lines([pattern])


def ignored(path: Path, chain: Sequence[Patterns], *, is_dir: bool) -> bool:
    """Return True when the deepest set of patterns in ``chain`` with a say ignores ``path``.

    ``chain`` goes from the outermost folder to the innermost, as git reads .gitignore files.
    """
    for layer in reversed(chain):
        verdict = layer.verdict(path, is_dir=is_dir)
        if verdict is not None:
            return verdict
    return False


def gitignore_in(folder: Path) -> Patterns | None:
    """Return the patterns of ``folder``'s .gitignore, or None when there are none.

    At a repository root ``.git/info/exclude`` counts too, as for git.
    """
    lines: list[str] = []
    for name in (Path(".git/info/exclude"), Path(".gitignore")):
        candidate = folder / name
        if candidate.is_file():
            try:
                lines += (
                    read_whole(candidate, DEFAULT_MAX_BYTES).decode("utf-8", "replace").splitlines()
                )
            except SipError:
                continue  # an unreadable .gitignore ignores nothing, as for git
    return patterns(folder, lines) if lines else None


def gitignores_above(folder: Path) -> list[Patterns]:
    """Return the .gitignore patterns from the repository root down to ``folder``'s parent.

    Outside a git repository there are none: a .gitignore means nothing there.
    """
    resolved = folder.resolve()
    above = list(resolved.parents)
    root = next(
        (candidate for candidate in (resolved, *above) if (candidate / ".git").exists()), None
    )
    if root is None or root == resolved:
        return []
    chain = []
    for candidate in reversed(above):
        if candidate == root or root in candidate.parents:
            found = gitignore_in(candidate)
            if found is not None:
                chain.append(found)
    return chain
