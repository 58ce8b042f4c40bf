"""What every command shares: exit codes, "cannot run" as a message and exit 2, writing output."""

from __future__ import annotations

import os
import secrets
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TypeVar

import typer

from sipcli.cli.terminal import ReaderGone, color_for, guard_pipe, reader_gone, say, settings
from sipcli.errors import SipError

if TYPE_CHECKING:
    from sipcli.reporters.base import Reporter

EXIT_CLEAN, EXIT_PROBLEMS, EXIT_CANNOT_RUN = 0, 1, 2

ResultT = TypeVar("ResultT")


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


def write_or_fail(path: Path, content: str | bytes, *, expected: bytes | None = None) -> None:
    """Write ``content`` atomically, or exit 2 with a message saying why it could not be.

    With ``expected`` (the bytes read from ``path``), refuse when the file changed since.
    """
    from sipcli.write.atomic import write_atomically

    try:
        with cannot_run_on_sip_error():
            write_atomically(path, content, expected=expected)
    except OSError as error:
        fail(f"cannot write {path}: {error.strerror or error}")


def output(
    reporter: Reporter[ResultT],
    result: ResultT,
    output_file: Path | None,
    *,
    announce: bool = True,
    stop_commands: bool = True,
) -> None:
    """Write a report to the terminal, or whole to ``output_file`` (exit 2 when it cannot be).

    ``announce`` says ``Wrote FILE`` on standard error once the file is written. Under GitHub
    Actions a table or text report on the terminal is fenced with ``::stop-commands::``
    unless ``stop_commands`` is False (the diagnostics, whose annotations are meant to run).
    """
    from sipcli.reporters.writer import write_report

    prepare(reporter, to_file=output_file is not None)
    try:
        fence = stop_commands and output_file is None and reporter.name in _FOR_PEOPLE
        with _no_workflow_commands(active=fence):
            write_report(reporter, result, output_file=output_file, stdout=guard_pipe(sys.stdout))
    except (ReaderGone, BrokenPipeError):
        # The reader stopped early (`| head`): stop writing, say nothing, and let the command
        # exit with its own status, so `set -o pipefail` still sees problems found.
        reader_gone()
        return
    except OSError as error:
        # The temporary file beside the target is an implementation detail: name the target.
        target = output_file if output_file is not None else "to standard output"
        fail(f"cannot write {target}: {error.strerror or error}")
    if output_file is not None and announce:
        say(f"Wrote {output_file}")


def prepare(reporter: Reporter[ResultT], *, to_file: bool = False) -> Reporter[ResultT]:
    """Set ``reporter``'s colour and quietness from ``--color``, the environment and ``-q``.

    A report written to a file never has colour; on standard output `color_for` decides.
    """
    if reporter.color is None:
        reporter.color = False if to_file else color_for(sys.stdout)
    reporter.quiet = settings.quiet
    return reporter


#: The formats meant for a person reading the log; the others are piped to tools or files,
#: which a fence line would break.
_FOR_PEOPLE = frozenset({"table", "text", "summary"})


@contextmanager
def _no_workflow_commands(*, active: bool) -> Iterator[None]:
    # Plan text is escaped line by line, but a table may still wrap a long value so that a
    # line starts with "::"; GitHub runs no workflow command between these two markers.
    if not active or os.environ.get("GITHUB_ACTIONS") != "true":
        yield
        return
    token = secrets.token_hex(16)
    sys.stdout.write(f"::stop-commands::{token}\n")
    try:
        yield
    finally:
        sys.stdout.write(f"::{token}::\n")


def collect_inputs(paths: Iterable[Path], output_file: Path | None) -> list[Path]:
    """Return the plan files in ``paths``; exit 2 when ``output_file`` may not be written.

    Writing a report over a plan (one being read, or any other) would destroy the plan.

    Raises:
        SipError: when a path does not exist or no plan file is found.
    """
    from sipcli.load.discover import collect_plan_files

    files = collect_plan_files(paths)
    guard_output(output_file, files)
    return files


def guard_output(
    output_file: Path | None, inputs: Iterable[Path] = (), *, option: str = "--output-file"
) -> None:
    """Exit 2 when ``output_file`` (given with ``option``) is an input or holds a plan."""
    from sipcli.write.guard import OutputGuard

    if output_file is None:
        return
    with cannot_run_on_sip_error():
        OutputGuard(inputs).claim(output_file, what=option)
