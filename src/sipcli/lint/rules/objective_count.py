"""SIP504 objective-count."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from pydantic import Field, model_validator

from sipcli.diagnostics import Severity
from sipcli.lint.rules.base import Context, Finding, Rule, RuleOptions
from sipcli.model import Plan


class ObjectiveCountOptions(RuleOptions):
    """How many strategic objectives a plan should have."""

    minimum: Annotated[int, Field(ge=1)] = 3
    """The fewest strategic objectives expected."""
    maximum: Annotated[int, Field(ge=1)] = 5
    """The most strategic objectives expected."""

    @model_validator(mode="after")
    def _minimum_not_above_maximum(self) -> ObjectiveCountOptions:
        if self.minimum > self.maximum:
            raise ValueError(
                f"minimum ({self.minimum}) is above maximum ({self.maximum}); "
                "set minimum at or below maximum"
            )
        return self


class ObjectiveCount(Rule[ObjectiveCountOptions]):
    """The plan has a focused set of strategic objectives: DESE suggests three to five.

    Why it matters: strategic objectives are the few levers the school bets on. With too
    many, effort, time and money spread thin and none gets done well; with too few, the plan
    may leave a major root cause unaddressed. DESE's planning template recommends three to
    five objectives "to support focus".

    Fails:

        strategic_objectives:
          - {id: O1, title: Strengthen core instruction in ELA}
          - {id: O2, title: Build a tiered system of support}

    Passes:

        strategic_objectives:
          - {id: O1, title: Strengthen core instruction in ELA}
          - {id: O2, title: Build a tiered system of support}
          - {id: O3, title: Make every student known by an adult}
    """

    code = "SIP504"
    name = "objective-count"
    severity = Severity.INFO
    options_model = ObjectiveCountOptions

    def check(
        self, plan: Plan, options: ObjectiveCountOptions, context: Context
    ) -> Iterator[Finding]:
        """Flag a plan whose number of objectives is outside the expected range."""
        count = len(plan.strategic_objectives or [])
        if count == 0:
            return  # a plan without objectives is missing a stage, which SIP606 reports
        if count < options.minimum:
            problem = f"fewer than the {_expected(options)} expected"
            fix = "Check that the objectives address the root causes with the biggest return."
        elif count > options.maximum:
            problem = f"more than the {_expected(options)} that keep a plan focused"
            fix = "Merge related objectives, or drop the ones with the least leverage."
        else:
            return
        yield Finding(
            ("strategic_objectives",),
            f"The plan has {_objectives(count)}, {problem}. {fix}",
        )


def _objectives(count: int) -> str:
    return "1 strategic objective" if count == 1 else f"{count} strategic objectives"


def _expected(options: ObjectiveCountOptions) -> str:
    if options.minimum == options.maximum:
        return str(options.minimum)
    return f"{options.minimum} to {options.maximum}"
