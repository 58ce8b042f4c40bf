"""The preview's HTTP server (stdlib, 127.0.0.1 only) and the watcher that rereads the plan.

Only the plan's own pages are served: ``/`` (the report asked for), ``/plan``, ``/progress``
and ``/summary``, and ``/events``, the Server-Sent Events stream that tells a page to
reload. Every other path is 404 (no files, no listing, no ``..``), only GET and HEAD are
answered, and a request naming another host than the loopback one is refused, so a web
page elsewhere cannot read the plan through a DNS name pointed at 127.0.0.1.
"""

from __future__ import annotations

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from sipcli.errors import SipError
from sipcli.serve.site import REPORTS, Log, Site

#: The only interface the preview listens on: the plan never leaves the machine.
HOST = "127.0.0.1"
#: How often the watcher looks at the plan file's modification time and size, in seconds.
POLL_SECONDS = 0.3
#: How long an event stream waits between checks that the server is stopping, in seconds.
_EVENT_WAIT = 1.0
#: A comment line on the event stream this often (in waits), so proxies keep it open.
_KEEPALIVE_WAITS = 15
_HEADERS = {
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}


class PreviewServer:
    """The HTTP server of one plan's preview, with its file watcher."""

    def __init__(self, site: Site, port: int, log: Log, poll: float = POLL_SECONDS) -> None:
        """Bind 127.0.0.1:``port`` (0: a free port).

        Raises:
            SipError: when the port cannot be used (taken, or not allowed).
        """
        self.site = site
        self._log = log
        self._poll = poll
        self._stopping = threading.Event()
        self._serving = False
        # Orders serve_forever and close: closed before it serves, it does not start.
        self._state = threading.Lock()
        handler = type("Handler", (_Handler,), {"preview": self})
        try:
            self._http = ThreadingHTTPServer((HOST, port), handler)
        except OSError as error:
            raise SipError(
                f"cannot listen on {HOST}:{port} ({error.strerror or error}); the port may be "
                "in use: choose another with --port, or --port 0 for a free one"
            ) from error
        self._http.daemon_threads = True
        self._watcher = threading.Thread(target=self._watch, name="sip-serve-watch", daemon=True)

    @property
    def port(self) -> int:
        """The port listened on (the one chosen when asked for port 0)."""
        return int(self._http.server_address[1])

    @property
    def url(self) -> str:
        """The address to open in a browser."""
        return f"http://{HOST}:{self.port}/"

    @property
    def stopping(self) -> bool:
        """Whether `close` was called; event streams end when it is."""
        return self._stopping.is_set()

    def serve_forever(self) -> None:
        """Read the plan, start watching it, and answer requests until `close`."""
        self.site.refresh()
        self._watcher.start()
        with self._state:
            if self._stopping.is_set():
                return
            self._serving = True
        self._http.serve_forever(poll_interval=0.2)

    def close(self) -> None:
        """Stop answering and watching; safe to call from another thread."""
        with self._state:
            self._stopping.set()
            serving = self._serving
        if serving:
            # shutdown() waits for serve_forever to return, so only once it was called.
            self._http.shutdown()
        self._http.server_close()

    def log(self, message: str) -> None:
        """Pass a log line to the command's callback."""
        self._log(message)

    def _watch(self) -> None:
        """Reread the plan whenever its file changes, until the server stops."""
        while not self._stopping.wait(self._poll):
            try:
                self.site.refresh()
            except Exception as error:  # the watcher must outlive one bad read
                self._log(f"Could not read {self.site.path}: {type(error).__name__}: {error}")


class _Handler(BaseHTTPRequestHandler):
    """Answers GET and HEAD for the plan's pages and its event stream; nothing else."""

    preview: PreviewServer
    server_version = "sip-serve"
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # the name http.server calls
        """Send a page, or the event stream."""
        self._answer(body=True)

    def do_HEAD(self) -> None:
        """Send a page's headers only."""
        self._answer(body=False)

    def _refuse_method(self) -> None:
        self._send(
            HTTPStatus.METHOD_NOT_ALLOWED,
            b"Only GET and HEAD are answered.\n",
            body=True,
            allow="GET, HEAD",
        )

    do_POST = do_PUT = do_DELETE = do_PATCH = do_OPTIONS = _refuse_method

    def _answer(self, *, body: bool) -> None:
        """Route the request: a page, the events, or 404."""
        if not self._host_is_loopback():
            self._send(
                HTTPStatus.MISDIRECTED_REQUEST, b"This preview answers only 127.0.0.1.\n", body=body
            )
            return
        path = urlsplit(self.path).path
        if path == "/events" and body:
            self._events()
            return
        report = self.preview.site.options.report if path == "/" else path[1:]
        if report not in REPORTS or path not in ("/", f"/{report}"):
            self._send(
                HTTPStatus.NOT_FOUND,
                b"Not found: this preview serves only the plan's pages.\n",
                body=body,
            )
            return
        try:
            page = self.preview.site.page(report)
        except Exception as error:  # one failed page must not stop the preview
            self.preview.log(f"Could not make the {report} page: {type(error).__name__}: {error}")
            message = f"sip could not make this page ({type(error).__name__}: {error}).\n"
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, message.encode("utf-8"), body=body)
            return
        self._send(HTTPStatus.OK, page, body=body, content_type="text/html; charset=utf-8")

    def _host_is_loopback(self) -> bool:
        """Whether the Host header (when sent) names this machine's loopback address."""
        host = self.headers.get("Host")
        if host is None:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        return name.lower() in {HOST, "localhost", "[::1]"}

    def _send(
        self,
        status: HTTPStatus,
        content: bytes,
        *,
        body: bool,
        content_type: str = "text/plain; charset=utf-8",
        allow: str = "",
    ) -> None:
        """Send a whole response."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(content)))
        if allow:
            self.send_header("Allow", allow)
        for name, value in _HEADERS.items():
            self.send_header(name, value)
        self.end_headers()
        if body:
            self.wfile.write(content)

    def _events(self) -> None:
        """Stream a ``reload`` event with the plan's generation now and after each change."""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        site = self.preview.site
        generation = site.generation
        try:
            self._event(f"retry: 1000\nevent: reload\ndata: {generation}\n\n")
            waits = 0
            while not self.preview.stopping:
                now = site.wait_for_change(generation, _EVENT_WAIT)
                if now != generation:
                    generation, waits = now, 0
                    self._event(f"event: reload\ndata: {generation}\n\n")
                elif (waits := waits + 1) >= _KEEPALIVE_WAITS:
                    waits = 0
                    self._event(": still here\n\n")
        except (BrokenPipeError, ConnectionResetError):
            return  # the page was closed or reloaded

    def _event(self, text: str) -> None:
        self.wfile.write(text.encode("utf-8"))
        self.wfile.flush()

    def log_message(self, format: str, *args: object) -> None:  # http.server's name
        """Keep the request log quiet; errors only go to the command's log."""

    def log_error(self, format: str, *args: object) -> None:
        """Pass the server's own errors (a malformed request) to the command's log."""
        self.preview.log(format % args)
