"""What each kind of plan (`plan.kind`) is called, requires, and is not asked for.

The facts live in ``data/plan_kinds.yaml`` so users can correct them.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from sipcli.model.plan import Plan
from sipcli.model.plan_info import PlanKind

DEFAULT_KIND: PlanKind = "sustainable_improvement"


@dataclass(frozen=True)
class KindFacts:
    """One kind of plan: its usual title, the keys it requires, the rules that do not apply."""

    title: str
    requires: tuple[tuple[str, ...], ...]
    skip: frozenset[str]


@cache
def plan_kinds() -> dict[str, KindFacts]:
    """Return every kind's facts, read once from ``sipcli/data/plan_kinds.yaml``."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only when a kind is asked about

    text = files("sipcli").joinpath("data").joinpath("plan_kinds.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe").load(text)["kinds"]  # sip's own file: libyaml when installed
    return {
        name: KindFacts(
            title=str(entry["title"]),
            requires=tuple(tuple(str(key).split(".")) for key in entry.get("requires") or []),
            skip=frozenset(str(rule) for rule in entry.get("skip") or []),
        )
        for name, entry in data.items()
    }


def kind_of(plan: Plan) -> PlanKind:
    """Return the plan's kind (a Sustainable Improvement Plan unless it says otherwise)."""
    return plan.plan.kind or DEFAULT_KIND


def facts_for(plan: Plan) -> KindFacts:
    """Return the facts of the plan's kind."""
    return plan_kinds()[kind_of(plan)]


def plan_title(plan: Plan) -> str:
    """Return the document title: the plan's own ``title``, else its kind's usual title."""
    return plan.plan.title or facts_for(plan).title
