"""``--format github``: GitHub Actions workflow commands, which annotate the diff."""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.escaping import printable
from reportlint.output.context import RunContext


def _escape_data(text: str) -> str:
    """GitHub's own escapes for ``%``, CR and LF; every other unsafe character made visible."""
    return printable(text, keep="\r\n").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """``::error file=…,line=…,col=…,title=CODE::message`` (``::warning`` for warnings)."""
    out = []
    for d in diagnostics:
        command = "error" if d.severity is Severity.ERROR else "warning"
        properties = f"file={_escape_property(d.path)},line={d.line},col={d.column}"
        if d.end_line is not None:
            properties += f",endLine={d.end_line}"
        if d.end_column is not None:
            properties += f",endColumn={d.end_column}"
        title = _escape_property(f"{d.code} {d.name}")
        out.append(f"::{command} {properties},title={title}::{_escape_data(d.message)}\n")
    return "".join(out)
