"""The configuration file, ``.sip.yaml``: found upward from each plan, read and checked.

``[tool.sip]`` in a ``pyproject.toml`` holds the same keys, for repositories that keep their
tools' settings there. In one folder ``.sip.yaml`` wins (as ruff's ``ruff.toml`` wins over
its ``pyproject.toml``): `ignored_config` names the file set aside, for ``sip config``.

This module only reads the file into a `ConfigFile`; what its settings mean for the lint
rules is ``lint.settings``, and the reference facts it names are read by
``validate.plans.reference_for``. Reading it needs no rule, so commands that only want the
reference facts (score, progress, render, report) do not import the rules.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from sipcli.diagnostics import closest, format_plan_path
from sipcli.errors import SipError
from sipcli.load.bounded import read_whole
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.load.positions import locate
from sipcli.load.source import Document, load_file, split_lines
from sipcli.periods import CalendarSettings
from sipcli.periods.calendar import Assessment, Span, Window

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

CONFIG_NAMES = (".sip.yaml", ".sip.yml")
PYPROJECT = "pyproject.toml"
#: A ``[tool.sip]`` table (or one of its sub-tables) in a pyproject.toml.
_TOOL_SIP = re.compile(r"^\s*\[\s*tool\s*\.\s*(?:sip|\"sip\")\s*[\].]", re.MULTILINE)
Profile = Literal["draft", "standard", "submission"]
PROFILES: tuple[Profile, ...] = ("draft", "standard", "submission")
SeverityOrOff = Literal["error", "warning", "info", "off"]


def kebab(name: str) -> str:
    """Return a field name as it is written in the file (``fail_on`` is ``fail-on``)."""
    return name.replace("_", "-")


class _ConfigModel(BaseModel):
    model_config = ConfigDict(extra="forbid", alias_generator=kebab, populate_by_name=True)


class RuleSetting(_ConfigModel):
    """Settings of one rule."""

    severity: SeverityOrOff | None = None
    """error, warning, info, or off to disable the rule."""
    options: dict[str, Any] = Field(default_factory=dict)
    """The rule's options (see `sip rule CODE`)."""


ScaleStatus = Literal["on track", "at risk", "off track"]


class ScaleLevel(_ConfigModel):
    """One level of a school's status scale: its name and where it starts."""

    name: str = Field(min_length=1)
    """The level as the school names it, e.g. "off track but recoverable"."""
    at_least: float | None = Field(default=None, ge=0, le=1000)
    """The least percent of the expected progress at this level; the last level has none."""
    counts_as: ScaleStatus | None = None
    """The status sip counts it as (for --fail-on and the summary); by default the first level is on track, the last off track, the others at risk."""


class StatusScaleSettings(_ConfigModel):
    """The ``status-scale:`` section of ``.sip.yaml``: the school's own names for statuses."""

    levels: list[ScaleLevel] = Field(min_length=2)
    """The annual standing, best first: each level's name and the least percent of the expected progress it needs (the last level: none)."""
    multi_year_met: str | None = Field(default=None, min_length=1)
    """The name when a goal's actual already reaches its final (multi-year) target, e.g. "three-year goal already met"."""
    met: str | None = Field(default=None, min_length=1)
    """The name when a benchmark reaches its target (default: met)."""
    overdue: str | None = Field(default=None, min_length=1)
    """The name of an overdue check (default: overdue)."""
    no_data: str | None = Field(default=None, min_length=1)
    """The name when there is no result yet (default: no data)."""

    @model_validator(mode="after")
    def _ordered(self) -> StatusScaleSettings:
        """Refuse levels whose thresholds do not go down, or a last level with a threshold."""
        *upper, last = self.levels
        given = [level.at_least for level in self.levels if level.at_least is not None]
        if given and self.levels[0].at_least is None:
            raise ValueError(
                "the levels go best first, and the best one needs at-least: list them from "
                f"the best ('{self.levels[-1].name}'?) to the worst, the worst without at-least"
            )
        if given and max(given) <= 1 and any(0 < value < 1 for value in given):
            raise ValueError(
                "at-least is a percent of the expected progress: write 90 for 90%, not 0.9"
            )
        if last.at_least is not None:
            raise ValueError(
                f"the last level ('{last.name}') is everything below the one before it: "
                "remove its at-least"
            )
        for index, level in enumerate(upper):
            if level.at_least is None:
                raise ValueError(
                    f"the level '{level.name}' needs at-least: the least percent of the "
                    "expected progress it covers (only the last level has none)"
                )
            if index and level.at_least >= (upper[index - 1].at_least or 0):
                if given == sorted(given) and len(given) > 1:
                    raise ValueError(
                        "the levels go best first: reverse the list, so that the level with "
                        "the highest at-least comes first and the last has none"
                    )
                raise ValueError(
                    f"the levels go best first: '{level.name}' (at-least {level.at_least:g}) "
                    f"must start lower than '{upper[index - 1].name}' "
                    f"(at-least {upper[index - 1].at_least:g})"
                )
        names = [level.name for level in self.levels]
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise ValueError(f"the level '{twice[0]}' is named twice; give each level its own name")
        return self


