"""Output formats: diagnostics in, text out. Rules never print; this layer does."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlint.diagnostics import Diagnostic

Formatter = Callable[[Sequence[Diagnostic]], str]


def format_default(diagnostics: Sequence[Diagnostic]) -> str:
    """``path:line:col: CODE message``, one per line, as flake8 prints them."""
    return "".join(f"{d.path}:{d.line}:{d.column}: {d.code} {d.message}\n" for d in diagnostics)


FORMATTERS: dict[str, Formatter] = {"default": format_default}
