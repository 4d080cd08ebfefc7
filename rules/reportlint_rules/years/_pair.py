"""Small helpers the Y rules share: how a message names last year's report and its figures."""

from __future__ import annotations

from reportlint.model import Report


def year_of(report: Report) -> str:
    """「2023年」, or 「本年」/「上年」-neutral 「该年」 when the report does not say its year."""
    return f"{report.year}年" if report.year is not None else "该年"


def previous_name(previous: Report, previous_path: str) -> str:
    """How a message names last year's report: its file and, when known, its year."""
    year = f"（{previous.year}年）" if previous.year is not None else ""
    return f"上年报告 {previous_path}{year}"
