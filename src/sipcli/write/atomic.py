"""Write files atomically: to a temporary file beside the target, then moved into place."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomically(path: Path, content: str | bytes) -> None:
    r"""Write ``content`` to ``path`` so that readers see the old file or the new one, never half.

    Text is written as UTF-8 with ``\n`` line endings; bytes as they are.

    Raises:
        OSError: when the folder cannot be created or written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    data = content.encode("utf-8") if isinstance(content, str) else content
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, _mode_for(path))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _mode_for(path: Path) -> int:
    # mkstemp creates the file readable by its owner only; give it the mode a normally
    # created file would have (or keep the mode of the file it replaces).
    if path.exists():
        return path.stat().st_mode & 0o777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
