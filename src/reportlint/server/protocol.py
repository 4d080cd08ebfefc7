"""The LSP glue: pygls handlers that feed documents to a folder's session and send back findings.

Documents are linted one at a time in a single worker thread, so the event loop keeps
reading messages (a newer change cancels a pending lint) while a large report is
checked, and no two lints share a session at once. A result is cached per document
version and session generation: hover, code actions and a repeated pull reuse it.

Diagnostics are pulled (``textDocument/diagnostic``) when the client supports it, as
current VS Code and Neovim do; otherwise they are pushed (``publishDiagnostics``) on
open and save, and on change after a 300 ms pause in typing.
"""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import field
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from reportlint import __version__
from reportlint.app import RunError
from reportlint.baseline import BaselineError
from reportlint.diagnostics import Diagnostic, TextEdit
from reportlint.explain import explain
from reportlint.records import record
from reportlint.server import actions
from reportlint.server.convert import problem_diagnostic, to_lsp_diagnostic
from reportlint.server.fixes import fix_all
from reportlint.server.folders import Folder, Folders, SessionError
from reportlint.server.positions import UTF16, split_lines
from reportlint.server.tomledit import EditError, add_per_file_ignore

DEBOUNCE_SECONDS = 0.3
"""How long typing must pause before a changed document is linted (push mode)."""

REPORT_SUFFIXES = (".txt",)

logger = logging.getLogger(__name__)


@record
class Linted:
    """One document version's findings, as reportlint made them and as the client sees them."""

    version: int | None
    generation: int
    lines: list[str]
    diagnostics: tuple[Diagnostic, ...] = ()
    lsp: list[types.Diagnostic] = field(default_factory=list)
    folder: Folder | None = None

    def pairs(self) -> list[tuple[Diagnostic, types.Diagnostic]]:
        """Each finding with its LSP diagnostic (none when the document shows a configuration error)."""
        return list(zip(self.diagnostics, self.lsp, strict=True)) if self.diagnostics else []


def file_of(uri: str) -> Path | None:
    """The file a ``file:`` URI names; ``None`` for an untitled buffer."""
    if urlparse(uri).scheme != "file":
        return None
    path = to_fs_path(uri)
    return Path(path) if path else None


def is_report(uri: str) -> bool:
    """Whether the server lints this document: ``.txt`` files and buffers not saved as files."""
    file = file_of(uri)
    return file is None or file.suffix.lower() in REPORT_SUFFIXES


def lint_name(uri: str) -> str:
    """The path a document is linted under: its file, or a name for an untitled buffer."""
    file = file_of(uri)
    if file is not None:
        return str(file)
    name = Path(urlparse(uri).path).name or "untitled"
    return name if name.lower().endswith(".txt") else f"{name}.txt"


