"""Suggested fixes as text edits: the plumbing a finding's fix travels through to the editor.

No rule proposes a fix yet (issue 12, item 4, will add them). When it does, a
:class:`reportlint.diagnostics.Diagnostic` carries a ``fix`` attribute: an object with
``edits`` (each with ``line``, ``column``, ``end_line``, ``end_column`` — 1-based code
points, like the finding — and ``replacement``), a ``safe`` flag and a Chinese
``title``. :func:`fix_of` reads it duck-typed, so the server needs no change on that day:
each fix becomes a quick fix, and the safe ones are applied by "fix all".
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reportlint.diagnostics import Diagnostic


@dataclass(frozen=True, slots=True)
class TextEdit:
    """Replace the text from (line, column) up to, not including, (end_line, end_column)."""

    line: int
    column: int
    end_line: int
    end_column: int
    replacement: str


@dataclass(frozen=True, slots=True)
class SuggestedFix:
    """One finding's fix: what the editor shows, whether it is safe, and its edits."""

    title: str
    safe: bool
    edits: tuple[TextEdit, ...]


def fix_of(diagnostic: Diagnostic) -> SuggestedFix | None:
    """The fix *diagnostic* carries, or ``None`` (every finding, until rules propose fixes)."""
    fix: Any = getattr(diagnostic, "fix", None)
    if fix is None:
        return None
    try:
        edits = tuple(
            TextEdit(int(e.line), int(e.column), int(e.end_line), int(e.end_column), str(e.replacement))
            for e in fix.edits
        )
        return SuggestedFix(str(getattr(fix, "title", "") or f"修复 {diagnostic.code}"), bool(fix.safe), edits)
    except (AttributeError, TypeError, ValueError):
        return None  # a malformed fix from a third-party rule is not offered, never a crash


def safe_edits(diagnostics: tuple[Diagnostic, ...]) -> list[TextEdit]:
    """The edits of every safe fix, without overlaps (the first fix in text order wins)."""
    chosen: list[TextEdit] = []
    for diagnostic in diagnostics:
        fix = fix_of(diagnostic)
        if fix is None or not fix.safe:
            continue
        if not any(_overlaps(edit, taken) for edit in fix.edits for taken in chosen):
            chosen.extend(fix.edits)
    return chosen


def _overlaps(a: TextEdit, b: TextEdit) -> bool:
    return (a.line, a.column) < (b.end_line, b.end_column) and (b.line, b.column) < (a.end_line, a.end_column)
