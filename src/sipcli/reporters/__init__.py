"""Reporters, one class per output format, looked up by the name given to ``--format``."""

from __future__ import annotations

from sipcli.reporters.base import Reporter, summary_line
from sipcli.reporters.concise import ConciseReporter
from sipcli.reporters.github import GithubReporter, annotation_lines
from sipcli.reporters.json_report import JsonReporter, run_to_json
from sipcli.reporters.junit import JunitReporter
from sipcli.reporters.sarif import SarifReporter
from sipcli.reporters.text import TextReporter

REPORTERS: dict[str, type[Reporter]] = {
    reporter.name: reporter
    for reporter in (
        TextReporter,
        ConciseReporter,
        JsonReporter,
        GithubReporter,
        SarifReporter,
        JunitReporter,
    )
}

__all__ = ["REPORTERS", "Reporter", "annotation_lines", "run_to_json", "summary_line"]
