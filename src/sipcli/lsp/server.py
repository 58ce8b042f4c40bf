"""The ``sip lsp`` server: LSP requests answered by `sipcli.editing` and the lint core.

A change after a pause is diagnosed at once. A change that comes while a run is still waiting
or working (a burst of keystrokes, a paste in pieces) waits instead until `DEBOUNCE_SECONDS`
after the last one, so a burst costs one more run, not one per key; a change supersedes a run
still waiting, and a result computed for a text that has changed since is dropped. The run happens in a worker thread, so hover and
completion are answered while it goes on.

Nothing a user types stops the server: every handler catches what goes wrong, says so in the
client's log (``window/logMessage``) and answers (with nothing), as a language server must.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from sipcli import __version__
from sipcli.diagnostics import Diagnostic
from sipcli.editing.actions import code_actions
from sipcli.editing.analysis import Analysis
from sipcli.editing.diagnose import DiagnoseSettings, diagnose
from sipcli.editing.rules import code_hover
from sipcli.editing.types import RenameRefused
from sipcli.errors import SipError
from sipcli.load.detect import text_may_be_plan
from sipcli.load.incremental import IncrementalParser
from sipcli.load.source import LOADER_CHECKS, split_lines
from sipcli.lsp.convert import SOURCE, Positions, completion_item
from sipcli.lsp.documents import OpenPlan

logger = logging.getLogger(__name__)

#: How long after the last change diagnostics are computed (seconds): longer than the gap
#: between a typist's keystrokes, short enough not to be noticed.
DEBOUNCE_SECONDS = 0.15
#: The trigger characters of completion: after ``[`` or ``, `` in a refs list, ``- `` in a
#: list, ``: `` after a key.
TRIGGER_CHARACTERS = [" ", "-", ":", "["]
#: The LSP error code for a request that was valid but failed (LSP 3.17 RequestFailed).
REQUEST_FAILED = -32803
#: The loader's refusals: a text with one did not parse.
_LOADER_CODES = frozenset(check.code for check in LOADER_CHECKS)
#: The configuration files whose change alters the diagnostics of every open plan.
_CONFIG_FILES = frozenset({".sip.yaml", ".sip.yml", "pyproject.toml"})


class RequestFailed(JsonRpcException):
    """A request sip refuses with a message for the user (a rename to an id already used)."""

    code = REQUEST_FAILED


class SipLanguageServer(LanguageServer):
    """The language server for sip plans; `build_server` registers its handlers."""

    def __init__(self) -> None:
        super().__init__(
            "sip", __version__, text_document_sync_kind=types.TextDocumentSyncKind.Incremental
        )
        self.plans: dict[str, OpenPlan] = {}
        self.settings = DiagnoseSettings()
        self.debounce = DEBOUNCE_SECONDS
        self.settled = False
        """Whether what the first diagnostics run loaded is out of the collector's way."""
        # One worker: runs never overlap, and the newest is the one that counts.
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sip-diagnostics")

    # --- the text of a document ---------------------------------------------------------

    def document(self, uri: str) -> TextDocument:
        """Return the document at ``uri`` (read from disk when the editor has not opened it)."""
        return self.workspace.get_text_document(uri)

    def text_of(self, document: TextDocument) -> str:
        """Return a document's text; a file on disk that is not UTF-8 is read all the same.

        Its undecodable bytes become lone surrogates, which sip reports as SIP005 where they
        are, as `sip lint` does for the file.
        """
        try:
            return document.source
        except UnicodeDecodeError:
            return Path(document.path).read_bytes().decode("utf-8", "surrogateescape")
        except OSError:
            return ""

    def positions(self, document: TextDocument, text: str | None = None) -> Positions:
        """Return the position converter for a document's current text."""
        text = self.text_of(document) if text is None else text
        lines = split_lines(text)
        if text.endswith(("\n", "\r")):
            # The empty line after the last line break is a place too (where a key the
            # plan lacks goes, at its end), as editors count it.
            lines.append("")
        return Positions(lines, document.position_codec)

    def plan(self, uri: str) -> OpenPlan:
        """Return what is known of the document at ``uri``."""
        return self.plans.setdefault(uri, OpenPlan())

    def analysis(self, document: TextDocument) -> Analysis | None:
        """Return the analysis of a document's text, or its last good one while it is mid-edit.

        None for a YAML file that is not a plan: the editor starts sip for every YAML file.
        """
        text = self.text_of(document)
        if not self.is_plan(document, text):
            return None
        return self.plan(document.uri).analysed(text, document.version, self.settings.max_bytes)

    def is_plan(self, document: TextDocument, text: str) -> bool:
        """Whether the text may be a plan, as `--only-plans` decides (a workflow file is not)."""
        return text_may_be_plan(self.path_of(document), text.encode("utf-8", "surrogatepass"))

    def path_of(self, document: TextDocument) -> Path:
        """Return the file a document is, for the configuration that applies to it."""
        if document.path:
            return Path(document.path)
        # An unsaved document: the configuration of the folder the editor was started in.
        return Path.cwd() / "untitled.yaml"

    # --- diagnostics ----------------------------------------------------------------------

    def schedule(self, uri: str, delay: float | None = None) -> None:
        """Compute and publish diagnostics for ``uri`` after ``delay``.

        Without ``delay``: at once when nothing is under way for ``uri``, else after the
        debounce (the user is typing faster than the plan is checked).
        """
        plan = self.plan(uri)
        busy = plan.pending is not None and not plan.pending.done()
        plan.supersede()
        wait = (self.debounce if busy else 0.0) if delay is None else delay
        plan.pending = asyncio.ensure_future(self._publish_later(uri, wait))

    async def _publish_later(self, uri: str, delay: float) -> None:
        if delay > 0:
            await asyncio.sleep(delay)
        try:
            await self.publish(uri)
        except asyncio.CancelledError:
            raise
        except Exception as error:  # a language server never stops on a plan's content
            self.log_error("computing the diagnostics", error)

    async def publish(self, uri: str) -> None:
        """Compute the diagnostics of ``uri`` now and publish them, unless the text moved on."""
        document = self.document(uri)
        version = document.version
        text = self.text_of(document)
        path = self.path_of(document)
        if not self.is_plan(document, text):
            # Not a plan (a workflow, a tool's configuration): nothing to say, and whatever
            # was said while it looked like one is cleared.
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=[])
            )
            return
        loop = asyncio.get_running_loop()
        parser = self.plan(uri).parser
        found = await loop.run_in_executor(self.worker, self._diagnose, text, path, parser)
        if self.document(uri).version != version:
            return  # a newer text is on its way to being diagnosed
        if isinstance(found, SipError):
            # As `sip lint` stops with exit 2: the user must fix the configuration first.
            self.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"sip: {found}")
            )
            return
        positions = self.positions(document, text)
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=[positions.diagnostic(item) for item in found],
            )
        )
        if not any(item.code in _LOADER_CODES for item in found):
            # Kept (not analysed: that waits for a request) in case the next keystrokes
            # break the YAML: hover and the outline then answer from this text.
            self.plan(uri).parsed(text, version)

    def _diagnose(
        self, text: str, path: Path, parser: IncrementalParser
    ) -> list[Diagnostic] | SipError:
        """Run in the worker: the diagnostics of ``text``, or why the configuration is bad."""
        try:
            found = diagnose(text, path, self.settings, parser)
        except SipError as error:
            return error
        if not self.settled:
            # Every rule and cache is loaded now: set them aside from the garbage collector,
            # whose full passes over them otherwise add some 25 ms to one keystroke in six.
            gc.collect()
            gc.freeze()
            self.settled = True
        return found

    def forget(self, uri: str) -> None:
        """A document was closed: drop what is known of it and clear its diagnostics."""
        plan = self.plans.pop(uri, None)
        if plan is not None:
            plan.supersede()
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    def configuration_changed(self) -> None:
        """A ``.sip.yaml`` or ``pyproject.toml`` changed: read it again, re-check every plan."""
        from sipcli.lint.settings import load_settings  # noqa: PLC0415 - only on a change

        load_settings.cache_clear()
        for uri in list(self.plans):
            self.schedule(uri, delay=0)

    # --- telling the user -----------------------------------------------------------------

    def log_error(self, doing: str, error: BaseException) -> None:
        """Write an unexpected failure to the client's log and to sip's own log."""
        logger.error("sip lsp: failed %s", doing, exc_info=error)
        detail = "".join(traceback.format_exception(type(error), error, error.__traceback__))
        try:
            self.window_log_message(
                types.LogMessageParams(
                    type=types.MessageType.Error,
                    message=f"sip: failed {doing}: {type(error).__name__}: {error}\n{detail}",
                )
            )
        except Exception:  # the client is gone; the log file has it
            logger.exception("sip lsp: could not tell the client")


