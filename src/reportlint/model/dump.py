"""``reportlint parse FILE``: the model a rule sees, as text or JSON.

Rule authors use it to see what to match: the sections with their lines, the
template version and why, and every table cell with its (row, column) key, value
and position.
"""

from __future__ import annotations

import json
import math
from typing import Any

from reportlint.escaping import printable
from reportlint.model import Report, ReportTable
from reportlint.model.sections import SECTION_TITLES


def _table_dict(table: ReportTable) -> dict[str, Any]:
    return {
        "kind": table.kind,
        "line": table.line,
        "end_line": table.end_line,
        "rows": [
            {
                "key": row.key,
                "label": row.label,
                "line": row.line,
                "cells": [
                    {
                        "column": column,
                        "kind": ref.value.kind.value,
                        "value": _finite(ref.value.number),
                        "unit": ref.value.unit,
                        "text": ref.value.text,
                        "line": ref.line,
                        "col": ref.column_number,
                    }
                    for column, ref in row.cells.items()
                ],
            }
            for row in [*table.rows.values(), *table.extra_rows]
        ],
        "header": [cell.text for cell in table.header_cells],
    }


def _finite(number: float | None) -> float | None:
    """*number*, or ``None`` for infinity and NaN, which JSON cannot hold (the cell's text is kept)."""
    return number if number is None or math.isfinite(number) else None


def model_dict(report: Report) -> dict[str, Any]:
    """The model as plain data (for ``--format json``)."""
    return {
        "path": report.path,
        "title": report.title.text if report.title else None,
        "year": report.year,
        "agency": report.agency,
        "agency_kind": report.agency_kind,
        "template": {"version": report.template.version, "reason": report.template.reason},
        "sections": [
            {
                "number": number,
                "heading": report.sections[number].heading.text,
                "line": report.sections[number].line,
                "end_line": report.sections[number].end_line,
            }
            for number in report.section_order
        ],
        "tables": {kind: _table_dict(table) for kind, table in report.tables.items()},
        "problems": [{"kind": p.kind, "message": p.message, "line": p.line, "col": p.column} for p in report.problems],
    }


def model_json(report: Report) -> str:
    """The model as JSON."""
    return json.dumps(model_dict(report), ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def model_text(report: Report) -> str:
    """The model as an indented outline."""
    data = model_dict(report)
    out = [
        f"文件 {data['path']}",
        f"标题 {data['title']}",
        f"年度 {data['year']}  机关 {data['agency']} ({data['agency_kind']})",
        f"格式 {data['template']['version']}：{data['template']['reason']}",
        "章节",
    ]
    for section in data["sections"]:
        template = SECTION_TITLES[section["number"]]
        out.append(f"  {template[0]}  {section['line']}–{section['end_line']}  {section['heading']}")
    for kind, table in data["tables"].items():
        out.append(f"表{kind}  {table['line']}–{table['end_line']}")
        for row in table["rows"]:
            out.append(f"  [{row['key']}] {row['label']}  (行 {row['line']})")
            for cell in row["cells"]:
                shown = cell["text"].strip() or "（空）"
                out.append(f"      {cell['column']} = {shown}  [{cell['kind']}]  @{cell['line']}:{cell['col']}")
    for problem in data["problems"]:
        out.append(f"问题 {problem['line']}:{problem['col']} {problem['kind']} {problem['message']}")
    return "".join(printable(line) + "\n" for line in out)  # report text never drives the terminal
