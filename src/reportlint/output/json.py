"""``--format json``: every field of every finding, evidence included."""

from __future__ import annotations

import json
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic
from reportlint.output.context import RunContext


def format_json(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """A JSON array of findings (path, line, column, end, code, name, severity, message, evidence)."""
    records = [diagnostic.model_dump(mode="json", exclude={"anchor"}) for diagnostic in diagnostics]
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
