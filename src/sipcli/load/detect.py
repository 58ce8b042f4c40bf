"""Tell plans from the other YAML files of a repository (for `--only-plans`, the hooks' option).

pre-commit hands a hook every staged YAML file: workflows, tool configurations, Docker
Compose files. A plan has at least one of the keys the plan format requires at its top
level (``schema_version``, ``school``, ``plan``); a file named in ``data/not_plans.yaml``
(the tools' own files) is never a plan, whatever it holds (a GitLab CI job may be called
``plan``). The test reads the file's text, not its YAML, so a plan with a syntax error is
still taken for a plan and its error reported.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from importlib.resources import files
from pathlib import Path, PurePath

from sipcli.errors import UnreadableFileError
from sipcli.load.bounded import read_bounded
from sipcli.load.limits import DEFAULT_MAX_BYTES

#: A top-level plan key at the start of a line, quoted or not, optionally after a BOM.
_PLAN_KEY = re.compile(
    rb"^(?:\xef\xbb\xbf)?(?P<q>['\"]?)(?:schema_version|school|plan)(?P=q)[ \t]*:(?:[ \t\r]|$)",
    re.MULTILINE,
)


def only_plans(paths: Iterable[Path], *, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Path]:
    """Return the paths in ``paths`` that may be plans (see `may_be_plan`), in their order."""
    return [path for path in paths if may_be_plan(path, max_bytes=max_bytes)]


def may_be_plan(path: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> bool:
    """Return False when ``path`` is surely not a plan: a tool's file, or no plan key.

    A file that cannot be read (missing, a pipe, refused by the system) counts as a plan,
    so that the command reading it says why; a pipe is never read here, so never consumed.
    """
    if is_tool_file(path):
        return False
    try:
        head = read_bounded(path, max_bytes).data
    except UnreadableFileError:
        return True
    return _PLAN_KEY.search(head) is not None


def text_may_be_plan(path: PurePath, data: bytes) -> bool:
    """Return False when ``data``, the text of ``path``, is surely not a plan (see `may_be_plan`).

    For a text held in an editor rather than read from the file.
    """
    return not is_tool_file(path) and _PLAN_KEY.search(data) is not None


def is_tool_file(path: PurePath) -> bool:
    """Return True when ``path`` is a tool's configuration file named in ``not_plans.yaml``."""
    return any(path.match(pattern) for pattern in tool_file_patterns())


@cache
def tool_file_patterns() -> tuple[str, ...]:
    """Return the patterns of ``sipcli/data/not_plans.yaml``, read once."""
    from ruamel.yaml import YAML  # noqa: PLC0415 - read only with --only-plans

    text = files("sipcli").joinpath("data").joinpath("not_plans.yaml").read_text(encoding="utf-8")
    return tuple(str(pattern) for pattern in YAML(typ="safe").load(text)["patterns"])