#: A colour as the file writes it: ``#`` and six hex digits, e.g. ``#1F3864``.
_HEX_COLOUR = re.compile(r"#[0-9A-Fa-f]{6}")
#: The largest logo sip embeds: a title-page logo is tens of kilobytes.
MAX_LOGO_BYTES = 2_000_000
#: The image types a logo may be, by the bytes each file starts with.
LOGO_TYPES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg"}


class Colours(_ConfigModel):
    """The ``render: colours:`` section: the school's or firm's colours, as ``#RRGGBB``."""

    primary: str | None = None
    """The title, the headings and the table header rows, e.g. "#1F3864"."""
    accent: str | None = None
    """The rule under the title block and the secondary headings, e.g. "#C8102E"."""

    @field_validator("primary", "accent", mode="before")
    @classmethod
    def _hex(cls, value: object) -> str:
        """Refuse a colour that is not ``#`` and six hex digits; return it in capitals."""
        if value is None:
            # `primary: #1F3864` without quotes: YAML reads everything from # as a comment.
            raise ValueError(
                'the colour is empty: write it in quotes, e.g. "#1F3864" (without quotes, '
                "YAML reads everything from # on as a comment)"
            )
        if not isinstance(value, str) or not _HEX_COLOUR.fullmatch(value.strip()):
            raise ValueError(
                f"'{value}' is not a colour sip can use: write # and six hex digits, "
                'in quotes, e.g. "#1F3864"'
            )
        return value.strip().upper()


class RenderSettings(_ConfigModel):
    """The ``render:`` section of ``.sip.yaml``: how `sip render` dresses the documents."""

    prepared_by: str | None = Field(default=None, min_length=1)
    """Who prepared the document, shown on its title page, e.g. "Eastbrook Office of School Improvement"."""
    logo: str | None = Field(default=None, min_length=1)
    """A PNG or JPEG file (relative to this .sip.yaml) shown at the top of the title page."""
    colours: Colours | None = None
    """primary and accent colours as "#RRGGBB" for the title, headings and table headers."""


@dataclass(frozen=True)
class Logo:
    """A logo read from disk: its bytes and media type (image/png or image/jpeg)."""

    data: bytes
    media_type: str


@dataclass(frozen=True)
class RenderLook:
    """The render settings that apply to one plan, with its logo read."""

    prepared_by: str | None = None
    logo: Logo | None = None
    primary: str | None = None
    accent: str | None = None


