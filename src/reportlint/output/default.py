"""The default format: ``path:line:col: CODE message``, as flake8 prints it.

With ``--show-source`` each finding is followed by its line and a caret under the
column, as flake8's ``--show-source`` does.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.output.context import RunContext


def format_line(diagnostic: Diagnostic) -> str:
    """One finding, without newline."""
    d = diagnostic
    return f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}"


def format_default(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """One finding per line; with sources, the line and a caret under each."""
    out: list[str] = []
    for diagnostic in diagnostics:
        out.append(format_line(diagnostic) + "\n")
        lines = context.sources.get(diagnostic.path)
        if lines is not None and 0 < diagnostic.line <= len(lines):
            out.append(_source_with_caret(lines[diagnostic.line - 1], diagnostic.column))
    return "".join(out)


def _source_with_caret(line: str, column: int) -> str:
    """The line (tabs shown as spaces) and a caret under *column*, in display cells."""
    shown = line.replace("\t", " ")
    before = shown[: max(column - 1, 0)]
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in before)
    return f"{shown}\n{' ' * width}^\n"
