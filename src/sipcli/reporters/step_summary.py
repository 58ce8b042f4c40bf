"""A Markdown job summary for GitHub Actions (``$GITHUB_STEP_SUMMARY``).

Annotations are capped at 10 per kind; the summary lists every problem (up to a size GitHub
accepts), so nothing is lost from view.
"""

from __future__ import annotations

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import summary_line

#: GitHub refuses step summaries over 1 MiB; stay well below.
MAX_SUMMARY_CHARS = 500_000


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def step_summary(run: RunResult, *, title: str) -> str:
    """Return the Markdown summary of ``run``."""
    lines = [f"## {title}", "", summary_line(run), ""]
    if run.diagnostics:
        lines += ["| Location | Code | Severity | Problem |", "|---|---|---|---|"]
    size = sum(len(line) for line in lines)
    for shown, d in enumerate(run.diagnostics):
        row = (
            f"| `{_cell(d.file)}:{d.line}:{d.column}` | {d.code} {d.name} | "
            f"{d.severity.value} | {_cell(d.message)} |"
        )
        if size + len(row) > MAX_SUMMARY_CHARS:
            lines.append(f"\n{len(run.diagnostics) - shown} more problems are in the log.")
            break
        lines.append(row)
        size += len(row)
    return "\n".join(lines) + "\n"
