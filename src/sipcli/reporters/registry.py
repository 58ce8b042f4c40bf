"""Every reporter, by the kind of result it writes and its ``--format`` name.

Entries are ``module:Class`` strings, imported only when chosen: the command line reads the
format names from here at start-up, and `sip validate` must not pay for Rich or for the
reporters of other commands. Add a reporter here, and its name becomes a ``--format`` choice.
"""

from __future__ import annotations

import importlib
from typing import Any, Literal

from sipcli.reporters.base import Reporter

Kind = Literal[
    "diagnostics", "statistics", "scores", "progress", "diff", "rollup", "rules", "status"
]

_REPORTERS: dict[Kind, dict[str, str]] = {
    # validate and lint; the first name of each kind is its default
    "diagnostics": {
        "text": "sipcli.reporters.text:TextReporter",
        "concise": "sipcli.reporters.concise:ConciseReporter",
        "json": "sipcli.reporters.json_report:JsonReporter",
        "github": "sipcli.reporters.github:GithubReporter",
        "sarif": "sipcli.reporters.sarif:SarifReporter",
        "junit": "sipcli.reporters.junit:JunitReporter",
        "gitlab": "sipcli.reporters.gitlab:GitlabReporter",
    },
    # validate and lint --statistics
    "statistics": {
        "text": "sipcli.reporters.statistics:StatisticsTextReporter",
        "json": "sipcli.reporters.statistics:StatisticsJsonReporter",
    },
    "scores": {
        "table": "sipcli.reporters.score_table:ScoreTableReporter",
        "json": "sipcli.reporters.scores:ScoreJsonReporter",
        "markdown": "sipcli.reporters.scores:ScoreMarkdownReporter",
    },
    "progress": {
        "table": "sipcli.reporters.progress_report:ProgressTableReporter",
        "json": "sipcli.reporters.progress_report:ProgressJsonReporter",
        "markdown": "sipcli.reporters.progress_report:ProgressMarkdownReporter",
    },
    "diff": {
        "text": "sipcli.reporters.diff_report:DiffTextReporter",
        "json": "sipcli.reporters.diff_report:DiffJsonReporter",
        "markdown": "sipcli.reporters.diff_report:DiffMarkdownReporter",
    },
    "rollup": {
        "table": "sipcli.reporters.rollup_report:RollupTable",
        "json": "sipcli.reporters.rollup_report:RollupJson",
        "markdown": "sipcli.reporters.rollup_report:RollupMarkdown",
        "html": "sipcli.reporters.rollup_report:RollupHtml",
    },
    "status": {
        "table": "sipcli.reporters.status_report:StatusTable",
        "json": "sipcli.reporters.status_report:StatusJson",
        "markdown": "sipcli.reporters.status_report:StatusMarkdown",
    },
    "rules": {
        "table": "sipcli.reporters.rule_list:RulesTableReporter",
        "json": "sipcli.reporters.rule_list:RulesJsonReporter",
        "markdown": "sipcli.reporters.rule_list:RulesMarkdownReporter",
    },
}


def kinds() -> tuple[Kind, ...]:
    """Return every kind of result that has reporters."""
    return tuple(_REPORTERS)


def format_names(kind: Kind) -> tuple[str, ...]:
    """Return the ``--format`` names of ``kind``'s reporters, the default first."""
    return tuple(_REPORTERS[kind])


def reporter_class(kind: Kind, name: str) -> type[Reporter[Any]]:
    """Return the reporter class of ``kind`` called ``name`` (importing its module).

    Raises:
        KeyError: when ``kind`` has no reporter of that name.
    """
    module, _, cls = _REPORTERS[kind][name].partition(":")
    found: type[Reporter[Any]] = getattr(importlib.import_module(module), cls)
    return found


def get_reporter(kind: Kind, name: str, *, color: bool | None = None) -> Reporter[Any]:
    """Return a new reporter of ``kind`` called ``name``.

    Raises:
        KeyError: when ``kind`` has no reporter of that name.
    """
    return reporter_class(kind, name)(color=color)
