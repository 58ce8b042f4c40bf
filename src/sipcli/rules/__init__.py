"""The registry: every lint rule, in one explicit list. Add a new rule's class here."""

from __future__ import annotations

from sipcli.rules import _batch_a, _batch_b, _batch_c
from sipcli.rules.base import Rule
from sipcli.rules.goal_missing_baseline import GoalMissingBaseline
from sipcli.rules.unknown_reference import UnknownReference

ALL_RULES: tuple[type[Rule], ...] = (  # type: ignore[type-arg]
    GoalMissingBaseline,
    UnknownReference,
    *_batch_a.BATCH,
    *_batch_b.BATCH,
    *_batch_c.BATCH,
)

__all__ = ["ALL_RULES", "Rule"]
