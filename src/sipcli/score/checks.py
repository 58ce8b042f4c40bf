"""The checks the SMART criteria are made of.

Each reads `Facts` and says passed or not, why, and what to add; None means the check does
not apply (e.g. no baseline to judge a change by).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import get_args

from sipcli.model.groups import LocalStudentGroup
from sipcli.model.reference import TALLY_UNITS
from sipcli.model.types import StudentGroup
from sipcli.score.facts import Facts, Known

_UNDERSERVED = frozenset(get_args(StudentGroup)) - {"all", "other"}


@dataclass(frozen=True)
class Outcome:
    """The result of one check: passed or not, the evidence, and a fix when it failed."""

    passed: bool
    evidence: str
    suggestion: str | None = None
    field: str | None = None
    """The plan path of the field the evidence comes from, when it comes from one."""


CheckFunction = Callable[[Facts], Outcome | None]


@dataclass(frozen=True)
class Check:
    """A named, weighted check."""

    name: str
    weight: int
    run: CheckFunction


def _has(known: Known | None, found: str, missing: str, suggestion: str) -> Outcome:
    if known is not None:
        return Outcome(True, f"{found}: {known.evidence}", field=known.field)
    return Outcome(False, missing, suggestion)


def _amount(value: float) -> str:
    """A number for evidence: one decimal at most ("2.7", "4"), as a reader would say it."""
    return f"{round(value, 1):g}"


def _unstated(facts: Facts, name: str, example: str) -> Outcome | None:
    """The field gives ``name`` but the statement does not say it: marked, with the words to add."""
    if name not in facts.unstated:
        return None
    known = getattr(facts, name)
    shown = _field_value(known.value, facts)
    return Outcome(
        False,
        f"the goal's {name} ({shown}) is in its fields but not in its statement, which is "
        "what DESE, the school committee and families read",
        f"Write it into the statement, e.g. {example.format(shown)}.",
        field=known.field,
    )


def _field_value(value: object, facts: Facts) -> str:
    """A field's value as the statement would write it: "45%", "488", "spring 2027 MCAS"."""
    if isinstance(value, float | int) and not isinstance(value, bool):
        percent = facts.unit is not None and facts.unit.value == "percent"
        return _amount(float(value)) + ("%" if percent else "")
    return str(value)


def population(facts: Facts) -> Outcome:
    """The statement says which students (a grade span, a student group, or all students)."""
    return _has(
        facts.population,
        "names whom",
        "does not say which students",
        "Name the students it is about: a grade span and a student group, e.g. "
        '"grade 3-5 English learners".',
    )


def measure_named(facts: Facts) -> Outcome:
    """A measure is named: MCAS, SGP, chronic absenteeism, a screener..."""
    return _has(
        facts.metric,
        "names the measure",
        "names no measure",
        'Say what is measured, e.g. "MCAS ELA meeting or exceeding expectations" or '
        '"chronic absenteeism".',
    )


def not_vague(facts: Facts) -> Outcome:
    """No vague verb stands in for an amount."""
    verbs = facts.elements.vague_verbs
    # A goal's target field does not make its statement's "improve" less vague.
    if not verbs or (facts.target is not None and facts.statement_quantified):
        return Outcome(True, "no vague verb without an amount")
    words = ", ".join(f'"{verb.text}"' for verb in verbs)
    return Outcome(
        False,
        f"{words} with no amount",
        f"Replace {words} with how much: from the current level to a target, e.g. "
        '"from 38% to 45%".',
    )


def no_placeholders(facts: Facts) -> Outcome:
    """No template placeholder is left (XX, TBD, ___, [insert ...])."""
    placeholders = facts.elements.placeholders
    if not placeholders:
        return Outcome(True, "no placeholder left")
    words = ", ".join(f'"{found.text}"' for found in placeholders)
    return Outcome(False, f"placeholder {words}", f"Fill in {words} with the real value.")


def strategic(facts: Facts) -> Outcome | None:
    """The goal serves a strategic objective of the plan."""
    if not facts.structured:
        return None
    return _has(facts.objective, "serves", "serves no strategic objective", _link(facts))


def _link(facts: Facts) -> str:
    """How to link a goal to an objective, naming only objectives the plan has."""
    ids = facts.objective_ids
    if not ids:
        return (
            "Add the strategic objective it serves under strategic_objectives, then link it "
            "with objective_refs."
        )
    if len(ids) == 1:
        return f"Link it to the objective it measures: objective_refs: [{ids[0]}]."
    return (
        f"Link it to the objective it measures (the plan has {', '.join(ids)}), e.g. "
        f"objective_refs: [{ids[0]}]."
    )


