"""`sip import SOURCE -o PLAN.yaml`: a draft plan from a Word document or a goal sheet."""

from __future__ import annotations

import json
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from sipcli.cli.options import MaxFileSizeOption
from sipcli.cli.support import (
    EXIT_CANNOT_RUN,
    EXIT_CLEAN,
    cannot_run_on_sip_error,
    fail,
    write_or_fail,
)
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
    sources: Annotated[
        list[Path],
        typer.Argument(
            help="The plans to import: Word documents (.docx) or goal sheets (.xlsx, .csv).",
            show_default=False,
        ),
    ],
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The plan file to write (YAML); with several sources, or when it is a "
            "folder, the folder to write one plan per source into, named after it "
            "(lincoln.docx: lincoln.yaml).",
        ),
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
        bool, typer.Option("--force", help="Replace the output files if they exist.")
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

    Several sources at once (sip import old-plans/*.docx -o plans/) write one plan each into
    the folder; a source that cannot be read is reported and the others are written.

    Exit status: 0 written, 2 a plan not written (its source cannot be read, or its file
    exists and --force was not given).
    """
    from sipcli.importing.mapping import parse_overrides

    with cannot_run_on_sip_error():
        overrides = parse_overrides(column_map or [])
    # An existing folder as -o takes the plan named after its source, as several sources do.
    if len(sources) == 1 and not output.is_dir():
        _import_one(sources[0], output, overrides, force, summary_format, max_file_size)
    else:
        _import_many(sources, output, overrides, force, summary_format, max_file_size)


def _import_one(
    source: Path,
    output_file: Path,
    overrides: dict[str, str],
    force: bool,
    summary_format: SummaryFormat,
    max_bytes: int,
) -> None:
    """Import one source into the plan file ``output_file``; exit 0, or 2 with the reason."""
    from sipcli.importing.pipeline import import_file

    _check_output(source, output_file, force=force)
    with cannot_run_on_sip_error():
        imported = import_file(source, max_bytes=max_bytes, overrides=overrides)
    write_or_fail(output_file, imported.text)
    if summary_format is SummaryFormat.json:
        typer.echo(json.dumps(imported.summary.to_dict() | {"plan": str(output_file)}, indent=2))
    else:
        say(summary_text(imported.summary, output_file))
    raise typer.Exit(EXIT_CLEAN)


def _import_many(
    sources: list[Path],
    folder: Path,
    overrides: dict[str, str],
    force: bool,
    summary_format: SummaryFormat,
    max_bytes: int,
) -> None:
    """Import each source into ``folder``; the ones that cannot be read are reported.

    The plans' names are checked before anything is written: two sources giving one plan
    name, or a plan that exists without --force, stop the whole run with nothing written.
    """
    from sipcli.errors import SipError
    from sipcli.importing.pipeline import import_file

    targets = _targets(sources, folder, force=force)
    written: list[dict[str, object]] = []
    failed: list[dict[str, str]] = []
    for source, target in targets:
        try:
            imported = import_file(source, max_bytes=max_bytes, overrides=overrides)
        except SipError as error:
            failed.append({"source": str(source), "error": str(error)})
            typer.echo(f"sip: error: {error}", err=True)
            continue
        folder.mkdir(parents=True, exist_ok=True)
        write_or_fail(target, imported.text)
        written.append(imported.summary.to_dict() | {"plan": str(target)})
        if summary_format is SummaryFormat.text:
            say(summary_line(imported.summary, target))
    if summary_format is SummaryFormat.json:
        typer.echo(json.dumps({"plans": written, "failed": failed}, indent=2))
    else:
        say(_batch_footer(len(written), failed, folder))
    raise typer.Exit(EXIT_CANNOT_RUN if failed else EXIT_CLEAN)


def _targets(sources: list[Path], folder: Path, *, force: bool) -> list[tuple[Path, Path]]:
    """Each source with the plan file it is written to; exit 2 on a clash, before writing."""
    if folder.exists() and not folder.is_dir():
        fail(f"{folder} is a file; with several sources, -o names the folder to write them in.")
    targets = [(source, folder / f"{source.stem}.yaml") for source in sources]
    seen: dict[Path, Path] = {}
    for source, target in targets:
        if target in seen:
            fail(
                f"{seen[target]} and {source} would both be written to {target}; import them "
                "one at a time with -o FILE, or rename one."
            )
        seen[target] = source
    for source, target in targets:
        _check_output(source, target, force=force)
    return targets


def summary_line(summary: ImportSummary, plan: Path) -> str:
    """One import in one line, for a run of several."""
    return (
        f"{plan}: from {summary.source}: {summary.imported} imported, "
        f"{len(summary.inferred)} inferred, {summary.left_over} kept under '# Not imported', "
        f"{summary.placeholders} placeholder(s)"
    )


def _batch_footer(written: int, failed: list[dict[str, str]], folder: Path) -> str:
    """What a run of several imports did, and what to do next."""
    lines = [f"{written} plan(s) written to {folder}"]
    if failed:
        lines[0] += f"; {len(failed)} source(s) could not be imported (above)"
    lines += [
        "Next:",
        f"  sip status {folder}                          what is there and what is left",
        f"  sip validate --show-placeholders {folder}    every placeholder to fill",
    ]
    return "\n".join(lines)


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