class ConfigFile(_ConfigModel):
    """The contents of a ``.sip.yaml`` file."""

    profile: Profile = "standard"
    """draft (early drafts: one level milder), standard, or submission (DESE's written requirements are errors)."""
    select: list[str] | None = None
    """Run only these rules: codes (SIP201), names (goal-missing-baseline), code prefixes (SIP2) or ALL."""
    extend_select: list[str] = Field(default_factory=list)
    """Also run these rules, in addition to those select (or the profile) chooses."""
    ignore: list[str] = Field(default_factory=list)
    """Never run these rules."""
    rules: dict[str, RuleSetting] = Field(default_factory=dict)
    """Per-rule severity and options, keyed by code or name."""
    per_file_ignores: dict[str, list[str]] = Field(default_factory=dict)
    """Rules to skip for files matching a gitignore-style pattern (relative to this file's folder; * stops at /, ** spans folders)."""
    fail_on: Literal["error", "warning", "info"] = "error"
    """The lowest severity that makes sip exit with 1."""
    reference: str | None = None
    """A YAML file of metric facts that replaces the shipped entries it names."""
    calendar: CalendarSettings | None = None
    """The school calendar where it differs from the shipped one: school-year, terms, seasons, assessments."""
    status_scale: StatusScaleSettings | None = None
    """The school's own status levels and thresholds, replacing on track / at risk / off track."""
    render: RenderSettings | None = None
    """How `sip render` dresses documents: prepared-by, logo and colours for the title page and headings."""
    include: list[str] | None = None
    """The files a folder walk reads, as gitignore-style patterns relative to this file's folder (default: *.yaml and *.yml)."""
    exclude: list[str] = Field(default_factory=list)
    """Files and folders a folder walk passes over, as gitignore-style patterns relative to this file's folder, e.g. drafts/ or **/old-*.yaml."""
    respect_gitignore: bool = True
    """Pass over what the repository's .gitignore files ignore when walking folders."""


def find_config(start: Path) -> Path | None:
    """Return the nearest configuration from ``start``'s folder up to the repository root.

    In each folder: ``.sip.yaml`` (or ``.sip.yml``), else a ``pyproject.toml`` that has a
    ``[tool.sip]`` table (one without it is passed over, as ruff does).
    """
    folder = start.resolve() if start.is_dir() else start.resolve().parent
    for candidate in (folder, *folder.parents):
        found = _config_in(candidate)
        if found is not None:
            return found
        if (candidate / ".git").exists():
            return None
    return None


def _config_in(folder: Path) -> Path | None:
    for name in CONFIG_NAMES:
        if (folder / name).is_file():
            return folder / name
    pyproject = folder / PYPROJECT
    return pyproject if has_tool_sip(pyproject) else None


def has_tool_sip(pyproject: Path) -> bool:
    """Return True when ``pyproject`` is a file with a ``[tool.sip]`` table."""
    try:
        status = pyproject.stat()
    except OSError:
        return False
    return _has_tool_sip(pyproject, status.st_mtime_ns, status.st_size)


@cache
def _has_tool_sip(pyproject: Path, mtime_ns: int, size: int) -> bool:
    # Cached until the file changes: every plan's configuration search passes by it.
    try:
        text = read_whole(pyproject, DEFAULT_MAX_BYTES).decode("utf-8", errors="replace")
    except SipError:
        return False  # not a regular file, unreadable or huge: not sip's configuration
    return _TOOL_SIP.search(text) is not None


def ignored_config(config: Path) -> Path | None:
    """Return the ``pyproject.toml`` with ``[tool.sip]`` that ``config`` (a .sip.yaml) overrides."""
    if config.name == PYPROJECT:
        return None
    pyproject = config.parent / PYPROJECT
    return pyproject if has_tool_sip(pyproject) else None


def config_path_for(plan: Path, config: Path | None = None) -> Path | None:
    """Return the configuration file that applies to ``plan`` (``config`` when given), resolved."""
    path = config if config is not None else find_config(plan)
    return path.resolve() if path else None


def reference_path(config: Path | None, data: ConfigFile) -> Path | None:
    """Return the reference facts file the configuration names, relative to its folder."""
    if not data.reference:
        return None
    candidate = Path(data.reference)
    return candidate if candidate.is_absolute() or config is None else config.parent / candidate


