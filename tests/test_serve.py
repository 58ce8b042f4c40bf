"""`sip serve`: the preview served over HTTP on loopback, reloaded when the plan is saved.

The server runs in a thread on a free port (``--port 0``) and pages are fetched with urllib
and http.client, as a browser would; one test loads the page in headless Chromium (driven
over the DevTools protocol on a pipe) and sees an edit appear without reloading it itself.
"""

from __future__ import annotations

import contextlib
import fcntl
import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sipcli.lint.engine import lint_files
from sipcli.render.run import RenderOptions, render_files
from sipcli.serve.server import PreviewServer
from sipcli.serve.site import ServeOptions, Site

from .conftest import EXAMPLES, needs_chromium

FLAWED = EXAMPLES / "flawed"
MIDDLE = EXAMPLES / "middle.yaml"
#: How long a test waits for the server to notice a save before it gives up (a bound on the
#: wait, not a timed assertion: the server normally notices within one poll).
PATIENCE = 30.0


@dataclass
class Served:
    """A running preview: the plan file it serves, its address and its log."""

    plan: Path
    server: PreviewServer
    logs: list[str] = field(default_factory=list)

    @property
    def url(self) -> str:
        return self.server.url

    def fetch(self, path: str = "/") -> tuple[int, str]:
        """GET ``path`` exactly as written (no normalising), return status and text."""
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30)
        try:
            connection.request("GET", path)
            response = connection.getresponse()
            return response.status, response.read().decode("utf-8")
        finally:
            connection.close()

    def save(self, text: str) -> None:
        """Write the plan and wait until the server has read this version."""
        before = self.server.site.generation
        self.plan.write_text(text, encoding="utf-8")
        # The size may be unchanged and the mtime within the file system's resolution of the
        # last write: move the mtime on, as a later save would.
        stamp = time.time_ns() + 1_000_000_000 * (before + 1)
        os.utime(self.plan, ns=(stamp, stamp))
        wait_until(lambda: self.server.site.generation > before)


def wait_until(condition: Callable[[], bool], what: str = "the server to read the plan") -> None:
    """Poll ``condition`` until it holds, failing after `PATIENCE` seconds."""
    deadline = time.monotonic() + PATIENCE
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"gave up waiting for {what}")
        time.sleep(0.05)


def start(plan: Path, options: ServeOptions | None = None) -> Iterator[Served]:
    """Run a preview of ``plan`` on a free loopback port until the test ends."""
    logs: list[str] = []
    site = Site(plan, options or ServeOptions(), logs.append)
    server = PreviewServer(site, 0, logs.append, poll=0.05)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    wait_until(lambda: site.generation > 0)
    try:
        yield Served(plan, server, logs)
    finally:
        server.close()
        thread.join(timeout=PATIENCE)
        assert not thread.is_alive()


def copy_plan(tmp_path: Path, source: Path) -> Path:
    """A copy of an example plan (with its folder's .sip.yaml, when it has one)."""
    if source.name == "plan.yaml":
        shutil.copytree(source.parent, tmp_path / source.parent.name)
        return tmp_path / source.parent.name / "plan.yaml"
    target = tmp_path / source.name
    shutil.copy(source, target)
    return target


@pytest.fixture
def middle(tmp_path: Path) -> Iterator[Served]:
    yield from start(copy_plan(tmp_path, MIDDLE))


@pytest.fixture
def flawed(tmp_path: Path) -> Iterator[Served]:
    yield from start(copy_plan(tmp_path, FLAWED / "plan.yaml"))


def without_preview(page: str) -> str:
    """The page with what `sip serve` adds taken out: the report as `sip render` wrote it."""
    page = re.sub(r'<style id="sip-serve-style">.*?</style>\n', "", page, flags=re.S)
    page = re.sub(r'<aside id="sip-serve".*?</aside>\n', "", page, flags=re.S)
    page = re.sub(r'\n<div id="sip-banner".*?</div>\n', "", page, flags=re.S)
    return re.sub(r'<script id="sip-serve-script">.*?</script>\n', "", page, flags=re.S)


def rendered(tmp_path: Path, plan: Path, report: str = "plan") -> str:
    """What `sip render --to html` writes for ``plan``."""
    out = tmp_path / "rendered"
    options = RenderOptions(formats=("html",), output=out, output_is_folder=True, report=report)
    run = render_files([plan], options)
    return run.written[-1].read_text(encoding="utf-8")


def panel(page: str) -> str:
    match = re.search(r'<aside id="sip-serve".*?</aside>', page, flags=re.S)
    assert match is not None, "the page has no findings panel"
    return match.group(0)


