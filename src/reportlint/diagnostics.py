"""Diagnostics: the small frozen values that rules yield and formatters print.

They are pydantic models because they leave the process (JSON, SARIF, baselines),
and frozen because a finding, once made, is a fact.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class Severity(StrEnum):
    """How bad a finding is; by default only errors fail a run."""

    ERROR = "error"
    WARNING = "warning"


class Position(BaseModel):
    """A 1-based line and column in the original file (columns count characters)."""

    model_config = ConfigDict(frozen=True)

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


class CellEvidence(BaseModel):
    """One table cell that an arithmetic finding rests on."""

    model_config = ConfigDict(frozen=True)

    table: str
    row: str
    column: str
    value: float | None
    text: str
    line: int
    column_number: int


class Evidence(BaseModel):
    """Structured support for a finding: what was expected, what was found, from which cells."""

    model_config = ConfigDict(frozen=True)

    expected: float | None = None
    found: float | None = None
    cells: tuple[CellEvidence, ...] = ()


class Finding(BaseModel):
    """What a rule reports: a message at a position; the engine adds the rest."""

    model_config = ConfigDict(frozen=True)

    message: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None
    evidence: Evidence | None = None
    anchor: str = ""
    """Normalised text the finding is tied to (the line or cell); used for baselines."""


class Diagnostic(BaseModel):
    """A finding with its file, code, rule name and severity: what leaves the process."""

    model_config = ConfigDict(frozen=True)

    path: str
    line: int
    column: int
    code: str
    name: str
    severity: Severity
    message: str
    end_line: int | None = None
    end_column: int | None = None
    evidence: Evidence | None = None
    anchor: str = ""

    def sort_key(self) -> tuple[str, int, int, str]:
        """Order of output: path, line, column, then code."""
        return (self.path, self.line, self.column, self.code)
