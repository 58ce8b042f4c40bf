"""SIP505 roadmap-years."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.implementation import Implementation


class RoadmapYears(Rule[NoOptions]):
    """The roadmap covers every year of the plan, and year one is planned in dated steps.

    Why it matters: DESE asks for a multi-year roadmap covering at least the next three
    years, with the most detail in year one. A year missing from the roadmap leaves staff
    and families without a picture of where the work is heading; without dated action
    steps for year one, nobody knows what happens first, by when, or who does it.

    Fails:

        implementation:
          roadmap:
            - {year: 1, focus: Launch weekly data teams and K-2 coaching.}

    Passes:

        implementation:
          roadmap:
            - {year: 1, focus: Launch weekly data teams and K-2 coaching.}
            - {year: 2, focus: Teacher leaders run the data teams.}
            - {year: 3, focus: School-based leaders sustain the routines.}
          action_steps:
            - {description: ILT retreat sets the data calendar, due: 2026-08-20, owner: Principal}
    """

    code = "SIP505"
    name = "roadmap-years"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag plan years missing from the roadmap, and a year one without action steps."""
        implementation = plan.implementation
        if implementation is None:
            return  # a missing implementation stage is SIP606's to report
        yield from _missing_years(implementation, plan.plan.horizon)
        if not implementation.action_steps:
            yield Finding(
                ("implementation", "action_steps"),
                "Year one has no action steps, though it should be the most detailed year. "
                "Add action_steps: with dated steps for year one, each with its owner.",
                anchor="missing",
            )


def _missing_years(implementation: Implementation, horizon: int) -> Iterator[Finding]:
    roadmap = implementation.roadmap
    if not roadmap:
        yield Finding(
            ("implementation", "roadmap"),
            f"Implementation has no roadmap for the plan's {horizon} years. Add roadmap: with "
            "one entry per year (year: 1, focus: ...) saying what that year concentrates on.",
            anchor="missing",
        )
        return
    covered = {entry.year for entry in roadmap}
    missing = [year for year in range(1, horizon + 1) if year not in covered]
    if missing:
        yield Finding(
            ("implementation", "roadmap"),
            f"The roadmap has no entry for {_years(missing)} of this {horizon}-year plan. "
            f"Add an entry for each (year: {missing[0]}, focus: ...) saying what that year "
            "concentrates on.",
        )


def _years(years: list[int]) -> str:
    if len(years) == 1:
        return f"year {years[0]}"
    listed = ", ".join(str(year) for year in years[:-1])
    return f"years {listed} and {years[-1]}"
