"""The registry: every lint rule, in one explicit list. Add a new rule's class here."""

from __future__ import annotations

from sipcli.rules.base import Rule
from sipcli.rules.goal_missing_baseline import GoalMissingBaseline
from sipcli.rules.unknown_reference import UnknownReference

ALL_RULES: tuple[type[Rule], ...] = (  # type: ignore[type-arg]
    GoalMissingBaseline,
    UnknownReference,
)

__all__ = ["ALL_RULES", "Rule"]
