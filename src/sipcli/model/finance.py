"""``financial_plan``: the budget summary turnaround plans carry (Level 4 section III)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, Field

from sipcli.model.objectives import Resource
from sipcli.model.types import STRICT_MODEL


class FinancialPlan(BaseModel):
    """How the plan is paid for, over all its initiatives."""

    model_config = STRICT_MODEL

    summary: str | None = None
    """The budget in a few sentences: sources, sustainability after grants end."""
    total_cost: Annotated[float, Field(ge=0)] | None = None
    """The total cost of the plan in US dollars, if the plan states one."""
    items: list[Resource] | None = None
    """The main costs and who pays for them."""
