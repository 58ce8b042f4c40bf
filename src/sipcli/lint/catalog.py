"""Every kind of problem sip reports, in one list: loader, schema, lint rules and suppressions.

Reporters use it for rule metadata (SARIF), and `sip rule`/`sip rules` to explain codes.
"""

from __future__ import annotations

from dataclasses import dataclass

from sipcli.diagnostics import Severity


@dataclass(frozen=True)
class Entry:
    """A code sip can report, with what `sip rule` shows for it."""

    code: str
    name: str
    summary: str
    severity: Severity
    documentation: str
    family: str
    dese_requirement: bool = False


def all_entries() -> list[Entry]:
    """Return every code, in code order."""
    from sipcli.lint.rules import ALL_RULES  # noqa: PLC0415 - rules import the model; only here
    from sipcli.lint.suppress import UNUSED_NOQA  # noqa: PLC0415
    from sipcli.load.source import LOADER_CHECKS  # noqa: PLC0415
    from sipcli.validate.document import SCHEMA_CHECKS  # noqa: PLC0415

    entries = [
        Entry(c.code, c.name, c.summary, c.severity, c.summary, "file") for c in LOADER_CHECKS
    ]
    entries += [
        Entry(c.code, c.name, c.summary, c.severity, c.summary, "schema") for c in SCHEMA_CHECKS
    ]
    entries += [
        Entry(
            rule.code,
            rule.name,
            rule.summary(),
            rule.severity,
            rule.documentation(),
            "lint",
            rule.dese_requirement,
        )
        for rule in ALL_RULES
    ]
    entries.append(
        Entry(
            UNUSED_NOQA.code,
            UNUSED_NOQA.name,
            UNUSED_NOQA.summary,
            UNUSED_NOQA.severity,
            UNUSED_NOQA.summary,
            "suppression",
        )
    )
    return sorted(entries, key=lambda entry: entry.code)


def find_entry(code_or_name: str) -> Entry | None:
    """Return the entry with this code or name (any case), or None."""
    key = code_or_name.strip().lower()
    return next(
        (e for e in all_entries() if key in (e.code.lower(), e.name.lower())),
        None,
    )