# --- the pages ----------------------------------------------------------------------------


def test_the_page_is_the_html_render_with_the_panel_added(middle: Served, tmp_path: Path) -> None:
    status, page = middle.fetch("/")
    assert status == 200
    assert without_preview(page) == rendered(tmp_path, middle.plan)
    assert middle.fetch("/plan") == (200, page)
    assert "No findings in middle.yaml" in panel(page)
    assert 'new EventSource("/events")' in page


def test_the_panel_lists_what_lint_finds_each_linked_to_its_place(flawed: Served) -> None:
    status, page = flawed.fetch("/")
    assert status == 200
    expected = lint_files([flawed.plan]).diagnostics
    assert expected, "the flawed example should have findings"
    listed = re.findall(r'<li class="(\w+)"><span class="where">(.*?)</span>', panel(page))
    assert len(listed) == len(expected)
    ids = set(re.findall(r'\bid="([^"]+)"', without_preview(page)))
    for (severity, where), diagnostic in zip(listed, expected, strict=True):
        assert severity == diagnostic.severity.value
        assert f"plan.yaml:{diagnostic.line}:{diagnostic.column}" in where
        link = re.search(r'href="#([^"]+)"', where)
        if link is not None:
            assert link.group(1) in ids, where
    # A finding about challenge C2 links to C2's row in the assessment's table.
    c2 = next(d for d in expected if "Challenge C2" in d.message)
    assert f'<a href="#C2">plan.yaml:{c2.line}:{c2.column}</a>' in page
    assert re.search(r'<tr id="C2">', page)


def test_the_progress_and_summary_views(middle: Served, tmp_path: Path) -> None:
    status, progress = middle.fetch("/progress")
    assert status == 200
    assert without_preview(progress) == rendered(tmp_path, middle.plan, "progress")
    assert 'src="data:image/svg+xml;base64,' in progress, "the charts are embedded"
    status, summary = middle.fetch("/summary")
    assert status == 200
    assert without_preview(summary) == rendered(tmp_path, middle.plan, "summary")
    assert '<a href="/summary" aria-current="page">' in summary


def test_report_summary_is_the_page_at_the_root(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, MIDDLE)
    for served in start(plan, ServeOptions(report="summary")):
        assert served.fetch("/") == served.fetch("/summary")


@pytest.mark.parametrize(
    "path",
    [
        "/etc/passwd",
        "/../pyproject.toml",
        "/%2e%2e/pyproject.toml",
        "/%2E%2E%2Fpyproject.toml",
        "/..%2f..%2fetc%2fpasswd",
        "//etc/passwd",
        "/middle.yaml",
        "/plan/",
        "/plan/../summary",
        "/favicon.ico",
    ],
)
def test_nothing_else_is_served(middle: Served, path: str) -> None:
    status, text = middle.fetch(path)
    assert status == 404
    assert "only the plan's pages" in text
    assert "schema_version" not in text


def test_only_get_and_head_and_only_for_the_loopback_host(middle: Served) -> None:
    request = urllib.request.Request(middle.url, data=b"x", method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=30)
    assert refused.value.code == 405
    head = urllib.request.Request(middle.url, method="HEAD")
    with urllib.request.urlopen(head, timeout=30) as response:
        assert response.status == 200
        assert int(response.headers["Content-Length"]) > 1000
        assert response.read() == b""
    elsewhere = urllib.request.Request(middle.url, headers={"Host": "plans.example.org"})
    with pytest.raises(urllib.error.HTTPError) as misdirected:
        urllib.request.urlopen(elsewhere, timeout=30)
    assert misdirected.value.code == 421


def test_it_listens_on_loopback_only(middle: Served) -> None:
    assert middle.server.url.startswith("http://127.0.0.1:")
    assert middle.server._http.server_address[0] == "127.0.0.1"


# --- reloading on save ----------------------------------------------------------------------


def test_a_saved_edit_shows_in_the_next_fetch(middle: Served) -> None:
    text = middle.plan.read_text(encoding="utf-8")
    _, before = middle.fetch("/")
    assert "Lighthouse Point Middle School" not in before
    school = re.search(r"^  name: (.+)$", text, flags=re.M)
    assert school is not None
    middle.save(text.replace(school.group(0), "  name: Lighthouse Point Middle School", 1))
    _, after = middle.fetch("/")
    assert "Lighthouse Point Middle School" in after
    assert 'id="sip-banner"' not in after