class ReportlintServer(LanguageServer):
    """reportlint's language server: one per editor, one session per workspace folder."""

    def __init__(self) -> None:
        super().__init__("reportlint", __version__)
        self.folders = Folders()
        self.results: dict[str, Linted] = {}
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="reportlint-lint")
        self.debounce = DEBOUNCE_SECONDS

    # -- what the client can do -------------------------------------------------------
    @property
    def encoding(self) -> str:
        """The position encoding agreed at ``initialize`` (UTF-16 unless the client offered another)."""
        return str(self.workspace.position_encoding or UTF16)

    @property
    def pulls(self) -> bool:
        """Whether the client pulls diagnostics; else the server pushes them."""
        document = self.client_capabilities.text_document
        return document is not None and document.diagnostic is not None

    # -- linting ----------------------------------------------------------------------
    def _sync_folders(self) -> None:
        paths = [Path(p) for f in self.workspace.folders.values() if (p := to_fs_path(f.uri))]
        if not paths and self.workspace.root_path:
            paths = [Path(self.workspace.root_path)]
        known = [path for path, folder in self.folders.folders.items() if folder.path in paths]
        if sorted(map(str, known)) != sorted(map(str, paths)):
            self.folders.set_folders(paths)

    def _lint(self, uri: str, text: str, version: int | None) -> Linted:
        """Lint one document version (in the worker thread), or reuse its cached result."""
        lines = split_lines(text)
        if not is_report(uri):
            return Linted(version, 0, lines)
        self._sync_folders()
        folder = self.folders.for_file(file_of(uri))
        try:
            session = folder.current()
        except SessionError as error:
            return Linted(version, -1, lines, lsp=[problem_diagnostic(str(error))], folder=folder)
        cached = self.results.get(uri)
        if cached and cached.version == version and cached.generation == folder.generation and cached.lines == lines:
            return cached
        name = lint_name(uri)
        try:
            result = session.lint_text(text, path=name)
        except RunError as error:
            return Linted(version, -1, lines, lsp=[problem_diagnostic(str(error))], folder=folder)
        if result.errors:
            return Linted(version, -1, lines, lsp=[problem_diagnostic(e) for e in result.errors], folder=folder)
        found = tuple(d for d in result.diagnostics if d.path == name)
        lsp = [to_lsp_diagnostic(uri, lines, d, self.encoding) for d in found]
        linted = Linted(version, folder.generation, lines, found, lsp, folder)
        self.results[uri] = linted
        return linted

    async def linted(self, uri: str) -> Linted:
        """The findings of the document's current text."""
        document = self.workspace.get_text_document(uri)
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self.worker, self._lint, uri, document.source, document.version)

    async def publish(self, uri: str, delay: float = 0.0) -> None:
        """Push the document's findings (after *delay*, unless a newer change cancels this first)."""
        if delay:
            await asyncio.sleep(delay)
        document = self.workspace.get_text_document(uri)
        version = document.version
        linted = await self.linted(uri)
        if self.workspace.get_text_document(uri).version != version:
            return  # typed over while linting: the newer change publishes
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=linted.lsp, version=version)
        )

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint and push later, replacing a lint still waiting for the same document."""
        if self.pulls:
            return
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.get_running_loop().create_task(self.publish(uri, delay))

    async def refresh(self) -> None:
        """After the configuration or baseline changed: have every open document's findings renewed."""
        self.results.clear()
        if not self.pulls:
            for uri in list(self.workspace.text_documents):
                self.schedule(uri)
            return
        workspace = self.client_capabilities.workspace
        if workspace and workspace.diagnostics and workspace.diagnostics.refresh_support:
            self.workspace_diagnostic_refresh(None)

    def run_locked(self, function: Any, *args: Any) -> asyncio.Future[Any]:
        """Run *function* in the lint worker, so it never edits state a lint is using."""
        return asyncio.get_running_loop().run_in_executor(self.worker, function, *args)

    # -- settings ---------------------------------------------------------------------
    def configure(self, settings: Any) -> None:
        """Take the ``baseline`` setting from initializationOptions or workspace settings."""
        if isinstance(settings, dict):
            settings = settings.get("reportlint", settings)
        if isinstance(settings, dict) and isinstance(settings.get("baseline"), str):
            self.folders.set_baseline(settings["baseline"])

    # -- commands ---------------------------------------------------------------------
    def ignore_for_file(self, uri: str, code: str) -> dict[str, Any]:
        """Write ``per-file-ignores`` for *code* and this document's file (in the worker)."""
        file = file_of(uri)
        if file is None or not isinstance(code, str):
            raise EditError("只有已保存的文件才能在配置中忽略规则")
        folder = self.folders.for_file(file)
        target, changed = add_per_file_ignore(folder.config_path(), folder.path, file, code.upper())
        folder.session = None
        return {"config": str(target), "changed": changed}

    def accept(self, uri: str, data: Any) -> dict[str, Any]:
        """Add the document's findings named by *data* (all when ``None``) to the baseline (in the worker)."""
        linted = self.results.get(uri)
        if linted is None or linted.folder is None or file_of(uri) is None:
            raise BaselineError("只有已保存并检查过的文件才能加入基线")
        added = actions.accept_into_baseline(linted.folder.baseline, actions.matching(linted.diagnostics, data))
        linted.folder.session = None
        return {"baseline": str(linted.folder.baseline), "added": added}

    async def apply_fixes(self, uri: str, data: Any, all_safe: bool) -> dict[str, Any]:
        """Send the edits of one finding's fix, or of every safe fix (as ``--fix`` applies them), if any."""
        linted = await self.linted(uri)
        fixed = 0
        if all_safe:
            text = self.workspace.get_text_document(uri).source
            chosen, fixed = await self.run_locked(self._fix_all, uri, text, linted)
        else:
            chosen = actions.edits_of(actions.matching(linted.diagnostics, data))
            fixed = 1 if chosen else 0
        edit = actions.fix_edit(uri, linted.version, linted.lines, chosen, self.encoding)
        if edit is not None:
            await self.workspace_apply_edit_async(types.ApplyWorkspaceEditParams(edit=edit, label="reportlint"))
        return {"edits": len(chosen), "fixed": fixed}

    def _fix_all(self, uri: str, text: str, linted: Linted) -> tuple[list[TextEdit], int]:
        """Every safe fix of the buffer, re-linting between rounds (in the worker): (the edit, fixes applied)."""
        if linted.folder is None or not linted.diagnostics:
            return [], 0
        try:
            session = linted.folder.current()
        except SessionError:
            return [], 0  # the configuration broke since: the document shows that error instead
        name = lint_name(uri)

        def lint(current: str) -> tuple[Diagnostic, ...]:
            return tuple(d for d in session.lint_text(current, path=name).diagnostics if d.path == name)

        edits, outcome = fix_all(text, lint, linted.diagnostics)
        return edits, outcome.fixed

    def hover_text(self, linted: Linted, position: types.Position) -> str | None:
        """The explanation of every rule with a finding under *position*."""
        session = linted.folder.session if linted.folder else None
        if session is None:
            return None
        here = (position.line, position.character)
        texts: list[str] = []
        for diagnostic, shown in linted.pairs():
            start, end = shown.range.start, shown.range.end
            if (start.line, start.character) <= here <= (end.line, end.character):
                rule = session.registry.rules.get(diagnostic.code)
                text = explain(rule) if rule is not None else diagnostic.message
                if text not in texts:
                    texts.append(text)
        return "\n\n".join(texts) or None


def overlaps(shown: types.Range, wanted: types.Range) -> bool:
    """Whether two LSP ranges touch (a cursor at either end of a finding counts)."""
    return (shown.start.line, shown.start.character) <= (wanted.end.line, wanted.end.character) and (
        wanted.start.line,
        wanted.start.character,
    ) <= (shown.end.line, shown.end.character)
