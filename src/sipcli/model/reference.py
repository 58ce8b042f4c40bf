"""Reference facts about Massachusetts measures (ranges, direction, when results arrive).

They live in a data file (``sipcli/data/metrics.yaml``) that users can correct, not in code:
DESE changes its measures, and some of these facts are recalled rather than verified.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError
from ruamel.yaml import YAML

from sipcli.errors import SipError
from sipcli.load.positions import locate
from sipcli.load.source import load_file

#: Units that count things (students, days) rather than express a rate or a score.
TALLY_UNITS = frozenset({"count", "days"})


class MetricFacts(BaseModel):
    """What sip knows about one measure."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    range: tuple[float | None, float | None] | None = None
    """Lowest and highest possible values (null for no bound)."""
    better: Literal["higher", "lower"] | None = None
    """The direction of improvement."""
    tested_month: int | None = None
    """The month the assessment is usually given."""
    results_month: int | None = None
    """The month its results are usually known."""
    max_change_per_year: float | None = None
    """The largest change in one year that is still realistic (used by ``sip score``)."""
    strong_level: float | None = None
    """A level good enough that holding it is a rigorous goal (used by ``sip score``)."""


class Reference(BaseModel):
    """All reference facts: per metric, and value ranges per unit."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    metrics: dict[str, MetricFacts]
    """Facts per value of a goal's ``metric``."""
    units: dict[str, tuple[float | None, float | None]]
    """Possible values per unit."""

    def range_for(
        self, metric: str | None, unit: str | None
    ) -> tuple[float | None, float | None] | None:
        """Return the possible values of a measure: the metric's range, else the unit's.

        A tally (students, days) of a measure that is usually a rate has the tally's range.
        """
        facts = self.metrics.get(metric or "")
        if facts is not None and facts.range is not None and unit not in TALLY_UNITS:
            return facts.range
        return self.units.get(unit or "")

    def merged_with(self, other: Reference) -> Reference:
        """Return these facts with ``other``'s entries replacing the ones they name."""
        return Reference(
            metrics={**self.metrics, **other.metrics}, units={**self.units, **other.units}
        )


@cache
def default_reference() -> Reference:
    """Return the facts shipped with sip."""
    text = files("sipcli").joinpath("data").joinpath("metrics.yaml").read_text(encoding="utf-8")
    return Reference.model_validate(YAML(typ="safe", pure=True).load(text))


def load_reference(path: Path) -> Reference:
    """Return the shipped facts with those of the file at ``path`` replacing what it names.

    The file is read like a plan: within the size limit, as UTF-8, refusing anchors and
    aliases (an alias bomb would take minutes and gigabytes), tags and duplicate keys.

    Raises:
        SipError: when the file cannot be read or is not a valid facts file; the message
            names the file, line and column.
    """
    loaded = load_file(path)
    if loaded.document is None:
        found = loaded.diagnostic
        where = f"{found.file}:{found.line}:{found.column}: " if found else f"{path}: "
        problem = found.message if found else "the file is empty"
        raise SipError(f"cannot use the reference file {where}{problem}")
    data = loaded.document.data
    try:
        extra = Reference.model_validate({"metrics": {}, "units": {}, **data})
    except ValidationError as error:
        raise SipError(_invalid_facts(path, data, error)) from error
    return default_reference().merged_with(extra)


def _invalid_facts(path: Path, data: Any, error: ValidationError) -> str:
    lines = [f"cannot use the reference file {path}: it is not a valid facts file"]
    for problem in error.errors(include_url=False):
        where = locate(data, tuple(problem["loc"]))
        place = ".".join(str(part) for part in problem["loc"])
        lines.append(f"{path}:{where.line}:{where.column}: {place}: {problem['msg']}")
    return "\n".join(lines)
