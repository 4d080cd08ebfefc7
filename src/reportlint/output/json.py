"""``--format json``: every field of every finding, evidence and suggested fix included.

Inside the process a diagnostic is a plain frozen dataclass; pydantic serialises
those dataclasses directly, so the JSON shape is defined once, by
:class:`reportlint.diagnostics.Diagnostic`. The anchor (a baseline detail) is left out,
and so is ``origin`` for plain-text files. ``fix`` is ``null`` when the finding has none,
as in ruff's JSON, so every record has the same keys.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.escaping import json_document
from reportlint.output.context import RunContext


def format_json(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """A JSON array of findings (path, line, column, end, code, name, severity, message, evidence, fix)."""
    import json

    from pydantic import TypeAdapter

    records = TypeAdapter(list[Diagnostic]).dump_python(list(diagnostics), mode="json", exclude={"__all__": {"anchor"}})
    for record in records:
        if record["origin"] is None:
            del record["origin"]  # only findings in documents have one
    return json_document(json.dumps(records, ensure_ascii=False, indent=2)) + "\n"
