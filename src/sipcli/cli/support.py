"""What every command shares: exit codes and turning "cannot run" into a message and exit 2."""

from __future__ import annotations

import io
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import NoReturn, TextIO

import typer

from sipcli.errors import SipError

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2


def fail(message: str) -> NoReturn:
    """Print ``sip: error: message`` on standard error and exit with 2."""
    typer.echo(f"sip: error: {message}", err=True)
    raise typer.Exit(EXIT_CANNOT_RUN)


@contextmanager
def cannot_run_on_sip_error() -> Iterator[None]:
    """Turn a `SipError` raised inside the block into a message and exit 2."""
    try:
        yield
    except SipError as error:
        fail(str(error))


def write_or_fail(path: Path, content: str | bytes) -> None:
    """Write ``content`` atomically, or exit 2 with a message saying why it could not be."""
    from sipcli.write.atomic import write_atomically

    try:
        write_atomically(path, content)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def emit_report(text: str, output_file: Path | None) -> None:
    """Print a report, or write it whole to ``output_file`` (exit 2 when it cannot be)."""
    if output_file is None:
        sys.stdout.write(text)
    else:
        write_or_fail(output_file, text)
        typer.echo(f"Wrote {output_file}", err=True)


def write_report(write: Callable[[TextIO], None], output_file: Path | None) -> None:
    """Have ``write`` print a report to the terminal, or into ``output_file`` whole.

    On the terminal the report goes straight to standard output, so a table keeps its colour.
    """
    if output_file is None:
        write(sys.stdout)
        return
    buffer = io.StringIO()
    write(buffer)
    emit_report(buffer.getvalue(), output_file)


def collect_inputs(paths: Iterable[Path], output_file: Path | None) -> list[Path]:
    """Return the plan files in ``paths``; exit 2 when ``output_file`` is one of them.

    Writing a report over the plan it reads would destroy the plan.

    Raises:
        SipError: when a path does not exist or no plan file is found.
    """
    from sipcli.load.discover import collect_plan_files

    files = collect_plan_files(paths)
    if output_file is not None:
        target = output_file.resolve()
        if any(path.resolve() == target for path in files):
            fail(
                f"--output-file {output_file} is one of the plans being read; writing the "
                "report there would replace the plan. Choose another file name."
            )
    return files
