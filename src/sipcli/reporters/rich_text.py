"""The Rich rendering behind the ``text`` format (imported only when there is a problem to show)."""

from __future__ import annotations

from typing import TextIO

from rich.console import Console
from rich.text import Text

from sipcli.diagnostics import Diagnostic, FileResult, RunResult, Severity
from sipcli.reporters.base import rich_colour, summary_line
from sipcli.reporters.sanitise import terminal_text

_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}

#: A source line up to this many characters is shown whole: every line of a hand-written plan.
WHOLE_LINE_WIDTH = 200
#: A longer line (minified or generated YAML) is cut to this many characters around the
#: column, as ruff and rustc do, so one long line cannot flood the terminal.
EXCERPT_WIDTH = 120
#: How much of the window goes before the column, so the text leading up to it shows.
_LEFT_CONTEXT = 40


def write_run(run: RunResult, stream: TextIO, *, color: bool | None, summary: bool = True) -> None:
    """Write every problem with its source line, then (with ``summary``) the summary line.

    ``color`` None leaves colour to Rich's own look at the stream; the command line always
    decides it (`sipcli.cli.terminal.color_for`). Without colour no ANSI code is written.
    """
    console = Console(
        file=stream,
        highlight=False,
        soft_wrap=True,
        **rich_colour(color),
    )
    for result in run.files:
        for d in result.diagnostics:
            console.print(_heading(d))
            # One line per message: a newline in plan text it quotes must not start a line
            # of its own, which GitHub Actions could run as a workflow command.
            console.print(Text("  " + terminal_text(d.message, one_line=True)))
            _print_source(console, result, d)
    if summary:
        style = "bold red" if run.count(Severity.ERROR) else "bold yellow"
        console.print(Text(summary_line(run), style=style))


def _heading(d: Diagnostic) -> Text:
    heading = Text()
    heading.append(f"{terminal_text(d.file, one_line=True)}:{d.line}:{d.column}", style="bold")
    heading.append(": ")
    heading.append(d.severity.value, style=_STYLE[d.severity])
    heading.append(f" {d.code} ", style="bold")
    heading.append(d.name, style="dim")
    return heading


def _print_source(console: Console, result: FileResult, d: Diagnostic) -> None:
    source = result.source_line(d.line)
    if source is None:
        return
    shown, caret = excerpt(source, d.column)
    gutter = f"{d.line:>5} | "
    line = Text(gutter, style="dim")
    line.append(shown)
    console.print(line)
    marker = Text(" " * (len(gutter) - 2) + "| ", style="dim")
    marker.append(" " * caret + "^", style=_STYLE[d.severity])
    console.print(marker)


def excerpt(source: str, column: int) -> tuple[str, int]:
    """Return the part of a source line to show for a 1-based ``column``, and the caret offset.

    Control and bidi characters show as escapes (a tab as one space, so the caret lines up).
    A line longer than ``WHOLE_LINE_WIDTH`` is cut to about ``EXCERPT_WIDTH`` characters
    around the column, with ``…`` where text was left out.
    """
    # One piece per character of the line, so the column still indexes the pieces after
    # escaping has made some of them wider.
    flat = source.replace("\t", " ")
    if terminal_text(flat, one_line=True) == flat:
        pieces = list(flat)
    else:
        pieces = [terminal_text(char, one_line=True) for char in flat]
    at = min(max(column - 1, 0), len(pieces))
    # A column past the end of the line (a missing value at the line's end) keeps its place.
    beyond = max(column - 1 - len(pieces), 0)
    if sum(map(len, pieces)) <= WHOLE_LINE_WIDTH:
        return "".join(pieces), sum(map(len, pieces[:at])) + beyond
    start, width = at, 0
    while start > 0 and width + len(pieces[start - 1]) <= _LEFT_CONTEXT:
        start -= 1
        width += len(pieces[start])
    end, width = start, 0
    while end < len(pieces) and width + len(pieces[end]) <= EXCERPT_WIDTH:
        width += len(pieces[end])
        end += 1
    # Near the end of the line, spend what is left of the width on text before the column.
    while start > 0 and width + len(pieces[start - 1]) <= EXCERPT_WIDTH:
        start -= 1
        width += len(pieces[start])
    before = "…" if start > 0 else ""
    after = "…" if end < len(pieces) else ""
    shown = before + "".join(pieces[start:end]) + after
    return shown, len(before) + sum(map(len, pieces[start:at])) + beyond
