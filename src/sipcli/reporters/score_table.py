"""``table``, `sip score`'s default output: Rich tables (rich is imported only here)."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from rich.console import Console
from rich.table import Table
from rich.text import Text

from sipcli.reporters.base import Reporter
from sipcli.reporters.sanitise import terminal_text
from sipcli.reporters.scores import summary

if TYPE_CHECKING:
    from sipcli.score.run import ScoreRun


def _verdict_style(score: int) -> str:
    return "green" if score >= 75 else "yellow" if score >= 50 else "red"


class ScoreTableReporter(Reporter["ScoreRun"]):
    """The terminal view: a Rich table per item with each criterion's evidence and fix."""

    name = "table"

    def write(self, run: ScoreRun, stream: TextIO) -> None:
        """Write one table per goal, benchmark or statement, then the summary line."""
        _write_tables(run, stream)


def _write_tables(run: ScoreRun, stream: TextIO) -> None:
    console = Console(file=stream, highlight=False, soft_wrap=False, width=120)
    for result in run.invalid:
        for d in result.diagnostics:
            where = f"{terminal_text(d.file, one_line=True)}:{d.line}:{d.column}"
            message = terminal_text(d.message, one_line=True)
            console.print(Text(f"{where}: {d.code} {message}", style="red"))
    for scored in run.items:
        item = scored.item
        # Plan text goes into Text objects, never markup strings, so "[bold]" in a plan prints
        # as written; lines that start at the margin hold it on one line.
        title = Text(
            f"{item.kind.capitalize()} {terminal_text(item.id, one_line=True)}  ", style="bold"
        )
        title.append(f"{item.score}/100", style=f"bold {_verdict_style(item.score)}")
        if scored.file:
            title.append(f"  {terminal_text(scored.file, one_line=True)} {item.path}", style="dim")
        console.print(title)
        console.print(Text(terminal_text(item.statement, one_line=True), style="italic"))
        table = Table(show_lines=True, expand=True)
        for header, ratio in (("Criterion", 2), ("Score", 1), ("Evidence", 4), ("Suggestion", 4)):
            table.add_column(header, ratio=ratio, overflow="fold")
        for criterion in item.criteria:
            mark = "met" if criterion.met else "not met"
            table.add_row(
                Text(f"{criterion.letter} {criterion.name}"),
                Text(f"{criterion.score} {mark}", style=_verdict_style(criterion.score)),
                Text(terminal_text("\n".join(criterion.evidence))),
                Text(terminal_text(criterion.suggestion or "")),
            )
        console.print(table)
        for disagreement in item.facts.disagreements:
            disagreement_text = terminal_text(disagreement, one_line=True)
            console.print(Text(f"Disagreement: {disagreement_text}", style="yellow"))
        console.print()
    console.print(Text(summary(run), style="bold"))
