"""Lint's text rules and the scorer read every statement the same way.

Both call `sipcli.statement`; these tests hold them to it on every statement of the
evaluation set and every goal and benchmark statement of the shipped examples: the same
placeholders (SIP701 and the scorer's "no placeholder" check), the same figures (SIP702 and
SIP704 against the scorer's baseline and target) and the same deadline year (SIP704).
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ruamel.yaml import YAML

from sipcli.lint.rules.placeholder_text import PlaceholderText
from sipcli.lint.rules.statement_disagrees import StatementDisagrees
from sipcli.lint.rules.vague_goal import VagueGoal
from sipcli.model.reference import default_reference
from sipcli.score import score_text
from sipcli.statement.elements import Elements

from .conftest import EXAMPLE_PLANS
from .rule_harness import findings_of, messages_of
from .score_evaluation import load_statements


def _example_statements() -> Iterator[str]:
    for path in EXAMPLE_PLANS:
        plan = YAML(typ="safe", pure=True).load(path.read_text(encoding="utf-8"))
        for goal in plan.get("goals") or []:
            yield goal["statement"]
            yield from (benchmark["statement"] for benchmark in goal.get("benchmarks") or [])


STATEMENTS = list(
    dict.fromkeys([*(item.text for item in load_statements()), *_example_statements()])
)


def _elements(text: str) -> Elements:
    return score_text(text, default_reference()).facts.elements


def _goal(
    text: str, *, baseline: float | None = None, target: float | None = None, year: int = 2027
) -> str:
    lines = ["goals:", "  - id: G1", f"    statement: {json.dumps(text)}"]
    if baseline is not None:
        lines.append(f"    baseline: {{value: {baseline:g}, period: spring 2026}}")
    lines.append(f"    target: {{value: {45 if target is None else target:g}, by: {year}-06-30}}")
    return "\n".join(lines) + "\n"


def test_the_corpus_is_the_evaluation_set_and_the_examples() -> None:
    assert len(STATEMENTS) >= len(load_statements()) + 50


def test_lint_and_score_find_the_same_placeholders() -> None:
    differ = []
    for text in STATEMENTS:
        said = [found.text for found in _elements(text).placeholders]
        messages = messages_of(PlaceholderText, _goal(text))
        quoted = (
            all(f'"{placeholder}"' in messages[0] for placeholder in said[:3])
            if messages
            else False
        )
        if bool(messages) != bool(said) or (said and not quoted):
            differ.append((text, said, messages))
    assert not differ, differ[:5]


def test_lint_reads_the_figures_the_scorer_reads() -> None:
    """A goal whose fields hold the scorer's baseline and target agrees with its statement."""
    differ = []
    for text in STATEMENTS:
        elements = _elements(text)
        baseline = elements.baseline.value if elements.baseline else None
        target = elements.target.value if elements.target else None
        paths = findings_of(StatementDisagrees, _goal(text, baseline=baseline, target=target))
        disagreements = [path for path in paths if not path.endswith("target.by")]
        figures = baseline is not None or target is not None or elements.change is not None
        vague = findings_of(VagueGoal, _goal(text)) == ["goals[0].statement"]
        if disagreements or vague == figures:
            differ.append((text, baseline, target, disagreements, vague))
    assert not differ, differ[:5]


def test_lint_reads_the_deadline_year_the_scorer_reads() -> None:
    """SIP704 accepts a target date in the scorer's deadline year and refuses one far from it."""
    differ = []
    for text in STATEMENTS:
        deadline = _elements(text).deadline
        year = deadline.value if deadline else None
        if year is None:
            flagged = findings_of(StatementDisagrees, _goal(text, year=2031))
            if "goals[0].target.by" in flagged:
                differ.append((text, None, flagged))
            continue
        same = findings_of(StatementDisagrees, _goal(text, year=year))
        far = findings_of(StatementDisagrees, _goal(text, year=year + 12))
        if "goals[0].target.by" in same or "goals[0].target.by" not in far:
            differ.append((text, year, same, far))
    assert not differ, differ[:5]
