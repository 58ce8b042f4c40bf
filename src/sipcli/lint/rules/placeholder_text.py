"""SIP701 placeholder-text."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import Path
from sipcli.statement.placeholders import find_placeholders


class PlaceholderText(Rule[NoOptions]):
    """The plan's text holds no template placeholders: no XX%, 20XX, TBD, ___, [insert ...] left over.

    Why it matters: a plan that still says "XX% of students" or "[insert name]" was not
    finished, and if it reaches families, the school committee or DESE it tells them the plan
    was filled in by rote. Placeholders are easy to miss in a long document and easy to find
    by machine.

    A goal's or benchmark's statement is read as `sip score` reads it: there "N/A" and a row
    of dots are holes too, where elsewhere in a plan "N/A" can be a fair answer. Figures in
    brackets are data, not placeholders: "(baseline 41%, target 48%)" passes.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, XX% of grade 3 students will meet or exceed expectations in ELA.
            owner: TBD

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, 45% of grade 3 students will meet or exceed expectations in ELA.
            owner: Principal
    """

    code = "SIP701"
    name = "placeholder-text"
    severity = Severity.ERROR

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag each text value that still holds a placeholder, once per value."""
        for text, path, owner in _texts(plan, (), None):
            found = find_placeholders(text, statement=_is_statement(path))
            placeholders = list(dict.fromkeys(placeholder.text for placeholder in found))
            if not placeholders:
                continue
            one = len(placeholders) == 1
            yield Finding(
                path,
                f"{_quote(placeholders)} in {_where(path, owner)} "
                f"{'is a placeholder' if one else 'are placeholders'} left from a template. "
                f"Replace {'it' if one else 'them'} with the plan's own words or figures.",
                anchor="value",
            )


def _is_statement(path: Path) -> bool:
    """A goal's or benchmark's statement: the text `sip score` reads as a statement."""
    return len(path) >= 3 and path[0] == "goals" and path[-1] == "statement"


def _quote(placeholders: list[str]) -> str:
    quoted = [f'"{placeholder}"' for placeholder in placeholders[:3]]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"


def _where(path: Path, owner: str | None) -> str:
    """Name the text's place the way a reader would: "the statement of G1"."""
    field = next((part for part in reversed(path) if isinstance(part, str)), "text")
    where = "the " + field.replace("_", " ")
    if isinstance(path[-1], int):
        where += f" (item {path[-1] + 1})"
    return where + (f" of {owner}" if owner else "")


def _texts(node: object, path: Path, owner: str | None) -> Iterator[tuple[str, Path, str | None]]:
    """Yield every text in the plan with its path and the id of the nearest item around it."""
    if isinstance(node, str):
        yield node, path, owner
    elif isinstance(node, BaseModel):
        identifier = getattr(node, "id", None)
        owner = identifier if isinstance(identifier, str) else owner
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name), (*path, name), owner)
    elif isinstance(node, list):
        for position, item in enumerate(node):
            yield from _texts(item, (*path, position), owner)
    elif isinstance(node, dict):
        for key, value in node.items():
            yield from _texts(value, (*path, str(key)), owner)
