"""`sip import SOURCE -o PLAN.yaml`: a draft plan from a Word document or a goal sheet."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sipcli.cli.options import MaxFileSizeOption
from sipcli.cli.support import EXIT_CLEAN, cannot_run_on_sip_error, fail, write_or_fail
from sipcli.cli.terminal import say
from sipcli.load.limits import DEFAULT_MAX_BYTES

if TYPE_CHECKING:
    from sipcli.importing.summary import ImportSummary


class SummaryFormat(str, Enum):
    """How the summary is shown: a short table on standard error, or JSON on standard output."""

    text = "text"
    json = "json"


def register(app: typer.Typer) -> None:
    """Add `sip import` to ``app``."""
    app.command("import")(import_plan)


def import_plan(
    source: Annotated[
        Path,
        typer.Argument(
            help="The plan to import: a Word document (.docx) or a goal sheet (.xlsx, .csv)."
        ),
    ],
    output_file: Annotated[
        Path, typer.Option("--output", "-o", help="The plan file to write (YAML).")
    ],
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            metavar="COLUMN=FIELD",
            help="Read the column with this header as this field, e.g. --map 'Goal text=statement'. Repeat for more.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output file if it exists.")
    ] = False,
    summary_format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format", help="The summary: text (on standard error) or json (on standard output)."
        ),
    ] = SummaryFormat.text,
    max_file_size: MaxFileSizeOption = DEFAULT_MAX_BYTES,
) -> None:
    """Write a draft plan from an existing Word plan or goal sheet, inventing nothing.

    Every value comes from the source; each one sip inferred carries a comment saying
    where it came from, each key the format needs and the source lacks is a <placeholder>,
    and what could not be placed is kept verbatim in '# Not imported' blocks.

    Exit status: 0 written, 2 nothing written (the source cannot be read, or the output
    file exists and --force was not given).
    """
    from sipcli.importing.mapping import parse_overrides
    from sipcli.importing.pipeline import import_file

    _check_output(source, output_file, force=force)
    with cannot_run_on_sip_error():
        overrides = parse_overrides(column_map or [])
        imported = import_file(source, max_bytes=max_file_size, overrides=overrides)
    write_or_fail(output_file, imported.text)
    if summary_format is SummaryFormat.json:
        typer.echo(json.dumps(imported.summary.to_dict() | {"plan": str(output_file)}, indent=2))
    else:
        say(summary_text(imported.summary, output_file))
    raise typer.Exit(EXIT_CLEAN)


def _check_output(source: Path, output_file: Path, *, force: bool) -> None:
    """Never write over the source, nor over an existing file without --force."""
    if output_file.resolve() == source.resolve():
        fail(f"-o {output_file} is the file being imported; choose another name for the plan.")
    if output_file.exists() and not force:
        fail(f"{output_file} already exists; choose another name, or add --force to replace it.")
    if output_file.exists() and not output_file.is_file():
        fail(f"{output_file} is not a file; choose a file name for the plan.")


def summary_text(summary: ImportSummary, plan: Path) -> str:
    """The summary as a short table, then what to do next."""
    rows = [("section", "imported", "inferred", "not imported")]
    rows += [
        (count.section, str(count.imported), str(count.inferred), str(count.left_over))
        for count in summary.sections
    ]
    width = max(len(row[0]) for row in rows)
    lines = [f"{plan}: imported from {summary.source}"]
    lines += [
        f"  {name:<{width}}  {imported:>8}  {inferred:>8}  {left:>12}"
        for name, imported, inferred, left in rows
    ]
    lines.append(
        f"  {summary.imported} value(s) imported, {len(summary.inferred)} inferred (each with "
        f"a comment), {summary.left_over} block(s) kept under '# Not imported', "
        f"{summary.placeholders} placeholder(s) to fill."
    )
    lines += [f"  note: {note}" for note in summary.notes]
    lines += [
        "Next:",
        f"  sip status {plan}                          what is there and what is left",
        f"  sip validate --show-placeholders {plan}    every placeholder to fill",
    ]
    return "\n".join(lines)
