"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other static-analysis dashboards.

Fingerprints come from the code, the file and the plan path (not the line), so an alert
survives when lines above it move. Each rule carries short help (its summary and why it
matters, as text and Markdown) and ``helpUri``, its page on the documentation site.

A file's ``uri`` is relative to the working directory when the file is under it, with
``uriBaseId: "%SRCROOT%"`` and the run's ``originalUriBaseIds`` saying where that is (code
scanning then matches it to the repository); a file elsewhere gets an absolute ``file://``
URI. Either way the path is normalised (no ``.`` or ``..``, forward slashes) and
percent-encoded (``my plan #1.yaml`` -> ``my%20plan%20%231.yaml``), as the URI format asks.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path, PurePosixPath
from typing import Any, TextIO
from urllib.parse import quote

from sipcli import __version__
from sipcli.diagnostics import Diagnostic, RunResult, Severity
from sipcli.lint.catalog import Entry, all_entries
from sipcli.project import DOCS_URL, rule_doc_url
from sipcli.reporters.base import Reporter

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def fingerprint(d: Diagnostic) -> str:
    """Return a fingerprint of a problem that does not depend on its line."""
    return hashlib.sha256(f"{d.code}\0{d.file}\0{d.path}".encode()).hexdigest()


def artifact_location(file: str, root: Path) -> dict[str, str]:
    """Return the SARIF ``artifactLocation`` of ``file`` as seen from the directory ``root``.

    ``root`` must be absolute. Under it: a relative, percent-encoded URI against
    ``%SRCROOT%``; elsewhere: an absolute ``file://`` URI.
    """
    # abspath normalises without touching the disk, so a symlinked folder keeps its name.
    absolute = Path(os.path.abspath(root / file))
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        return {"uri": absolute.as_uri()}
    return {"uri": quote(PurePosixPath(*relative.parts).as_posix(), safe="/"), "uriBaseId": SRCROOT}


def _root_uri(root: Path) -> str:
    uri = root.as_uri()
    return uri if uri.endswith("/") else uri + "/"


def _short_help(entry: Entry) -> str:
    # The summary and "Why it matters", without the Fails/Passes examples `sip rule` shows.
    return entry.documentation.split("\nFails:", 1)[0].strip()


def _rule(entry: Entry) -> dict[str, Any]:
    url = rule_doc_url(entry.code)
    short = _short_help(entry)
    return {
        "id": entry.code,
        "name": entry.name,
        "shortDescription": {"text": entry.summary},
        "fullDescription": {"text": entry.documentation},
        "help": {
            "text": f"{short}\n\nDocumentation: {url}",
            "markdown": f"**{entry.code} {entry.name}**\n\n{short}\n\n[Documentation]({url})",
        },
        "helpUri": url,
        "defaultConfiguration": {"level": _LEVEL[entry.severity]},
        "properties": {"tags": [entry.family]},
    }


def _result(d: Diagnostic, rule_index: int, root: Path) -> dict[str, Any]:
    return {
        "ruleId": d.code,
        "ruleIndex": rule_index,
        "level": _LEVEL[d.severity],
        "message": {"text": d.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": artifact_location(d.file, root),
                    "region": {"startLine": d.line, "startColumn": d.column},
                },
                "logicalLocations": [{"fullyQualifiedName": d.path}] if d.path else [],
            }
        ],
        "partialFingerprints": {"sipPlanPath/v1": fingerprint(d)},
    }


def run_to_sarif(run: RunResult, *, root: Path | None = None) -> dict[str, Any]:
    """Return the SARIF log for ``run``, its URIs relative to ``root`` (default: the cwd)."""
    root = Path(os.path.abspath(root or Path.cwd()))
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
                        "informationUri": DOCS_URL,
                        "rules": [_rule(entry) for entry in entries],
                    }
                },
                "originalUriBaseIds": {SRCROOT: {"uri": _root_uri(root)}},
                "columnKind": "unicodeCodePoints",
                "results": [_result(d, index.get(d.code, -1), root) for d in run.diagnostics],
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
