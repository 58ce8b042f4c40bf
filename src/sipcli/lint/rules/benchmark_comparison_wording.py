"""SIP309 benchmark-comparison-wording."""

from __future__ import annotations

import math
from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.goals import Benchmark, BenchmarkTarget
from sipcli.model.index import Path, benchmarks_of
from sipcli.statement.lexicon import Comparison, lexicon


class BenchmarkComparisonWording(Rule[NoOptions]):
    """A benchmark worded as a ceiling ("at or below 20%") says `comparison: at_most`.

    Why it matters: a target is met at or above its value unless it says
    `comparison: at_most`. A benchmark written "chronic absenteeism at or below 20%" whose
    target leaves the comparison out is judged backwards: `sip progress` calls 18% missed and
    26% met, and the mid-year report tells the team the opposite of the truth. The same goes
    for a floor ("at least 60%") marked `at_most`. Only words beside the target's own figure
    count ("at or below 20%", "20% or lower"): in "students missing 10% or more of days falls
    to 22%", the "or more" defines who is counted. The words are in `smart_lexicon.yaml`
    (`ceiling_words`, `floor_words`); a statement that puts both kinds beside the target's
    figure is left alone.

    Fails:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 21% at the end of January.
                type: outcome
                due: [2027-01-31]
                target: {value: 21, unit: percent}

    Passes:

        goals:
          - id: G1
            statement: By June 2027, chronic absenteeism will fall from 24% to 18%.
            benchmarks:
              - id: G1.B1
                statement: Chronic absenteeism is at or below 21% at the end of January.
                type: outcome
                due: [2027-01-31]
                target: {value: 21, unit: percent, comparison: at_most}
    """

    code = "SIP309"
    name = "benchmark-comparison-wording"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a benchmark whose wording and target comparison point opposite ways."""
        words = lexicon()
        for path, _goal, benchmark in benchmarks_of(plan):
            target = benchmark.target
            if target is None:
                continue
            ceiling = _beside(words.ceiling_words, benchmark.statement, target.value)
            floor = _beside(words.floor_words, benchmark.statement, target.value)
            if ceiling and not floor and target.comparison == "at_least":
                yield _finding(path, benchmark, target, ceiling, "at_most", "at or below")
            elif floor and not ceiling and target.comparison == "at_most":
                yield _finding(path, benchmark, target, floor, "at_least", "at or above")


def _beside(words: Comparison, statement: str, value: float) -> str | None:
    """The words of this kind attached to the target's figure in the statement, if any."""
    return next(
        (text for number, text in words.numbers(statement) if math.isclose(number, value)),
        None,
    )


def _finding(
    path: Path,
    benchmark: Benchmark,
    target: BenchmarkTarget,
    wording: str,
    comparison: str,
    met: str,
) -> Finding:
    stated = "comparison" in target.model_fields_set
    where = (*path, "target", "comparison") if stated else (*path, "target")
    now = (
        f"says comparison: {target.comparison}"
        if stated
        else "has no comparison, which means at_least"
    )
    fix = f"make it comparison: {comparison}" if stated else f"add comparison: {comparison} to it"
    return Finding(
        where,
        f'Benchmark {benchmark.id} says "{wording}", but its target {now}: progress '
        f"reports would judge it the wrong way round. If it is met {met} {target.value:g}, "
        f"{fix}; otherwise reword the statement.",
        anchor="value" if stated else "key",
    )
