"""Suggested fixes in the editor: one finding's fix as a quick fix, and "fix all" through :mod:`reportlint.fixing`.

A :class:`reportlint.diagnostics.Diagnostic` carries its rule's :class:`~reportlint.diagnostics.Fix`
(checked when the rule yielded it, see :mod:`reportlint.rule_guard`). A quick fix sends
that fix's edits. "Fix all" runs the CLI's ``--fix`` on the buffer — safe fixes only,
round after round with a re-lint in between (:func:`reportlint.fixing.fix_text`) — and
sends the change as one edit spanning what changed, so the editor keeps the cursor and
the undo history of the rest.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlint.diagnostics import Diagnostic, Fix, TextEdit
from reportlint.fixing import FixedText, Lint, applies, fix_text
from reportlint.server.positions import split_lines


def fix_of(diagnostic: Diagnostic) -> Fix | None:
    """The fix *diagnostic* carries, or ``None`` when it has none (or one without edits)."""
    fix = diagnostic.fix
    return fix if fix is not None and fix.edits else None


def has_safe_fixes(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether "fix all" would change anything: some finding has a safe fix."""
    return any(applies(d.fix, unsafe=False) for d in diagnostics)


def fix_all(text: str, lint: Lint, found: tuple[Diagnostic, ...]) -> tuple[list[TextEdit], FixedText]:
    """The edit that applies every safe fix of *text* (whose findings are *found*), and the outcome.

    No edit when nothing changes.
    """
    outcome = fix_text(text, lint, found=found)
    if outcome.text == text:
        return [], outcome
    return [changed_span(text, outcome.text)], outcome


def changed_span(before: str, after: str) -> TextEdit:
    """One edit turning *before* into *after*: the text between their common start and common end."""
    start = 0
    limit = min(len(before), len(after))
    while start < limit and before[start] == after[start]:
        start += 1
    end = 0
    while end < limit - start and before[len(before) - 1 - end] == after[len(after) - 1 - end]:
        end += 1
    line, column = _position(before, start)
    end_line, end_column = _position(before, len(before) - end)
    return TextEdit(line, column, end_line, end_column, after[start : len(after) - end])


def _position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and code-point column of *offset* in *text*, lines split as the editor splits them."""
    lines = split_lines(text[:offset])
    return len(lines), len(lines[-1]) + 1
