"""The numbers an evaluator compares across reports: finding counts and each report's key figures.

The CSV overview and the HTML report's overview table show the same columns, so both
take them from here. Key figures are read through the model's cell API with the row
and column keys of :mod:`reportlint.model.templates`, never from the text.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence

from reportlint.diagnostics import SEVERITY_NAMES as SEVERITY_NAMES  # re-exported: csv and html name it from here
from reportlint.diagnostics import Diagnostic, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import CellKind, Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T3, T4
from reportlint.plugins import BUILTIN_FAMILIES
from reportlint.records import record
from reportlint.text import format_number

FAMILY_NAMES = {
    "P": "解析",
    "S": "结构",
    "A": "计算",
    "D": "日期",
    "C": "联系方式",
    "X": "正文与表格",
    "T": "文字规范",
    "Y": "上下年度",
}
"""The built-in code families, in Chinese, in the order the rules reference lists them."""
_FAMILY_RE = lazy_compile(r"^[A-Z]+")


def family(code: str) -> str:
    """A code's family: its letters (``A`` for A002, ``ME`` for a plugin's ME001)."""
    match = _FAMILY_RE.match(code)
    return match[0] if match else code


def family_name(prefix: str) -> str:
    """The family's Chinese name, or the prefix itself for a plugin's family."""
    return FAMILY_NAMES.get(prefix, prefix)


def families(diagnostics: Iterable[Diagnostic]) -> tuple[str, ...]:
    """The built-in families, then every other family the findings use (sorted)."""
    others = sorted({family(d.code) for d in diagnostics} - set(BUILTIN_FAMILIES))
    return (*BUILTIN_FAMILIES, *others)


@record(frozen=True, slots=True)
class Counts:
    """How many findings one report has, by severity and by family."""

    by_severity: dict[Severity, int]
    by_family: dict[str, int]

    @property
    def total(self) -> int:
        """All findings."""
        return sum(self.by_severity.values())


def counts(diagnostics: Iterable[Diagnostic]) -> Counts:
    """Count *diagnostics* by severity and by family."""
    found = list(diagnostics)
    severities = Counter(d.severity for d in found)
    return Counts(
        by_severity={severity: severities.get(severity, 0) for severity in Severity},
        by_family=dict(Counter(family(d.code) for d in found)),
    )


def by_path(diagnostics: Sequence[Diagnostic]) -> dict[str, list[Diagnostic]]:
    """Findings grouped by file, in their order."""
    grouped: dict[str, list[Diagnostic]] = {}
    for diagnostic in diagnostics:
        grouped.setdefault(diagnostic.path, []).append(diagnostic)
    return grouped


KEY_FIGURE_NAMES = ("本年新收", "予以公开", "行政复议总计", "行政诉讼总计", "纠错率")
"""The key figures' column names, in the order of :meth:`KeyFigures.values`."""


@record(frozen=True, slots=True)
class KeyFigures:
    """The totals an evaluator quotes from tables 三 and 四; ``None`` where the cell is blank or missing."""

    new_requests: float | None
    """本年新收: table 三 row 一, column 总计."""
    disclosed: float | None
    """予以公开: table 三 row （一）, column 总计."""
    review_total: float | None
    """行政复议 总计 (table 四)."""
    litigation_total: float | None
    """行政诉讼 总计: 未经复议直接起诉 总计 + 复议后起诉 总计 (table 四)."""
    corrected: float | None
    """行政复议 结果纠正 (table 四)."""

    @property
    def correction_rate(self) -> float | None:
        """纠错率 in percent: 行政复议 结果纠正 ÷ 行政复议 总计; ``None`` when the total is 0 or missing.

        A blank 结果纠正 beside a total counts as 0, as the table's arithmetic counts it.
        """
        if not self.review_total:
            return None
        return 100.0 * (self.corrected or 0.0) / self.review_total

    def values(self) -> tuple[float | None, ...]:
        """The figures in :data:`KEY_FIGURE_NAMES` order (the last is the rate, in percent)."""
        return (self.new_requests, self.disclosed, self.review_total, self.litigation_total, self.correction_rate)

    def shown(self) -> list[str]:
        """The figures as written in a cell: counts as a clerk writes them, the rate as ``12.50%``."""
        *numbers, rate = self.values()
        return [*(show_number(value) for value in numbers), show_rate(rate)]


def _cell_number(table: ReportTable | None, row: str, column: str) -> float | None:
    """The number in a cell ("-", "无" … count as 0); ``None`` when the cell is blank or missing.

    A blank total is a cell the report did not fill in (A002 reports it), not a zero.
    """
    cell = table.cell(row, column) if table is not None else None
    if cell is None or cell.value.kind is CellKind.BLANK:
        return None
    return cell.number


def key_figures(report: Report) -> KeyFigures:
    """The key figures of *report*, read through the model's cells."""
    t3, t4 = report.tables.get(T3), report.tables.get(T4)
    litigation = [
        _cell_number(t4, tpl.T4_ROW, tpl.t4_column(group, tpl.T4_TOTAL)) for group in tpl.T4_LITIGATION_GROUPS
    ]
    known = [value for value in litigation if value is not None]
    return KeyFigures(
        new_requests=_cell_number(t3, tpl.T3_NEW, tpl.T3_TOTAL),
        disclosed=_cell_number(t3, tpl.T3_DISCLOSED, tpl.T3_TOTAL),
        review_total=_cell_number(t4, tpl.T4_ROW, tpl.t4_column(tpl.T4_REVIEW, tpl.T4_TOTAL)),
        litigation_total=sum(known) if known else None,
        corrected=_cell_number(t4, tpl.T4_ROW, tpl.t4_column(tpl.T4_REVIEW, tpl.T4_CORRECTED)),
    )


def show_number(value: float | None) -> str:
    """A key figure as shown: ``""`` when missing."""
    return "" if value is None else format_number(value)


def show_rate(value: float | None) -> str:
    """A percentage with two decimals and a ``%`` sign (Excel reads it as a percentage), or ``""``."""
    return "" if value is None else f"{value:.2f}%"
