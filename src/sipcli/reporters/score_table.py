"""``table``, `sip score`'s default output: Rich tables (rich is imported only here)."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sipcli.reporters.base import Reporter, rich_colour
from sipcli.reporters.sanitise import terminal_text
from sipcli.reporters.scores import summary

if TYPE_CHECKING:
    from sipcli.score.run import ScoredItem, ScoreRun
    from sipcli.score.scorer import CriterionScore

#: The width when the output is not a terminal and COLUMNS is not set: 80 columns read well.
DEFAULT_WIDTH = 80
#: Wider than this, lines get too long to read, so the tables stop growing.
MAX_WIDTH = 120
#: Narrower than this, rich cannot lay out a table at all.
MIN_WIDTH = 40
#: From this width up, evidence and suggestion get a column each; below, they share one.
WIDE = 100


def terminal_width(stream: TextIO) -> int:
    """The width to write for: ``COLUMNS`` when set, else the terminal's, else 80; 40 to 120."""
    columns = os.environ.get("COLUMNS", "").strip()
    width = int(columns) if columns.isdigit() else None
    if width is None:
        try:
            if stream.isatty():
                width = os.get_terminal_size(stream.fileno()).columns
        except (AttributeError, OSError, ValueError):
            # Not a real file (a test's buffer, a closed pipe): write the default width.
            width = None
    return min(max(width or DEFAULT_WIDTH, MIN_WIDTH), MAX_WIDTH)


