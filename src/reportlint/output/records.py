"""The schema of diagnostics that leave the process (``--format json``).

Inside the process a diagnostic is a plain frozen dataclass; pydantic serialises
those dataclasses directly, so the JSON shape is defined once, by
:class:`reportlint.diagnostics.Diagnostic`, and the anchor (a baseline detail) is
left out.
"""

from __future__ import annotations

from pydantic import TypeAdapter

from reportlint.diagnostics import Diagnostic

RECORDS: TypeAdapter[list[Diagnostic]] = TypeAdapter(list[Diagnostic])


def dump_json(diagnostics: list[Diagnostic]) -> str:
    """The diagnostics as a JSON array, every field but the anchor."""
    return RECORDS.dump_json(diagnostics, indent=2, exclude={"__all__": {"anchor"}}).decode("utf-8")
