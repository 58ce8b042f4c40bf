"""The options several commands share, each declared once: one help text, one parser.

Format choices come from the reporter registry, so a new reporter is a new choice without
editing any command.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from sipcli.cli.support import fail
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.reporters.registry import Kind, format_names

PathsArgument = Annotated[
    list[Path],
    typer.Argument(
        help="Plan files, or folders to search for *.yaml and *.yml files; - reads a plan "
        "from standard input.",
        show_default=False,
    ),
]
StdinFilenameOption = Annotated[
    Path | None,
    typer.Option(
        "--stdin-filename",
        help="The name of the plan read from standard input (-): used in messages and to "
        "find the .sip.yaml that applies.",
    ),
]
OutputFileOption = Annotated[
    Path | None,
    typer.Option(
        "--output-file", "-o", help="Write the report to this file instead of the screen."
    ),
]
ConfigOption = Annotated[
    Path | None,
    typer.Option(
        "--config", "-c", help="Use this configuration file instead of the nearest .sip.yaml."
    ),
]
MaxFileSizeOption = Annotated[
    int,
    typer.Option(
        "--max-file-size",
        min=1,
        envvar="SIP_MAX_FILE_SIZE",
        help="Refuse files larger than this many bytes.",
    ),
]
AllowSpecialFilesOption = Annotated[
    bool,
    typer.Option(
        "--allow-special-files",
        help="Also read named pipes and devices (e.g. <(git show HEAD:plan.yaml)), "
        "within --max-file-size; by default only regular files are read.",
    ),
]
AsOfOption = Annotated[
    str | None,
    typer.Option("--as-of", help="The date progress is judged at (YYYY-MM-DD); default today."),
]

AsOfPeriodOption = Annotated[
    str | None,
    typer.Option(
        "--as-of",
        help="The date progress is judged at (YYYY-MM-DD), or a period, judged at its end: "
        "'SY2026-27 Q2', 'spring 2027', 'Q2' (in each plan's school year); default today.",
    ),
]


def plan_inputs(
    paths: list[Path],
    output_file: Path | None,
    *,
    stdin_filename: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> list[Path]:
    """Return the plan files in ``paths``, reading standard input for ``-``.

    The plan on standard input stands under ``stdin_filename`` (else ``-``) from here on.
    Exits 2 when ``-`` is given twice, or ``--stdin-filename`` without ``-``.

    Raises:
        SipError: when a path does not exist or no plan file is found.
    """
    from sipcli.cli.support import collect_inputs, guard_output
    from sipcli.load.stdin import STDIN_ARGUMENT, forget_stdin, read_stdin

    forget_stdin()
    dashes = sum(str(path) == STDIN_ARGUMENT for path in paths)
    if not dashes:
        if stdin_filename is not None:
            fail("--stdin-filename names the plan read from standard input: add - to the paths")
        return collect_inputs(paths, output_file)
    if dashes > 1:
        fail("- (standard input) is given more than once; standard input holds one plan")
    name = stdin_filename or Path(STDIN_ARGUMENT)
    others = [path for path in paths if str(path) != STDIN_ARGUMENT]
    files = collect_inputs(others, output_file) if others else []
    guard_output(output_file, [name])
    # The plan from standard input comes first; a file of the same name is not read twice.
    plan = read_stdin(sys.stdin.buffer, name, max_bytes)
    return [plan, *(path for path in files if path != plan)]


def format_option(kind: Kind) -> Any:
    """Return the ``--format``/``-f`` option of ``kind``: its choices are the registry's names."""
    names = format_names(kind)
    listed = f"{', '.join(names[:-1])} or {names[-1]}" if len(names) > 1 else names[0]

    def choose(value: str) -> str:
        if value.lower() not in names:
            quoted = ", ".join(f"'{name}'" for name in names)
            raise typer.BadParameter(f"'{value}' is not one of {quoted}.")
        return value.lower()

    return typer.Option(
        "--format",
        "-f",
        help=f"Output format: {listed}.",
        metavar="<" + "|".join(names) + ">",
        callback=choose,
    )


def as_of_date(text: str | None) -> dt.date | None:
    """Return the ``--as-of`` date (None when not given), or exit 2 saying how to write it."""
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        fail(f"--as-of '{text}' is not a date; write it YYYY-MM-DD, e.g. 2027-01-31")


def as_of_date_or_period(text: str | None) -> dt.date | str:
    """Return the ``--as-of`` date, or its text to be read as a period; today when not given.

    A period is read by the core, in each plan's calendar and school year, which refuses
    text that is neither with the forms it accepts. Empty text exits 2 here.
    """
    if text is None:
        return dt.date.today()
    if not text.strip():
        fail("--as-of is empty; write a date (2027-01-31) or a period (SY2026-27 Q2)")
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        return text.strip()


def comma_list(values: list[str] | None) -> tuple[str, ...] | None:
    """Return the items of a repeatable, comma-separated option (None when it was not given)."""
    if values is None:
        return None
    return tuple(part.strip() for value in values for part in value.split(",") if part.strip())
