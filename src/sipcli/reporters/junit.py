"""``junit``: JUnit XML, which most CI systems (GitLab, Jenkins, Azure) show as a test report.

Each file is a test suite; each problem a failing test case; a file without problems has
one passing test case.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from typing import TextIO

from sipcli.diagnostics import Diagnostic, FileResult, RunResult
from sipcli.reporters.base import Reporter


def _case(d: Diagnostic) -> ET.Element:
    where = f" at {d.path}" if d.path else ""
    case = ET.Element(
        "testcase",
        classname=d.file,
        name=f"{d.code} {d.name}{where} ({d.line}:{d.column})",
    )
    failure = ET.SubElement(case, "failure", message=d.message, type=d.severity.value)
    failure.text = f"{d.file}:{d.line}:{d.column}: {d.code} [{d.severity.value}] {d.message}"
    return case


def _suite(result: FileResult) -> ET.Element:
    problems = len(result.diagnostics)
    suite = ET.Element(
        "testsuite", name=result.file, tests=str(max(problems, 1)), failures=str(problems)
    )
    if problems:
        suite.extend(_case(d) for d in result.diagnostics)
    else:
        ET.SubElement(suite, "testcase", classname=result.file, name="no problems")
    return suite


def run_to_junit(run: RunResult) -> str:
    """Return the JUnit XML document for ``run``."""
    problems = len(run.diagnostics)
    root = ET.Element(
        "testsuites",
        name="sip",
        tests=str(sum(max(len(r.diagnostics), 1) for r in run.files)),
        failures=str(problems),
    )
    root.extend(_suite(result) for result in run.files)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class JunitReporter(Reporter[RunResult]):
    """JUnit XML."""

    name = "junit"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the JUnit XML document."""
        stream.write(run_to_junit(run))
