"""What a rule is: a stable code and name, a default severity, options, and a `check` method.

A rule reads the validated `Plan` and yields `Finding`s: a plan path and a message. It knows
nothing of files, lines or severities; the engine attaches those (and applies suppressions).
"""

from __future__ import annotations

import inspect
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import ClassVar, Generic, Literal, Protocol, TypeVar

from pydantic import BaseModel, ConfigDict

from sipcli.diagnostics import Severity
from sipcli.model import Plan
from sipcli.model.index import PlanIndex, build_index
from sipcli.model.reference import Reference


@dataclass(frozen=True)
class Finding:
    """A problem a rule found: where in the plan (a path of keys and list positions) and what.

    ``anchor`` says whether to point at the ``key`` at the end of the path or at its
    ``value`` (for a list item, both are the item). ``missing`` is for a part the plan lacks
    (a stage, a section's element): the path names the key to add, and the engine points
    where it belongs in the file (after the section before it in the format's order) and
    says so in the message; when the key is written, though empty, it points at the key.
    """

    path: tuple[str | int, ...]
    message: str
    anchor: Literal["key", "value", "missing"] = "key"


class CriterionScore(Protocol):
    """One S.M.A.R.T. criterion of a scored goal, as a rule sees it."""

    @property
    def letter(self) -> str:
        """The criterion's letter (S, M, A, R, T...)."""

    @property
    def score(self) -> int:
        """Its score, 0-100."""

    @property
    def met(self) -> bool:
        """Whether the criterion is met."""


class ScoredGoal(Protocol):
    """A goal or benchmark as the SMART scorer rated it, as a rule sees it."""

    @property
    def kind(self) -> str:
        """``goal`` or ``benchmark``."""

    @property
    def id(self) -> str:
        """The item's id."""

    @property
    def score(self) -> int:
        """Its overall score, 0-100."""

    @property
    def location(self) -> tuple[str | int, ...]:
        """Its plan path."""

    @property
    def criteria(self) -> Sequence[CriterionScore]:
        """Its criteria, in the framework's order."""


#: Scores a plan's goals and benchmarks against a framework (dese, smartie or classic).
GoalScorer = Callable[[Plan, Reference, str], Sequence[ScoredGoal]]


def _no_scorer(plan: Plan, reference: Reference, framework: str) -> Sequence[ScoredGoal]:
    raise NotImplementedError("this context was made without a scorer")


@dataclass
class Context:
    """What every rule may consult besides the plan: reference facts, ids, and SMART scores.

    Rules do not import the scorer (``lint.rules`` and ``score`` are independent packages):
    the engine passes ``score_goals``.
    """

    plan: Plan
    reference: Reference
    score_goals: GoalScorer = _no_scorer

    @cached_property
    def index(self) -> PlanIndex:
        """Every id in the plan, built once for all rules."""
        return build_index(self.plan)


def _kebab(name: str) -> str:
    return name.replace("_", "-")


class RuleOptions(BaseModel):
    """A rule's options, set in ``.sip.yaml`` under ``rules: {CODE: {options: ...}}``."""

    model_config = ConfigDict(
        extra="forbid", frozen=True, alias_generator=_kebab, populate_by_name=True
    )


class NoOptions(RuleOptions):
    """The options of a rule that has none."""


OptionsT = TypeVar("OptionsT", bound=RuleOptions)


class Rule(ABC, Generic[OptionsT]):
    """One lint rule. Subclasses set the class attributes and implement `check`.

    The class docstring is the rule's user documentation: a one-line summary, why it
    matters to a school team, then a failing and a passing snippet under ``Fails:`` and
    ``Passes:`` (each an indented YAML fragment of a plan).
    """

    code: ClassVar[str]
    """Stable code, e.g. SIP201; never reused."""
    name: ClassVar[str]
    """Kebab-case name, e.g. goal-missing-baseline; either selects the rule."""
    severity: ClassVar[Severity]
    """Severity under the standard profile."""
    dese_requirement: ClassVar[bool] = False
    """True when the rule checks something DESE requires in writing: an error under the
    submission profile."""
    options_model: ClassVar[type[RuleOptions]] = NoOptions
    """The model of the rule's options (defaults are the field defaults)."""

    @abstractmethod
    def check(self, plan: Plan, options: OptionsT, context: Context) -> Iterator[Finding]:
        """Yield a finding for each problem in ``plan``."""

    @classmethod
    def summary(cls) -> str:
        """Return the first line of the rule's documentation."""
        return cls.documentation().splitlines()[0]

    @classmethod
    def documentation(cls) -> str:
        """Return the rule's user documentation (its class docstring, dedented)."""
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def default_options(cls) -> RuleOptions:
        """Return the rule's options with every default."""
        return cls.options_model()
