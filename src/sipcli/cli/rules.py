"""`sip rules` and `sip rule CODE`: every code sip reports, and one explained."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from sipcli.cli.options import format_option
from sipcli.cli.support import cannot_run_on_sip_error
from sipcli.cli.terminal import color_for


def register(app: typer.Typer) -> None:
    """Add `sip rules` and `sip rule` to ``app``."""
    app.command("rules")(list_rules)
    app.command("rule")(explain_rule)


def list_rules(output_format: Annotated[str, format_option("rules")] = "table") -> None:
    """List every code sip reports, with its name, severity and summary."""
    from sipcli.lint.catalog import all_entries
    from sipcli.reporters.registry import get_reporter

    get_reporter("rules", output_format).write(all_entries(), sys.stdout)


def explain_rule(
    code: Annotated[str, typer.Argument(help="A code (SIP201) or name (goal-missing-baseline).")],
) -> None:
    """Explain one rule: why it matters, a failing and a passing example, and its page."""
    from sipcli.lint.catalog import find_entry
    from sipcli.lint.explain import explain
    from sipcli.project import rule_doc_url

    with cannot_run_on_sip_error():
        text = explain(code)
    from rich.console import Console
    from rich.markdown import Markdown

    from sipcli.reporters.base import rich_colour

    Console(soft_wrap=False, **rich_colour(color_for(sys.stdout))).print(Markdown(text))
    entry = find_entry(code)
    if entry is not None:
        # Plain text, never wrapped: the whole address must stay clickable and copyable.
        sys.stdout.write(f"\nDocumentation: {rule_doc_url(entry.code)}\n")
