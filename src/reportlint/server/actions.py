"""Code actions and the commands behind them, run by the server itself.

Every action is a ``workspace/executeCommand`` the server carries out (it edits the
configuration or the baseline on disk, or sends ``workspace/applyEdit`` for fixes), so
it works in editors that do not run client-side commands. The actions:

- apply a finding's fix (only for findings that carry one, see :mod:`.fixes`);
- fix all safe ones (offered when a finding has a safe fix; applied as ``--fix`` would);
- ignore this code for this file (``per-file-ignores``, see :mod:`.tomledit`);
- accept this finding, or all of this file's findings, into the baseline.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from lsprotocol import types

from reportlint.baseline import BaselineEntry, BaselineError, BaselineFile, fingerprint, read_baseline, recorded_path
from reportlint.diagnostics import Diagnostic, EngineCode, TextEdit
from reportlint.server.convert import finding_data
from reportlint.server.fixes import fix_of, has_safe_fixes
from reportlint.server.positions import UTF16, to_lsp

APPLY_FIX = "reportlint.applyFix"
FIX_ALL = "reportlint.fixAll"
IGNORE_FOR_FILE = "reportlint.ignoreForFile"
ACCEPT_INTO_BASELINE = "reportlint.acceptIntoBaseline"
FIX_ALL_KIND = f"{types.CodeActionKind.SourceFixAll.value}.reportlint"


def _action(title: str, kind: str, command: str, *arguments: Any) -> types.CodeAction:
    return types.CodeAction(
        title=title, kind=kind, command=types.Command(title=title, command=command, arguments=list(arguments))
    )


def code_actions(
    uri: str, concerned: Iterable[Diagnostic], everything: tuple[Diagnostic, ...], on_disk: bool
) -> list[types.CodeAction]:
    """The actions for the findings *concerned* by a request, in a document whose findings are *everything*.

    Ignoring and the baseline need a file on disk (*on_disk*); an untitled buffer gets fixes only.
    """
    quick = types.CodeActionKind.QuickFix.value
    actions: list[types.CodeAction] = []
    ignored: set[str] = set()
    for diagnostic in concerned:
        fix = fix_of(diagnostic)
        if fix is not None:
            title = f"修复：{fix.title}" if fix.safe else f"修复（需确认）：{fix.title}"
            actions.append(_action(title, quick, APPLY_FIX, uri, finding_data(diagnostic)))
        if not on_disk or diagnostic.code == EngineCode.STALE_BASELINE:
            continue
        if diagnostic.code not in ignored:
            ignored.add(diagnostic.code)
            actions.append(_action(f"在本文件中忽略 {diagnostic.code}", quick, IGNORE_FOR_FILE, uri, diagnostic.code))
        actions.append(
            _action(
                f"将此问题（{diagnostic.code}）加入基线", quick, ACCEPT_INTO_BASELINE, uri, finding_data(diagnostic)
            )
        )
    if on_disk and everything:
        actions.append(_action("将本文件的全部问题加入基线", quick, ACCEPT_INTO_BASELINE, uri, None))
    if has_safe_fixes(everything):
        actions.append(_action("修复全部可安全修复的问题", FIX_ALL_KIND, FIX_ALL, uri))
    return actions


def matching(everything: tuple[Diagnostic, ...], data: Any) -> list[Diagnostic]:
    """The findings a command's ``data`` argument names (``None``: all of them)."""
    if data is None:
        return list(everything)
    if not isinstance(data, dict):
        return []
    wanted = (data.get("code"), data.get("line"), data.get("column"))
    return [d for d in everything if (d.code, d.line, d.column) == wanted]


def accept_into_baseline(baseline: Path, diagnostics: Iterable[Diagnostic]) -> int:
    """Add *diagnostics* to the baseline file (created if missing); returns how many were added.

    The entries already there, for this file and others, are kept: accepting one finding
    does not forget the ones accepted before.
    """
    path = str(baseline)
    entries = list(read_baseline(path).findings) if baseline.is_file() else []
    added = [
        BaselineEntry(
            path=recorded_path(d.path, path), code=d.code, fingerprint=fingerprint(d, path), message=d.message
        )
        for d in diagnostics
        if d.code != EngineCode.STALE_BASELINE
    ]
    document = BaselineFile(findings=entries + added)
    text = json.dumps(document.model_dump(mode="json"), ensure_ascii=False, indent=2) + "\n"
    try:
        baseline.parent.mkdir(parents=True, exist_ok=True)
        baseline.write_text(text, encoding="utf-8")
    except OSError as error:
        raise BaselineError(f"{baseline}: 无法写入基线文件：{error.strerror or error}") from None
    return len(added)


def fix_edit(
    uri: str, version: int | None, lines: list[str], edits: list[TextEdit], encoding: str = UTF16
) -> types.WorkspaceEdit | None:
    """The workspace edit that applies *edits* to the document, or ``None`` when there is nothing to do."""
    if not edits:
        return None
    text_edits: list[types.TextEdit | types.AnnotatedTextEdit | types.SnippetTextEdit] = [
        types.TextEdit(
            range=types.Range(
                types.Position(*to_lsp(lines, edit.line, edit.column, encoding)),
                types.Position(*to_lsp(lines, edit.end_line, edit.end_column, encoding)),
            ),
            new_text=edit.replacement,
        )
        for edit in edits
    ]
    document = types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=version)
    return types.WorkspaceEdit(document_changes=[types.TextDocumentEdit(text_document=document, edits=text_edits)])


def edits_of(diagnostics: Iterable[Diagnostic]) -> list[TextEdit]:
    """Every edit of the fixes of *diagnostics* (one finding's fix, applied on request)."""
    return [edit for d in diagnostics if (fix := fix_of(d)) is not None for edit in fix.edits]
