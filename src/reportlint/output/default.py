"""The default format: ``path:line:col: CODE message``, as flake8 prints it.

With ``--show-source`` each finding is followed by its line and a caret under the
column, as flake8's ``--show-source`` does. Only a window of the line around the
column is shown (``...`` marks a cut): one very long line with many findings would
otherwise print findings × line length (a 2.6 MB line filled gigabytes).

With ``--show-fixes`` a finding that carries a fix is followed by its title, marked
``[*] 可自动修复`` (safe: ``--fix`` applies it) or ``[?] 需确认`` (``--unsafe-fixes``), and each
changed place of a line before (``-``) and after (``+``) the fix, in a window around the edits.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic, Fix, TextEdit
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
        if context.show_source and lines is not None and 0 < diagnostic.line <= len(lines):
            out.append(_source_with_caret(lines[diagnostic.line - 1], diagnostic.column))
        if context.show_fixes and diagnostic.fix is not None and diagnostic.fix.edits:
            out.append(format_fix(diagnostic.fix, lines))
    return "".join(out)


FIX_CONTEXT = 12
"""Characters shown on either side of a fix's edits on one line."""
FIX_LINES = 3
"""Changed places shown per fix; a fix of a whole report's punctuation says how many more."""


def format_fix(fix: Fix, lines: list[str] | None) -> str:
    """A fix as ``--show-fixes`` prints it: its mark and title, then each changed place before and after.

    Edits close together on one line are shown in one window; a fix with many places
    (a whole report's punctuation) shows the first :data:`FIX_LINES` and counts the rest.
    """
    mark = "[*] 可自动修复" if fix.safe else "[?] 需确认（--unsafe-fixes）"
    out = [f"  {mark}：{printable(fix.title)}\n"]
    places = _places(fix.edits)
    for edits in places[:FIX_LINES]:
        number = edits[0].line
        if lines is None or not 0 < number <= len(lines) or any(edit.end_line != number for edit in edits):
            out += [f"    第{e.line}行第{e.column}列：改为「{printable(e.replacement)}」\n" for e in edits]
            continue
        before, after = _fix_window(lines[number - 1], edits)
        out += [f"    {number} - {before}\n", f"    {number} + {after}\n"]
    if len(places) > FIX_LINES:
        out.append(f"    ……另有 {len(places) - FIX_LINES} 处（共 {len(fix.edits)} 项修改）\n")
    return "".join(out)


def _places(edits: tuple[TextEdit, ...]) -> list[list[TextEdit]]:
    """*edits* in groups shown in one window each: on one line, less than two contexts apart."""
    places: list[list[TextEdit]] = []
    for edit in sorted(edits, key=lambda e: e.start):
        last = places[-1][-1] if places else None
        if (
            last is not None
            and last.line == edit.line == last.end_line
            and edit.column - last.end_column < 2 * FIX_CONTEXT
        ):
            places[-1].append(edit)
        else:
            places.append([edit])
    return places


def _fix_window(line: str, edits: list[TextEdit]) -> tuple[str, str]:
    """The part of *line* around *edits* (one line's edits), before and after they are applied."""
    start = max(0, min(edit.column for edit in edits) - 1 - FIX_CONTEXT)
    end = min(len(line), max(edit.end_column for edit in edits) - 1 + FIX_CONTEXT)
    after, position = [], start
    for edit in sorted(edits, key=lambda e: e.column):
        after.append(line[position : edit.column - 1] + edit.replacement)
        position = max(position, edit.end_column - 1)
    after.append(line[position:end])
    left, right = (_CUT if start else ""), (_CUT if end < len(line) else "")
    return (
        left + printable(line[start:end].replace("\t", " ")) + right,
        left + printable("".join(after).replace("\t", " ")) + right,
    )


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
