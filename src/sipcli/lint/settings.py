"""What the configuration means for the lint rules: each rule's severity and options.

The file itself is read by ``load.config``. The effective severity of each rule comes from,
in order: the profile (draft, standard or submission), ``select``, ``extend-select`` and
``ignore``, ``rules: {CODE: {severity: ...}}``, the command line's ``--select``,
``--extend-select`` and ``--ignore``, and ``per-file-ignores`` (gitignore-style patterns).
Each setting remembers where it came from, for ``sip config``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cache, cached_property
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from sipcli.diagnostics import Severity, format_plan_path
from sipcli.errors import SipError
from sipcli.lint.rules import ALL_RULES
from sipcli.lint.rules.base import Rule, RuleOptions
from sipcli.lint.rules.registry import RuleClass, find_rule, select_rules
from sipcli.load.config import (
    PROFILES,
    ConfigFile,
    Profile,
    RuleSetting,
    config_path_for,
    read_config,
)
from sipcli.load.ignore import matches
from sipcli.load.positions import locate
from sipcli.model.reference import Reference
from sipcli.validate.plans import reference_in


@dataclass(frozen=True)
class RuleSelection:
    """Rules chosen on the command line; they override the configuration file.

    ``select``: run only these rules (a rule named here runs even where the file or profile
    turned it off). ``extend_select``: also run these, keeping what the file (or ``select``)
    chose. ``ignore``: never run these, even when selected. Selectors are codes, names, code
    prefixes or ALL, as in the file.
    """

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()

    @cached_property
    def selected(self) -> frozenset[RuleClass] | None:
        """The rules ``--select`` names (None when it was not given).

        Raises:
            SipError: naming the option, when a selector names no rule or none is given.
        """
        if self.select is None:
            return None
        if not self.select:
            # An empty --select (an unset variable in CI) would turn every rule off.
            raise SipError("--select names no rule; give codes, names or prefixes, e.g. SIP2")
        return _named_by("--select", self.select)

    @cached_property
    def ignored(self) -> frozenset[RuleClass]:
        """The rules ``--ignore`` names.

        Raises:
            SipError: naming the option, when a selector names no rule.
        """
        return _named_by("--ignore", self.ignore)

    @cached_property
    def extended(self) -> frozenset[RuleClass]:
        """The rules ``--extend-select`` names.

        Raises:
            SipError: naming the option, when a selector names no rule.
        """
        return _named_by("--extend-select", self.extend_select)

    def apply(self, rule: RuleClass, state: RuleState, profile: Profile) -> RuleState:
        """Return ``rule``'s state once this selection is applied to it.

        A selected rule that was off runs at the severity ``profile`` gives it (its own
        severity where the profile turns it off).

        Raises:
            SipError: when a selector names no rule.
        """
        if rule in self.ignored:
            return replace(state, severity=None, source="--ignore")
        if rule in self.extended:
            return _switched_on(rule, state, profile, "--extend-select")
        if self.selected is None:
            return state
        if rule not in self.selected:
            return replace(state, severity=None, source="--select")
        return _switched_on(rule, state, profile, "--select")


def _switched_on(rule: RuleClass, state: RuleState, profile: Profile, source: str) -> RuleState:
    """Return ``state`` turned on (at the profile's severity, else the rule's) if it was off."""
    if state.severity is not None:
        return state
    severity = profile_severity(rule, profile) or rule.severity
    return replace(state, severity=severity, source=source)


def _named_by(option: str, selectors: tuple[str, ...]) -> frozenset[RuleClass]:
    named: set[RuleClass] = set()
    for selector in selectors:
        try:
            named.update(select_rules(selector))
        except SipError as error:
            raise SipError(f"{option} {selector}: {error}") from error
    return frozenset(named)


@dataclass(frozen=True)
class EnabledRule:
    """A rule that will run on a file, with its severity and validated options."""

    rule: Rule[Any]
    severity: Severity
    options: Any


@dataclass(frozen=True)
class RuleState:
    """A rule's effective severity (None when off) and what decided it."""

    severity: Severity | None
    source: str
    options: RuleOptions
    options_source: str


@dataclass
class Settings:
    """The configuration that applies to a group of files."""

    path: Path | None
    profile: Profile
    profile_source: str
    fail_on: Severity
    reference: Reference
    states: dict[str, RuleState]
    per_file_ignores: dict[str, list[RuleClass]] = field(default_factory=dict)

    def rules_for(self, plan: Path) -> list[EnabledRule]:
        """Return the rules that run on ``plan``, in registry order."""
        skipped = self._ignored_for(plan)
        return [
            EnabledRule(rule(), state.severity, state.options)
            for rule in ALL_RULES
            if (state := self.states[rule.code]).severity is not None and rule not in skipped
        ]

    def _ignored_for(self, plan: Path) -> set[RuleClass]:
        base = self.path.parent if self.path else Path.cwd()
        try:
            relative = plan.resolve().relative_to(base.resolve()).as_posix()
        except ValueError:
            relative = plan.as_posix()
        return {
            rule
            for pattern, rules in self.per_file_ignores.items()
            if matches(pattern, relative)  # gitignore-style: * stops at /, ** spans folders
            for rule in rules
        }


