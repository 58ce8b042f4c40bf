"""Score plan files or free-text statements: the whole `sip score` job, without any printing."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from sipcli.diagnostics import FileResult
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.model.reference import Reference, default_reference
from sipcli.score.scorer import ItemScore, score_plan, score_text
from sipcli.validate.plans import read_plans


@dataclass(frozen=True)
class ScoredItem:
    """A scored goal, benchmark or statement, and the file it came from (None for text)."""

    file: str | None
    item: ItemScore


@dataclass
class ScoreRun:
    """Everything `sip score` found: the scores, and the files it could not score."""

    framework: str
    min_score: int | None
    items: list[ScoredItem] = field(default_factory=list)
    invalid: list[FileResult] = field(default_factory=list)
    """Files that failed validation: their diagnostics, and no scores."""

    def below_minimum(self) -> list[ScoredItem]:
        """Return the items that score below ``min_score`` (none when it is not set)."""
        if self.min_score is None:
            return []
        return [scored for scored in self.items if scored.item.score < self.min_score]

    def exit_code(self) -> int:
        """Return 1 when a file is invalid or an item scores below the minimum, else 0."""
        return 1 if self.invalid or self.below_minimum() else 0


def score_files(
    paths: Sequence[Path],
    *,
    framework: str = "dese",
    min_score: int | None = None,
    config: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> ScoreRun:
    """Validate and score every goal and benchmark of each plan file.

    Raises:
        SipError: when a configuration file is invalid.
    """
    run = ScoreRun(framework, min_score)
    for source in read_plans(paths, config=config, max_bytes=max_bytes):
        if source.plan is None:
            run.invalid.append(source.result)
            continue
        scores = score_plan(source.plan, source.reference, framework)
        run.items.extend(ScoredItem(str(source.path), item) for item in scores)
    return run


def score_statements(
    texts: Sequence[str],
    *,
    framework: str = "dese",
    min_score: int | None = None,
    reference: Reference | None = None,
) -> ScoreRun:
    """Score free-text statements from their words alone, numbered from 1."""
    facts = reference or default_reference()
    run = ScoreRun(framework, min_score)
    run.items.extend(
        ScoredItem(None, score_text(text, facts, framework, number=number))
        for number, text in enumerate(texts, start=1)
    )
    return run
