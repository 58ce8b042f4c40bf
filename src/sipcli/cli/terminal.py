"""How sip behaves on a terminal, as ruff does: colour, ``--quiet``, progress, a reader that leaves.

The root command stores ``--color`` and ``--quiet`` in `settings` before any command runs;
every command and reporter asks this module, so each decision is made in one place:

- colour: `wants_color` (pure) decides, `color_for` applies it to a stream;
- quiet: `echo` drops the chatter (``Wrote ...``, ``reformatted ...``) under ``--quiet``;
- progress: `file_progress` shows a counter on standard error for long runs on a terminal;
- broken pipe: `guard_pipe` and `reader_gone` let ``sip rules | head -1`` stop quietly.
"""

from __future__ import annotations

import enum
import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TextIO, cast

import typer

if TYPE_CHECKING:
    from sipcli.validate.plans import FileProgress

#: From this many files up, a run on a terminal shows its progress; below, it is over
#: before a counter could be read.
PROGRESS_MIN_FILES = 6


class ColorChoice(str, enum.Enum):
    """The values of ``--color``."""

    auto = "auto"
    always = "always"
    never = "never"


@dataclass
class TerminalSettings:
    """The global options of this run, set by the root command."""

    color: ColorChoice = ColorChoice.auto
    quiet: bool = False


#: This run's settings (set anew by the root command at the start of every run, in place,
#: so a module that imported it sees the values).
settings = TerminalSettings()


def configure(color: ColorChoice, quiet: bool) -> None:
    """Store this run's ``--color`` and ``--quiet`` for every command and reporter."""
    settings.color = color
    settings.quiet = quiet


def wants_color(choice: ColorChoice, environ: Mapping[str, str], is_terminal: bool) -> bool:
    """Return whether to write colour, for ``--color`` ``choice``, the environment and the stream.

    ``--color always`` and ``--color never`` win over the environment. With ``auto``, a
    non-empty ``NO_COLOR`` turns colour off (https://no-color.org), and wins over a
    non-empty ``FORCE_COLOR``, which turns it on even in a pipe (https://force-color.org);
    otherwise colour is written to a terminal only, and never to ``TERM=dumb``.
    """
    if choice is ColorChoice.always:
        return True
    if choice is ColorChoice.never:
        return False
    if environ.get("NO_COLOR", ""):
        return False
    if environ.get("FORCE_COLOR", ""):
        return True
    return is_terminal and environ.get("TERM") != "dumb"


def color_for(stream: TextIO) -> bool:
    """Return whether this run writes colour to ``stream`` (see `wants_color`)."""
    return wants_color(settings.color, os.environ, _is_terminal(stream))


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        # A closed stream, or an object without isatty: not a terminal.
        return False


def echo(message: str, *, err: bool = False, nl: bool = True, chatter: bool = False) -> None:
    """Print ``message`` (on standard error with ``err``); ``chatter`` is left out under ``-q``.

    Chatter is what is not a problem: ``Wrote FILE``, ``reformatted FILE``, next steps. A
    progress counter on the terminal is cleared first, so the line starts clean.
    """
    if chatter and settings.quiet:
        return
    _clear_progress()
    typer.echo(message, err=err, nl=nl)


def say(message: str) -> None:
    """Print chatter on standard error, unless ``--quiet``."""
    echo(message, err=True, chatter=True)


# --- progress --------------------------------------------------------------------------

_progress_shown = False


def progress_wanted(*, is_terminal: bool, environ: Mapping[str, str], quiet: bool) -> bool:
    """Return whether this run may show progress on standard error.

    Only on a terminal, never in a CI log (``CI`` set, as every CI service sets it) and
    never under ``--quiet``. Runs of fewer than `PROGRESS_MIN_FILES` files show none.
    """
    return is_terminal and not environ.get("CI") and not quiet


@contextmanager
def file_progress(verb: str) -> Iterator[FileProgress | None]:
    """Give the core a callback that shows ``sip: <verb> 3 of 40 files`` on a terminal.

    Yields None (no progress) in a pipe, under CI or with ``--quiet``; the callback shows
    nothing for a short run. The counter is erased when the block ends, so the report
    starts on a clean line.
    """
    stream = sys.stderr
    if not progress_wanted(
        is_terminal=_is_terminal(stream), environ=os.environ, quiet=settings.quiet
    ):
        yield None
        return

    def show(done: int, total: int) -> None:
        global _progress_shown  # noqa: PLW0603 - the one counter line on the terminal
        if total < PROGRESS_MIN_FILES:
            return
        stream.write(f"\r\x1b[Ksip: {verb} {done} of {total} files")
        stream.flush()
        _progress_shown = True

    try:
        yield show
    finally:
        _clear_progress()


def _clear_progress() -> None:
    global _progress_shown  # noqa: PLW0603
    if _progress_shown:
        sys.stderr.write("\r\x1b[K")
        sys.stderr.flush()
        _progress_shown = False


# --- broken pipe -----------------------------------------------------------------------


class ReaderGone(Exception):
    """Standard output was closed by its reader (``| head``): there is no one left to write to."""


class _PipeGuard:
    """A text stream that turns a broken pipe into `ReaderGone`.

    Rich catches `BrokenPipeError` itself and exits with 1; a different exception passes
    through it, so the command decides: it stops writing and keeps its own exit status.
    """

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError as error:
            raise ReaderGone from error

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError as error:
            raise ReaderGone from error

    def __getattr__(self, name: str) -> Any:
        # isatty, fileno, encoding...: as the real stream says, so colour and width agree.
        return getattr(self._stream, name)


def guard_pipe(stream: TextIO) -> TextIO:
    """Return ``stream`` wrapped so that a reader leaving raises `ReaderGone`."""
    # A TextIO in every way a reporter uses: write and flush, the rest passed through.
    return cast("TextIO", _PipeGuard(stream))


def reader_gone() -> None:
    """Send the rest of standard output to the null device: its reader has left.

    Python would otherwise report the broken pipe again when it flushes at exit
    (https://docs.python.org/3/library/signal.html#note-on-sigpipe).
    """
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (AttributeError, OSError, ValueError):
        # Not a real file (a test's buffer): nothing will be flushed to a pipe.
        pass
