"""The one way sip reads an input file: a regular file, and never more than a limit.

A size check that trusts ``stat`` is not enough: ``/dev/zero`` reports a size of 0 and never
ends, and opening a named pipe blocks until something writes to it. So the file's kind is
checked before it is opened (without blocking) and again on the open descriptor, and at most
one byte more than the limit is read.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from sipcli.errors import UnreadableFileError


@dataclass(frozen=True)
class Bounded:
    """What was read: the bytes (at most the limit), and whether the file went on past it."""

    data: bytes
    too_large: bool
    size: int | None
    """The file's size when the system knows it (a regular file), for messages."""


def read_bounded(path: Path, max_bytes: int, *, allow_special: bool = False) -> Bounded:
    """Read ``path``, refusing anything but a regular file unless ``allow_special``.

    Raises:
        UnreadableFileError: when the file is missing, a folder, a pipe or device (unless
            allowed), or the system refuses to read it.
    """
    try:
        if not allow_special:
            _check_kind(path, os.stat(path).st_mode)
        flags = os.O_RDONLY | (0 if allow_special else getattr(os, "O_NONBLOCK", 0))
        descriptor = os.open(path, flags)
    except OSError as error:
        raise UnreadableFileError(f"cannot read {path}: {error.strerror or error}") from error
    with os.fdopen(descriptor, "rb") as stream:
        try:
            status = os.fstat(stream.fileno())
            if not allow_special:
                # The path may have been swapped for a pipe between stat and open.
                _check_kind(path, status.st_mode)
            data = stream.read(max_bytes + 1)
        except OSError as error:
            raise UnreadableFileError(f"cannot read {path}: {error.strerror or error}") from error
    size = status.st_size if stat.S_ISREG(status.st_mode) else None
    return Bounded(data[:max_bytes], len(data) > max_bytes, size)


def read_whole(path: Path, max_bytes: int) -> bytes:
    """Return all of ``path``, a regular file of at most ``max_bytes``.

    Raises:
        UnreadableFileError: when it cannot be read, is not a regular file, or is larger.
    """
    read = read_bounded(path, max_bytes)
    if read.too_large:
        raise UnreadableFileError(
            f"{path} is over the limit of {max_bytes:,} bytes; check that it is the right "
            "file, or raise the limit with --max-file-size"
        )
    return read.data


def _check_kind(path: Path, mode: int) -> None:
    if stat.S_ISREG(mode):
        return
    if stat.S_ISDIR(mode):
        raise UnreadableFileError(f"cannot read {path}: it is a folder, not a file")
    kind = "a named pipe" if stat.S_ISFIFO(mode) else "a device or special file"
    raise UnreadableFileError(
        f"cannot read {path}: it is {kind}, not a regular file; sip reads plans from files "
        "(save it to a file first)"
    )
