"""The plan model: one Pydantic module per section of DESE's Sustainable Improvement Plan."""

from sipcli.model.plan import TOP_LEVEL_KEYS, Plan

__all__ = ["TOP_LEVEL_KEYS", "Plan"]