def _verdict_style(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


def _console(stream: TextIO, color: bool | None) -> Console:
    return Console(
        file=stream,
        highlight=False,
        soft_wrap=False,
        width=terminal_width(stream),
        **rich_colour(color),
    )


def _write_invalid(run: ScoreRun, console: Console) -> None:
    for result in run.invalid:
        for d in result.diagnostics:
            where = f"{terminal_text(d.file, one_line=True)}:{d.line}:{d.column}"
            message = terminal_text(d.message, one_line=True)
            console.print(Text(f"{where}: {d.code} {message}", style="red"))


class ScoreTableReporter(Reporter["ScoreRun"]):
    """The terminal view: a Rich table per item with each criterion's evidence and fix."""

    name = "table"

    def write(self, run: ScoreRun, stream: TextIO) -> None:
        """Write one table per goal, benchmark or statement, then the summary line."""
        _write_tables(run, stream, self.color)


def _write_tables(run: ScoreRun, stream: TextIO, color: bool | None) -> None:
    console = _console(stream, color)
    wide = console.width >= WIDE
    _write_invalid(run, console)
    for scored in run.items:
        item = scored.item
        # Plan text goes into Text objects, never markup strings, so "[bold]" in a plan prints
        # as written; lines that start at the margin hold it on one line.
        title = Text(
            f"{item.kind.capitalize()} {terminal_text(item.id, one_line=True)}  ", style="bold"
        )
        title.append(f"{item.score}/100", style=f"bold {_verdict_style(item.score)}")
        if scored.file:
            # Named by id and file, never by list position: "goals[3]" means nothing to a team.
            title.append(f"  {terminal_text(scored.file, one_line=True)}", style="dim")
        console.print(title)
        console.print(Text(terminal_text(item.statement, one_line=True), style="italic"))
        console.print(_criteria_table(item.criteria, wide))
        for disagreement in item.facts.disagreements:
            disagreement_text = terminal_text(disagreement, one_line=True)
            console.print(Text(f"Disagreement: {disagreement_text}", style="yellow"))
        console.print()
    console.print(Text(summary(run), style="bold"))


def _criteria_table(criteria: tuple[CriterionScore, ...], wide: bool) -> Table:
    """The criteria of one item: four columns when wide; on a narrow terminal, two.

    At 80 columns four columns leave each text a dozen characters, so the score goes under
    the criterion's name and the suggestion under the evidence, marked "Fix:".
    """
    table = Table(show_lines=True, expand=True)
    if wide:
        for header, ratio in (("Criterion", 2), ("Score", 1), ("Evidence", 4), ("Suggestion", 4)):
            table.add_column(header, ratio=ratio, overflow="fold")
    else:
        # 17 holds "Results-focused" whole, with the cell's padding.
        table.add_column("Criterion", width=17, overflow="fold")
        table.add_column("Evidence and fix", ratio=1, overflow="fold")
    for criterion in criteria:
        mark = f"{criterion.score} {'met' if criterion.met else 'not met'}"
        style = _verdict_style(criterion.score)
        evidence = Text(terminal_text("\n".join(criterion.evidence)))
        suggestion = terminal_text(criterion.suggestion or "")
        if wide:
            table.add_row(
                Text(f"{criterion.letter} {criterion.name}"),
                Text(mark, style=style),
                evidence,
                Text(suggestion),
            )
            continue
        name = Text(f"{criterion.letter} {criterion.name}\n")
        name.append(mark, style=style)
        if suggestion:
            evidence.append("\nFix: ", style="bold")
            evidence.append(suggestion)
        table.add_row(name, evidence)
    return table


class ScoreSummaryReporter(Reporter["ScoreRun"]):
    """`sip score --summary`: one line per goal (or statement), its benchmarks folded in."""

    name = "summary"

    def write(self, run: ScoreRun, stream: TextIO) -> None:
        """Write, per file, one line per goal: score, criteria not met, weakest benchmark."""
        console = _console(stream, self.color)
        _write_invalid(run, console)
        for file, rows in _summary_rows(run.items):
            if file:
                console.print(Text(terminal_text(file, one_line=True), style="bold"))
            table = Table(box=None, pad_edge=False, show_edge=False, header_style="dim")
            table.add_column("", no_wrap=True, overflow="ellipsis")
            table.add_column("Score", no_wrap=True, justify="right")
            table.add_column("Not met", no_wrap=True, overflow="ellipsis")
            goals = any(scored.item.kind == "goal" for scored, _ in rows)
            if goals:
                table.add_column("Benchmarks", no_wrap=True, overflow="ellipsis")
            for scored, benchmarks in rows:
                item = scored.item
                table.add_row(
                    Text(f"{item.kind} {terminal_text(item.id, one_line=True)}"),
                    Text(f"{item.score}/100", style=_verdict_style(item.score)),
                    Text(_not_met(item.criteria)),
                    *([Text(_benchmarks(scored, benchmarks))] if goals else []),
                )
            console.print(table)
            console.print()
        console.print(Text(summary(run), style="bold"))


_Row = tuple["ScoredItem", list["ScoredItem"]]


def _summary_rows(items: list[ScoredItem]) -> list[tuple[str | None, list[_Row]]]:
    """Goals (and statements) by file, each with the benchmarks scored after it."""
    files: list[tuple[str | None, list[_Row]]] = []
    for scored in items:
        if scored.item.kind == "benchmark" and files and files[-1][1]:
            files[-1][1][-1][1].append(scored)
            continue
        if not files or files[-1][0] != scored.file:
            files.append((scored.file, []))
        files[-1][1].append((scored, []))
    return files


def _not_met(criteria: tuple[CriterionScore, ...]) -> str:
    missed = [
        f"{criterion.letter} {criterion.score}" for criterion in criteria if not criterion.met
    ]
    return ", ".join(missed) if missed else "all met"


def _benchmarks(scored: ScoredItem, benchmarks: list[ScoredItem]) -> str:
    if scored.item.kind != "goal":
        return ""
    if not benchmarks:
        return "none"
    weakest = min(benchmarks, key=lambda benchmark: benchmark.item.score).item
    if len(benchmarks) == 1:
        return f"1 benchmark, {terminal_text(weakest.id, one_line=True)} {weakest.score}/100"
    if weakest.score == 100:
        return f"{len(benchmarks)} benchmarks, all 100/100"
    lowest = f"{terminal_text(weakest.id, one_line=True)} {weakest.score}/100"
    return f"{len(benchmarks)} benchmarks, lowest {lowest}"
