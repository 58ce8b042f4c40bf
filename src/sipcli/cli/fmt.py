"""`sip fmt`: rewrite plans in one canonical layout, keeping every comment and blank line."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sipcli.cli.only_plans import OnlyPlansOption, keep_plans
from sipcli.cli.options import PathsArgument, StdinFilenameOption, plan_inputs
from sipcli.cli.support import (
    EXIT_CLEAN,
    EXIT_PROBLEMS,
    cannot_run_on_sip_error,
    write_or_fail,
)
from sipcli.cli.terminal import echo, file_progress
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.stdin import is_stdin, read_input

if TYPE_CHECKING:
    from sipcli.edit.fmt import FormatResult


def register(app: typer.Typer) -> None:
    """Add `sip fmt` to ``app``."""
    app.command("fmt")(fmt)


def fmt(
    paths: PathsArgument,
    check: Annotated[
        bool, typer.Option("--check", help="Change nothing; exit 1 if a file would change.")
    ] = False,
    diff: Annotated[
        bool, typer.Option("--diff", help="Change nothing; show what would change.")
    ] = False,
    only_plans: OnlyPlansOption = False,
    skip_invalid: Annotated[
        bool,
        typer.Option(
            "--skip-invalid",
            help="Leave a file that is not a valid plan as it is and say nothing about it "
            "(for pre-commit, where sip lint or sip validate reports its problems once).",
        ),
    ] = False,
    stdin_filename: StdinFilenameOption = None,
) -> None:
    """Rewrite plans in one layout: key order, indentation, quoted codes, school years.

    Exit status: 0 done (nothing left to change), 1 a file would change (--check,
    --diff) or could not be formatted, 2 sip could not run. With - the plan is read from
    standard input and, without --check or --diff, written formatted to standard output.
    """
    with cannot_run_on_sip_error():
        files = keep_plans(plan_inputs(paths, None, stdin_filename=stdin_filename), only_plans)
    outcomes = []
    with file_progress("formatted") as on_file:
        for done, path in enumerate(files):
            if on_file is not None:
                on_file(done, len(files))
            outcomes.append(_format_one(path, check=check, diff=diff, skip_invalid=skip_invalid))
    raise typer.Exit(EXIT_PROBLEMS if any(outcomes) else EXIT_CLEAN)


def _format_one(path: Path, *, check: bool, diff: bool, skip_invalid: bool = False) -> bool:
    """Format one file (or only report on it); return True when it counts as a problem."""
    from sipcli.edit.fmt import format_bytes
    from sipcli.validate.check import calendar_source

    with cannot_run_on_sip_error():
        raw = read_input(path, DEFAULT_MAX_BYTES)
        result = format_bytes(raw, str(path), calendar_source(path))
    if result.formatted is None:
        if skip_invalid and result.diagnostics and not result.error:
            return False  # the plan's own problems: sip lint or sip validate reports them
        _report_refusal(result)
        return True
    if is_stdin(path) and not (check or diff):
        # `sip fmt -` is a filter (editors use it): the formatted plan, changed or not.
        typer.echo(result.formatted, nl=False)
        return False
    if not result.changed:
        return False
    if diff:
        _show_diff(result)
    if check:
        echo(f"would reformat {path}")
    if check or diff:
        return True
    if _read_only(path):
        echo(
            f"sip: cannot write {path}: it is read-only; nothing was changed. Make the file "
            "writable (or save a copy you can edit) and run sip fmt again.",
            err=True,
        )
        return True
    # Replaced only if the file still holds what was read: an edit saved meanwhile stays.
    write_or_fail(path, result.formatted, expected=raw)
    echo(f"reformatted {path}", chatter=True)
    return False


def _read_only(path: Path) -> bool:
    # The mode as well as access(): root may write any file, but a 444 file says "keep".
    import stat

    writable_bits = stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    return not os.access(path, os.W_OK) or not path.stat().st_mode & writable_bits


def _report_refusal(result: FormatResult) -> None:
    # A file that does not load or validate is never rewritten: say why, as validate would.
    for diagnostic in result.diagnostics:
        echo(
            f"{result.file}:{diagnostic.line}:{diagnostic.column}: {diagnostic.code} "
            f"{diagnostic.message}",
            err=True,
        )
    if result.diagnostics:
        echo(
            f"sip: {result.file} was not formatted; fix the problems above "
            f"(see `sip validate {result.file}`).",
            err=True,
        )
    if result.error:
        echo(f"sip: {result.error}", err=True)


def _show_diff(result: FormatResult) -> None:
    import difflib

    lines = difflib.unified_diff(
        result.original.splitlines(keepends=True),
        (result.formatted or "").splitlines(keepends=True),
        fromfile=f"{result.file} (original)",
        tofile=f"{result.file} (formatted)",
    )
    echo("".join(lines), nl=False)
