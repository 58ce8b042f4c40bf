"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Fingerprints come from the code, the file and the plan path (not the line), so an alert
survives when lines above it move.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, TextIO

from sipcli import __version__
from sipcli.diagnostics import Diagnostic, RunResult, Severity
from sipcli.lint.catalog import Entry, all_entries
from sipcli.reporters.base import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(d: Diagnostic) -> str:
    """Return a fingerprint of a problem that does not depend on its line."""
    return hashlib.sha256(f"{d.code}\0{d.file}\0{d.path}".encode()).hexdigest()


def _rule(entry: Entry) -> dict[str, Any]:
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.documentation},
        "help": {"text": entry.documentation},
        "defaultConfiguration": {"level": _LEVEL[entry.severity]},
        "properties": {"tags": [entry.family]},
    }


def _result(d: Diagnostic, rule_index: int) -> dict[str, Any]:
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": d.file.replace("\\", "/")},
                    "region": {"startLine": d.line, "startColumn": d.column},
                },
                "logicalLocations": [{"fullyQualifiedName": d.path}] if d.path else [],
            }
        ],
        "partialFingerprints": {"sipPlanPath/v1": fingerprint(d)},
    }


def run_to_sarif(run: RunResult) -> dict[str, Any]:
    """Return the SARIF log for ``run``."""
    entries = all_entries()
    index = {entry.code: position for position, entry in enumerate(entries)}
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "sip",
                        "version": __version__,
                        "rules": [_rule(entry) for entry in entries],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index.get(d.code, -1)) for d in run.diagnostics],
            }
        ],
    }


class SarifReporter(Reporter[RunResult]):
    """SARIF 2.1.0 JSON."""

    name = "sarif"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the SARIF log."""
        json.dump(run_to_sarif(run), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
