"""Reporters of `sip diff`: plain text, a versioned JSON object, and Markdown for a renewal memo.

Each builds the whole report as text from a `Comparison` (the diff and the two sides' names).
"""

from __future__ import annotations

import json
import re
from typing import Any, TextIO

from sipcli.monitor.diff import ChangeKind, Comparison, ItemChange, PlanDiff
from sipcli.reporters.base import Reporter
from sipcli.reporters.sanitise import terminal_text

#: The version of the JSON object `sip diff --format json` writes.
DIFF_JSON_VERSION = 1

#: Text output shortens a statement to this many characters; JSON and Markdown keep it whole.
_LABEL_WIDTH = 100

_SIGNS = {"added": "+", "removed": "-", "changed": "~"}

_SECTIONS: tuple[tuple[ChangeKind, str], ...] = (
    ("added", "Added"),
    ("removed", "Removed"),
    ("changed", "Changed"),
)


def diff_to_json(diff: PlanDiff, old: str, new: str) -> dict[str, Any]:
    """Return the documented JSON object of a diff between the plans named ``old`` and ``new``."""
    return {
        "version": DIFF_JSON_VERSION,
        "old": old,
        "new": new,
        "summary": diff.counts(),
        "changes": [item.to_dict() for item in diff.changes],
    }


def json_report(diff: PlanDiff, old: str, new: str) -> str:
    """Return the JSON object, indented, with a final newline."""
    return json.dumps(diff_to_json(diff, old, new), indent=2, ensure_ascii=False) + "\n"


def text_report(diff: PlanDiff, old: str, new: str) -> str:
    """Return one line per item (+ added, - removed, ~ changed), its field changes indented."""
    # Each line holds plan text on one line, so a value cannot clear the screen or start a line
    # of its own (which GitHub Actions might run as a workflow command).
    old, new = terminal_text(old, one_line=True), terminal_text(new, one_line=True)
    if not diff.has_changes:
        return f"No differences between {old} and {new} (items compared by id).\n"
    lines = [f"Comparing {old} → {new}", ""]
    for item in diff.changes:
        heading = _heading(item, _shorten(item.label))
        lines.append(f"{_SIGNS[item.change]} {terminal_text(heading, one_line=True)}")
        lines.extend(
            f"    {terminal_text(field.describe(), one_line=True)}" for field in item.fields
        )
    lines += ["", _summary(diff)]
    return "\n".join(lines) + "\n"


def markdown_report(diff: PlanDiff, old: str, new: str) -> str:
    """Return a renewal memo: a summary line, then sections Added, Removed and Changed."""
    parts = [f"# Plan changes: {_code(old)} → {_code(new)}\n\n"]
    if not diff.has_changes:
        parts.append("No differences: every item is the same, compared by id.\n")
        return "".join(parts)
    parts.append(f"{_summary(diff)}\n")
    for change, title in _SECTIONS:
        items = diff.of(change)
        if not items:
            continue
        parts.append(f"\n## {title}\n\n")
        if change == "changed":
            parts.extend(_md_changed(item) for item in items)
        else:
            parts.extend(_md_entry(item) for item in items)
    return "".join(parts)


def _md_changed(item: ItemChange) -> str:
    lines = [f"### {_md(_heading(item, ''))}\n\n"]
    if item.label:
        lines.append(f"> {_md(item.label)}\n\n")
    lines.extend(f"- {_code(field.path)}: {_md(field.what())}\n" for field in item.fields)
    return "".join(lines) + "\n"


def _md_entry(item: ItemChange) -> str:
    # Bold the name only: the statement is plan text and is escaped, never formatted.
    name, _, label = _heading(item, item.label).partition(": ")
    return f"- **{_md(name)}**: {_md(label)}\n" if label else f"- **{_md(name)}**\n"


def _heading(item: ItemChange, label: str) -> str:
    heading = item.title
    if item.parent:
        heading += f" ({'goal' if item.kind == 'benchmark' else 'objective'} {item.parent})"
    return f"{heading}: {label}" if label else heading


def _summary(diff: PlanDiff) -> str:
    counts = diff.counts()
    return f"{counts['added']} added, {counts['removed']} removed, {counts['changed']} changed."


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= _LABEL_WIDTH else flat[: _LABEL_WIDTH - 1].rstrip() + "…"


_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~!])")
#: What a name must not hold to be shown as code: a backtick would end the code span early
#: and a line break (of any kind Markdown or an editor knows) would end the line.
_NOT_CODE = re.compile("[`\r\n\x85\u2028\u2029]")


def _md(text: str) -> str:
    # Plan text is data, not Markdown: a stray * or <b> must print as written. Splitting at
    # whitespace also joins every kind of line break (CR, NEL, U+2028) into one line.
    flat = " ".join(text.split()).replace("&", "&amp;")
    return terminal_text(_MARKDOWN_SPECIAL.sub(r"\\\1", flat), one_line=True)


def _code(name: str) -> str:
    # A file name reads best as code; one with a backtick or a line break cannot be, so it is
    # escaped instead.
    if _NOT_CODE.search(name):
        return _md(name)
    return f"`{terminal_text(name, one_line=True)}`"


class DiffTextReporter(Reporter[Comparison]):
    """One line per item (+ added, - removed, ~ changed), its field changes indented."""

    name = "text"

    def write(self, result: Comparison, stream: TextIO) -> None:
        """Write the text report."""
        stream.write(text_report(result.diff, result.old, result.new))


class DiffJsonReporter(Reporter[Comparison]):
    """The versioned JSON object, for tools."""

    name = "json"

    def write(self, result: Comparison, stream: TextIO) -> None:
        """Write the JSON object."""
        stream.write(json_report(result.diff, result.old, result.new))


class DiffMarkdownReporter(Reporter[Comparison]):
    """A renewal memo in Markdown: Added, Removed and Changed."""

    name = "markdown"

    def write(self, result: Comparison, stream: TextIO) -> None:
        """Write the memo."""
        stream.write(markdown_report(result.diff, result.old, result.new))
