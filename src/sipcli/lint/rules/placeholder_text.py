"""SIP701 placeholder-text."""

from __future__ import annotations

from collections.abc import Iterator

from pydantic import BaseModel

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.index import Path
from sipcli.statement.text import find_placeholders


class PlaceholderText(Rule[NoOptions]):
    """The plan's text holds no template placeholders: no XX%, TBD, ___ or [insert ...] left over.

    Why it matters: a plan that still says "XX% of students" or "[insert name]" was not
    finished, and if it reaches families, the school committee or DESE it tells them the plan
    was filled in by rote. Placeholders are easy to miss in a long document and easy to find
    by machine.

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
            placeholders = list(dict.fromkeys(find_placeholders(text)))
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