def test_an_invalid_edit_keeps_the_last_good_page_with_a_banner(middle: Served) -> None:
    text = middle.plan.read_text(encoding="utf-8")
    _, good = middle.fetch("/")
    middle.save(text.replace("schema_version: 1", "schema_version: 1\nschool: [unclosed", 1))
    status, page = middle.fetch("/")
    assert status == 200
    banner = re.search(r'<div id="sip-banner" role="alert">(.*?)</div>', page, flags=re.S)
    assert banner is not None
    assert "middle.yaml does not validate as saved" in banner.group(1)
    assert "the last version that did" in banner.group(1)
    assert re.search(r"middle\.yaml:\d+:\d+: ", banner.group(1)), "the error's place"
    assert "Traceback" not in page
    # The report itself is the last good one.
    assert without_preview(page) == without_preview(good)
    # Fixed again: the banner goes.
    middle.save(text)
    _, fixed = middle.fetch("/")
    assert 'id="sip-banner"' not in fixed


def test_a_plan_invalid_from_the_start_shows_the_banner_and_findings(tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\nschool:\n  name: 42\n", encoding="utf-8")
    for served in start(plan):
        status, page = served.fetch("/")
        assert status == 200
        assert "No version of it has rendered since sip serve started" in page
        assert re.search(r'<li class="error"><span class="where">.*?plan\.yaml:\d+:\d+', page)


def test_a_deleted_plan_keeps_the_server_running(middle: Served) -> None:
    before = middle.server.site.generation
    middle.plan.unlink()
    wait_until(lambda: middle.server.site.generation > before)
    status, page = middle.fetch("/")
    assert status == 200
    assert "sip could not show middle.yaml as saved" in page
    assert "<main>" in page, "the last good page is still shown"


def test_a_failing_render_keeps_the_server_running(
    middle: Served, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("a bug in a renderer")

    monkeypatch.setattr("sipcli.serve.site.render_plan", broken)
    middle.save(middle.plan.read_text(encoding="utf-8") + "\n")
    status, page = middle.fetch("/")
    assert status == 200
    assert "This is a problem in sip, not in the plan" in page
    assert "Traceback" not in page
    assert any("a bug in a renderer" in line for line in middle.logs)


def test_the_event_stream_announces_each_new_reading(middle: Served) -> None:
    with urllib.request.urlopen(middle.url + "events", timeout=30) as stream:
        assert stream.headers["Content-Type"].startswith("text/event-stream")
        first = read_event(stream)
        assert first == str(middle.server.site.generation)
        middle.save(middle.plan.read_text(encoding="utf-8") + "\n# saved again\n")
        assert read_event(stream) == str(middle.server.site.generation)
        assert int(first) < middle.server.site.generation


def read_event(stream: object) -> str:
    """The data of the next ``reload`` event on an event stream."""
    event = ""
    while True:
        line = stream.readline().decode("utf-8")  # type: ignore[attr-defined]
        if line.startswith("event: "):
            event = line[7:].strip()
        elif line.startswith("data: ") and event == "reload":
            return line[6:].strip()


# --- the command ------------------------------------------------------------------------------


def test_the_command_refuses_what_it_cannot_serve(run_sip, tmp_path: Path) -> None:
    missing = run_sip("serve", tmp_path / "missing.yaml", "--port", "0")
    assert missing.exit_code == 2
    assert "no such plan file" in missing.stderr
    unknown = run_sip("serve", MIDDLE, "--report", "budget", "--port", "0")
    assert unknown.exit_code == 2
    assert "use plan, progress or summary" in unknown.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        busy = run_sip("serve", MIDDLE, "--port", str(port))
    assert busy.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert "--port 0" in busy.stderr


def test_the_command_says_where_and_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    plan = copy_plan(tmp_path, MIDDLE)
    command = [sys.executable, "-m", "sipcli", "serve", str(plan), "--port", "0"]
    with subprocess.Popen(
        command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    ) as process:
        try:
            assert process.stderr is not None
            line = process.stderr.readline()
            match = re.fullmatch(
                rf"Serving {re.escape(str(plan))} at (http://127\.0\.0\.1:\d+/) \(Ctrl\+C to stop\)\n",
                line,
            )
            assert match is not None, line
            with urllib.request.urlopen(match.group(1), timeout=60) as response:
                assert response.status == 200
            process.send_signal(signal.SIGINT)
            assert process.wait(timeout=60) == 0
            assert "Traceback" not in process.stderr.read()
        finally:
            if process.poll() is None:
                process.kill()


# --- in a browser -------------------------------------------------------------------------------


#: Puts the pipe ends named by the first two arguments at fds 3 and 4, then runs the rest.
_AT_FDS_3_AND_4 = (
    "import os, sys; read, write = int(sys.argv[1]), int(sys.argv[2]); "
    "os.dup2(read, 3); os.dup2(write, 4); os.close(read); os.close(write); "
    "os.execvp(sys.argv[3], sys.argv[3:])"
)
CHROMIUM_ARGS = (
    "chromium",
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--remote-debugging-pipe",
)


class DevTools:
    """Headless Chromium driven over the DevTools protocol on a pipe (fds 3 and 4)."""

    def __init__(self, profile: Path) -> None:
        read_end, self._to_chromium = os.pipe()
        self._from_chromium, write_end = os.pipe()
        # Chromium reads commands on fd 3 and writes answers on fd 4. The ends are first moved
        # above 9, so that putting them at 3 and 4 cannot overwrite one with the other, and a
        # small Python step puts them there and starts Chromium (a preexec_fn would run in a
        # child forked from a process with threads: the server's).
        high_read = fcntl.fcntl(read_end, fcntl.F_DUPFD_CLOEXEC, 10)
        high_write = fcntl.fcntl(write_end, fcntl.F_DUPFD_CLOEXEC, 10)
        os.close(read_end)
        os.close(write_end)
        self._process = subprocess.Popen(
            [
                sys.executable,
                "-c",
                _AT_FDS_3_AND_4,
                str(high_read),
                str(high_write),
                *CHROMIUM_ARGS,
                f"--user-data-dir={profile}",
                "about:blank",
            ],
            pass_fds=(high_read, high_write),
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(high_read)
        os.close(high_write)
        self._buffer = b""
        self._next_id = 0
        self.session = ""

    def call(self, method: str, session: str = "", **params: object) -> dict[str, object]:
        """Send a command and return its result (events met on the way are dropped)."""
        self._next_id += 1
        message: dict[str, object] = {"id": self._next_id, "method": method, "params": params}
        if session:
            message["sessionId"] = session
        os.write(self._to_chromium, json.dumps(message).encode("utf-8") + b"\0")
        while True:
            answer = self._read()
            if answer.get("id") == self._next_id:
                if "error" in answer:
                    raise RuntimeError(f"{method}: {answer['error']}")
                result = answer.get("result", {})
                assert isinstance(result, dict)
                return result

    def _read(self) -> dict[str, object]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chromium, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        loaded = json.loads(message)
        assert isinstance(loaded, dict)
        return loaded

    def open(self, url: str) -> str:
        """Open ``url`` in a new tab; return the session that talks to it."""
        target = self.call("Target.createTarget", url=url)["targetId"]
        session = self.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
        assert isinstance(session, str)
        self.call("Runtime.enable", session)
        return session

    def evaluate(self, session: str, expression: str) -> object:
        """The value of a JavaScript expression in the tab."""
        result = self.call("Runtime.evaluate", session, expression=expression, returnByValue=True)
        value = result.get("result", {})
        assert isinstance(value, dict)
        return value.get("value")

    def text(self, session: str) -> str:
        """The text the tab shows; empty while a page is loading (its context is gone)."""
        try:
            return str(self.evaluate(session, "document.body ? document.body.innerText : ''"))
        except RuntimeError:
            return ""

    def close(self) -> None:
        with contextlib.suppress(RuntimeError, OSError):
            self.call("Browser.close")
        try:
            self._process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        os.close(self._to_chromium)
        os.close(self._from_chromium)


@needs_chromium
def test_an_edit_appears_in_the_open_page_without_a_reload(middle: Served, tmp_path: Path) -> None:
    browser = DevTools(tmp_path / "chromium")
    try:
        tab = browser.open(middle.url)
        wait_until(lambda: "findings in" in browser.text(tab), "the page to load in Chromium")
        # A mark on the window: a reload by the page's own script clears it, a reload by this
        # test is not done; so the change must come from the page itself.
        browser.evaluate(tab, "window.loadedOnce = true")
        assert "Lighthouse Point Middle School" not in browser.text(tab)
        text = middle.plan.read_text(encoding="utf-8")
        school = re.search(r"^  name: (.+)$", text, flags=re.M)
        assert school is not None
        middle.save(text.replace(school.group(0), "  name: Lighthouse Point Middle School", 1))
        wait_until(
            lambda: "Lighthouse Point Middle School" in browser.text(tab),
            "the edit to appear in the page",
        )
        assert browser.evaluate(tab, "window.loadedOnce === undefined") is True
    finally:
        browser.close()