def target_stated(facts: Facts) -> Outcome:
    """A target level is stated, in the statement as well as in a goal's fields."""
    unstated = _unstated(facts, "target", '"to {}"')
    if unstated is not None:
        return unstated
    return _has(
        facts.target,
        "target",
        "no target level",
        'State the level to reach, e.g. "to 45%" (target: {value: 45, by: ...}).',
    )


def baseline_stated(facts: Facts) -> Outcome | None:
    """A baseline is stated (goals only: a benchmark's starting point is its goal's)."""
    if facts.kind == "benchmark":
        return None
    unstated = _unstated(facts, "baseline", '"from {}"')
    if unstated is not None:
        return unstated
    return _has(
        facts.baseline,
        "baseline",
        "no baseline",
        'State where it starts, e.g. "from 38% in spring 2026" '
        "(baseline: {value: 38, period: spring 2026}).",
    )


def unit_clear(facts: Facts) -> Outcome | None:
    """The unit is stated, and a change in percentage points is not written as a percent."""
    if facts.percent_for_points is not None:
        change = facts.percent_for_points
        return Outcome(
            False,
            f'"{change.text}" reads as a relative change, but baseline to target is '
            f"{_amount(change.value)} percentage points",
            f'Write "{_amount(change.value)} percentage points" instead of "{change.text}".',
        )
    if facts.target is None:
        return None
    return _has(
        facts.unit,
        "unit",
        f"the {facts.kind}'s target has no unit",
        "Say what the number counts: percent, scaled score points, SGP (unit: percent).",
    )


def measure_source(facts: Facts) -> Outcome:
    """The assessment or data set is named."""
    return _has(
        facts.measure_source,
        "measured by",
        "does not say where the data comes from",
        'Name the source, e.g. "as measured by the spring MCAS" or "per SIS attendance data".',
    )


def fields_agree(facts: Facts) -> Outcome | None:
    """The statement's words agree with the goal's fields."""
    if not facts.structured or facts.kind != "goal":
        return None
    if not facts.disagreements:
        return Outcome(True, "the statement agrees with the fields")
    return Outcome(
        False,
        "; ".join(facts.disagreements),
        "Make the statement and the fields say the same thing.",
    )


def owner(facts: Facts) -> Outcome:
    """Someone is accountable."""
    return _has(
        facts.owner,
        "owned by",
        "names no one accountable",
        'Name the role accountable, e.g. "led by the literacy coach" (owner: Literacy coach).',
    )


def active_wording(facts: Facts) -> Outcome:
    """The statement says what will change (increase, reduce, reach) rather than hoping."""
    if facts.direction is not None and not facts.elements.vague_verbs:
        direction = facts.direction
        return Outcome(True, f"says what will change: {direction.evidence}", field=direction.field)
    if facts.target is not None:
        target = facts.target
        return Outcome(True, f"states a result to reach: {target.evidence}", field=target.field)
    return Outcome(
        False,
        "no active verb with a result",
        'Say what will change and how: "will increase from ... to ...", "will reach ...".',
    )


def carried_out(facts: Facts) -> Outcome | None:
    """Initiatives with owners carry out the goal's objectives (goals in a plan only)."""
    if facts.kind != "goal":
        return None
    return _has(
        facts.actions,
        "actions",
        "no initiative with an owner carries it out",
        "Give the objectives it serves initiatives with owners and timelines.",
    )


def results_focused(facts: Facts) -> Outcome:
    """It describes a result for students or practice, not an activity of adults."""
    activity = facts.elements.activity
    if activity is None or (facts.target is not None and facts.metric is not None):
        return Outcome(True, "describes a result")
    return Outcome(
        False,
        f'describes an activity ("{activity.text}") rather than a result',
        'Say what will be different because of it, e.g. "90% of observed lessons show ..." '
        "or a student result.",
    )


def _change(facts: Facts) -> tuple[float, float] | None:
    """Baseline and target, when both are known in the metric's own unit (not counts or days)."""
    if facts.baseline is None or facts.target is None:
        return None
    if facts.unit is not None and facts.unit.value in TALLY_UNITS:
        return None
    try:
        return float(facts.baseline.value), float(facts.target.value)
    except (TypeError, ValueError):
        return None


