"""``--format json``: every field of every finding, evidence included."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.output.context import RunContext


def format_json(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """A JSON array of findings (path, line, column, end, code, name, severity, message, evidence)."""
    from reportlint.output.records import dump_json

    return dump_json(list(diagnostics)) + "\n"
