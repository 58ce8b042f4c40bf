r"""``junit``: JUnit XML, which most CI systems (GitLab, Jenkins, Azure) show as a test report.

The report agrees with the exit code: each file is a test suite, and each problem a test
case that is a ``<failure>`` only when it fails the run (at or above ``--fail-on``, else the
file's configured ``fail-on``); a problem below that threshold is ``<skipped>`` with its
message, so it is seen without marking the build failed or unstable. A file without
problems has one passing test case, ``no problems``.

A test case is named by what it is about, not where: ``SIP201 goals[0].baseline`` with the
file as its class name, so a CI system's test history follows it when lines above it move
(the line and column are in the failure text). Characters XML 1.0 forbids (control
characters but tab and line breaks, lone surrogates, U+FFFE and U+FFFF) cannot be written
even escaped, so they are shown as ``\xNN`` / ``\uNNNN`` instead.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections import Counter
from typing import TextIO

from sipcli.diagnostics import Diagnostic, FileResult, RunResult
from sipcli.reporters.base import Reporter

#: Everything outside XML 1.0's Char production.
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def xml_text(text: str) -> str:
    """Return ``text`` with every character XML 1.0 forbids shown as an escape."""
    return _NOT_XML.sub(_visible, text)


def case_name(d: Diagnostic) -> str:
    """Return the test-case name of ``d``: its code and plan path, never its line."""
    return f"{d.code} {d.path}" if d.path else f"{d.code} (whole file)"


def _fails(d: Diagnostic, result: FileResult) -> bool:
    return d.severity.rank >= result.fail_on.rank


def _cases(result: FileResult) -> list[ET.Element]:
    # Two problems of one code at one path get "#2", "#3": names stay unique and stable.
    seen: Counter[str] = Counter()
    cases = []
    for d in result.diagnostics:
        name = case_name(d)
        seen[name] += 1
        if seen[name] > 1:
            name += f" #{seen[name]}"
        case = ET.Element("testcase", classname=xml_text(d.file), name=xml_text(name))
        text = f"{d.file}:{d.line}:{d.column}: {d.code} {d.name} [{d.severity.value}] {d.message}"
        if _fails(d, result):
            failure = ET.SubElement(
                case, "failure", message=xml_text(d.message), type=d.severity.value
            )
            failure.text = xml_text(text)
        else:
            skipped = ET.SubElement(case, "skipped", message=xml_text(d.message))
            skipped.text = xml_text(text)
        cases.append(case)
    return cases


def _suite(result: FileResult) -> ET.Element:
    cases = _cases(result)
    failures = sum(1 for d in result.diagnostics if _fails(d, result))
    if not cases:
        cases = [ET.Element("testcase", classname=xml_text(result.file), name="no problems")]
    suite = ET.Element(
        "testsuite",
        name=xml_text(result.file),
        tests=str(len(cases)),
        failures=str(failures),
        errors="0",
        skipped=str(len(result.diagnostics) - failures),
    )
    suite.extend(cases)
    return suite


def run_to_junit(run: RunResult) -> str:
    """Return the JUnit XML document for ``run``; each file's ``fail_on`` decides failures."""
    suites = [_suite(result) for result in run.files]
    root = ET.Element(
        "testsuites",
        name="sip",
        tests=str(sum(int(s.attrib["tests"]) for s in suites)),
        failures=str(sum(int(s.attrib["failures"]) for s in suites)),
        errors="0",
        skipped=str(sum(int(s.attrib["skipped"]) for s in suites)),
    )
    root.extend(suites)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


class JunitReporter(Reporter[RunResult]):
    """JUnit XML whose failures are exactly what fails the run."""

    name = "junit"

    def write(self, run: RunResult, stream: TextIO) -> None:
        """Write the JUnit XML document."""
        stream.write(run_to_junit(run))
