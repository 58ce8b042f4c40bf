"""``gitlab``: GitLab Code Quality, the JSON report a merge request's widget and diff show.

One object per problem: ``description``, ``check_name`` (the code), ``fingerprint``,
``severity`` and ``location`` (``path`` and ``lines.begin``). The path is relative to the
working directory (the repository root in a GitLab job), normalised with forward slashes;
a file outside it keeps its absolute path. The fingerprint is a SHA-256 of the code, that
path and the plan path, never the line, so GitLab sees the same problem as unchanged when
lines above it move (two problems of one code at one plan path are told apart by their
order). Severities map as error -> ``major``, warning -> ``minor``, info -> ``info``:
GitLab's ``critical`` and ``blocker`` are kept for tools whose findings break software.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path, PurePosixPath
from typing import Any, TextIO

from sipcli.diagnostics import Diagnostic, RunResult, Severity
from sipcli.reporters.base import Reporter

SEVERITY = {Severity.ERROR: "major", Severity.WARNING: "minor", Severity.INFO: "info"}


def report_path(file: str, root: Path) -> str:
    """Return ``file`` relative to the absolute directory ``root`` when under it, else absolute."""
    absolute = Path(os.path.abspath(root / file))
    try:
        return PurePosixPath(*absolute.relative_to(root).parts).as_posix()
    except ValueError:
        return absolute.as_posix()


def _fingerprint(d: Diagnostic, path: str, occurrence: int) -> str:
    key = f"{d.code}\0{path}\0{d.path}" + (f"\0{occurrence}" if occurrence > 1 else "")
    return hashlib.sha256(key.encode()).hexdigest()


def run_to_code_quality(run: RunResult, *, root: Path | None = None) -> list[dict[str, Any]]:
    """Return the Code Quality issues of ``run``, paths relative to ``root`` (default: cwd)."""
    root = Path(os.path.abspath(root or Path.cwd()))
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for d in run.diagnostics:
        path = report_path(d.file, root)
        seen[d.code, path, d.path] += 1
        issues.append(
            {
                "description": f"{d.code} {d.name}: {d.message}",
                "check_name": d.code,
                "fingerprint": _fingerprint(d, path, seen[d.code, path, d.path]),
                "severity": SEVERITY[d.severity],
                "location": {"path": path, "lines": {"begin": d.line}},
            }
        )
    return issues


class GitlabReporter(Reporter[RunResult]):
    """GitLab Code Quality JSON (an array of issues; ``[]`` when there are none)."""

    name = "gitlab"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the Code Quality report."""
        json.dump(run_to_code_quality(run), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
