"""Reporters of `sip status`: a table to project in a workshop, JSON, and Markdown.

The table and the Markdown page show plain words only: stage titles, states, what is left,
the next step. The JSON object (version 1) adds the codes and plan paths tools need.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from sipcli.reporters.base import Reporter, rich_colour
from sipcli.reporters.sanitise import markdown_value, terminal_text

if TYPE_CHECKING:
    from sipcli.status.view import PlanStatus, StageStatus

#: The version of the JSON object `sip status --format json` writes.
STATUS_JSON_VERSION = 1

_STYLE = {"done": "bold green", "in progress": "bold yellow", "not started": "dim"}


def stage_text(stage: StageStatus) -> str:
    """The stage's title, saying when this plan may leave it out: "Financial plan (optional)"."""
    if stage.required:
        return stage.stage.title
    return f"{stage.stage.title} ({'optional' if stage.stage.optional else 'not needed'})"


def phase_title(phase: str) -> str:
    """The phase's title from the stages list ("Phase I: engage, envision and assess")."""
    from sipcli.model.stages import phases  # noqa: PLC0415 - read once, when shown

    return next((item.title for item in phases() if item.phase == phase), f"Phase {phase}")


def totals(status: PlanStatus) -> str:
    """The line under the table: "4 of 11 stages done, 3 in progress, 4 not started."."""
    return (
        f"{status.count('done')} of {len(status.stages)} stages done, "
        f"{status.count('in progress')} in progress, {status.count('not started')} not started."
    )


def status_to_json(status: PlanStatus) -> dict[str, Any]:
    """Return the documented JSON object of a plan's status."""
    return {
        "version": STATUS_JSON_VERSION,
        "file": status.file,
        "school": status.school,
        "reviewed": status.reviewed,
        "counts": {state: status.count(state) for state in ("done", "in progress", "not started")},
        "next_step": status.next_step,
        "next": _next_json(status),
        "stages": [_stage_json(stage) for stage in status.stages],
    }


def _next_json(status: PlanStatus) -> dict[str, Any] | None:
    """The stage to work on next and its first step; None when every needed stage is done."""
    stage = next((item for item in status.stages if item.stage.id == status.next_stage), None)
    if stage is None:
        return None
    return {"stage": stage.stage.id, "title": stage.stage.title, "step": stage.first_step}


def _stage_json(stage: StageStatus) -> dict[str, Any]:
    return {
        "id": stage.stage.id,
        "title": stage.stage.title,
        "phase": stage.stage.phase,
        "sections": list(stage.stage.sections),
        "state": stage.state,
        "required": stage.required,
        "optional": stage.stage.optional,
        "line": stage.line,
        "placeholders": stage.placeholders,
        "set_aside": stage.set_aside,
        "errors": stage.errors,
        "warnings": stage.warnings,
        "first_step": stage.first_step,
        "lacks": [lack.__dict__ for lack in stage.lacks],
    }


class StatusJson(Reporter["PlanStatus"]):
    """The versioned JSON object, for tools and dashboards."""

    name = "json"

    def write(self, status: PlanStatus, stream: TextIO) -> None:
        """Write the JSON object, indented, with a final newline."""
        stream.write(json.dumps(status_to_json(status), indent=2, ensure_ascii=False) + "\n")


class StatusMarkdown(Reporter["PlanStatus"]):
    """A Markdown page: one table per phase, then the next step (for a workshop's notes)."""

    name = "markdown"

    def write(self, status: PlanStatus, stream: TextIO) -> None:
        """Write the page, every plan value escaped."""
        stream.write(f"# Where the plan stands: {markdown_value(_heading(status))}\n")
        phase = None
        for stage in status.stages:
            if stage.stage.phase != phase:
                phase = stage.stage.phase
                stream.write(
                    f"\n## {phase_title(phase)}\n\n| Stage | State | What is left |\n|---|---|---|\n"
                )
            left = "<br>".join(markdown_value(text) for text in stage.shown())
            stream.write(f"| {stage_text(stage)} | {stage.state} | {left} |\n")
        stream.write(f"\n{totals(status)}\n\n**{markdown_value(status.next_step)}**\n")


def _heading(status: PlanStatus) -> str:
    return f"{status.school} ({status.file})" if status.school else status.file


class StatusTable(Reporter["PlanStatus"]):
    """The terminal view: a short Rich table, phase by phase, then the next step."""

    name = "table"

    def write(self, status: PlanStatus, stream: TextIO) -> None:
        """Write the table, the totals and the next step."""
        from rich.console import Console  # noqa: PLC0415 - rich is slow to import
        from rich.table import Table  # noqa: PLC0415
        from rich.text import Text  # noqa: PLC0415

        console = Console(file=stream, highlight=False, **rich_colour(self.color))
        # Plan text goes in as Text, never as markup, so "[bold]" in a plan prints as is.
        table = Table(title=Text(terminal_text(_heading(status), one_line=True)), show_lines=False)
        table.add_column("Stage", overflow="fold")
        table.add_column("State", no_wrap=True)
        table.add_column("What is left", overflow="fold")
        phase = None
        for stage in status.stages:
            if stage.stage.phase != phase:
                if phase is not None:
                    table.add_section()
                phase = stage.stage.phase
                table.add_row(Text(phase_title(phase), style="bold"), "", "")
            left = "\n".join(terminal_text(text, one_line=True) for text in stage.shown())
            table.add_row(
                Text(f"  {stage_text(stage)}"),
                Text(stage.state, style=_STYLE[stage.state]),
                Text(left),
            )
        console.print(table)
        console.print(Text(totals(status)))
        console.print(Text(terminal_text(status.next_step, one_line=True), style="bold"))
        if not status.reviewed:
            console.print(
                Text(
                    "The top of the plan cannot be read yet, so what a reviewer would ask for "
                    "is not checked: fill in the school and the plan first."
                )
            )
