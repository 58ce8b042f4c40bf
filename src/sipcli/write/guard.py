"""The one output-path guard: sip never writes over a plan it did not mean to rewrite.

Every command that writes a report, a rendered document or a schema asks here first. A
target is refused when it is one of the files being read, when an earlier output of the
same run already went there (two plans named ``plan.yaml`` in different folders render to
the same ``plan.md``), or when it already holds a plan. Only `sip fmt` and
`sip progress-import` rewrite a plan, and they do it on purpose.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from sipcli.errors import SipError

#: The first key of every plan, at the start of a line.
_PLAN_MARKER = re.compile(rb"^schema_version\s*:", re.MULTILINE)
#: Enough of a file to find that key: plans open with it, after a modeline and comments.
_SNIFF_BYTES = 64 * 1024


class OutputRefused(SipError):
    """Writing to a target would destroy a plan or an output written earlier in the run."""


class OutputGuard:
    """Checks each output path of a run against the inputs and the outputs before it."""

    def __init__(self, inputs: Iterable[Path] = ()) -> None:
        self._inputs = {_key(path): path for path in inputs}
        self._claimed: dict[Path, str] = {}

    def claim(self, target: Path, *, what: str, source: str | None = None) -> None:
        """Reserve ``target`` for one output, named ``what`` in messages (e.g. "--output-file").

        ``source`` names the input the output comes from, for the collision message.

        Raises:
            OutputRefused: when the target is an input, already claimed, or holds a plan.
        """
        key = _key(target)
        if key in self._inputs:
            raise OutputRefused(
                f"{what} {target} is one of the plans being read; writing there would replace "
                "the plan. Choose another file name."
            )
        if key in self._claimed:
            earlier = self._claimed[key]
            raise OutputRefused(
                f"{target} would be written twice: for {earlier} and for {source or what}; "
                "the second would replace the first. Give the plans different names, or "
                "render them one at a time with -o."
            )
        if holds_a_plan(target):
            raise OutputRefused(
                f"{what} {target} holds a plan; writing there would replace it. Choose another "
                "file name."
            )
        self._claimed[key] = source or what


def holds_a_plan(path: Path) -> bool:
    """Return True when ``path`` is an existing file that starts like a plan."""
    if not path.is_file():  # a pipe or device is never opened: that could block
        return False
    try:
        with path.open("rb") as stream:
            head = stream.read(_SNIFF_BYTES)
    except OSError:
        return False
    return bool(_PLAN_MARKER.search(head))


def _key(path: Path) -> Path:
    # Resolved, so that ./a/../plan.yaml and plan.yaml are the same file; a link resolves
    # to the file it points to, which is the one that would be replaced.
    return path.resolve()
