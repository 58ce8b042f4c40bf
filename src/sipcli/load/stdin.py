"""A plan given on standard input (``-`` on the command line), read once and within the limit.

The rest of sip works on paths: the plan read from standard input is remembered here under
the path it stands for (``--stdin-filename``, else ``-``), so that messages name it, the
``.sip.yaml`` that applies is found from it, and every later read of that path returns the
same bytes instead of touching the disk.
"""

from __future__ import annotations

from pathlib import Path
from typing import BinaryIO

from sipcli.errors import UnreadableFileError
from sipcli.load.bounded import Bounded, read_whole

#: How the command line names standard input.
STDIN_ARGUMENT = "-"

_remembered: dict[Path, Bounded] = {}


def read_stdin(stream: BinaryIO, name: Path, max_bytes: int) -> Path:
    """Read at most ``max_bytes`` (and one more, to notice a larger input) from ``stream``.

    Returns the path the plan stands for (``name``), under which it is remembered.
    """
    _remembered.clear()  # one plan per run: a second `-` would find nothing left to read
    data = stream.read(max_bytes + 1)
    _remembered[name] = Bounded(data[:max_bytes], len(data) > max_bytes, None)
    return name


def from_stdin(path: Path) -> Bounded | None:
    """Return what was read from standard input for ``path`` (None: read the file)."""
    return _remembered.get(path)


def is_stdin(path: Path) -> bool:
    """Return True when ``path`` stands for the plan read from standard input."""
    return path in _remembered


def read_input(path: Path, max_bytes: int) -> bytes:
    """Return all of ``path``, or of standard input when it stands for it, within the limit.

    Raises:
        UnreadableFileError: when it cannot be read, is not a regular file, or is larger.
    """
    read = from_stdin(path)
    if read is None:
        return read_whole(path, max_bytes)
    if read.too_large or len(read.data) > max_bytes:
        raise UnreadableFileError(
            f"{path} (standard input) is over the limit of {max_bytes:,} bytes; check that it "
            "is the right file, or raise the limit with --max-file-size"
        )
    return read.data


def forget_stdin() -> None:
    """Forget what was read (each command reads standard input once; tests run many)."""
    _remembered.clear()
