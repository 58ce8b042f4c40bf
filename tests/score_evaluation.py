"""Compare the statement detectors and scores with the hand labels of goal_statements.yaml.

Used by tests/test_score_evaluation.py (thresholds) and benchmarks/score_eval.py (figures).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from sipcli.model.reference import default_reference
from sipcli.score import score_text
from sipcli.statement.elements import Elements

LABELS = Path(__file__).parent / "data" / "goal_statements.yaml"


def _value(found: Any) -> Any:
    return None if found is None else found.value


def _number(found: Any) -> float | None:
    value = _value(found)
    return None if value is None else round(float(value), 2)


#: How to read each labelled element from what the detectors found.
DETECTED: dict[str, Callable[[Elements], Any]] = {
    "deadline": lambda e: e.deadline is not None,
    "cadence": lambda e: _value(e.cadence),
    "metric": lambda e: _value(e.metric),
    "baseline": lambda e: _number(e.baseline),
    "target": lambda e: _number(e.target),
    "unit": lambda e: _value(e.unit),
    "student_group": lambda e: _value(e.student_group),
    "measure_source": lambda e: e.measure_source is not None,
    "owner": lambda e: e.owner is not None,
    "placeholder": lambda e: bool(e.placeholders),
    "vague_verb": lambda e: bool(e.vague_verbs),
    "activity": lambda e: e.activity is not None,
    "percent_for_points": lambda e: e.percent_for_points is not None,
}


def _expected(name: str, label: Any) -> Any:
    if name in {"baseline", "target"} and label is not None:
        return round(float(label), 2)
    return label


@dataclass(frozen=True)
class Labelled:
    """One statement with its hand labels."""

    id: str
    kind: str
    split: str
    text: str
    verdict: str
    elements: dict[str, Any]


def load_statements(split: str | None = None) -> list[Labelled]:
    """Return the labelled statements, all or one split ("tune" or "holdout")."""
    data = YAML(typ="safe", pure=True).load(LABELS.read_text(encoding="utf-8"))
    statements = [
        Labelled(
            str(item["id"]),
            item["kind"],
            item["split"],
            item["text"],
            item["verdict"],
            item["elements"],
        )
        for item in data["statements"]
    ]
    return [s for s in statements if split is None or s.split == split]


@dataclass(frozen=True)
class Evaluation:
    """Per-element accuracy, the strong-versus-weak AUC, and every mismatch."""

    count: int
    accuracy: dict[str, float]
    auc: float
    mean_scores: dict[str, float]
    mismatches: list[tuple[str, str, Any, Any]]


def evaluate(statements: list[Labelled], framework: str = "dese") -> Evaluation:
    """Run the detectors and the scorer on each statement and compare with the labels."""
    reference = default_reference()
    hits = dict.fromkeys(DETECTED, 0)
    mismatches: list[tuple[str, str, Any, Any]] = []
    scores: dict[str, list[int]] = {"strong": [], "mid": [], "weak": []}
    for statement in statements:
        scored = score_text(statement.text, reference, framework)
        scores[statement.verdict].append(scored.score)
        for name, read in DETECTED.items():
            found, expected = read(scored.facts.elements), _expected(name, statement.elements[name])
            if found == expected:
                hits[name] += 1
            else:
                mismatches.append((statement.id, name, expected, found))
    count = len(statements)
    return Evaluation(
        count=count,
        accuracy={name: hit / count for name, hit in hits.items()},
        auc=auc(scores["strong"], scores["weak"]),
        mean_scores={k: sum(v) / len(v) for k, v in scores.items() if v},
        mismatches=mismatches,
    )


def auc(positives: list[int], negatives: list[int]) -> float:
    """Return the probability that a random positive scores above a random negative (ties half)."""
    pairs = list(itertools.product(positives, negatives))
    if not pairs:
        return float("nan")
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p, n in pairs)
    return wins / len(pairs)
