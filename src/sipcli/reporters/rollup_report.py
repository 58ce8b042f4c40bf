"""Reporters of `sip report`: a terminal table, JSON, Markdown and a one-page HTML rollup."""

from __future__ import annotations

import json
from html import escape
from typing import TYPE_CHECKING, Any, TextIO

from sipcli.reporters.base import Reporter, rich_colour
from sipcli.reporters.sanitise import markdown_value, terminal_text

if TYPE_CHECKING:
    import datetime as dt

    from sipcli.monitor.rollup import Rollup, SchoolRow

#: The version of the JSON object `sip report --format json` writes.
ROLLUP_JSON_VERSION = 1

HEADERS = (
    "File",
    "School",
    "District",
    "Year",
    "Goals",
    "Benchmarks",
    "Avg SMART",
    "Lowest",
    "Benchmarks off track",
    "Benchmarks overdue",
    "Missing stages",
    "Standing (goals and benchmarks)",
)


def plural(count: int, word: str) -> str:
    """Return "1 plan", "2 plans": the count and the word, plural unless one."""
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def _shown(value: int | None) -> str:
    return "" if value is None else str(value)


def cells(row: SchoolRow) -> tuple[str, ...]:
    """Return the row's cells as text, in the order of ``HEADERS``."""
    return (
        row.file,
        row.school,
        row.district,
        row.school_year or "",
        str(row.goals),
        str(row.benchmarks),
        _shown(row.average_score),
        _shown(row.lowest_score),
        _shown(row.off_track),
        _shown(row.overdue),
        ", ".join(row.missing_stages) or "none",
        standing(row),
    )


def standing(row: SchoolRow) -> str:
    """Return the goals and benchmarks by the school's names for their status, and projections."""
    parts = [f"{count} {label}" for label, count in row.standing]
    if row.projected:
        parts.append(f"{row.projected} with a projection (not counted)")
    return ", ".join(parts)


def summary(rollup: Rollup) -> str:
    """Return the closing line: plans, goals, mean score, and plans that could not be read."""
    rows = rollup.rows
    scored = [row.average_score for row in rows if row.average_score is not None]
    parts = [
        f"{plural(len(rows), 'plan')} as of {rollup.as_of}",
        plural(sum(r.goals for r in rows), "goal"),
    ]
    if scored:
        parts.append(f"average SMART score {round(sum(scored) / len(scored))}")
    off = [row.off_track for row in rows if row.off_track]
    if off:
        parts.append(f"{plural(sum(off), 'benchmark')} off track")
    if rollup.invalid:
        count = len(rollup.invalid)
        verb = "is" if count == 1 else "are"
        parts.append(f"{plural(count, 'plan')} {verb} not valid: run sip validate on them")
    if rollup.not_judged:
        parts.append(f"{plural(len(rollup.not_judged), 'plan')} not judged (see above)")
    return "; ".join(parts) + "."


def invalid_lines(rollup: Rollup) -> list[str]:
    """Return a line for each plan left out: not valid (its problems), or not judged (why)."""
    lines = [
        f"Not valid: {item.file} ({plural(item.problems, 'problem')})" for item in rollup.invalid
    ]
    lines += [f"Not judged: {item.file}: {item.reason}" for item in rollup.not_judged]
    return lines


def _period(day: dt.date | None) -> str | None:
    from sipcli.monitor.progress import period_text  # noqa: PLC0415 - the core, when used

    return period_text(day)


def rollup_to_json(rollup: Rollup) -> dict[str, Any]:
    """Return the documented JSON object of a rollup."""
    return {
        "version": ROLLUP_JSON_VERSION,
        "as_of": rollup.as_of.isoformat(),
        "as_of_period": _period(rollup.as_of),
        "schools": [
            {
                **row.__dict__,
                "missing_stages": list(row.missing_stages),
                "standing": dict(row.standing),
                "as_of": row.as_of.isoformat() if row.as_of else None,
                "as_of_period": _period(row.as_of),
            }
            for row in rollup.rows
        ],
        "invalid": [item.__dict__ for item in rollup.invalid],
        "not_judged": [item.__dict__ for item in rollup.not_judged],
    }


class RollupJson(Reporter["Rollup"]):
    """The versioned JSON object, for tools and dashboards."""

    name = "json"

    def write(self, rollup: Rollup, stream: TextIO) -> None:
        """Write the JSON object, indented, with a final newline."""
        stream.write(json.dumps(rollup_to_json(rollup), indent=2, ensure_ascii=False) + "\n")


class RollupMarkdown(Reporter["Rollup"]):
    """A Markdown page: one table, then the plans that could not be read."""

    name = "markdown"

    def write(self, rollup: Rollup, stream: TextIO) -> None:
        """Write the page."""
        stream.write(f"# Improvement plans: district rollup, {rollup.as_of}\n\n")
        stream.write("| " + " | ".join(HEADERS) + " |\n|" + "---|" * len(HEADERS) + "\n")
        for row in rollup.rows:
            stream.write("| " + " | ".join(markdown_value(cell) for cell in cells(row)) + " |\n")
        for line in invalid_lines(rollup):
            stream.write(f"\n- {markdown_value(line)}")
        stream.write(f"\n\n{markdown_value(summary(rollup))}\n")


class RollupHtml(Reporter["Rollup"]):
    """One self-contained HTML page with the table."""

    name = "html"

    def write(self, rollup: Rollup, stream: TextIO) -> None:
        """Write the page, every value escaped."""
        title = f"Improvement plans: district rollup, {rollup.as_of}"
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in HEADERS)
        body = "\n".join(
            "<tr>"
            + "".join(f"<td>{escape(terminal_text(cell))}</td>" for cell in cells(row))
            + "</tr>"
            for row in rollup.rows
        )
        invalid = "".join(
            f"<li>{escape(terminal_text(line))}</li>" for line in invalid_lines(rollup)
        )
        stream.write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f"<title>{escape(title)}</title>\n<style>{_CSS}</style>\n</head>\n<body>\n"
            f"<h1>{escape(title)}</h1>\n<table>\n<thead><tr>{head}</tr></thead>\n"
            f"<tbody>\n{body}\n</tbody>\n</table>\n"
            + (f"<h2>Plans left out</h2>\n<ul>{invalid}</ul>\n" if invalid else "")
            + f"<p>{escape(summary(rollup))}</p>\n</body>\n</html>\n"
        )


_CSS = (
    "body{font-family:Calibri,Arial,sans-serif;margin:2rem}"
    "table{border-collapse:collapse;width:100%}"
    "th,td{border:1px solid #b8c2cc;padding:.3rem .5rem;text-align:left;vertical-align:top}"
    "th{background:#e8eef4}"
)


class RollupTable(Reporter["Rollup"]):
    """The terminal view: a Rich table."""

    name = "table"

    def write(self, rollup: Rollup, stream: TextIO) -> None:
        """Write the table and the summary line."""
        from rich.console import Console  # noqa: PLC0415 - rich is slow to import
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        # Plan text goes in as Text, never as markup, so "[bold]" in a plan prints as is.
        table = Table(title=f"District rollup, {rollup.as_of}")
        for header in HEADERS:
            # Fold a long word (a path, a name) rather than cut it with an ellipsis.
            table.add_column(header, overflow="fold")
        for row in rollup.rows:
            table.add_row(*(Text(terminal_text(cell)) for cell in cells(row)))
        console = Console(file=stream, highlight=False, width=160, **rich_colour(self.color))
        console.print(table)
        for line in invalid_lines(rollup):
            console.print(Text(terminal_text(line, one_line=True)))
        console.print(Text(summary(rollup)))
