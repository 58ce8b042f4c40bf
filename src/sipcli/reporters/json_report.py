"""``json``: a versioned object that scripts can rely on. Its shape is documented in the README."""

from __future__ import annotations

import json
from typing import Any, TextIO

from sipcli import __version__
from sipcli.diagnostics import RunResult, Severity
from sipcli.reporters.base import Reporter

#: Raised when a field is removed or changes meaning; new fields may appear within a version.
JSON_FORMAT_VERSION = 1


def run_to_json(run: RunResult) -> dict[str, Any]:
    """Return the JSON output object for ``run``."""
    return {
        "version": JSON_FORMAT_VERSION,
        "tool": {"name": "sip", "version": __version__},
        "files": [
            {"file": result.file, "problems": len(result.diagnostics)} for result in run.files
        ],
        "summary": {
            "files": len(run.files),
            **{severity.value: run.count(severity) for severity in Severity},
        },
        "diagnostics": [d.to_dict() for d in run.diagnostics],
    }


class JsonReporter(Reporter[RunResult]):
    """The whole run as one JSON object."""

    name = "json"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the JSON object, indented, with a final newline."""
        json.dump(run_to_json(run), stream, indent=2, ensure_ascii=False)
        stream.write("\n")
