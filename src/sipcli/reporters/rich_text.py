"""The Rich rendering behind the ``text`` format (imported only when there is a problem to show)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from sipcli.diagnostics import Diagnostic, FileResult, RunResult, Severity
from sipcli.reporters.base import summary_line

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def write_run(run: RunResult, stream: TextIO, *, color: bool | None) -> None:
    """Write every problem with its source line, then the summary line."""
    console = Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        force_terminal=color,
        no_color=color is False,
    )
    for result in run.files:
        for d in result.diagnostics:
            console.print(_heading(d))
            console.print(Text("  " + d.message))
            _print_source(console, result, d)
    style = "bold red" if run.count(Severity.ERROR) else "bold yellow"
    console.print(Text(summary_line(run), style=style))


def _heading(d: Diagnostic) -> Text:
    heading = Text()
    heading.append(f"{d.file}:{d.line}:{d.column}", style="bold")
    heading.append(": ")
    heading.append(d.severity.value, style=_STYLE[d.severity])
    heading.append(f" {d.code} ", style="bold")
    heading.append(d.name, style="dim")
    return heading


def _print_source(console: Console, result: FileResult, d: Diagnostic) -> None:
    source = result.source_line(d.line)
    if source is None:
        return
    gutter = f"{d.line:>5} | "
    line = Text(gutter, style="dim")
    line.append(source.replace("\t", " "))
    console.print(line)
    marker = Text(" " * (len(gutter) - 2) + "| ", style="dim")
    marker.append(" " * (d.column - 1) + "^", style=_STYLE[d.severity])
    console.print(marker)