def profile_severity(rule: RuleClass, profile: Profile) -> Severity | None:
    """Return a rule's severity under a profile (None: the rule is off)."""
    if profile == "submission" and rule.dese_requirement:
        return Severity.ERROR
    if profile == "draft":
        return {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}.get(
            rule.severity
        )
    return rule.severity


def settings_for(
    plan: Path,
    *,
    config: Path | None = None,
    profile: str | None = None,
    selection: RuleSelection | None = None,
) -> Settings:
    """Return the settings for ``plan``: from ``config`` if given, else the nearest config file.

    Raises:
        SipError: when the configuration file is missing or invalid, or a selector names no
            rule.
    """
    return load_settings(config_path_for(plan, config), profile, selection)


@cache
def load_settings(
    path: Path | None, profile: str | None = None, selection: RuleSelection | None = None
) -> Settings:
    """Read a configuration file (None: the defaults) into settings; cached per file.

    Raises:
        SipError: when the file is missing or invalid, or a selector names no rule.
    """
    data, document = read_config(path)
    if path is not None and document is not None:
        _check_selectors(path, document.data, data)
    chosen: Profile = data.profile
    profile_source = str(path) if path and "profile" in data.model_fields_set else "default"
    if profile is not None:
        if profile not in PROFILES:
            raise SipError(f"unknown profile '{profile}'; choose one of {', '.join(PROFILES)}")
        chosen, profile_source = profile, "--profile"
    source = str(path) if path else "default"
    states = {rule.code: _rule_state(rule, data, chosen, source, path) for rule in ALL_RULES}
    if selection is not None:
        states = {rule.code: selection.apply(rule, states[rule.code], chosen) for rule in ALL_RULES}
    reference = reference_in(path, data)
    return Settings(
        path=path,
        profile=chosen,
        profile_source=profile_source,
        fail_on=Severity(data.fail_on),
        reference=reference,
        states=states,
        per_file_ignores={
            pattern: [rule for selector in selectors for rule in select_rules(selector)]
            for pattern, selectors in data.per_file_ignores.items()
        },
    )


def _rule_state(
    rule: RuleClass, data: ConfigFile, profile: Profile, source: str, path: Path | None
) -> RuleState:
    severity = profile_severity(rule, profile)
    decided_by = f"profile {profile}"
    selected = (
        {r for selector in data.select for r in select_rules(selector)}
        if data.select is not None
        else None
    )
    if selected is not None and rule not in selected:
        severity, decided_by = None, f"{source} (select)"
    if any(rule in select_rules(selector) for selector in data.extend_select):
        # extend-select adds to select (or to the profile), as ruff's does.
        if severity is None:
            severity = profile_severity(rule, profile) or rule.severity
        decided_by = f"{source} (extend-select)"
    if any(rule in select_rules(selector) for selector in data.ignore):
        severity, decided_by = None, f"{source} (ignore)"
    setting = _setting_for(rule, data)
    if setting is not None and setting.severity is not None:
        severity = None if setting.severity == "off" else Severity(setting.severity)
        decided_by = f"{source} (rules)"
    options = rule.default_options()
    options_source = "default"
    if setting is not None and setting.options:
        try:
            options = rule.options_model.model_validate(setting.options)
        except ValidationError as error:
            problem = error.errors()[0]
            raise SipError(
                f"{source}: options of {rule.code} {rule.name}: {format_plan_path(problem['loc'])}: {problem['msg']}"
            ) from error
        options_source = source
    return RuleState(severity, decided_by, options, options_source)


def _setting_for(rule: RuleClass, data: ConfigFile) -> RuleSetting | None:
    for key, setting in data.rules.items():
        if find_rule(key) is rule:
            return setting
    return None


def _check_selectors(path: Path, raw: Any, data: ConfigFile) -> None:
    for loc, selector in _selectors(data):
        try:
            find_rule(selector) if loc[0] == "rules" else select_rules(selector)
        except SipError as error:
            where = locate(raw, loc, "key") if loc[0] == "rules" else locate(raw, loc)
            raise SipError(f"{path}:{where.line}:{where.column}: {error}") from error


def _selectors(data: ConfigFile) -> Iterator[tuple[tuple[str | int, ...], str]]:
    for index, selector in enumerate(data.select or []):
        yield ("select", index), selector
    for index, selector in enumerate(data.extend_select):
        yield ("extend-select", index), selector
    for index, selector in enumerate(data.ignore):
        yield ("ignore", index), selector
    for key in data.rules:
        yield ("rules", key), key
    for pattern, selectors in data.per_file_ignores.items():
        for index, selector in enumerate(selectors):
            yield ("per-file-ignores", pattern, index), selector
