"""Every statement detector reads a 100,000-character statement, and reads it right.

Issue 15 asks that each detector stay linear in the text's length. Tests here time nothing
(performance is measured in ``benchmarks/score_eval.py``, which prints each detector at 10k,
50k and 100k characters): each case runs under a 20-second alarm that only catches a hang
(catastrophic backtracking, a quadratic loop), and asserts what the detectors find. The growth
from 10k to 100k characters is checked by work counted, not by the clock: the number of Python
calls a detector makes, which a loop over every pair of numbers or a re-scan per match would
multiply.
"""

from __future__ import annotations

import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType

import pytest

from sipcli.lint.rules.benchmark_comparison_wording import BenchmarkComparisonWording
from sipcli.lint.rules.percent_for_points import PercentForPoints
from sipcli.lint.rules.placeholder_text import PlaceholderText
from sipcli.lint.rules.registry import RuleClass
from sipcli.lint.rules.statement_disagrees import StatementDisagrees
from sipcli.lint.rules.vague_goal import VagueGoal
from sipcli.model.reference import default_reference
from sipcli.score import score_text
from sipcli.statement.amounts import find_amounts
from sipcli.statement.elements import detect
from sipcli.statement.placeholders import find_placeholders
from sipcli.statement.years import years_covered
from tests.rule_harness import messages_of

LENGTH = 100_000
GUARD_SECONDS = 20

#: The goal sentence the long statements open and close with, and the one repeated.
OPENING = "By spring 2027, the percentage of grade 3 students meeting or exceeding expectations "
CLOSING = "on the ELA MCAS will increase from 38% to 45%, led by the principal. "
GOAL = OPENING + CLOSING

#: Fillers between the opening and the closing: realistic text and adversarial runs.
FILLERS = {
    "goal sentence": GOAL,
    "digits": "1234567890",
    "spaces": " ",
    "brackets": "[[ ((",
    "open placeholder": "[insert ",
    "by by by": "by ",
    "percent signs": "% ",
    "numbers and percents": "5% 12 ",
    "from to": "from 38 to ",
    "grades": "grades 3, 4 and ",
    "years": "2027-28 SY24 ",
    "underscores and dots": "__ .. ?",
}


