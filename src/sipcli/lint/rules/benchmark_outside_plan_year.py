"""SIP303 benchmark-outside-plan-year."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan
from sipcli.model.index import PlanYears, benchmarks_of, plan_years
from sipcli.periods import When, school_year_label


class BenchmarkOutsidePlanYearOptions(RuleOptions):
    """Which school years benchmarks may be set for."""

    plan_years: Annotated[int, Field(ge=1, le=5)] = 1
    """How many school years, from the plan's first one, benchmarks may be set for (a renewal
    re-sets them each year, so one is usual)."""


class BenchmarkOutsidePlanYear(Rule[BenchmarkOutsidePlanYearOptions]):
    """Benchmark dates fall inside the school year the plan sets benchmarks for.

    Why it matters: interim benchmarks are the checkpoints of the plan's year, reviewed as
    the year goes and re-set at each annual renewal. A date before the year starts is
    usually a typo (a wrong year); a date in a later year belongs in a later renewal, where
    it will be set with that year's data. A check written as a period is outside only when
    all of it is: "spring 2027 MCAS" is given in SY2026-27 though its results come later.
    The school year is the district's (its calendar in `.sip.yaml`, else the shipped one);
    a day of the summer break counts with the nearer school year, so August training
    belongs to the year it prepares.

    Fails:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2025-11-15, 2027-02-15, 2027-05-15]

    Passes:

        goals:
          - id: G1
            statement: By fall 2027, grade 3 students meeting or exceeding expectations in ELA will rise from 38% to 45%.
            benchmarks:
              - id: G1.B1
                statement: Every grade 3 teacher completes a coaching cycle on small-group reading each term.
                type: process
                due: [2026-11-15, 2027-02-15, 2027-05-15]
    """

    code = "SIP303"
    name = "benchmark-outside-plan-year"
    severity = Severity.WARNING
    options_model = BenchmarkOutsidePlanYearOptions

    def check(
        self, plan: Plan, options: BenchmarkOutsidePlanYearOptions, context: Context
    ) -> Iterator[Finding]:
        """Flag each benchmark due date outside the plan's benchmark years."""
        years = plan_years(plan, options.plan_years)
        if years is None:
            return  # a plan that names no school year has no year to judge against
        for path, _goal, benchmark in benchmarks_of(plan):
            for k, due in enumerate(benchmark.due):
                message = _problem(benchmark.id, due, years)
                if message:
                    yield Finding((*path, "due", k), message, anchor="value")


def _problem(benchmark: str, due: When, years: PlanYears) -> str | None:
    """Say how ``due`` falls outside the plan's benchmark years, or return None.

    A period is judged by its span: outside only when all of it is ("spring 2027 MCAS" is
    given in the year even though its results come in the fall). A day of the summer break
    counts with the school year the district's calendar places it in.
    """
    if years.year_of(due.end) < years.first:
        return (
            f"Benchmark {benchmark} is due {due}, before {school_year_label(years.first)} "
            f"starts ({years.first_day}). Check the year, and move the date inside the plan's "
            "school year."
        )
    if years.year_of(due.start) > years.last:
        return (
            f"Benchmark {benchmark} is due {due}, after {school_year_label(years.last)} ends "
            f"({years.last_day}), the last school year this plan sets benchmarks for. Check the "
            "year, or leave this checkpoint to a later renewal of the plan."
        )
    return None
