"""Reporters of `sip progress`: a terminal table, JSON and Markdown, each a `Reporter`."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from sipcli.reporters.base import Reporter, rich_colour
from sipcli.reporters.sanitise import markdown_value, terminal_text

if TYPE_CHECKING:
    import datetime as dt

    from rich.table import Table

    from sipcli.monitor.progress import PlanProgress, Progress, ProgressRun

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
    from sipcli.monitor.progress import period_text  # noqa: PLC0415 - the core, when used

    return {
        "version": PROGRESS_JSON_VERSION,
        "as_of": run.as_of.isoformat(),
        "as_of_period": period_text(run.as_of),
        "thresholds": {"on_track": run.thresholds.on_track, "at_risk": run.thresholds.at_risk},
        "plans": [
            {
                "file": plan.file,
                "as_of": _as_of(run, plan).isoformat(),
                "as_of_period": period_text(_as_of(run, plan)),
                "scale": plan.scale.to_dict() if plan.scale else None,
            }
            for plan in run.plans
        ],
        "items": [
            {"file": plan.file, **item.to_dict()} for plan in run.plans for item in plan.items
        ],
        "summary": run.counts(),
        "labels": run.label_counts(),
        "fail_on": run.fail_on,
        "failing": [{"file": file, "id": item.id} for file, item in run.failing()],
        "diagnostics": [d.to_dict() for result in run.invalid for d in result.diagnostics],
    }


def _number(value: float | None) -> str:
    return "" if value is None else f"{round(value, 2):g}"


def _as_of(run: ProgressRun, plan: PlanProgress) -> dt.date:
    return plan.as_of or run.as_of


def _latest(item: Progress) -> str:
    from sipcli.monitor.progress import describe_update  # noqa: PLC0415

    return describe_update(item.latest, item.unit)


def _projected(item: Progress) -> str:
    from sipcli.monitor.progress import describe_projection  # noqa: PLC0415

    return describe_projection(item)


def summary(run: ProgressRun) -> str:
    """Return the closing line: the count of each status, the gate and unreadable plans."""
    counts = [f"{count} {label}" for label, count in run.label_counts().items()]
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
            as_of = _as_of(run, plan)
            stream.write(f"### Progress of {markdown_value(plan.file)} as of {as_of}\n\n")
            stream.write(
                "| Id | Status | Latest actual | Expected | Target | Due | Projected | Why |\n"
                "|---|---|---:|---:|---:|---|---|---|\n"
            )
            for item in plan.items:
                stream.write(
                    f"| {markdown_value(item.id)} | {markdown_value(item.label)} | "
                    f"{markdown_value(_latest(item))} | {_number(item.expected)} | "
                    f"{_number(item.target)} | {markdown_value(str(item.due or ''))} | "
                    f"{markdown_value(_projected(item))} | {markdown_value(item.reason)} |\n"
                )
            stream.write("\n")
        for result in run.invalid:
            for d in result.diagnostics:
                stream.write(
                    f"- {markdown_value(f'{d.file}:{d.line}:{d.column}: {d.code} {d.message}')}\n"
                )
        stream.write(summary(run) + "\n")


#: The least width of the "Why" column: a reason must stay readable on a narrow terminal.
WHY_MIN_WIDTH = 28


def _width() -> int:
    """The terminal's width (``COLUMNS`` when set); 140 when the output is not a terminal."""
    import shutil  # noqa: PLC0415

    return max(shutil.get_terminal_size((140, 24)).columns, 60)


#: Below this width the table leaves out Expected and Target (the reason says them) and puts
#: the projection into the "Why" cell, so the reason keeps its width.
NARROW = 110


def _add_columns(table: Table, narrow: bool) -> None:
    """Add the columns: ids and numbers kept whole, the projection narrow, the reason wide."""
    table.add_column("Id", no_wrap=True)
    table.add_column("Status", max_width=10 if narrow else 16, overflow="fold")
    table.add_column("Latest actual", max_width=10 if narrow else 18, overflow="fold")
    if not narrow:
        table.add_column("Expected", no_wrap=True)
        table.add_column("Target", no_wrap=True)
    table.add_column("Due", max_width=9 if narrow else 12, overflow="fold")
    if not narrow:
        table.add_column("Projected", ratio=1, max_width=22, overflow="fold")
    table.add_column("Why", ratio=3, min_width=WHY_MIN_WIDTH, overflow="fold")


def _why(item: Progress, narrow: bool) -> str:
    """The reason, and on a narrow terminal the projection after it."""
    projected = _projected(item)
    return f"{item.reason}; {projected}" if narrow and projected else item.reason


class ProgressTableReporter(Reporter["ProgressRun"]):
    """The terminal view: a Rich table per plan, statuses in colour."""

    name = "table"

    def write(self, run: ProgressRun, stream: TextIO) -> None:
        """Write the tables, then the summary."""
        from rich.console import Console  # noqa: PLC0415 - rich is slow to import
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        console = Console(
            file=stream, highlight=False, soft_wrap=False, width=_width(), **rich_colour(self.color)
        )
        for result in run.invalid:
            for d in result.diagnostics:
                where = f"{terminal_text(d.file, one_line=True)}:{d.line}:{d.column}"
                message = terminal_text(d.message, one_line=True)
                console.print(Text(f"{where}: {d.code} {message}", style="red"))
        for plan in run.plans:
            # Plan text goes in as Text, never as markup, so "[bold]" in a plan prints as is.
            as_of = _as_of(run, plan)
            title = Text(f"{terminal_text(plan.file, one_line=True)} as of {as_of}")
            table = Table(title=title, expand=True, pad_edge=False)
            narrow = console.width < NARROW
            _add_columns(table, narrow)
            for item in plan.items:
                table.add_row(
                    Text(terminal_text(item.id, one_line=True)),
                    Text(terminal_text(item.label, one_line=True), style=_STYLES[item.status]),
                    Text(terminal_text(_latest(item), one_line=True)),
                    *([] if narrow else [_number(item.expected), _number(item.target)]),
                    Text(terminal_text(str(item.due or ""), one_line=True)),
                    *([] if narrow else [Text(terminal_text(_projected(item), one_line=True))]),
                    Text(terminal_text(_why(item, narrow))),
                )
            console.print(table)
        console.print(summary(run))
