"""``student_groups``: the plan's own named student groups (unions and local groups)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel

from sipcli.model.types import STRICT_MODEL, Identifier, StudentGroup, Text, Unique


class LocalStudentGroup(BaseModel):
    """A student group the plan names itself, e.g. "Special populations (IEPs, 504s, MLLs)"."""

    model_config = STRICT_MODEL

    id: Identifier
    """The id goals give as their student_group, e.g. special_populations or class_of_2027."""
    label: Text
    """How the group is named in the rendered plan."""
    combines: Annotated[list[StudentGroup], Unique] | None = None
    """The DESE student groups it brings together, if it is a union of them."""
    description: str | None = None
    """Who exactly is counted, e.g. "students with an IEP or a 504 plan, and multilingual learners"."""
