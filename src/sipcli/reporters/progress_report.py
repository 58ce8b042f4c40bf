"""Reporters of `sip progress`: a terminal table, JSON and Markdown, each a `Reporter`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from sipcli.reporters.base import Reporter
from sipcli.reporters.sanitise import markdown_value, terminal_text

if TYPE_CHECKING:
    from sipcli.monitor.progress import Progress, ProgressRun

#: The version of the JSON object `sip progress --format json` writes.
PROGRESS_JSON_VERSION = 1

#: Rich styles per status, for the table.
_STYLES = {
    "met": "bold green",
    "on track": "green",
    "at risk": "yellow",
    "off track": "bold red",
    "overdue": "red",
    "no data": "dim",
}


def progress_run_to_json(run: ProgressRun) -> dict[str, Any]:
    """Return the documented JSON object of a progress run."""
    return {
        "version": PROGRESS_JSON_VERSION,
        "as_of": run.as_of.isoformat(),
        "thresholds": {"on_track": run.thresholds.on_track, "at_risk": run.thresholds.at_risk},
        "items": [
            {"file": plan.file, **item.to_dict()} for plan in run.plans for item in plan.items
        ],
        "summary": run.counts(),
        "fail_on": run.fail_on,
        "failing": [{"file": file, "id": item.id} for file, item in run.failing()],
        "diagnostics": [d.to_dict() for result in run.invalid for d in result.diagnostics],
    }


def _number(value: float | None) -> str:
    return "" if value is None else f"{round(value, 2):g}"


def _latest(item: Progress) -> str:
    latest = item.latest
    if latest is None or latest.actual is None:
        return ""
    return f"{_number(latest.actual)} ({latest.date.isoformat()})"


def summary(run: ProgressRun) -> str:
    """Return the closing line: the count of each status, the gate and unreadable plans."""
    counts = [f"{count} {status}" for status, count in run.counts().items() if count]
    parts = [f"as of {run.as_of}: " + (", ".join(counts) or "no goals or benchmarks")]
    if run.fail_on:
        parts.append(f"{len(run.failing())} failing --fail-on {run.fail_on}")
    if run.invalid:
        parts.append(f"{len(run.invalid)} file(s) not read: fix the validation errors first")
    return "; ".join(parts) + "."


class ProgressJsonReporter(Reporter["ProgressRun"]):
    """The versioned JSON object, for tools."""

    name = "json"

    def write(self, run: ProgressRun, stream: TextIO) -> None:
        """Write the JSON object, indented, with a final newline."""
        data = progress_run_to_json(run)
        stream.write(json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False) + "\n")


class ProgressMarkdownReporter(Reporter["ProgressRun"]):
    """Markdown: one table per plan, then the summary."""

    name = "markdown"

    def write(self, run: ProgressRun, stream: TextIO) -> None:
        """Write one table per plan, then the problems and the summary."""
        for plan in run.plans:
            stream.write(f"### Progress of {markdown_value(plan.file)} as of {run.as_of}\n\n")
            stream.write(
                "| Id | Status | Latest actual | Expected | Target | Due | Why |\n"
                "|---|---|---:|---:|---:|---|---|\n"
            )
            for item in plan.items:
                stream.write(
                    f"| {markdown_value(item.id)} | {item.status} | {_latest(item)} | "
                    f"{_number(item.expected)} | {_number(item.target)} | {item.due or ''} | "
                    f"{markdown_value(item.reason)} |\n"
                )
            stream.write("\n")
        for result in run.invalid:
            for d in result.diagnostics:
                stream.write(
                    f"- {markdown_value(f'{d.file}:{d.line}:{d.column}: {d.code} {d.message}')}\n"
                )
        stream.write(summary(run) + "\n")


class ProgressTableReporter(Reporter["ProgressRun"]):
    """The terminal view: a Rich table per plan, statuses in colour."""

    name = "table"

    def write(self, run: ProgressRun, stream: TextIO) -> None:
        """Write the tables, then the summary."""
        from rich.console import Console  # noqa: PLC0415 - rich is slow to import
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        console = Console(file=stream, highlight=False, soft_wrap=False, width=140)
        for result in run.invalid:
            for d in result.diagnostics:
                where = f"{terminal_text(d.file, one_line=True)}:{d.line}:{d.column}"
                message = terminal_text(d.message, one_line=True)
                console.print(Text(f"{where}: {d.code} {message}", style="red"))
        for plan in run.plans:
            # Plan text goes in as Text, never as markup, so "[bold]" in a plan prints as is.
            title = Text(f"{terminal_text(plan.file, one_line=True)} as of {run.as_of}")
            table = Table(title=title, expand=True)
            for header in ("Id", "Status", "Latest actual", "Expected", "Target", "Due"):
                table.add_column(header, no_wrap=True)
            table.add_column("Why", ratio=1, overflow="fold")
            for item in plan.items:
                table.add_row(
                    Text(terminal_text(item.id, one_line=True)),
                    Text(item.status, style=_STYLES[item.status]),
                    _latest(item),
                    _number(item.expected),
                    _number(item.target),
                    str(item.due or ""),
                    Text(terminal_text(item.reason)),
                )
            console.print(table)
        console.print(summary(run))