def _long(filler: str, length: int = LENGTH) -> str:
    """A statement of ``length`` characters: the goal sentence around a run of ``filler``."""
    room = length - len(OPENING) - len(CLOSING)
    run = (filler * (room // len(filler) + 1))[:room]
    if filler.strip() and filler.endswith(" "):
        run = run[:-1] + " "  # the closing starts on a fresh word
    return OPENING + run + CLOSING


@contextmanager
def _hang_guard() -> Iterator[None]:
    """Fail the test after GUARD_SECONDS: a hang, never a measured time (SIGALRM interrupts re)."""

    def _expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"still running after {GUARD_SECONDS} s: not linear in the text")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.alarm(GUARD_SECONDS)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGALRM"), reason="needs SIGALRM")


@pytest.mark.parametrize("shape", list(FILLERS))
def test_scorer_reads_a_long_statement(shape: str) -> None:
    """score_text and the elements finish on 100k characters and still read the goal."""
    text = _long(FILLERS[shape])
    assert len(text) == LENGTH
    with _hang_guard():
        elements = detect(text)
        scored = score_text(text, default_reference())
    assert elements.deadline is not None and elements.deadline.value == 2027
    assert elements.deadline.start == 0
    assert elements.metric is not None
    assert elements.owner is not None and elements.owner.text == "principal"
    assert elements.direction is not None and elements.direction.value == "increase"
    assert 0 <= scored.score <= 100
    assert scored.facts.elements == elements
    if shape == "goal sentence":
        assert elements.baseline is not None and elements.baseline.value == 38
        assert elements.target is not None and elements.target.value == 45
        assert not elements.placeholders


@pytest.mark.parametrize("shape", list(FILLERS))
def test_statement_reader_reads_a_long_statement(shape: str) -> None:
    """The shared reader (numbers, years, placeholders) finishes on 100k characters."""
    text = _long(FILLERS[shape])
    with _hang_guard():
        numbers = find_amounts(text).quantities
        years = years_covered(text)
        placeholders = find_placeholders(text)
    assert 2027 in years
    assert numbers[-2].value == 38 and numbers[-2].role == "baseline" and numbers[-2].percent
    assert numbers[-1].value == 45 and numbers[-1].percent
    if shape == "goal sentence":
        assert len(numbers) == 2 * (LENGTH // len(GOAL))
        assert placeholders == []
    if shape == "underscores and dots":
        assert placeholders == []  # runs of two are no placeholder


def _plan(statement: str) -> str:
    """A plan fragment with one goal (baseline 38, target 45 by spring 2027) saying ``statement``."""
    return (
        "goals:\n"
        "  - id: G1\n"
        f"    statement: {_quoted(statement)}\n"
        "    unit: percent\n"
        "    baseline: {value: 30, period: spring 2025}\n"
        "    target: {value: 45, by: spring 2027 MCAS}\n"
        "    benchmarks:\n"
        "      - id: G1.B1\n"
        "        type: outcome\n"
        "        due: [spring 2027 MCAS]\n"
        f"        statement: {_quoted(statement)}\n"
        "        target: {value: 45, unit: percent, comparison: at_most}\n"
    )


def _quoted(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


LINT_RULES: dict[str, tuple[RuleClass, Callable[[list[str]], bool]]] = {
    # SIP701: the filler holds no placeholder but "[insert " at most, which is unclosed.
    "SIP701": (PlaceholderText, lambda messages: messages == []),
    # SIP702: the statement holds numbers, so it is not vague.
    "SIP702": (VagueGoal, lambda messages: messages == []),
    # SIP703: "by N%" is never the change here, so no finding.
    "SIP703": (PercentForPoints, lambda messages: messages == []),
    # SIP704: the statement starts from 38 but the baseline is 30.
    "SIP704": (StatementDisagrees, lambda messages: any("baseline is 30" in m for m in messages)),
    "benchmark-comparison-wording": (BenchmarkComparisonWording, lambda messages: True),
}


@pytest.mark.parametrize("code", list(LINT_RULES))
@pytest.mark.parametrize("shape", ["goal sentence", "digits", "spaces", "by by by", "brackets"])
def test_lint_text_rule_reads_a_long_statement(code: str, shape: str) -> None:
    """Each lint text rule finishes on a 100k-character goal and benchmark statement."""
    rule, expected = LINT_RULES[code]
    fragment = _plan(_long(FILLERS[shape]))
    with _hang_guard():
        messages = messages_of(rule, fragment)
    assert expected(messages), messages


def _calls(function: Callable[[str], object], text: str) -> int:
    """The number of Python and C calls ``function`` makes on ``text``: work, not time."""
    count = 0

    def _profile(frame: FrameType, event: str, arg: object) -> None:
        nonlocal count
        if event in {"call", "c_call"}:
            count += 1

    sys.setprofile(_profile)
    try:
        function(text)
    finally:
        sys.setprofile(None)
    return count


DETECTORS: dict[str, Callable[[str], object]] = {
    "score_text": lambda text: score_text(text, default_reference()),
    "find_amounts": find_amounts,
    "find_placeholders": find_placeholders,
    "years_covered": years_covered,
}


@pytest.mark.parametrize("name", list(DETECTORS))
@pytest.mark.parametrize("shape", ["goal sentence", "numbers and percents"])
def test_work_grows_linearly(name: str, shape: str) -> None:
    """Ten times the text costs at most about ten times the calls (a quadratic loop costs 100)."""
    default_reference()
    detector = DETECTORS[name]
    with _hang_guard():
        detector(_long(FILLERS[shape], 1_000))  # compile patterns and load vocabularies first
        small = _calls(detector, _long(FILLERS[shape], 10_000))
        large = _calls(detector, _long(FILLERS[shape], LENGTH))
    assert large <= 12 * small + 1_000, (small, large)
