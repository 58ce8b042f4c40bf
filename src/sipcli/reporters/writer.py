"""The one writer of reports: straight to the terminal, or whole into a file."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TextIO, TypeVar

from sipcli.reporters.base import Reporter
from sipcli.write.atomic import write_atomically

ResultT = TypeVar("ResultT")


def write_report(
    reporter: Reporter[ResultT], result: ResultT, *, output_file: Path | None, stdout: TextIO
) -> None:
    """Have ``reporter`` write ``result`` to ``stdout``, or atomically into ``output_file``.

    On the terminal the report goes straight to the stream, so a table keeps its colour; a
    file is written whole or not at all.

    Raises:
        OSError: when the file cannot be written.
    """
    if output_file is None:
        reporter.write(result, stdout)
        return
    buffer = io.StringIO()
    reporter.write(result, buffer)
    write_atomically(output_file, buffer.getvalue())