def rigorous(facts: Facts) -> Outcome | None:
    """The target moves the measure the right way, and holding steady only when already strong."""
    change = _change(facts)
    better = facts.metric_facts.better if facts.metric_facts else None
    if change is None or better is None:
        return None
    baseline, target = change
    improves = target > baseline if better == "higher" else target < baseline
    if improves:
        return Outcome(True, f"moves from {baseline:g} to {target:g}, the right way")
    strong = facts.metric_facts.strong_level if facts.metric_facts else None
    holds_strong = strong is not None and (
        baseline >= strong if better == "higher" else baseline <= strong
    )
    if target == baseline and holds_strong:
        return Outcome(True, f"holds {baseline:g}, already a strong level")
    if target == baseline:
        return Outcome(
            False,
            f"holds {baseline:g}, which is not yet a strong level",
            "Aim higher than the current level: holding a low result is not a goal for improvement.",
        )
    return Outcome(
        False,
        f"moves from {baseline:g} to {target:g}, the wrong way for this measure ({better} is better)",
        "Check the baseline and target: the target should be better than the baseline.",
    )


def realistic(facts: Facts) -> Outcome | None:
    """The change per year is within what schools have achieved (configurable per metric)."""
    change = _change(facts)
    limit = facts.metric_facts.max_change_per_year if facts.metric_facts else None
    if change is None or limit is None:
        return None
    years = facts.span_years or 1
    assumed = "" if facts.span_years else " (assuming one year)"
    per_year = abs(change[1] - change[0]) / years
    rate = f"{_amount(per_year)} {'point' if _amount(per_year) == '1' else 'points'} a year"
    if per_year <= limit:
        return Outcome(
            True, f"{rate}{assumed}, within the {_amount(limit)} a year schools usually achieve"
        )
    return Outcome(
        False,
        f"{rate}{assumed}, more than the {_amount(limit)} a year schools usually achieve",
        "Set a target within reach, or spread the change over more years with interim targets.",
    )


def deadline(facts: Facts) -> Outcome:
    """It says by when, in the statement as well as in a goal's fields."""
    unstated = _unstated(facts, "deadline", '"by {}"')
    if unstated is not None:
        return unstated
    return _has(
        facts.deadline,
        "by",
        "no deadline",
        'Say by when, e.g. "by spring 2027 MCAS" (target: {by: spring 2027 MCAS}, a school '
        "year such as SY2026-27, or a date such as 2027-09-30).",
    )


def tracked(facts: Facts) -> Outcome | None:
    """Progress is checked on the way: dated benchmarks or a cadence (goals and statements)."""
    if facts.kind == "benchmark":
        return None  # a benchmark is itself one of the checks on the way
    return _has(
        facts.tracked,
        "tracked",
        "no interim checks",
        "Add benchmarks with due dates, at least quarterly, or say how often progress is checked.",
    )


def in_horizon(facts: Facts) -> Outcome | None:
    """Its date falls within the plan's years."""
    if facts.in_horizon is None:
        return None
    if facts.in_horizon.value:
        return Outcome(
            True, f"within the plan: {facts.in_horizon.evidence}", field=facts.in_horizon.field
        )
    return Outcome(
        False,
        f"outside the plan: {facts.in_horizon.evidence}",
        "Move the date inside the plan's years.",
        field=facts.in_horizon.field,
    )


_VOICE = re.compile(
    r"\b(?:famil(?:y|ies)|parents?|caregivers?|student voice|students? (?:input|feedback|survey)|"
    r"co-?design\w*|with input from|community|partners?|school council|belonging)\b",
    re.IGNORECASE,
)
_GAP = re.compile(r"\b(?:gaps?|disparit\w+|dispropor\w+|equit\w+|subgroups?)\b", re.IGNORECASE)


def _targets_a_group(group: object) -> bool:
    """A DESE group other than all students, or the plan's own group (unless it is everyone)."""
    if isinstance(group, LocalStudentGroup):
        # A plan names its own group to single it out; one that only combines "all" does not.
        return not group.combines or any(member in _UNDERSERVED for member in group.combines)
    return isinstance(group, str) and group in _UNDERSERVED


def inclusive(facts: Facts) -> Outcome:
    """Those most affected have a voice: families, students, the community."""
    match = _VOICE.search(facts.statement)
    if match:
        return Outcome(True, f'"{match.group(0)}" in the statement')
    return Outcome(
        False,
        "does not say whose voice shapes it",
        "Say how students, families or the community take part, e.g. in setting or reviewing it.",
    )


def equitable(facts: Facts) -> Outcome:
    """It targets a group the system has underserved, or closes a gap."""
    if facts.population is not None and _targets_a_group(facts.population.value):
        population = facts.population
        return Outcome(
            True, f"targets a student group: {population.evidence}", field=population.field
        )
    match = _GAP.search(facts.statement)
    if match:
        return Outcome(True, f'"{match.group(0)}" in the statement')
    return Outcome(
        False,
        "no student group or gap named",
        "Target a group the data shows is underserved (e.g. students with disabilities), or a gap to close.",
    )
