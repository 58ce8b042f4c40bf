"""SIP604 monitoring-levels."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.monitoring import MonitoringRoutine

#: The two levels DESE expects, with how to name them in a message.
LEVELS = (("school_level", "school"), ("district_level", "district"))

#: What each routine must say, with the problem and the fix.
ELEMENTS = (
    ("cadence", "how often it happens", "Add cadence: e.g. monthly or quarterly."),
    ("participants", "who takes part", "Add participants: with the roles of those present."),
    (
        "data_reviewed",
        "what data is reviewed",
        "Add data_reviewed: e.g. benchmark results, walkthrough data, attendance.",
    ),
)


class MonitoringLevels(Rule[NoOptions]):
    """Monitoring describes the school and the district routines: when, who, and what data.

    Why it matters: benchmarks only help if people regularly come together to look at them
    and correct course. DESE expects monitoring at both the school and the district level,
    and describing each routine lets staff know when monitoring happens, who is involved and
    what is reviewed.

    Fails:

        monitoring:
          school_level:
            cadence: monthly
            participants: [Principal, Literacy coach]

    Passes:

        monitoring:
          school_level:
            cadence: monthly
            participants: [Principal, Literacy coach, Teacher leaders]
            data_reviewed: [Benchmark results, Walkthrough data]
          district_level:
            cadence: quarterly
            participants: [Superintendent, Principal]
            data_reviewed: [Benchmark dashboard, Attendance]
    """

    code = "SIP604"
    name = "monitoring-levels"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a missing monitoring level, and each element a level leaves out."""
        monitoring = plan.monitoring
        if monitoring is None:
            return  # a missing monitoring stage is SIP606's to report
        for key, level in LEVELS:
            routine: MonitoringRoutine | None = getattr(monitoring, key)
            if routine is None:
                yield Finding(
                    ("monitoring", key),
                    f"Monitoring does not describe how the {level} reviews progress. Add "
                    f"{key}: with how often (cadence), who takes part (participants) and the "
                    "data reviewed (data_reviewed).",
                    anchor="missing",
                )
                continue
            for element, problem, fix in ELEMENTS:
                if not getattr(routine, element):
                    yield Finding(
                        ("monitoring", key, element),
                        f"{level.capitalize()}-level monitoring does not say {problem}. {fix}",
                        anchor="missing",
                    )
