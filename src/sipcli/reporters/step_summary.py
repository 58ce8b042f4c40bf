"""A Markdown job summary for GitHub Actions (``$GITHUB_STEP_SUMMARY``).

Annotations are capped (10 per kind per step, 50 per job); the summary lists every problem
(up to a size GitHub accepts), so nothing is lost from view. `sip validate` and `sip lint`
append it under GitHub Actions for the formats read in the log (text, concise, github);
``SIP_STEP_SUMMARY=0`` in the workflow's ``env`` turns it off (``cli/output.py`` decides).
"""

from __future__ import annotations

import re

from sipcli.diagnostics import Diagnostic, RunResult
from sipcli.reporters.base import summary_line
from sipcli.reporters.sanitise import markdown_value, terminal_text

#: GitHub refuses step summaries over 1 MiB; stay well below.
MAX_SUMMARY_CHARS = 500_000


#: What a file name must not hold to be shown as code: a backtick would end the code span and
#: a line break (of any kind) the table row.
_NOT_CODE = re.compile("[`\r\n\x85\u2028\u2029]")


def _location(d: Diagnostic) -> str:
    # A code span shows its content literally, so only the table's pipe is escaped there; a
    # name that cannot be code is escaped as Markdown text instead.
    where = f"{d.file}:{d.line}:{d.column}"
    if _NOT_CODE.search(d.file):
        return markdown_value(where)
    code = where.replace("\\", "\\\\").replace("|", "\\|")
    return f"`{terminal_text(code, one_line=True)}`"


def step_summary(run: RunResult, *, title: str) -> str:
    """Return the Markdown summary of ``run``."""
    lines = [f"## {markdown_value(title)}", "", summary_line(run), ""]
    if run.diagnostics:
        lines += ["| Location | Code | Severity | Problem |", "|---|---|---|---|"]
    size = sum(len(line) for line in lines)
    for shown, d in enumerate(run.diagnostics):
        row = (
            f"| {_location(d)} | {d.code} {d.name} | "
            f"{d.severity.value} | {markdown_value(d.message)} |"
        )
        if size + len(row) > MAX_SUMMARY_CHARS:
            lines.append(f"\n{len(run.diagnostics) - shown} more problems are in the log.")
            break
        lines.append(row)
        size += len(row)
    return "\n".join(lines) + "\n"
