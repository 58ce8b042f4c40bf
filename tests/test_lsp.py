"""`sip lsp` driven for real: pygls's client starts `python -m sipcli lsp` and talks LSP over stdio.

One server serves the module (starting one costs a second); each test opens its own
document, so what one test types never reaches another's.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip("pygls")

from lsprotocol import types

from tests.lsp_client import Editor

ROOT = Path(__file__).resolve().parent.parent
FLAWED = ROOT / "examples" / "flawed" / "plan.yaml"
COUNCIL = ROOT / "examples" / "school-council.yaml"
MIDDLE = ROOT / "examples" / "middle.yaml"


@pytest.fixture(scope="module")
def editor() -> Iterator[Editor]:
    session = Editor()
    yield session
    session.close()


def _line_of(text: str, needle: str) -> int:
    return next(number for number, line in enumerate(text.splitlines()) if needle in line)


def _apply(text: str, edits: list[types.TextEdit]) -> str:
    """Apply text edits as an editor does (positions in UTF-16, the texts here are ASCII)."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        return starts[min(position.line, len(lines))] + position.character

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character))[::-1]:
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


def _sip_lint(path: Path) -> list[tuple[str, int, int]]:
    run = subprocess.run(
        [sys.executable, "-m", "sipcli", "lint", "--format", "json", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [(d["code"], d["line"], d["column"]) for d in json.loads(run.stdout)["diagnostics"]]


def _found(diagnostics: list[types.Diagnostic]) -> list[tuple[str, int, int]]:
    return [(str(d.code), d.range.start.line + 1, d.range.start.character + 1) for d in diagnostics]


# --- start-up ------------------------------------------------------------------------------


def test_initialize_announces_what_the_server_does(editor: Editor) -> None:
    capabilities = editor.initialized.capabilities
    assert editor.initialized.server_info is not None
    assert editor.initialized.server_info.name == "sip"
    assert capabilities.completion_provider is not None
    assert set(capabilities.completion_provider.trigger_characters or ()) == {" ", "-", ":", "["}
    assert capabilities.hover_provider
    assert capabilities.definition_provider
    assert capabilities.references_provider
    assert capabilities.rename_provider
    assert capabilities.document_symbol_provider
    assert isinstance(capabilities.code_action_provider, types.CodeActionOptions)
    assert list(capabilities.code_action_provider.code_action_kinds or ()) == ["quickfix"]


# --- diagnostics ---------------------------------------------------------------------------


def test_open_publishes_what_sip_lint_reports(editor: Editor) -> None:
    uri = editor.open(FLAWED)
    published = editor.diagnostics_for(uri, 1)
    # A finding about a missing key points where it belongs, maybe past the end of a blank
    # line; LSP positions stop at the end of the line.
    lines = [*FLAWED.read_text(encoding="utf-8").splitlines(), ""]
    expected = [
        (code, line, min(column, len(lines[line - 1]) + 1))
        for code, line, column in _sip_lint(FLAWED)
    ]
    assert _found(published) == expected
    first = published[0]
    assert first.source == "sip"
    assert first.code_description is not None
    assert first.code_description.href.endswith(f"#{str(first.code).lower()}")
    severities = {d.severity for d in published}
    assert types.DiagnosticSeverity.Error in severities
    assert types.DiagnosticSeverity.Warning in severities


def test_a_clean_plan_has_no_diagnostics(editor: Editor) -> None:
    uri = editor.open(MIDDLE)
    assert editor.diagnostics_for(uri, 1) == []


def test_half_written_yaml_is_a_syntax_diagnostic_and_the_server_answers_on(
    editor: Editor, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    text = FLAWED.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    uri = editor.open(plan)
    editor.diagnostics_for(uri, 1)
    line = _line_of(text, "statement:")
    version = editor.type_at(uri, line, 0, '  broken: "not closed\n')
    codes = [d.code for d in editor.diagnostics_for(uri, version)]
    assert codes == ["SIP001"]
    # Hover still answers (a rule code in a noqa comment needs no parse at all).
    noqa = "# sip: noqa: SIP201 typed while the file is broken\n"
    version = editor.type_at(uri, 0, 0, noqa)
    hover = editor.hover(uri, 0, noqa.index("SIP201") + 2)
    assert hover is not None
    assert "SIP201" in hover.contents.value  # type: ignore[union-attr]


def test_mid_edit_the_last_good_parse_answers(editor: Editor, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = MIDDLE.read_text(encoding="utf-8")
    plan.write_text(text, encoding="utf-8")
    uri = editor.open(plan)
    editor.diagnostics_for(uri, 1)
    line, column, name = _first_ref(text, "objective_refs")
    # A half-written key at the end: the lines above keep their places.
    version = editor.type_at(uri, len(text.splitlines()), 0, "monitoring_extra: [unclosed\n")
    assert [d.code for d in editor.diagnostics_for(uri, version)] == ["SIP001"]
    hover = editor.hover(uri, line, column + 1)
    assert hover is not None
    assert name in hover.contents.value  # type: ignore[union-attr]


def test_sip_yaml_settings_apply_and_a_saved_change_is_read(editor: Editor, tmp_path: Path) -> None:
    config = tmp_path / ".sip.yaml"
    config.write_text("ignore: [SIP607]\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    uri = editor.open(plan)
    codes = [d.code for d in editor.diagnostics_for(uri, 1)]
    assert "SIP607" not in codes
    assert "SIP309" in codes
    editor.forget_diagnostics(uri)
    config.write_text("ignore: [SIP309]\n", encoding="utf-8")
    editor.client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=config.as_uri())
        )
    )
    codes = [d.code for d in editor.diagnostics_for(uri, 1)]
    assert "SIP607" in codes
    assert "SIP309" not in codes


def test_closing_a_plan_clears_its_diagnostics(editor: Editor, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    uri = editor.open(plan)
    assert editor.diagnostics_for(uri, 1)
    editor.forget_diagnostics(uri)
    editor.client.text_document_did_close(
        types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert editor.diagnostics_for(uri) == []


def test_the_last_change_wins(editor: Editor, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text(COUNCIL.read_text(encoding="utf-8"), encoding="utf-8")
    uri = editor.open(plan)
    editor.diagnostics_for(uri, 1)
    text = COUNCIL.read_text(encoding="utf-8")
    for _ in range(4):
        editor.replace(uri, text.replace('org_code: "09991215"', "org_code: 09991215"))
    last = editor.replace(uri, text)
    assert editor.diagnostics_for(uri, last) == []


def test_a_change_after_a_pause_is_checked_at_once_not_after_the_debounce(
    tmp_path: Path,
) -> None:
    # With a 10 s debounce, a debounced run would come 10 s after the change: the bound of
    # 5 s tells the two apart on any machine, however slow.
    session = Editor({"debounceMs": 10_000})
    try:
        plan = tmp_path / "plan.yaml"
        text = COUNCIL.read_text(encoding="utf-8")
        plan.write_text(text, encoding="utf-8")
        uri = session.open(plan)
        assert session.diagnostics_for(uri, 1) == []
        version = session.replace(uri, text.replace('org_code: "09991215"', "org_code: 09991215"))
        found = session.diagnostics_for(uri, version, patience=5.0)
        assert [d.code for d in found] == ["SIP107"]
    finally:
        session.close()


def test_a_5_mb_paste_is_one_diagnostic_and_the_server_answers_on(
    editor: Editor, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1\n", encoding="utf-8")
    uri = editor.open(plan)
    editor.diagnostics_for(uri, 1)
    paste = "schema_version: 1\nnotes: " + "x" * (5 * 1024 * 1024) + "\n"
    version = editor.replace(uri, paste)
    assert [d.code for d in editor.diagnostics_for(uri, version)] == ["SIP012"]
    editor.hover(uri, 0, 2)  # answered (a failure or a hang would raise here)
    version = editor.replace(uri, "schema_version: 1\n# sip: noqa: SIP304\n")
    hover = editor.hover(uri, 1, 15)
    assert hover is not None and "SIP304" in hover.contents.value  # type: ignore[union-attr]


def test_invalid_utf8_does_not_stop_the_server(editor: Editor, tmp_path: Path) -> None:
    # An editor that read a damaged file hands on lone surrogates; sip says SIP005 there.
    plan = tmp_path / "damaged.yaml"
    plan.write_bytes(b"schema_version: 1\nschool:\n  name: Caf\xe9\n")
    uri = editor.open(plan, text="schema_version: 1\nschool:\n  name: Caf\udce9\n")
    published = editor.diagnostics_for(uri, 1)
    assert [d.code for d in published] == ["SIP005"]
    assert published[0].range.start.line == 2
    # A request about the file on disk, never opened, is answered too.
    on_disk = tmp_path / "unopened.yaml"
    on_disk.write_bytes(b"school:\n  name: \xff\xfe\n")
    assert editor.hover(on_disk.as_uri(), 1, 3) is None
    editor.hover(uri, 0, 0)  # still alive


# --- hover on a rule code ------------------------------------------------------------------


def test_hover_on_a_rule_code_explains_the_rule(editor: Editor, tmp_path: Path) -> None:
    plan = tmp_path / "plan.yaml"
    text = "schema_version: 1  # sip: noqa: SIP901 kept on purpose\n"
    plan.write_text(text, encoding="utf-8")
    uri = editor.open(plan)
    hover = editor.hover(uri, 0, text.index("SIP901") + 3)
    assert isinstance(hover, types.Hover)
    assert isinstance(hover.contents, types.MarkupContent)
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "noqa" in hover.contents.value
    assert "https://sip-plans.github.io/sip/rules/#sip901" in hover.contents.value
    assert hover.range is not None
    assert hover.range.start.character == text.index("SIP901")
    assert hover.range.end.character == text.index("SIP901") + 6


# --- code actions --------------------------------------------------------------------------


def _fix(editor: Editor, path: Path, text: str, code: str) -> str:
    """Open ``text``, ask for the quick fix of its ``code`` finding, return the fixed text."""
    path.write_text(text, encoding="utf-8")
    uri = editor.open(path)
    published = editor.diagnostics_for(uri, 1)
    wanted = [d for d in published if d.code == code]
    assert wanted, f"{code} not reported: {[d.code for d in published]}"
    actions = editor.run(
        editor.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=wanted[0].range,
                context=types.CodeActionContext(diagnostics=[wanted[0]]),
            )
        )
    )
    assert actions, f"no fix for {code}"
    action = actions[0]
    assert isinstance(action, types.CodeAction)
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None and action.edit.changes is not None
    fixed = _apply(text, list(action.edit.changes[uri]))
    version = editor.replace(uri, fixed)
    after = [d.code for d in editor.diagnostics_for(uri, version)]
    assert after.count(code) == len(wanted) - 1
    return fixed


def test_code_action_quotes_an_org_code(editor: Editor, tmp_path: Path) -> None:
    text = COUNCIL.read_text(encoding="utf-8").replace('org_code: "09991215"', "org_code: 09991215")
    fixed = _fix(editor, tmp_path / "plan.yaml", text, "SIP107")
    assert fixed == COUNCIL.read_text(encoding="utf-8")


def test_code_action_adds_comparison_at_most(editor: Editor, tmp_path: Path) -> None:
    text = FLAWED.read_text(encoding="utf-8")
    fixed = _fix(editor, tmp_path / "plan.yaml", text, "SIP309")
    assert (
        "target: {value: 30, unit: percent, comparison: at_most}   # no comparison: judged" in fixed
    )


def test_code_action_removes_an_unused_noqa(editor: Editor, tmp_path: Path) -> None:
    text = COUNCIL.read_text(encoding="utf-8").replace(
        "  principal: Teresa Amaral\n",
        "  principal: Teresa Amaral  # sip: noqa: SIP201 no longer needed\n",
    )
    fixed = _fix(editor, tmp_path / "plan.yaml", text, "SIP901")
    assert fixed == COUNCIL.read_text(encoding="utf-8")


def test_code_action_adds_a_stub_for_a_missing_key(editor: Editor, tmp_path: Path) -> None:
    text = COUNCIL.read_text(encoding="utf-8").replace("  principal: Teresa Amaral\n", "")
    text = text.replace("  name: Quarry Hill Elementary School\n", "")
    fixed = _fix(editor, tmp_path / "plan.yaml", text, "SIP101")
    assert '  name: "<The school\'s name as DESE lists it>"\n' in fixed


# --- navigation and completion (sipcli.editing.Analysis) -----------------------------------


def _first_ref(text: str, key: str) -> tuple[int, int, str]:
    """The line, column and id of the first id in a ``key: [..]`` list."""
    line = _line_of(text, f"{key}: [")
    column = text.splitlines()[line].index(f"{key}: [") + len(key) + 3
    name = text.splitlines()[line][column:].split(",")[0].split("]")[0].strip()
    return line, column, name


def test_hover_on_a_reference_shows_the_item(editor: Editor) -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    uri = editor.open(MIDDLE)
    line, column, name = _first_ref(text, "objective_refs")
    hover = editor.hover(uri, line, column + 1)
    assert hover is not None
    assert name in hover.contents.value  # type: ignore[union-attr]


def test_definition_and_references_of_an_id(editor: Editor) -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    uri = editor.open(MIDDLE)
    line, column, name = _first_ref(text, "objective_refs")
    where = editor.position_params(uri, line, column + 1)
    found = editor.run(
        editor.client.text_document_definition_async(types.DefinitionParams(**where))
    )
    assert isinstance(found, types.Location)
    defined = text.splitlines()[found.range.start.line]
    assert name in defined and "id:" in defined
    uses = editor.run(
        editor.client.text_document_references_async(
            types.ReferenceParams(**where, context=types.ReferenceContext(include_declaration=True))
        )
    )
    assert uses is not None
    assert found.range in [use.range for use in uses]
    assert len(uses) > 1


def test_completion_in_a_refs_list_offers_ids(editor: Editor, tmp_path: Path) -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    uri = editor.open(plan)
    line = _line_of(text, "objective_refs: [")
    end = text.splitlines()[line].index("]")
    # The user types ", " after the last id of the list, as for one more objective.
    editor.type_at(uri, line, end, ", ")
    answer = editor.run(
        editor.client.text_document_completion_async(
            types.CompletionParams(**editor.position_params(uri, line, end + 2))
        )
    )
    items = answer.items if isinstance(answer, types.CompletionList) else answer or []
    labels = {item.label for item in items}
    objectives = set(re.findall(r"^  - id: (O\d+)", text, re.MULTILINE))
    assert objectives
    assert labels  # some objective is offered
    assert labels <= objectives  # and nothing but objectives: no goals, no root causes


def test_rename_an_id_everywhere(editor: Editor, tmp_path: Path) -> None:
    text = MIDDLE.read_text(encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(text, encoding="utf-8")
    uri = editor.open(plan)
    line, column, _ = _first_ref(text, "objective_refs")
    where = editor.position_params(uri, line, column + 1)
    edit = editor.run(
        editor.client.text_document_rename_async(types.RenameParams(**where, new_name="O99"))
    )
    assert edit is not None and edit.changes is not None
    assert edit.changes[uri]
    assert {change.new_text for change in edit.changes[uri]} == {"O99"}
    renamed = _apply(text, list(edit.changes[uri]))
    version = editor.replace(uri, renamed)
    assert editor.diagnostics_for(uri, version) == []
    # The old id is gone from every place it was used: its definition and its references.
    line, column, now = _first_ref(renamed, "objective_refs")
    assert now == "O99"


def test_rename_to_an_id_in_use_is_refused_with_a_message(editor: Editor) -> None:
    from pygls.exceptions import JsonRpcException

    text = MIDDLE.read_text(encoding="utf-8")
    uri = editor.open(MIDDLE)
    line, column, name = _first_ref(text, "objective_refs")
    other = "O2" if name != "O2" else "O1"
    assert f"id: {other}" in text
    where = editor.position_params(uri, line, column + 1)
    with pytest.raises(JsonRpcException) as refused:
        editor.run(
            editor.client.text_document_rename_async(types.RenameParams(**where, new_name=other))
        )
    assert other in str(refused.value)


def test_document_symbols_are_the_outline(editor: Editor) -> None:
    uri = editor.open(MIDDLE)
    symbols = editor.run(
        editor.client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
    )
    assert symbols
    assert all(isinstance(symbol, types.DocumentSymbol) for symbol in symbols)
    names = " ".join(symbol.name for symbol in symbols)  # type: ignore[union-attr]
    assert "oals" in names  # the goals section is in the outline
    nested = [child for symbol in symbols for child in symbol.children or ()]  # type: ignore[union-attr]
    assert nested


# --- shutdown and the command --------------------------------------------------------------


def test_shutdown_and_exit_end_the_server_cleanly() -> None:
    session = Editor()
    server = session.client._server
    session.close()
    assert server is not None
    assert server.returncode == 0


def test_sip_lsp_without_pygls_says_what_to_install() -> None:
    hide = (
        "import sys\n"
        "for name in ('pygls', 'lsprotocol', 'cattrs'): sys.modules[name] = None\n"
        "sys.argv = ['sip', 'lsp']\n"
        "from sipcli.cli import main\n"
        "main()\n"
    )
    run = subprocess.run(
        [sys.executable, "-c", hide], capture_output=True, text=True, check=False, timeout=60
    )
    assert run.returncode == 2
    assert "pip install 'sipcli[lsp]'" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_failing_handler_is_logged_to_the_client_and_answered() -> None:
    from sipcli.lsp.server import SipLanguageServer, guarded

    server = SipLanguageServer()
    told: list[types.LogMessageParams] = []
    server.window_log_message = told.append  # type: ignore[method-assign]

    def broken(_server: SipLanguageServer, _params: object) -> object:
        raise KeyError("a bug in sip")

    assert guarded(server, "answering a hover", broken)(None) is None
    assert len(told) == 1
    assert told[0].type == types.MessageType.Error
    assert "answering a hover" in told[0].message
    assert "a bug in sip" in told[0].message


def test_a_broken_configuration_is_shown_and_the_server_answers_on(
    editor: Editor, tmp_path: Path
) -> None:
    (tmp_path / ".sip.yaml").write_text("select: [NOT-A-RULE-AT-ALL]\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text("schema_version: 1  # sip: noqa: SIP901\n", encoding="utf-8")
    before = len(editor.logs)
    uri = editor.open(plan)
    hover = editor.hover(uri, 0, 33)
    assert hover is not None  # answered while the configuration is broken
    deadline = time.monotonic() + 30
    while len(editor.logs) == before and time.monotonic() < deadline:
        time.sleep(0.05)
    assert any("NOT-A-RULE-AT-ALL" in message for message in editor.logs[before:])


def test_the_server_asks_the_editor_to_watch_the_configuration_files(editor: Editor) -> None:
    (registration,) = editor.registered(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    options = registration.register_options
    globs = {watcher["globPattern"] for watcher in options["watchers"]}
    assert globs == {"**/.sip.yaml", "**/.sip.yml", "**/pyproject.toml"}


def test_a_configuration_changed_outside_the_editor_rechecks_the_plans(
    editor: Editor, tmp_path: Path
) -> None:
    config = tmp_path / ".sip.yaml"
    config.write_text("ignore: [SIP309]\n", encoding="utf-8")
    plan = tmp_path / "plan.yaml"
    plan.write_text(FLAWED.read_text(encoding="utf-8"), encoding="utf-8")
    uri = editor.open(plan)
    assert "SIP309" not in [d.code for d in editor.diagnostics_for(uri, 1)]
    editor.forget_diagnostics(uri)
    config.write_text("ignore: []\n", encoding="utf-8")
    editor.client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    assert "SIP309" in [d.code for d in editor.diagnostics_for(uri, 1)]


@pytest.mark.parametrize(
    ("name", "text"),
    [
        (".github/workflows/ci.yaml", "on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n"),
        (".sip.yaml", "ignore: [SIP607]\n"),
        (".gitlab-ci.yml", "plan:\n  script: make plan\n"),
    ],
)
def test_a_yaml_file_that_is_not_a_plan_gets_nothing(
    editor: Editor, tmp_path: Path, name: str, text: str
) -> None:
    # Editors start sip for every YAML file; as with --only-plans, only plans are checked.
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    uri = editor.open(path)
    assert editor.diagnostics_for(uri, 1) == []
    assert editor.hover(uri, 0, 1) is None
    symbols = editor.run(
        editor.client.text_document_document_symbol_async(
            types.DocumentSymbolParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
    )
    assert not symbols


def test_a_file_that_becomes_a_plan_while_written_is_checked_from_then_on(
    editor: Editor, tmp_path: Path
) -> None:
    path = tmp_path / "new-plan.yaml"
    path.write_text("# Lincoln's plan, started today\n", encoding="utf-8")
    uri = editor.open(path)
    assert editor.diagnostics_for(uri, 1) == []
    version = editor.replace(uri, "# Lincoln's plan, started today\nschema_version: 1\n")
    assert "SIP101" in [d.code for d in editor.diagnostics_for(uri, version)]
