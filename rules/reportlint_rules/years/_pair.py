"""Small helpers the Y rules share: the two years' tables, and how a message names last year's report."""

from __future__ import annotations

from reportlint.model import Report, ReportTable


def both_tables(
    current: Report, previous: Report, kind: str, version: str | None = None
) -> tuple[ReportTable, ReportTable] | None:
    """Table *kind* of this year's and of last year's report, or ``None`` when either lacks it
    (or, with *version*, when either report is not in that format)."""
    if version is not None and (current.template.version != version or previous.template.version != version):
        return None
    this_table, last_table = current.tables.get(kind), previous.tables.get(kind)
    if this_table is None or last_table is None:
        return None
    return this_table, last_table


def year_of(report: Report) -> str:
    """「2023年」, or 「本年」/「上年」-neutral 「该年」 when the report does not say its year."""
    return f"{report.year}年" if report.year is not None else "该年"


def previous_name(previous: Report, previous_path: str) -> str:
    """How a message names last year's report: its file and, when known, its year."""
    year = f"（{previous.year}年）" if previous.year is not None else ""
    return f"上年报告 {previous_path}{year}"
