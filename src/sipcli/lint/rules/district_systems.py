"""SIP605 district-systems."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class DistrictSystems(Rule[NoOptions]):
    """The district names a lead responsible for the plan and the supports it gives the school.

    Why it matters: districts are crucial to a school's improvement and to sustaining it.
    DESE's District Systems stage asks the district to assign a team or administrator
    responsible for coordinating the plan, and to say how it will help: policy changes,
    autonomies, weekly support, resources and monitoring. Without them, the school carries
    the plan alone.

    Fails:

        district_systems:
          responsible_lead: Assistant Superintendent for Teaching and Learning

    Passes:

        district_systems:
          responsible_lead: Assistant Superintendent for Teaching and Learning
          supports:
            - category: weekly_support
              description: The district improvement partner joins the leadership team weekly.
    """

    code = "SIP605"
    name = "district-systems"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag missing district systems, or a missing lead or supports."""
        systems = plan.district_systems
        if systems is None:
            # This rule, not SIP606, reports the missing stage.
            yield Finding(
                ("district_systems",),
                "The plan does not say how the district supports the school. Add "
                "district_systems: naming the district lead responsible for the plan and the "
                "district's supports.",
                anchor="missing",
            )
            return
        if not (systems.responsible_lead or "").strip():
            yield Finding(
                ("district_systems", "responsible_lead"),
                "District systems names no one at the district responsible for the plan. Add "
                "responsible_lead: with the administrator or team who coordinates it.",
                anchor="missing",
            )
        if not systems.supports:
            yield Finding(
                ("district_systems", "supports"),
                "District systems lists no support from the district. Add supports: with what "
                "the district will do, e.g. weekly support, autonomies, resources or policy "
                "changes.",
                anchor="missing",
            )
