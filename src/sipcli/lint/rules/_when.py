"""How the date rules read a `When` (the plan's school years are `model.index.PlanYears`)."""

from __future__ import annotations

from sipcli.periods import When

#: Periods a target may be written as that name a year's or a season's administration of a
#: measure ("SY2026-27", "year 2", "spring 2027"), not the day its result is in.
ADMINISTRATION_KINDS = frozenset({"school_year", "plan_year", "season"})


def names_administration(when: When) -> bool:
    """True when ``when`` is a school year, plan year or season rather than a day.

    Such a target means that year's (or season's) results, whenever they arrive: it must not be
    judged as if the result were due on the period's last day.
    """
    return when.kind in ADMINISTRATION_KINDS
