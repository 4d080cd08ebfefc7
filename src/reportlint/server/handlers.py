"""Which LSP messages the server answers, and with what: the handlers on a :class:`ReportlintServer`."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from reportlint.baseline import BaselineError
from reportlint.server import actions
from reportlint.server.protocol import ReportlintServer, overlaps
from reportlint.server.tomledit import EditError

WATCHED = ("**/reportlint.toml", "**/pyproject.toml", "**/*.json")
"""Files whose change may change findings: configuration files and baselines (any JSON name)."""


def build_server() -> ReportlintServer:
    """A server with every handler registered, ready for ``start_io``."""
    server = ReportlintServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: ReportlintServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)

    @server.feature(types.INITIALIZED)
    async def initialized(ls: ReportlintServer, params: types.InitializedParams) -> None:
        workspace = ls.client_capabilities.workspace
        watching = workspace.did_change_watched_files if workspace else None
        if watching is None or not watching.dynamic_registration:
            return  # the configuration is re-checked before every lint anyway
        watchers = [types.FileSystemWatcher(glob_pattern=pattern) for pattern in WATCHED]
        options = types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers)
        registration = types.Registration(
            id="reportlint-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options
        )
        await ls.client_register_capability_async(types.RegistrationParams(registrations=[registration]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def changed_configuration(ls: ReportlintServer, params: types.DidChangeConfigurationParams) -> None:
        await ls.run_locked(ls.configure, params.settings)
        await ls.refresh()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def changed_files(ls: ReportlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        await ls.run_locked(ls.folders.invalidate)
        await ls.refresh()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: ReportlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: ReportlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: ReportlintServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: ReportlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        ls.results.pop(uri, None)
        if not ls.pulls:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(identifier="reportlint", inter_file_dependencies=False, workspace_diagnostics=False),
    )
    async def pull(ls: ReportlintServer, params: types.DocumentDiagnosticParams) -> types.DocumentDiagnosticReport:
        linted = await ls.linted(params.text_document.uri)
        return types.RelatedFullDocumentDiagnosticReport(items=linted.lsp)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: ReportlintServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.linted(params.text_document.uri)
        text = ls.hover_text(linted, params.position)
        if text is None:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.PlainText, value=text))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll],
        ),
    )
    async def code_action(ls: ReportlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        linted = await ls.linted(uri)
        concerned = [d for d, shown in linted.pairs() if overlaps(shown.range, params.range)]
        on_disk = linted.folder is not None and uri.startswith("file:")
        return actions.code_actions(uri, concerned, linted.diagnostics, on_disk)

    @server.command(actions.IGNORE_FOR_FILE)
    async def ignore_for_file(ls: ReportlintServer, *args: Any) -> dict[str, Any]:
        return await _run(ls, ls.ignore_for_file, *args[:2])

    @server.command(actions.ACCEPT_INTO_BASELINE)
    async def accept_into_baseline(ls: ReportlintServer, *args: Any) -> dict[str, Any]:
        uri, data = [*args, None, None][:2]
        await ls.linted(uri)
        return await _run(ls, ls.accept, uri, data)

    @server.command(actions.APPLY_FIX)
    async def apply_fix(ls: ReportlintServer, *args: Any) -> dict[str, Any]:
        uri, data = [*args, None, None][:2]
        return await ls.apply_fixes(uri, data, all_safe=False)

    @server.command(actions.FIX_ALL)
    async def fix_all(ls: ReportlintServer, *args: Any) -> dict[str, Any]:
        return await ls.apply_fixes(args[0], None, all_safe=True)

    return server


async def _run(ls: ReportlintServer, command: Any, *args: Any) -> dict[str, Any]:
    """Run a command that edits a file, then renew the findings; its error is shown, not raised."""
    try:
        result: dict[str, Any] = await ls.run_locked(command, *args)
    except (EditError, BaselineError, TypeError) as error:
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Error, message=str(error)))
        return {"error": str(error)}
    await ls.refresh()
    return result
