"""Read a file as it was committed in a git revision, for `sip diff PLAN --rev REV`.

Runs the ``git`` program of the file's own repository (never a shell), and turns each way
that can fail into a `SipError` with a message saying what to do.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

from sipcli.errors import SipError

#: Seconds to wait for git; reading one blob of a local repository takes milliseconds.
GIT_TIMEOUT = 60


class GitRevisionError(SipError):
    """A file could not be read from a git revision: no git, no repository, no such revision."""


@dataclass(frozen=True)
class CommittedFile:
    """A file's bytes in a revision, and its name as git shows it: ``HEAD~1:plans/a.yaml``."""

    label: str
    content: bytes


def read_at_revision(path: Path, revision: str) -> CommittedFile:
    """Return ``path`` as committed in ``revision`` of the repository that holds it.

    Raises:
        GitRevisionError: when git is missing, ``path`` is not in a repository, the revision
            is unknown, or the file is not in that revision.
    """
    if not revision.strip() or revision.startswith("-"):
        # A leading dash would make git read the revision as an option.
        raise GitRevisionError(f"'{revision}' is not a git revision; give e.g. HEAD~1 or a tag")
    folder = path.absolute().parent
    if not folder.is_dir():
        raise GitRevisionError(f"cannot read {path}: its folder {folder} does not exist")
    top = _git(folder, "rev-parse", "--show-toplevel")
    if top.returncode != 0:
        raise GitRevisionError(
            f"{path} is not in a git repository, so --rev cannot read an earlier version; "
            "compare two files instead: sip diff OLD NEW"
        )
    root = Path(top.stdout.decode("utf-8", errors="replace").strip())
    try:
        relative = (folder.resolve() / path.name).relative_to(root.resolve()).as_posix()
    except ValueError:
        # core.worktree (or GIT_WORK_TREE) can put the work tree somewhere else entirely.
        raise GitRevisionError(
            f"{path} is outside the work tree of its git repository ({root}), so git cannot "
            "name its earlier version; compare two files instead: sip diff OLD NEW"
        ) from None
    if _git(root, "rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}").returncode != 0:
        raise GitRevisionError(
            f"unknown revision '{revision}' in the repository at {root}; "
            "list revisions with: git log --oneline"
        )
    blob = _git(root, "cat-file", "blob", f"{revision}:{relative}")
    if blob.returncode != 0:
        raise GitRevisionError(
            f"{relative} is not in revision '{revision}' (was it added later, or renamed?); "
            f"see its history with: git log --follow -- {relative}"
        )
    return CommittedFile(f"{revision}:{relative}", blob.stdout)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    try:
        # A fixed program and an argument list: nothing goes through a shell.
        return subprocess.run(
            ["git", "-C", str(folder), *args],
            capture_output=True,
            stdin=subprocess.DEVNULL,
            timeout=GIT_TIMEOUT,
            check=False,
        )
    except FileNotFoundError as error:
        raise GitRevisionError("--rev needs git, but the git program was not found") from error
    except subprocess.TimeoutExpired as error:
        raise GitRevisionError(f"git did not answer within {GIT_TIMEOUT} seconds") from error
    except OSError as error:
        raise GitRevisionError(f"cannot run git: {error.strerror or error}") from error
