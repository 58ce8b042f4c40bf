"""A real LSP client (pygls's) driving `python -m sipcli lsp` over stdio, for tests and benchmarks.

The client runs on an event loop of its own in a background thread; each method here waits
for its answer, so a test reads as a sequence of editor actions. Diagnostics and log messages
the server sends are collected as they arrive.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
import time
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

from lsprotocol import types
from pygls.lsp.client import LanguageClient

Answer = TypeVar("Answer")

#: How long a test waits for an answer or a notification before it fails (not a timed
#: assertion: a bound, so a broken server fails the test instead of hanging it).
PATIENCE = 30.0


class Editor:
    """An editor session with one `sip lsp` process."""

    def __init__(self, options: dict[str, Any] | None = None, cwd: Path | None = None) -> None:
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.client = LanguageClient("sip-tests", "1")
        self.diagnostics: dict[str, list[types.PublishDiagnosticsParams]] = {}
        self.logs: list[str] = []
        self.arrived = threading.Condition()
        self.versions: dict[str, int] = {}

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            with self.arrived:
                self.diagnostics.setdefault(params.uri, []).append(params)
                self.arrived.notify_all()

        @self.client.feature(types.WINDOW_LOG_MESSAGE)
        def logged(params: types.LogMessageParams) -> None:
            self.logs.append(params.message)

        self.registrations: list[types.Registration] = []

        @self.client.feature(types.CLIENT_REGISTER_CAPABILITY)
        def register(params: types.RegistrationParams) -> None:
            with self.arrived:
                self.registrations.extend(params.registrations)
                self.arrived.notify_all()

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def shown(params: types.ShowMessageParams) -> None:
            self.logs.append(params.message)

        env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
        self.run(
            self.client.start_io(
                sys.executable, "-m", "sipcli", "lsp", env=env, cwd=str(cwd) if cwd else None
            )
        )
        self.initialized = self.run(
            self.client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(
                        workspace=types.WorkspaceClientCapabilities(
                            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                                dynamic_registration=True
                            )
                        ),
                        text_document=types.TextDocumentClientCapabilities(
                            document_symbol=types.DocumentSymbolClientCapabilities(
                                hierarchical_document_symbol_support=True
                            )
                        ),
                    ),
                    initialization_options=options,
                )
            )
        )
        self.client.initialized(types.InitializedParams())

    def run(self, work: Coroutine[Any, Any, Answer]) -> Answer:
        """Wait for ``work`` on the client's loop and return its answer."""
        return asyncio.run_coroutine_threadsafe(work, self.loop).result(PATIENCE)

    # --- documents ------------------------------------------------------------------------

    def open(self, path: Path, text: str | None = None) -> str:
        """Open ``path`` (its text from disk unless given); return its URI."""
        uri = path.resolve().as_uri()
        self.versions[uri] = 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri,
                    language_id="yaml",
                    version=1,
                    text=path.read_text(encoding="utf-8") if text is None else text,
                )
            )
        )
        return uri

    def replace(self, uri: str, text: str) -> int:
        """Send the whole new text of ``uri`` as one change; return the new version."""
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )
        return self.versions[uri]

    def type_at(self, uri: str, line: int, character: int, text: str) -> int:
        """Insert ``text`` at a position, as a keystroke does; return the new version."""
        self.versions[uri] += 1
        position = types.Position(line=line, character=character)
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(start=position, end=position), text=text
                    )
                ],
            )
        )
        return self.versions[uri]

    def diagnostics_for(
        self, uri: str, version: int | None = None, patience: float = PATIENCE
    ) -> list[types.Diagnostic]:
        """Wait for the diagnostics of ``uri`` (of ``version``, when given) and return them."""
        deadline = time.monotonic() + patience
        with self.arrived:
            while True:
                for published in reversed(self.diagnostics.get(uri, [])):
                    if version is None or published.version == version:
                        return list(published.diagnostics)
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"no diagnostics for {uri} (version {version})")
                self.arrived.wait(left)

    def registered(self, method: str) -> list[types.Registration]:
        """Wait for the server to register ``method`` with the editor; return its registrations."""
        deadline = time.monotonic() + PATIENCE
        with self.arrived:
            while True:
                found = [r for r in self.registrations if r.method == method]
                if found:
                    return found
                left = deadline - time.monotonic()
                if left <= 0:
                    raise AssertionError(f"{method} was never registered")
                self.arrived.wait(left)

    def forget_diagnostics(self, uri: str) -> None:
        """Drop what was published for ``uri`` so far."""
        with self.arrived:
            self.diagnostics.pop(uri, None)

    # --- requests -------------------------------------------------------------------------

    def hover(self, uri: str, line: int, character: int) -> types.Hover | None:
        """Ask for the hover at a position."""
        return self.run(
            self.client.text_document_hover_async(
                types.HoverParams(
                    text_document=types.TextDocumentIdentifier(uri=uri),
                    position=types.Position(line=line, character=character),
                )
            )
        )

    def position_params(self, uri: str, line: int, character: int) -> dict[str, Any]:
        """The text document and position arguments of a request."""
        return {
            "text_document": types.TextDocumentIdentifier(uri=uri),
            "position": types.Position(line=line, character=character),
        }

    def close(self) -> None:
        """Shut the server down as an editor does (shutdown, exit) and stop the loop."""
        try:
            self.run(self.client.shutdown_async(None))
            self.client.exit(None)
            self.run(self.client.stop())
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(PATIENCE)
