"""``--format csv``: an evaluator's overview, one row per report, for a spreadsheet.

Columns: the file, agency, year and template version; finding counts by severity and
by family; and the key figures (本年新收, 予以公开, 行政复议 and 行政诉讼 totals, 纠错率).
Headers are Chinese. The text starts with a UTF-8 byte order mark, which is how Excel
on Chinese Windows knows the file is UTF-8 rather than GBK. Every cell that starts with
``= + - @`` (or a TAB or CR) gets a leading apostrophe, as OWASP recommends against CSV
injection: report titles are written by whoever wrote the report.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence

from reportlint.diagnostics import Diagnostic, Severity
from reportlint.escaping import printable
from reportlint.output.context import RunContext
from reportlint.output.overview import (
    KEY_FIGURE_NAMES,
    SEVERITY_NAMES,
    by_path,
    counts,
    families,
    family_name,
    key_figures,
)

BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: str) -> str:
    """*value*, with a leading apostrophe if a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def format_csv(diagnostics: Sequence[Diagnostic], context: RunContext) -> str:
    """One row per checked file: what it is, how many findings of each kind, its key figures."""
    grouped = by_path(diagnostics)
    paths = list(dict.fromkeys([*context.files, *grouped]))
    prefixes = families(diagnostics)
    header = [
        "文件",
        "机关",
        "年度",
        "格式版本",
        "问题总数",
        *(SEVERITY_NAMES[severity] for severity in Severity),
        *(f"{prefix} {family_name(prefix)}" if family_name(prefix) != prefix else prefix for prefix in prefixes),
        *KEY_FIGURE_NAMES,
    ]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for path in paths:
        found = counts(grouped.get(path, []))
        report = context.reports.get(path)
        if report is not None and report.readable:
            about = [report.agency or "", str(report.year or ""), report.template.version or ""]
            numbers = key_figures(report).shown()
        else:
            about, numbers = ["", "", ""], [""] * len(KEY_FIGURE_NAMES)
        row = [
            path,
            *about,
            str(found.total),
            *(str(found.by_severity[severity]) for severity in Severity),
            *(str(found.by_family.get(prefix, 0)) for prefix in prefixes),
            *numbers,
        ]
        writer.writerow([safe_cell(printable(cell)) for cell in row])
    return BOM + out.getvalue()
