"""``# sip: noqa`` comments: silence findings on one line, and report the ones that silence nothing.

``# sip: noqa: SIP201 reason`` on the line a finding points to silences that rule there
(codes or names, separated by commas or spaces; the rest is the reason). A bare
``# sip: noqa`` silences every rule on its line. A suppression that silences nothing is
reported as SIP901 unused-noqa, so stale ones do not pile up.

``# sip: noqa-file: SIP201 reason`` on a line of its own, anywhere in the file, silences
those rules in the whole file; a bare ``# sip: noqa-file`` silences every rule there, as
ruff's ``# ruff: noqa`` does. Neither silences the format checks of `sip validate`
(SIP0xx, SIP1xx): a plan that does not follow the format is never linted. An unused one
is SIP901 too.

Comments are read from the file's lines as `sipcli.load.source.split_lines` cuts them, which is
where ruamel counts lines too, so positions and comments cannot disagree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sipcli.diagnostics import Check, Diagnostic, Severity

UNUSED_NOQA = Check(
    "SIP901", "unused-noqa", "A `# sip: noqa` comment that silences nothing.", Severity.WARNING
)

_NOQA = re.compile(r"#\s*sip:\s*noqa(?P<rest>(?::.*)?)$", re.IGNORECASE)
_NOQA_FILE = re.compile(r"^\s*#\s*sip:\s*noqa-file(?P<rest>(?::.*)?)\s*$", re.IGNORECASE)
_SELECTOR = re.compile(r"^(SIP\d{3}|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)$", re.IGNORECASE)


@dataclass(frozen=True)
class Suppression:
    """One noqa comment: its line and column, and the codes or names it lists (empty: all).

    ``whole_file``: a ``# sip: noqa-file`` comment, for every line of the file.
    """

    line: int
    column: int
    selectors: tuple[str, ...]
    whole_file: bool = False


def parse_suppressions(lines: Sequence[str]) -> list[Suppression]:
    """Find every ``# sip: noqa`` and ``# sip: noqa-file`` comment in the file's lines."""
    found = []
    for number, text in enumerate(lines, start=1):
        whole = _NOQA_FILE.match(text)
        if whole is not None:
            column = text.index("#") + 1
            found.append(Suppression(number, column, _selectors(whole.group("rest")), True))
            continue
        match = _NOQA.search(text)
        if match is None or not _is_comment(text, match.start()):
            continue
        found.append(Suppression(number, match.start() + 1, _selectors(match.group("rest"))))
    return found


def _is_comment(text: str, start: int) -> bool:
    # In YAML a comment starts at the beginning of a line or after white space.
    return start == 0 or text[start - 1] in " \t"


def _selectors(rest: str) -> tuple[str, ...]:
    selectors = []
    for token in re.split(r"[\s,]+", rest.removeprefix(":").strip()):
        if not _SELECTOR.match(token):
            break  # the reason starts here
        selectors.append(token.upper() if token.upper().startswith("SIP") else token.lower())
    return tuple(selectors)


def _silences(suppression: Suppression, diagnostic: Diagnostic) -> bool:
    if suppression.line != diagnostic.line and not suppression.whole_file:
        return False
    return not suppression.selectors or bool(
        {diagnostic.code, diagnostic.name} & set(suppression.selectors)
    )


def apply_suppressions(
    diagnostics: Iterable[Diagnostic],
    lines: Sequence[str],
    enabled_codes: set[str],
    *,
    every_rule_enabled: bool,
    file: str,
) -> list[Diagnostic]:
    """Drop silenced diagnostics; add an unused-noqa diagnostic for each idle suppression.

    Suppressions of rules that are not enabled are left alone: whether they would silence
    anything cannot be known. So is a bare ``# sip: noqa`` unless every rule ran.
    """
    suppressions = parse_suppressions(lines)
    kept: list[Diagnostic] = []
    used: set[Suppression] = set()
    for diagnostic in diagnostics:
        silencing = [s for s in suppressions if _silences(s, diagnostic)]
        used.update(silencing)
        if not silencing:
            kept.append(diagnostic)
    for suppression in suppressions:
        if suppression not in used and _could_apply(suppression, enabled_codes, every_rule_enabled):
            kept.append(_unused(suppression, file))
    return kept


def _could_apply(suppression: Suppression, enabled: set[str], every_rule_enabled: bool) -> bool:
    if not suppression.selectors:
        return every_rule_enabled
    return bool(set(suppression.selectors) & enabled)


def _unused(suppression: Suppression, file: str) -> Diagnostic:
    listed = ", ".join(suppression.selectors) or "any rule"
    message = (
        f"This '# sip: noqa' for {listed} silences nothing on this line; remove it (the "
        "problem it silenced may be fixed, or it is on the wrong line)."
    )
    if suppression.whole_file:
        message = (
            f"This '# sip: noqa-file' for {listed} silences nothing in this file; remove it "
            "(the problems it silenced are fixed)."
        )
    return Diagnostic.of(
        UNUSED_NOQA,
        file=file,
        line=suppression.line,
        column=suppression.column,
        message=message,
    )