Handler = Callable[[SipLanguageServer, Any], object]


def guarded(server: SipLanguageServer, doing: str, handler: Handler) -> Callable[[Any], object]:
    """Wrap a handler: a failure is logged to the client and the request answered with nothing.

    `RequestFailed` passes through: it is the answer (an error the user reads).
    """

    # Not functools.wraps: pygls would read the handler's `server` parameter and pass it.
    def run(params: Any) -> object:
        try:
            return handler(server, params)
        except RequestFailed:
            raise
        except Exception as error:
            server.log_error(doing, error)
            return None

    return run


def _initialize(server: SipLanguageServer, params: types.InitializeParams) -> None:
    _apply_options(server, params.initialization_options)


#: The files whose change re-checks every open plan, as the editor is asked to watch them.
CONFIG_GLOBS = ("**/.sip.yaml", "**/.sip.yml", "**/pyproject.toml")


def _initialized(server: SipLanguageServer, params: types.InitializedParams) -> None:
    """Ask the editor to report changes to the configuration files, where it can.

    Editors send file changes only for what a server registers; a `.sip.yaml` edited outside
    the editor (or a `git checkout`) then re-checks the open plans as a save in it does.
    """
    capabilities = server.client_capabilities.workspace
    watched = capabilities.did_change_watched_files if capabilities else None
    if watched is None or not watched.dynamic_registration:
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[types.FileSystemWatcher(glob_pattern=glob) for glob in CONFIG_GLOBS]
    )
    registration = types.Registration(
        id="sip-configuration",
        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options,
    )
    server.client_register_capability(types.RegistrationParams(registrations=[registration]))


