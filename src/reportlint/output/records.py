"""The schema of diagnostics that leave the process (JSON output, SARIF, baselines).

Inside the process a diagnostic is a plain dataclass; at the boundary it is
validated into these pydantic records, so every consumer gets the same shape.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, TypeAdapter

from reportlint.diagnostics import Diagnostic, Severity


class CellRecord(BaseModel):
    """One cell of an arithmetic finding's evidence."""

    model_config = ConfigDict(frozen=True, from_attributes=True, defer_build=True)

    table: str
    row: str
    column: str
    value: float | None
    text: str
    line: int
    column_number: int


class EvidenceRecord(BaseModel):
    """Expected and found values, and the operand cells with their positions."""

    model_config = ConfigDict(frozen=True, from_attributes=True, defer_build=True)

    expected: float | None = None
    found: float | None = None
    cells: tuple[CellRecord, ...] = ()


class DiagnosticRecord(BaseModel):
    """Every field of a finding, as ``--format json`` prints it."""

    model_config = ConfigDict(frozen=True, from_attributes=True, defer_build=True)

    path: str
    line: int
    column: int
    end_line: int | None
    end_column: int | None
    code: str
    name: str
    severity: Severity
    message: str
    evidence: EvidenceRecord | None


RECORDS = TypeAdapter(list[DiagnosticRecord])


def to_records(diagnostics: list[Diagnostic]) -> list[DiagnosticRecord]:
    """Validate diagnostics into records."""
    return RECORDS.validate_python(diagnostics, from_attributes=True)
