"""SIP601 executive-summary-elements."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan
from sipcli.model.summary import ExecutiveSummary

#: Each element DESE asks of an executive summary, with how to add it.
ELEMENTS = (
    (
        "school_snapshot",
        "give a snapshot of the school",
        "Add school_snapshot: with a brief profile of the school, its students and what "
        "makes it unique.",
    ),
    (
        "vision",
        "state the vision",
        "Add vision: stating the school's vision in a sentence or two.",
    ),
    (
        "new_approach",
        "say what makes this plan a new approach",
        "Add new_approach: saying how this plan differs from past improvement efforts.",
    ),
    (
        "key_strategies",
        "outline the key improvement strategies",
        "Add key_strategies: with one entry per strategy, each naming its strategic "
        "objective (objective_ref).",
    ),
)


class ExecutiveSummaryElements(Rule[NoOptions]):
    """The executive summary has its four elements: snapshot, vision, new approach, key strategies.

    Why it matters: the executive summary is one of the two parts of the plan DESE requires
    in writing. DESE asks it to give a snapshot of the school, state its vision, highlight
    what makes this plan a new approach to improvement, and outline the key improvement
    strategies. A summary missing one of these is incomplete as a submission.

    Fails:

        executive_summary:
          school_snapshot: Maple Street serves 412 students in grades K-5; 81% are high needs.
          vision: Every student reads with confidence and knows they belong.

    Passes:

        executive_summary:
          school_snapshot: Maple Street serves 412 students in grades K-5; 81% are high needs.
          vision: Every student reads with confidence and knows they belong.
          new_approach: No new programs; protected time, coaching and data routines instead.
          key_strategies:
            - text: Weekly grade-level data teams led by the instructional leadership team.
    """

    code = "SIP601"
    name = "executive-summary-elements"
    severity = Severity.WARNING
    dese_requirement = True

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag a missing executive summary, or each element it lacks."""
        summary = plan.executive_summary
        if summary is None:
            yield Finding(
                ("executive_summary",),
                "The plan has no executive summary, which DESE requires in writing. Add "
                "executive_summary: with a school snapshot, the vision, what makes the plan a "
                "new approach, and the key strategies.",
                anchor="missing",
            )
            return
        for key, element, fix in ELEMENTS:
            if _is_empty(summary, key):
                yield Finding(
                    ("executive_summary", key),
                    f"The executive summary does not {element}. {fix}",
                    anchor="missing",
                )


def _is_empty(summary: ExecutiveSummary, key: str) -> bool:
    value = getattr(summary, key)
    if isinstance(value, str):
        return not value.strip()
    return not value