def calendar_settings_for(plan: Path, config: Path | None = None) -> CalendarSettings | None:
    """Return the ``calendar:`` settings that apply to ``plan`` (None: the shipped calendar).

    Raises:
        SipError: when the configuration file is invalid.
    """
    data, _ = read_config(config_path_for(plan, config))
    return data.calendar


def render_look_for(plan: Path, config: Path | None = None) -> RenderLook:
    """Return the ``render:`` settings that apply to ``plan``, with the logo read from disk.

    Raises:
        SipError: when the configuration is invalid, or its logo is missing, unreadable, too
            large or not a PNG or JPEG file (said at the logo's line).
    """
    path = config_path_for(plan, config)
    data, document = read_config(path)
    settings = data.render
    if settings is None:
        return RenderLook()
    logo = None
    if settings.logo is not None and path is not None and document is not None:
        logo = _read_logo(path, document, settings.logo)
    colours = settings.colours or Colours()
    return RenderLook(settings.prepared_by, logo, colours.primary, colours.accent)


def _read_logo(config: Path, document: Document, name: str) -> Logo:
    """Read the logo the configuration names, relative to its folder, and check it."""
    where = locate(document.data, ("render", "logo"))
    prefix = f"{config}:{where.line}:{where.column}: render.logo:"
    target = Path(name) if Path(name).is_absolute() else config.parent / name
    try:
        with target.open("rb") as handle:
            data = handle.read(MAX_LOGO_BYTES + 1)
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else error.strerror
        raise SipError(
            f"{prefix} cannot read the logo '{name}' ({reason or error}): give the path of a "
            "PNG or JPEG file, relative to this .sip.yaml"
        ) from error
    if len(data) > MAX_LOGO_BYTES:
        raise SipError(
            f"{prefix} the logo '{name}' is larger than {MAX_LOGO_BYTES // 1_000_000} MB: "
            "save a smaller copy (a title-page logo needs no more than a few hundred pixels)"
        )
    media_type = next((kind for magic, kind in LOGO_TYPES.items() if data.startswith(magic)), None)
    if media_type is None:
        raise SipError(
            f"{prefix} the logo '{name}' is not a PNG or JPEG image: export it as PNG or JPEG"
        )
    return Logo(data, media_type)


def read_config(path: Path | None) -> tuple[ConfigFile, Document | None]:
    """Read and check a configuration file (None: the defaults), with its positions.

    The result is cached until the file changes, so each command reads it once.

    Raises:
        SipError: when the file is missing, not valid YAML, or not a valid configuration.
    """
    if path is None:
        return ConfigFile(), None
    if not path.is_file():
        raise SipError(f"configuration file {path} does not exist")
    status = path.stat()
    return _read_config(path, status.st_mtime_ns, status.st_size)


@cache
def _read_config(path: Path, mtime_ns: int, size: int) -> tuple[ConfigFile, Document]:
    document = _read_toml(path) if path.suffix.lower() == ".toml" else _read_yaml(path)
    try:
        data = ConfigFile.model_validate(document.data)
    except ValidationError as error:
        raise SipError(_config_errors(path, document.data, error)) from error
    return data, document


def _read_yaml(path: Path) -> Document:
    loaded = load_file(path)
    if loaded.document is None:
        d = loaded.diagnostic
        raise SipError(
            f"{d.file}:{d.line}:{d.column}: {d.code} {d.message}" if d else f"cannot read {path}"
        )
    return loaded.document


def _read_toml(path: Path) -> Document:
    """Read the ``[tool.sip]`` table of a pyproject.toml, with the lines of its keys.

    TOML readers keep no positions, so each key's line is found in the text (its table's
    header, then ``key =``); where that fails a message points at the table's header.
    """
    text = read_whole(path, DEFAULT_MAX_BYTES).decode("utf-8", errors="replace")
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SipError(
            f"{path}: not valid TOML: {error}; fix the file and run sip again"
        ) from error
    section = raw.get("tool", {}).get("sip") if isinstance(raw.get("tool"), dict) else None
    if not isinstance(section, dict):
        raise SipError(
            f"{path} has no [tool.sip] table: add one with sip's settings (the keys of "
            ".sip.yaml), or give a .sip.yaml with --config"
        )
    lines = split_lines(text)
    header = _header_line(lines, ("tool", "sip"))
    data = _positioned(section, ("tool", "sip"), lines, header if header is not None else 0)
    return Document(str(path), lines, data)


