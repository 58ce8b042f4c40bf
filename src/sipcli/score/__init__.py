"""SMART scoring of goals, benchmarks and free-text statements: detectors, facts, criteria.

Pure functions: nothing here prints or exits, and the only file read is sip's own school
calendar (through `sipcli.periods`, once), when a baseline's period names a year.
"""

from __future__ import annotations

from sipcli.score.frameworks import FRAMEWORKS
from sipcli.score.scorer import CriterionScore, ItemScore, score_plan, score_text

__all__ = ["FRAMEWORKS", "CriterionScore", "ItemScore", "score_plan", "score_text"]
