"""Write files atomically: to a temporary file beside the target, then moved into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from sipcli.errors import SipError


class FileChangedError(SipError):
    """The file changed on disk after sip read it; writing would lose that change."""


def write_atomically(path: Path, content: str | bytes, *, expected: bytes | None = None) -> None:
    r"""Write ``content`` to ``path`` so that readers see the old file or the new one, never half.

    Text is written as UTF-8 with ``\n`` line endings; bytes as they are. With ``expected``
    (the bytes the file held when it was read), the file is replaced only if it still holds
    them: a command that rewrites a file never loses an edit saved while it ran.

    Raises:
        OSError: when the folder cannot be created or written.
        FileChangedError: when the file no longer holds ``expected``; nothing is written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(path))
        if expected is not None:
            _check_unchanged(path, expected)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check_unchanged(path: Path, expected: bytes) -> None:
    # Compared as late as possible, just before the replace; what a program saves in the
    # microseconds between the two cannot be detected without file locks, which editors
    # do not take.
    try:
        with path.open("rb") as stream:
            current = stream.read(len(expected) + 1)
    except FileNotFoundError:
        current = None
    if current != expected:
        raise FileChangedError(
            f"{path} changed while sip was working on it (another program or an editor saved "
            "it); nothing was written, so that change is kept. Run the command again."
        )


def _mode_for(path: Path) -> int:
    # mkstemp creates the file readable by its owner only; give it the mode a normally
    # created file would have (or keep the mode of the file it replaces).
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
