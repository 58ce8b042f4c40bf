"""Look rules up by code or name, with a suggestion for a near miss."""

from __future__ import annotations

import difflib

from sipcli.errors import SipError
from sipcli.lint.rules import ALL_RULES, Rule

RuleClass = type[Rule]  # type: ignore[type-arg]

_BY_KEY: dict[str, RuleClass] = {
    **{rule.code.upper(): rule for rule in ALL_RULES},
    **{rule.name: rule for rule in ALL_RULES},
}


def find_rule(code_or_name: str) -> RuleClass:
    """Return the rule with this code (SIP201) or name (goal-missing-baseline).

    Raises:
        SipError: when no rule has it; the message suggests the closest code or name.
    """
    key = code_or_name.strip()
    rule = _BY_KEY.get(key.upper()) or _BY_KEY.get(key.lower())
    if rule is None:
        raise SipError(f"no rule is called '{code_or_name}'{did_you_mean(key)}")
    return rule


def did_you_mean(key: str) -> str:
    """Return "; did you mean 'X'?" for the closest rule code or name, or ''."""
    names = [rule.name for rule in ALL_RULES]
    codes = [rule.code for rule in ALL_RULES]
    close = difflib.get_close_matches(key.lower(), names, n=1) or difflib.get_close_matches(
        key.upper(), codes, n=1, cutoff=0.7
    )
    return f"; did you mean '{close[0]}'?" if close else ""


def select_rules(selector: str) -> list[RuleClass]:
    """Return the rules a selector names: a code, a name, a code prefix (SIP2) or ALL.

    Raises:
        SipError: when the selector names no rule.
    """
    key = selector.strip()
    if key.upper() == "ALL":
        return list(ALL_RULES)
    by_prefix = [rule for rule in ALL_RULES if rule.code.startswith(key.upper())]
    if by_prefix and len(key) >= len("SIP") + 1:
        return by_prefix
    return [find_rule(key)]
