"""The SMART frameworks: DESE's S.M.A.R.T., S.M.A.R.T.I.E. and Doran's classic SMART.

Each criterion is a letter, a name and the checks that make it up, with their weights.
"""

from __future__ import annotations

from dataclasses import dataclass

from sipcli.score import checks
from sipcli.score.checks import Check


@dataclass(frozen=True)
class Criterion:
    """One letter of a framework and the checks it is made of."""

    letter: str
    name: str
    checks: tuple[Check, ...]


_SPECIFIC = Criterion(
    "S",
    "Specific and Strategic",
    (
        Check("population", 2, checks.population),
        Check("not vague", 1, checks.not_vague),
        Check("no placeholders", 2, checks.no_placeholders),
        Check("strategic", 1, checks.strategic),
    ),
)
_MEASURABLE = Criterion(
    "M",
    "Measurable",
    (
        Check("measure", 2, checks.measure_named),
        Check("target", 2, checks.target_stated),
        Check("baseline", 1, checks.baseline_stated),
        Check("unit", 1, checks.unit_clear),
        Check("measure source", 1, checks.measure_source),
        Check("statement agrees", 1, checks.fields_agree),
    ),
)
_ACTION = Criterion(
    "A",
    "Action-oriented",
    (
        Check("owner", 1, checks.owner),
        Check("active wording", 1, checks.active_wording),
        Check("carried out", 1, checks.carried_out),
    ),
)
_RESULTS = Criterion(
    "R",
    "Rigorous, Realistic and Results-focused",
    (
        Check("results, not activities", 2, checks.results_focused),
        Check("rigorous", 1, checks.rigorous),
        Check("realistic", 1, checks.realistic),
    ),
)
_TIMED = Criterion(
    "T",
    "Timed and Tracked",
    (
        Check("deadline", 2, checks.deadline),
        Check("tracked", 1, checks.tracked),
        Check("within the plan", 1, checks.in_horizon),
    ),
)
_INCLUSIVE = Criterion("I", "Inclusive", (Check("voices", 1, checks.inclusive),))
_EQUITABLE = Criterion("E", "Equitable", (Check("group or gap", 1, checks.equitable),))

FRAMEWORKS: dict[str, tuple[Criterion, ...]] = {
    "dese": (_SPECIFIC, _MEASURABLE, _ACTION, _RESULTS, _TIMED),
    "smartie": (_SPECIFIC, _MEASURABLE, _ACTION, _RESULTS, _TIMED, _INCLUSIVE, _EQUITABLE),
    "classic": (
        Criterion(
            "S",
            "Specific",
            (
                Check("population", 2, checks.population),
                Check("measure", 1, checks.measure_named),
                Check("not vague", 1, checks.not_vague),
                Check("no placeholders", 2, checks.no_placeholders),
            ),
        ),
        Criterion(
            "M",
            "Measurable",
            (
                Check("target", 2, checks.target_stated),
                Check("baseline", 1, checks.baseline_stated),
                Check("unit", 1, checks.unit_clear),
                Check("measure source", 1, checks.measure_source),
            ),
        ),
        Criterion(
            "A",
            "Achievable",
            (Check("realistic", 2, checks.realistic), Check("owner", 1, checks.owner)),
        ),
        Criterion(
            "R",
            "Relevant",
            (
                Check("strategic", 1, checks.strategic),
                Check("results, not activities", 1, checks.results_focused),
            ),
        ),
        Criterion("T", "Time-bound", (Check("deadline", 1, checks.deadline),)),
    ),
}
