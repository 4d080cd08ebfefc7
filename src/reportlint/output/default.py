"""The default format: ``path:line:col: CODE message``, as flake8 prints it.

With ``--show-source`` each finding is followed by its line and a caret under the
column, as flake8's ``--show-source`` does. Only a window of the line around the
column is shown (``...`` marks a cut): one very long line with many findings would
otherwise print findings × line length (a 2.6 MB line filled gigabytes).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.escaping import printable
from reportlint.output.context import RunContext


def format_line(diagnostic: Diagnostic) -> str:
    """One finding, without newline; the file name and message escaped (see :mod:`.escape`)."""
    d = diagnostic
    return f"{printable(d.path)}:{d.line}:{d.column}: {d.code} {printable(d.message)}"


def format_default(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """One finding per line; with sources, the line and a caret under each."""
    out: list[str] = []
    for diagnostic in diagnostics:
        out.append(format_line(diagnostic) + "\n")
        lines = context.sources.get(diagnostic.path)
        if lines is not None and 0 < diagnostic.line <= len(lines):
            out.append(_source_with_caret(lines[diagnostic.line - 1], diagnostic.column))
    return "".join(out)


SOURCE_BEFORE = 40
"""Characters of the line shown before the finding's column."""
SOURCE_AFTER = 60
"""Characters shown from the column on."""
_CUT = "..."


def _source_with_caret(line: str, column: int) -> str:
    """The line around *column* (tabs as spaces, unsafe characters escaped) and a caret under it."""
    index = min(max(column - 1, 0), len(line))
    start = max(0, index - SOURCE_BEFORE)
    end = min(len(line), index + SOURCE_AFTER)
    before = (_CUT if start else "") + printable(line[start:index].replace("\t", " "))
    after = printable(line[index:end].replace("\t", " ")) + (_CUT if end < len(line) else "")
    width = sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in before)
    return f"{before}{after}\n{' ' * width}^\n"
