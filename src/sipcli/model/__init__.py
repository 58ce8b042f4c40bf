"""The plan model: one Pydantic module per section of DESE's Sustainable Improvement Plan.

Beside the sections: ``reference`` (facts about Massachusetts measures, from a data file
users can correct), ``index`` (every id in a plan, for the rules, the scorer and progress),
``docs`` and ``introspect`` (field descriptions, for the schema and error messages).
"""

from sipcli.model.plan import TOP_LEVEL_KEYS, Plan

__all__ = ["TOP_LEVEL_KEYS", "Plan"]
