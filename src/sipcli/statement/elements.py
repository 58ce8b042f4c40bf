"""Everything the readers find in one statement, from its words alone.

The scorer builds its facts on `detect`; lint's text rules call the same readers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from sipcli.statement.amounts import find_amounts, percent_for_points
from sipcli.statement.deadlines import find_cadence, find_deadline
from sipcli.statement.found import Found
from sipcli.statement.numbers import number_word
from sipcli.statement.placeholders import find_placeholders
from sipcli.statement.wording import (
    find_activity,
    find_measure_source,
    find_metric,
    find_owner,
    find_student_group,
    find_vague_verbs,
)
from sipcli.statement.years import end_years

_WITHIN = re.compile(
    r"\b(?:within|over|in) (?:the next )?(one|two|three|four|five|\d) (?:school )?years?\b", re.I
)


@dataclass(frozen=True)
class Elements:
    """The SMART elements detected in a statement; None when absent."""

    deadline: Found | None
    cadence: Found | None
    metric: Found | None
    baseline: Found | None
    target: Found | None
    change: Found | None
    unit: Found | None
    direction: Found | None
    student_group: Found | None
    measure_source: Found | None
    owner: Found | None
    placeholders: tuple[Found, ...]
    vague_verbs: tuple[Found, ...]
    activity: Found | None
    percent_for_points: Found | None
    span_years: int | None
    """How many years the statement's change spans, when it says (two years named, "within 2 years")."""

    def to_dict(self) -> dict[str, Any]:
        """Return the elements as plain data: each a dict or list of dicts, or None when absent."""
        result: dict[str, Any] = {}
        for field in fields(self):
            value = getattr(self, field.name)
            if isinstance(value, tuple):
                result[field.name] = [item.to_dict() for item in value] or None
            elif isinstance(value, Found):
                result[field.name] = value.to_dict()
            else:
                result[field.name] = value
        return result


# Kept: in an editor (`sip lsp`) each keystroke re-scores every statement of the plan, and
# all but the one being typed are the same text as before. Elements are immutable.
@lru_cache(maxsize=2048)
def detect(text: str) -> Elements:
    """Return every element the detectors find in ``text``."""
    amounts = find_amounts(text)
    metric = find_metric(text) or _unnamed_measure(text, amounts.target)
    quantified = bool(amounts.target or amounts.change or amounts.baseline)
    baseline = amounts.baseline.value if amounts.baseline else None
    target = amounts.target.value if amounts.target else None
    return Elements(
        deadline=find_deadline(text),
        cadence=find_cadence(text),
        metric=metric,
        baseline=amounts.baseline,
        target=amounts.target,
        change=amounts.change,
        unit=_unit(amounts.unit, metric, amounts.target),
        direction=amounts.direction,
        student_group=find_student_group(text),
        measure_source=find_measure_source(text),
        owner=find_owner(text),
        placeholders=tuple(find_placeholders(text, statement=True)),
        vague_verbs=tuple(find_vague_verbs(text, quantified=quantified)),
        activity=find_activity(text, measurable=quantified and metric is not None),
        percent_for_points=percent_for_points(amounts.change, baseline, target),
        span_years=span_years(text),
    )


_WHAT_IS_COUNTED = re.compile(
    r"\s+of\s+(?:(?!(?:will|shall|are|is|to|by|in|on|per|as)\b)[\w'-]+\s*){1,4}", re.IGNORECASE
)


def _unnamed_measure(text: str, target: Found | None) -> Found | None:
    """A level to reach of something the vocabulary has no name for ("75% of teachers").

    The statement does measure something, so the metric is "other" rather than none; the
    evidence is the level and what it counts.
    """
    if target is None:
        return None
    counted = _WHAT_IS_COUNTED.match(text, target.end)
    end = counted.end() if counted else target.end
    return Found(text[target.start : end].rstrip(), target.start, end, "other")


_METRIC_UNITS = {"mcas_scaled_score": "scaled_score", "sgp_mean": "sgp", "sgp_median": "sgp"}


def _unit(unit: Found | None, metric: Found | None, target: Found | None) -> Found | None:
    """Points of a scaled score are scaled-score points; a bare SGP or scaled score has its unit."""
    if unit is None and target is not None and metric is not None and metric.value in _METRIC_UNITS:
        return Found(metric.text, metric.start, metric.end, _METRIC_UNITS[metric.value])
    if unit is not None and unit.value == "percentage_points" and metric is not None:
        if metric.value == "mcas_scaled_score":
            return Found(unit.text, unit.start, unit.end, "scaled_score")
        if metric.value in {"sgp_mean", "sgp_median"}:
            return Found(unit.text, unit.start, unit.end, "sgp")
    return unit


def span_years(text: str) -> int | None:
    """Return the number of years between the first and last year the text names, if two."""
    within = _WITHIN.search(text)
    if within:
        word = within.group(1).lower()
        return number_word(word) or int(word)
    years = sorted(set(end_years(text)))
    return years[-1] - years[0] if len(years) >= 2 else None
