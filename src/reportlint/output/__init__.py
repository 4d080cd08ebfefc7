"""Output formats. Each module turns a run's diagnostics into one format's text.

Formatters are plain functions ``(diagnostics, context) -> str``; rules never print.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.output.context import RunContext
from reportlint.output.default import format_default
from reportlint.output.github import format_github
from reportlint.output.json import format_json
from reportlint.output.junit import format_junit
from reportlint.output.sarif import format_sarif

Formatter = Callable[[Sequence[Diagnostic], RunContext], str]

FORMATTERS: dict[str, Formatter] = {
    "default": format_default,
    "json": format_json,
    "sarif": format_sarif,
    "github": format_github,
    "junit": format_junit,
}

__all__ = ["FORMATTERS", "Formatter", "RunContext"]
