"""Reporters of `sip score`: JSON and Markdown (the terminal table is ``score_table``)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, TextIO

from sipcli.reporters.base import Reporter
from sipcli.reporters.sanitise import markdown_value

if TYPE_CHECKING:
    from sipcli.score.run import ScoreRun

#: The version of the JSON object `sip score --format json` writes.
SCORE_JSON_VERSION = 1


def score_run_to_json(run: ScoreRun) -> dict[str, Any]:
    """Return the documented JSON object of a score run."""
    return {
        "version": SCORE_JSON_VERSION,
        "framework": run.framework,
        "min_score": run.min_score,
        "items": [{"file": scored.file, **scored.item.to_dict()} for scored in run.items],
        "below_min_score": [
            {"file": scored.file, "id": scored.item.id} for scored in run.below_minimum()
        ],
        "diagnostics": [d.to_dict() for result in run.invalid for d in result.diagnostics],
    }


class ScoreJsonReporter(Reporter["ScoreRun"]):
    """The versioned JSON object, for tools."""

    name = "json"

    def write(self, run: ScoreRun, stream: TextIO) -> None:
        """Write the JSON object, indented, with a final newline."""
        stream.write(
            json.dumps(score_run_to_json(run), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
        )


class ScoreMarkdownReporter(Reporter["ScoreRun"]):
    """Markdown: one section per goal or benchmark, a table of criteria, the fixes."""

    name = "markdown"

    def write(self, run: ScoreRun, stream: TextIO) -> None:
        """Write one section per item, then the summary."""
        for scored in run.items:
            item = scored.item
            # Named by id and file: a list position ("goals[3]") means nothing to a reader.
            where = f" ({markdown_value(scored.file)})" if scored.file else ""
            stream.write(
                f"### {item.kind.capitalize()} {markdown_value(item.id)}: {item.score}/100{where}\n\n"
            )
            stream.write(f"> {markdown_value(item.statement)}\n\n")
            stream.write(
                "| Criterion | Score | Met | Evidence | Suggestion |\n|---|---:|---|---|---|\n"
            )
            for criterion in item.criteria:
                stream.write(
                    f"| {criterion.letter}: {criterion.name} | {criterion.score} | "
                    f"{'yes' if criterion.met else 'no'} | {markdown_value('; '.join(criterion.evidence))} | "
                    f"{markdown_value(criterion.suggestion or '')} |\n"
                )
            for disagreement in item.facts.disagreements:
                stream.write(f"\n- Disagreement: {markdown_value(disagreement)}")
            stream.write("\n\n")
        stream.write(summary(run) + "\n")


def summary(run: ScoreRun) -> str:
    """Return the closing line: how many items were scored, their mean, and the gate."""
    scores = [scored.item.score for scored in run.items]
    parts = [f"{len(scores)} scored"]
    if scores:
        parts.append(f"mean {round(sum(scores) / len(scores))}/100, lowest {min(scores)}")
    if run.min_score is not None:
        parts.append(f"{len(run.below_minimum())} below --min-score {run.min_score}")
    if run.invalid:
        parts.append(f"{len(run.invalid)} file(s) not scored: fix the validation errors first")
    return "; ".join(parts) + "."
