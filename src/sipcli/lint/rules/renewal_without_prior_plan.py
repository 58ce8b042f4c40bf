"""SIP607 renewal-without-prior-plan."""

from __future__ import annotations

from collections.abc import Iterator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, NoOptions, Rule
from sipcli.model import Plan


class RenewalWithoutPriorPlan(Rule[NoOptions]):
    """An annual renewal says which plan it renews.

    Why it matters: an annual renewal updates the plan the school already has, carrying its
    goals forward with what the year taught the team. Naming the prior plan lets DESE, the
    district and the school's own team compare the two and see what changed and why.

    Fails:

        plan:
          type: annual_renewal
          school_year: SY2026-27

    Passes:

        plan:
          type: annual_renewal
          school_year: SY2026-27
          prior_plan: plans/SY2025-26.yaml
    """

    code = "SIP607"
    name = "renewal-without-prior-plan"
    severity = Severity.WARNING

    def check(self, plan: Plan, options: NoOptions, context: Context) -> Iterator[Finding]:
        """Flag an annual renewal that does not name its prior plan."""
        info = plan.plan
        if info.type == "annual_renewal" and not (info.prior_plan or "").strip():
            yield Finding(
                ("plan", "prior_plan"),
                "This plan is an annual renewal but does not say which plan it renews. Add "
                "prior_plan: with the previous plan's file (e.g. plans/SY2025-26.yaml) or "
                "its title.",
                anchor="missing",
            )
