"""The stages of DESE's planning process and the plan keys that hold them (``data/stages.yaml``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ruamel.yaml import YAML


@dataclass(frozen=True)
class Stage:
    """One stage of the process: its id, its title, and the top-level keys that hold it."""

    id: str
    title: str
    phase: str
    sections: tuple[str, ...]
    optional: bool = False
    """A stage a plan may leave out (a financial plan is asked of some plans only)."""


@dataclass(frozen=True)
class Phase:
    """A phase of the process (I, II, III) and its stages, in order."""

    phase: str
    title: str
    stages: tuple[Stage, ...]


@cache
def phases() -> tuple[Phase, ...]:
    """Return the phases and their stages, in the order a team works through them."""
    text = files("sipcli").joinpath("data").joinpath("stages.yaml").read_text(encoding="utf-8")
    data = YAML(typ="safe", pure=True).load(text)
    return tuple(
        Phase(
            phase=str(phase["phase"]),
            title=str(phase["title"]),
            stages=tuple(
                Stage(
                    id=str(stage["id"]),
                    title=str(stage["title"]),
                    phase=str(phase["phase"]),
                    sections=tuple(str(section) for section in stage["sections"]),
                    optional=bool(stage.get("optional", False)),
                )
                for stage in phase["stages"]
            ),
        )
        for phase in data["phases"]
    )


def stages() -> tuple[Stage, ...]:
    """Return every stage, in order."""
    return tuple(stage for phase in phases() for stage in phase.stages)
