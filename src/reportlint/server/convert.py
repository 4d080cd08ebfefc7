"""reportlint's findings as LSP diagnostics: range, severity, code, docs link, related cells.

A finding with an extent (``end_line``/``end_column``, exclusive) covers it; one
without covers the single character at its position (the cell or the word a rule
points at), or nothing at the end of a line. Each diagnostic carries in ``data`` the
finding's own code and 1-based code-point position, so a code action or a command can
find the finding again without converting positions back.
"""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from reportlint.diagnostics import CellEvidence, Diagnostic, Severity
from reportlint.server.positions import UTF16, to_lsp

SOURCE = "reportlint"

RULE_DOCS_URL = "https://reportlint.readthedocs.io/en/latest/reference/rules/#{code}"
"""Where a rule's documentation is: the generated rule reference, one anchor per code."""

_SEVERITIES = {Severity.ERROR: types.DiagnosticSeverity.Error, Severity.WARNING: types.DiagnosticSeverity.Warning}


def finding_range(lines: list[str], diagnostic: Diagnostic, encoding: str = UTF16) -> types.Range:
    """The LSP range of *diagnostic* in a document with *lines*."""
    start = to_lsp(lines, diagnostic.line, diagnostic.column, encoding)
    if diagnostic.end_line is not None and diagnostic.end_column is not None:
        end = to_lsp(lines, diagnostic.end_line, diagnostic.end_column, encoding)
    else:
        end = to_lsp(lines, diagnostic.line, diagnostic.column + 1, encoding)
    if end < start:
        end = start
    return types.Range(types.Position(*start), types.Position(*end))


def _cell_location(uri: str, lines: list[str], cell: CellEvidence, encoding: str) -> types.DiagnosticRelatedInformation:
    start = to_lsp(lines, cell.line, cell.column_number, encoding)
    end = to_lsp(lines, cell.line, cell.column_number + max(len(cell.text), 1), encoding)
    where = f"表{cell.table}「{cell.row}」{cell.column}"
    return types.DiagnosticRelatedInformation(
        location=types.Location(uri, types.Range(types.Position(*start), types.Position(*end))),
        message=f"{where}：{cell.text or '（空）'}",
    )


def finding_data(diagnostic: Diagnostic) -> dict[str, Any]:
    """What a diagnostic's ``data`` holds: enough to find the finding again."""
    return {"code": diagnostic.code, "line": diagnostic.line, "column": diagnostic.column}


def to_lsp_diagnostic(uri: str, lines: list[str], diagnostic: Diagnostic, encoding: str = UTF16) -> types.Diagnostic:
    """One finding as an LSP diagnostic in the document *uri*."""
    cells = diagnostic.evidence.cells if diagnostic.evidence else ()
    related = [_cell_location(uri, lines, cell, encoding) for cell in cells]
    return types.Diagnostic(
        range=finding_range(lines, diagnostic, encoding),
        message=diagnostic.message,
        severity=_SEVERITIES.get(diagnostic.severity, types.DiagnosticSeverity.Warning),
        code=diagnostic.code,
        code_description=types.CodeDescription(href=RULE_DOCS_URL.format(code=diagnostic.code)),
        source=SOURCE,
        related_information=related or None,
        data=finding_data(diagnostic),
    )


def problem_diagnostic(message: str) -> types.Diagnostic:
    """A configuration or plugin error, shown at the top of the document instead of findings."""
    return types.Diagnostic(
        range=types.Range(types.Position(0, 0), types.Position(0, 0)),
        message=message,
        severity=types.DiagnosticSeverity.Error,
        source=SOURCE,
    )
