"""``--statistics``: how many problems of each code, instead of each problem."""

from __future__ import annotations

import json
from collections import Counter
from typing import TextIO

from sipcli.diagnostics import RunResult
from sipcli.reporters.base import Reporter, summary_line


def statistics_rows(run: RunResult) -> list[tuple[int, str, str, str]]:
    """Return ``(count, code, name, severity)`` per code, most frequent first."""
    counts = Counter((d.code, d.name, d.severity.value) for d in run.diagnostics)
    return sorted(((n, *key) for key, n in counts.items()), key=lambda row: (-row[0], row[1]))


class StatisticsTextReporter(Reporter[RunResult]):
    """``--statistics``: a count per code, most frequent first, then the summary line."""

    name = "text"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write one line per code."""
        for count, code, name, severity in statistics_rows(run):
            stream.write(f"{count:>6}  {code}  {name:<32} [{severity}]\n")
        stream.write(summary_line(run) + "\n")


class StatisticsJsonReporter(Reporter[RunResult]):
    """``--statistics --format json``: the counts per code as a versioned JSON object."""

    name = "json"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the JSON object."""
        keys = ("count", "code", "name", "severity")
        rows = statistics_rows(run)
        payload = {"version": 1, "statistics": [dict(zip(keys, row, strict=True)) for row in rows]}
        stream.write(json.dumps(payload, indent=2) + "\n")
