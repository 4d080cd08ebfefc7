"""Output formats. Each module turns a run's diagnostics into one format's text.

Formatters are plain functions ``(diagnostics, context) -> str``; rules never print.
They are imported only when chosen, and this package imports nothing heavy itself,
so the command line can list the formats without loading the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import import_module
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportlint.diagnostics import Diagnostic
    from reportlint.output.context import RunContext

Formatter = Callable[["Sequence[Diagnostic]", "RunContext"], str]

FORMATS = {
    "default": "reportlint.output.default:format_default",
    "json": "reportlint.output.json:format_json",
    "sarif": "reportlint.output.sarif:format_sarif",
    "github": "reportlint.output.github:format_github",
    "junit": "reportlint.output.junit:format_junit",
    "html": "reportlint.output.html:format_html",
    "csv": "reportlint.output.csv:format_csv",
}
NEEDS_REPORTS = frozenset({"html", "csv"})
"""Formats that draw or measure the report model, so the run must keep it."""


def formatter(name: str) -> Formatter:
    """The formatter function of format *name* (one of :data:`FORMATS`)."""
    module, _, function = FORMATS[name].partition(":")
    found: Formatter = getattr(import_module(module), function)
    return found


__all__ = ["FORMATS", "NEEDS_REPORTS", "Formatter", "formatter"]
