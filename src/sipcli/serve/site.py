"""The preview's state: the plan as last read, its findings, and each report's last good page.

`Site.refresh` rereads the plan when the file changed (its modification time or size) and
checks it as `sip lint` does; each report is rendered as `sip render --to html` renders it,
when first asked for after a change. A plan that does not validate, or a render that fails,
keeps the last good page of that report, shown with a banner giving the findings.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from sipcli.diagnostics import Diagnostic, FileResult
from sipcli.errors import SipError
from sipcli.lint.engine import lint_plan
from sipcli.lint.settings import settings_for
from sipcli.load.limits import DEFAULT_MAX_BYTES
from sipcli.render.run import RenderOptions, render_plan
from sipcli.serve.anchors import anchor_for, page_ids
from sipcli.serve.page import Finding, PageState, compose
from sipcli.validate.plans import PlanFile, read_plans

#: The reports a preview shows, each at its own address; the one asked for is also at ``/``.
REPORTS = ("plan", "progress", "summary")
#: How long a changed file must stay the same before it is read: longer than an editor takes
#: between truncating a file and writing it out, too short for a person to notice.
SETTLE_SECONDS = 0.05

#: Where the server's log lines go (the command prints them; the core never does).
Log = Callable[[str], None]


@dataclass(frozen=True)
class ServeOptions:
    """What the preview shows."""

    report: str = "plan"
    """The report at ``/``: plan, progress or summary."""
    as_of: dt.date | str | None = None
    """When the progress and summary reports judge progress (None: today, at each render)."""
    max_bytes: int = DEFAULT_MAX_BYTES


@dataclass(frozen=True)
class Reading:
    """One reading of the plan file: what was found, and the plan when it validated."""

    generation: int
    source: PlanFile | None
    diagnostics: tuple[Diagnostic, ...] = ()
    problem: str = ""
    """Why the file could not be checked at all (unreadable, a bad .sip.yaml), else empty."""
    when: str = ""
    """The time of the reading, HH:MM:SS, shown in the banner."""


@dataclass
class _Good:
    """A report's last good page: its HTML and when the plan it shows was read."""

    html: str
    when: str


@dataclass
class _Pages:
    """The pages made from the current reading, and each report's last good one."""

    current: dict[str, bytes] = field(default_factory=dict)
    good: dict[str, _Good] = field(default_factory=dict)


class Site:
    """The plan file served: reread on change, checked, and rendered report by report."""

    def __init__(self, path: Path, options: ServeOptions, log: Log) -> None:
        """Serve ``path`` with ``options``; ``log`` receives a line per rebuild or problem."""
        self.path = path
        self.options = options
        self._log = log
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._stamp: tuple[int, int] | None = None
        self._reading = Reading(0, None)
        self._pages = _Pages()

    @property
    def generation(self) -> int:
        """How many times the plan has been read; a page records the one it was made from."""
        return self._reading.generation

    def refresh(self) -> bool:
        """Reread and check the plan when its file changed; return whether it did.

        A file still being written (an editor truncates it, then writes) is read only once it
        has stayed the same for `SETTLE_SECONDS` and through the reading, so a half-written
        save never shows as an empty plan.
        """
        stamp = self._stamp_now()
        first = not self._reading.generation
        if stamp == self._stamp and not first:
            return False
        if not first and not self._settled(stamp):
            return False  # still changing: the next look reads it whole
        reading = self._read(self._reading.generation + 1)
        if not first and self._stamp_now() != stamp:
            return False  # written again while it was read
        with self._lock:
            self._stamp = stamp
            self._reading = reading
            self._pages.current.clear()
            self._changed.notify_all()
        count = len(self._reading.diagnostics)
        state = self._reading.problem or f"{count} finding{'' if count == 1 else 's'}"
        self._log(f"Read {self.path} ({state})")
        return True

    def wait_for_change(self, generation: int, timeout: float) -> int:
        """Block until the plan is read again after ``generation`` (or ``timeout`` seconds)."""
        with self._changed:
            self._changed.wait_for(lambda: self.generation != generation, timeout)
            return self.generation

    def page(self, report: str) -> bytes:
        """Return the page of ``report`` for the current reading, rendering it if needed."""
        with self._lock:
            made = self._pages.current.get(report)
            if made is None:
                made = self._make(report).encode("utf-8")
                self._pages.current[report] = made
            return made

    def _settled(self, stamp: tuple[int, int] | None) -> bool:
        """Whether the file is as ``stamp`` says after a moment: no write is under way."""
        time.sleep(SETTLE_SECONDS)
        return self._stamp_now() == stamp

    def _stamp_now(self) -> tuple[int, int] | None:
        """The file's modification time and size, None when it cannot be seen."""
        try:
            status = self.path.stat()
        except OSError:
            return None
        return status.st_mtime_ns, status.st_size

    def _read(self, generation: int) -> Reading:
        """Read, validate and lint the plan as `sip lint` does (its .sip.yaml applies)."""
        when = dt.datetime.now().strftime("%H:%M:%S")
        try:
            source = next(iter(read_plans([self.path], max_bytes=self.options.max_bytes)))
            found: FileResult = lint_plan(source, settings_for(self.path))
        except SipError as error:
            return Reading(generation, None, problem=str(error), when=when)
        return Reading(generation, source, tuple(found.diagnostics), when=when)

    def _make(self, report: str) -> str:
        """Render ``report`` (or fall back to its last good page) and compose the page."""
        reading = self._reading
        rendered, problem = None, reading.problem
        if reading.source is not None and reading.source.plan is not None:
            rendered, problem = self._render(reading.source, report)
        if rendered is not None:
            self._pages.good[report] = _Good(rendered, reading.when)
        good = self._pages.good.get(report)
        body = good.html if good is not None else None
        data = reading.source.document.data if reading.source and reading.source.document else None
        ids = page_ids(body) if body is not None else frozenset()
        findings = tuple(Finding(d, anchor_for(d, data, ids)) for d in reading.diagnostics)
        state = PageState(
            file=self.path.name,
            report=report,
            reports=REPORTS,
            generation=reading.generation,
            findings=findings,
            stale=rendered is None,
            problem=problem,
            shown_from=good.when if good is not None and rendered is None else "",
        )
        return compose(body, state)

    def _render(self, source: PlanFile, report: str) -> tuple[str | None, str]:
        """The report as `sip render --to html` makes it, or None and why it could not be."""
        assert source.plan is not None
        options = RenderOptions(
            formats=("html",),
            report=report,
            as_of=self.options.as_of,
            max_bytes=self.options.max_bytes,
        )
        try:
            output = render_plan(source.plan, source, options)[0]
        except SipError as error:
            self._log(f"Could not render the {report} report: {error}")
            return None, str(error)
        except Exception as error:  # a preview outlives a bug in one render
            self._log(f"Could not render the {report} report: {type(error).__name__}: {error}")
            return None, (
                f"sip could not render the {report} report ({type(error).__name__}: {error}). "
                "This is a problem in sip, not in the plan: please report it."
            )
        return output.content.decode("utf-8"), ""
