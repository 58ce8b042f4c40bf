"""Validate and lint a plan held in an editor, exactly as `sip lint FILE` would report it.

The text is the editor's, not the file on disk: it may be mid-edit, larger than sip reads, or
hold characters no UTF-8 file can (a lone surrogate from a damaged paste). Each case gives the
diagnostic `sip lint` gives for such a file; nothing here raises on a plan's content.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from sipcli.diagnostics import Diagnostic, FileResult
from sipcli.lint.engine import lint_plan
from sipcli.lint.settings import RuleSelection, settings_for
from sipcli.load.incremental import IncrementalParser
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.source import load_bytes
from sipcli.validate.check import calendar_source
from sipcli.validate.document import validate_document
from sipcli.validate.plans import PlanFile


@dataclass(frozen=True)
class DiagnoseSettings:
    """What `sip lint`'s options would say: a configuration file, a profile, rules, a size limit.

    The defaults are `sip lint FILE` with no options: the nearest ``.sip.yaml`` (or
    ``[tool.sip]`` in ``pyproject.toml``) that applies to the file decides.
    """

    config: Path | None = None
    profile: str | None = None
    selection: RuleSelection | None = None
    max_bytes: int = DEFAULT_MAX_BYTES


def diagnose(
    text: str,
    path: Path,
    settings: DiagnoseSettings | None = None,
    parser: IncrementalParser | None = None,
) -> list[Diagnostic]:
    """Return what `sip lint` reports for ``path`` if the file held ``text``, in file order.

    ``parser``, kept from one text of a document to the next, parses only the top-level
    sections that changed; the result is the same.

    Raises:
        SipError: when the configuration that applies to ``path`` is invalid (as `sip lint`
            stops with exit 2 then); the caller says so instead of the plan's findings.
    """
    chosen = settings or DiagnoseSettings()
    file = str(path)
    # surrogatepass: a lone surrogate becomes bytes that are not UTF-8, which the loader
    # reports as SIP005 at its place, as it would for such a file on disk.
    raw = text.encode("utf-8", "surrogatepass")
    loaded = load_bytes(raw, file=file, max_bytes=chosen.max_bytes, parser=parser)
    if loaded.document is None:
        return [loaded.diagnostic] if loaded.diagnostic else []
    validation = validate_document(loaded.document, calendar_source(path, chosen.config))
    result = FileResult(file, validation.diagnostics, loaded.lines)
    source = PlanFile(path, result, validation.plan, loaded.document, chosen.config)
    lint_settings = settings_for(
        path, config=chosen.config, profile=chosen.profile, selection=chosen.selection
    )
    return list(lint_plan(source, lint_settings).diagnostics)
