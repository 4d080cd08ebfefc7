"""The report model: what a rule sees — sections, tables and cells with their meaning."""

from __future__ import annotations

from reportlint.model.report import Report
from reportlint.model.sections import Section
from reportlint.model.tables import CellRef, DataRow, ReportTable
from reportlint.model.values import CellKind, CellValue
from reportlint.model.versions import TemplateVersion

__all__ = [
    "CellKind",
    "CellRef",
    "CellValue",
    "DataRow",
    "Report",
    "ReportTable",
    "Section",
    "TemplateVersion",
]
