"""SMART scoring of goals, benchmarks and free-text statements: detectors, facts, criteria.

Pure functions: nothing here prints, reads files or exits.
"""

from __future__ import annotations

from sipcli.score.frameworks import FRAMEWORKS
from sipcli.score.scorer import CriterionScore, ItemScore, score_plan, score_text

__all__ = ["FRAMEWORKS", "CriterionScore", "ItemScore", "score_plan", "score_text"]