def _did_open(server: SipLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
    server.schedule(params.text_document.uri, delay=0)


def _did_change(server: SipLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
    server.schedule(params.text_document.uri)


def _did_save(server: SipLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
    if Path(server.document(params.text_document.uri).path or "").name in _CONFIG_FILES:
        server.configuration_changed()
    elif params.text_document.uri in server.plans:
        server.schedule(params.text_document.uri, delay=0)


def _did_close(server: SipLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
    server.forget(params.text_document.uri)


def _did_change_watched(
    server: SipLanguageServer, params: types.DidChangeWatchedFilesParams
) -> None:
    if any(Path(change.uri).name in _CONFIG_FILES for change in params.changes):
        server.configuration_changed()


def _apply_options(server: SipLanguageServer, options: Any) -> None:
    """Read ``initializationOptions``: ``profile``, ``config`` and ``debounceMs``."""
    if not isinstance(options, dict):
        return
    profile = options.get("profile")
    config = options.get("config")
    server.settings = DiagnoseSettings(
        config=Path(config) if isinstance(config, str) and config else None,
        profile=profile if isinstance(profile, str) and profile else None,
    )
    debounce = options.get("debounceMs")
    # bool is an int in Python; `true` is not a number of milliseconds.
    if (
        isinstance(debounce, int | float)
        and not isinstance(debounce, bool)
        and 0 <= debounce <= 10_000
    ):
        server.debounce = debounce / 1000


def _at(
    server: SipLanguageServer, uri: str, position: types.Position
) -> tuple[TextDocument, Positions, int, int]:
    """Return the document, its converter and the cursor's 0-based line and code-point column."""
    document = server.document(uri)
    positions = server.positions(document)
    line, column = positions.from_client(position)
    return document, positions, line, column


def _hover(server: SipLanguageServer, params: types.HoverParams) -> types.Hover | None:
    document, positions, line, column = _at(server, params.text_document.uri, params.position)
    # A rule code is explained even in a text that does not parse, or is not a plan.
    found = code_hover(positions.lines, line, column)
    if found is None:
        analysis = server.analysis(document)
        found = analysis.hover(line, column) if analysis is not None else None
    if found is None:
        return None
    return _markdown(found.markdown, positions.range(found.span))


def _markdown(markdown: str, range_: types.Range) -> types.Hover:
    return types.Hover(
        contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=markdown),
        range=range_,
    )


def _definition(server: SipLanguageServer, params: types.DefinitionParams) -> types.Location | None:
    document, positions, line, column = _at(server, params.text_document.uri, params.position)
    analysis = server.analysis(document)
    span = analysis.definition(line, column) if analysis is not None else None
    if span is None:
        return None
    return types.Location(uri=document.uri, range=positions.range(span))


def _references(
    server: SipLanguageServer, params: types.ReferenceParams
) -> list[types.Location] | None:
    document, positions, line, column = _at(server, params.text_document.uri, params.position)
    analysis = server.analysis(document)
    if analysis is None:
        return None
    spans = analysis.references(line, column, params.context.include_declaration)
    return [types.Location(uri=document.uri, range=positions.range(span)) for span in spans]


def _document_symbol(
    server: SipLanguageServer, params: types.DocumentSymbolParams
) -> list[types.DocumentSymbol] | None:
    document = server.document(params.text_document.uri)
    analysis = server.analysis(document)
    if analysis is None:
        return None
    positions = server.positions(document)
    return [positions.symbol(symbol) for symbol in analysis.outline()]


def _completion(
    server: SipLanguageServer, params: types.CompletionParams
) -> types.CompletionList | None:
    document, _, line, column = _at(server, params.text_document.uri, params.position)
    analysis = server.analysis(document)
    if analysis is None:
        return None
    found = analysis.completions(server.text_of(document), line, column)
    return types.CompletionList(
        is_incomplete=False, items=[completion_item(item) for item in found]
    )


def _prepare_rename(
    server: SipLanguageServer, params: types.PrepareRenameParams
) -> types.Range | None:
    document, positions, line, column = _at(server, params.text_document.uri, params.position)
    analysis = server.analysis(document)
    span = analysis.prepare_rename(line, column) if analysis is not None else None
    return positions.range(span) if span is not None else None


def _rename(server: SipLanguageServer, params: types.RenameParams) -> types.WorkspaceEdit:
    document, positions, line, column = _at(server, params.text_document.uri, params.position)
    analysis = server.analysis(document)
    if analysis is None:
        raise RequestFailed("sip cannot read the plan yet: fix its YAML first, then rename.")
    try:
        edits = analysis.rename(line, column, params.new_name)
    except RenameRefused as refused:
        raise RequestFailed(str(refused)) from refused
    return types.WorkspaceEdit(
        changes={document.uri: [positions.text_edit(edit) for edit in edits]}
    )


def _code_action(
    server: SipLanguageServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    document = server.document(params.text_document.uri)
    text = server.text_of(document)
    positions = server.positions(document, text)
    return [
        action
        for found in params.context.diagnostics
        if found.source == SOURCE and isinstance(found.code, str)
        for action in _fixes(document.uri, text, positions, found)
    ]


def _fixes(
    uri: str, text: str, positions: Positions, found: types.Diagnostic
) -> list[types.CodeAction]:
    """Return the quick fixes of one diagnostic the editor handed back."""
    data = found.data if isinstance(found.data, dict) else {}
    path = data.get("path")
    fixes = code_actions(
        text, str(found.code), positions.span(found.range), path if isinstance(path, str) else ""
    )
    return [
        types.CodeAction(
            title=fix.title,
            kind=types.CodeActionKind.QuickFix,
            diagnostics=[found],
            is_preferred=True,
            edit=types.WorkspaceEdit(
                changes={uri: [positions.text_edit(edit) for edit in fix.edits]}
            ),
        )
        for fix in fixes
    ]


#: Every handler: the method, its options (what the capabilities say), what it does in words
#: (for the log when it fails) and the function.
_HANDLERS: tuple[tuple[str, Any, str, Handler], ...] = (
    (types.INITIALIZE, None, "reading the editor's settings", _initialize),
    (types.INITIALIZED, None, "asking to watch the configuration", _initialized),
    (types.TEXT_DOCUMENT_DID_OPEN, None, "opening the plan", _did_open),
    (types.TEXT_DOCUMENT_DID_CHANGE, None, "reading the change", _did_change),
    (types.TEXT_DOCUMENT_DID_SAVE, None, "reading the saved plan", _did_save),
    (types.TEXT_DOCUMENT_DID_CLOSE, None, "closing the plan", _did_close),
    (
        types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        None,
        "reading a changed configuration",
        _did_change_watched,
    ),
    (types.TEXT_DOCUMENT_HOVER, None, "answering a hover", _hover),
    (types.TEXT_DOCUMENT_DEFINITION, None, "finding the definition", _definition),
    (types.TEXT_DOCUMENT_REFERENCES, None, "finding the references", _references),
    (types.TEXT_DOCUMENT_DOCUMENT_SYMBOL, None, "making the outline", _document_symbol),
    (
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=TRIGGER_CHARACTERS),
        "completing",
        _completion,
    ),
    (types.TEXT_DOCUMENT_PREPARE_RENAME, None, "preparing the rename", _prepare_rename),
    (
        types.TEXT_DOCUMENT_RENAME,
        types.RenameOptions(prepare_provider=True),
        "renaming",
        _rename,
    ),
    (
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
        "finding fixes",
        _code_action,
    ),
)


def build_server() -> SipLanguageServer:
    """Return the server with every handler registered."""
    server = SipLanguageServer()
    for method, options, doing, handler in _HANDLERS:
        server.feature(method, options)(guarded(server, doing, handler))
    return server


def serve_stdio(log_file: Path | None = None) -> None:
    """Run the server over standard input and output until the client says exit."""
    if log_file is not None:
        logging.basicConfig(
            filename=log_file,
            level=logging.INFO,
            format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        )
    server = build_server()
    try:
        server.start_io()
    finally:
        server.worker.shutdown(wait=False, cancel_futures=True)
