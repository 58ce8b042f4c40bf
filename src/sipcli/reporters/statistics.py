"""``--statistics``: how many problems of each code, instead of each problem."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import summary_line


def statistics_rows(run: RunResult) -> list[tuple[int, str, str, str]]:
    """Return ``(count, code, name, severity)`` per code, most frequent first."""
    counts = Counter((d.code, d.name, d.severity.value) for d in run.diagnostics)
    return sorted(((n, *key) for key, n in counts.items()), key=lambda row: (-row[0], row[1]))


def write_statistics(run: RunResult, stream: TextIO, *, as_json: bool) -> None:
    """Write the per-code counts as a table, or as JSON when ``as_json``."""
    rows = statistics_rows(run)
    if as_json:
        keys = ("count", "code", "name", "severity")
        payload = {"version": 1, "statistics": [dict(zip(keys, row, strict=True)) for row in rows]}
        stream.write(json.dumps(payload, indent=2) + "\n")
        return
    for count, code, name, severity in rows:
        stream.write(f"{count:>6}  {code}  {name:<32} [{severity}]\n")
    stream.write(summary_line(run) + "\n")