def _positioned(value: Any, table: tuple[str, ...], lines: list[str], start: int) -> Any:
    """Return ``value`` as ruamel containers carrying the (0-based) lines of their keys."""
    if isinstance(value, list):
        items = CommentedSeq(_positioned(item, table, lines, start) for item in value)
        items._yaml_set_line_col(start, 0)
        return items
    if not isinstance(value, dict):
        return value
    mapping = CommentedMap()
    mapping._yaml_set_line_col(start, 0)
    for key, item in value.items():
        own = _header_line(lines, (*table, key))
        line, column = _key_position(lines, key, start) if own is None else (own, 0)
        mapping[key] = _positioned(item, (*table, key), lines, line)
        mapping.lc.add_kv_line_col(key, [line, column, line, column])
    return mapping


def _header_line(lines: list[str], table: tuple[str, ...]) -> int | None:
    names = r"\s*\.\s*".join(rf"(?:{re.escape(n)}|\"{re.escape(n)}\")" for n in table)
    header = re.compile(rf"^\s*\[\s*{names}\s*\]")
    return next((number for number, text in enumerate(lines) if header.match(text)), None)


def _key_position(lines: list[str], key: str, start: int) -> tuple[int, int]:
    pattern = re.compile(rf"^\s*(?:{re.escape(key)}|\"{re.escape(key)}\"|'{re.escape(key)}')\s*=")
    for number in range(start + 1, len(lines)):
        if lines[number].lstrip().startswith("["):
            break  # the next table: the key is written some other way (dotted, inline)
        if pattern.match(lines[number]):
            return number, len(lines[number]) - len(lines[number].lstrip())
    return start, 0


def _config_errors(path: Path, raw: Any, error: ValidationError) -> str:
    lines = [f"invalid configuration in {path}:"]
    for problem in error.errors(include_url=False):
        loc = tuple(problem["loc"])
        where = locate(raw, loc, "key" if problem["type"] == "extra_forbidden" else "value")
        message = str(problem["msg"]).removeprefix("Value error, ")
        if problem["type"] == "extra_forbidden":
            known = [kebab(name) for name in _model_fields_at(loc[:-1])]
            guess = closest(str(loc[-1]), known)
            hint = f"; did you mean '{guess}'?" if guess else f"; allowed keys: {', '.join(known)}"
            message = f"unknown key '{loc[-1]}'{hint}"
        lines.append(f"{path}:{where.line}:{where.column}: {format_plan_path(loc)}: {message}")
    return "\n".join(lines)


def _model_fields_at(loc: Sequence[Any]) -> list[str]:
    if len(loc) >= 2 and loc[0] == "rules":
        return list(RuleSetting.model_fields)
    if loc[:1] == ("status-scale",):
        return list(ScaleLevel.model_fields if len(loc) >= 3 else StatusScaleSettings.model_fields)
    if loc[:1] == ("render",):
        return list(Colours.model_fields if len(loc) >= 3 else RenderSettings.model_fields)
    if loc[:1] == ("calendar",):
        return list(_calendar_model_at(tuple(loc[1:])).model_fields)
    return list(ConfigFile.model_fields)


def _calendar_model_at(inner: tuple[Any, ...]) -> type[BaseModel]:
    """The calendar settings model of the section at ``calendar.<inner>``."""
    if inner[:1] in (("terms",), ("seasons",)) and len(inner) == 2:
        return Span
    if inner[:1] == ("assessments",):
        return Window if len(inner) == 4 else Assessment
    return CalendarSettings
