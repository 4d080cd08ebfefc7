"""``--format json``: every field of every finding, evidence included.

Inside the process a diagnostic is a plain frozen dataclass; pydantic serialises
those dataclasses directly, so the JSON shape is defined once, by
:class:`reportlint.diagnostics.Diagnostic`. The anchor (a baseline detail) is left out.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.output.context import RunContext


def format_json(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """A JSON array of findings (path, line, column, end, code, name, severity, message, evidence)."""
    from pydantic import TypeAdapter

    records = TypeAdapter(list[Diagnostic]).dump_json(list(diagnostics), indent=2, exclude={"__all__": {"anchor"}})
    return records.decode("utf-8") + "\n"
