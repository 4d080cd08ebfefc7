"""Y004 table-copied-from-last-year: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report, ReportTable
from reportlint.model.templates import T2, T3, T4
from reportlint.options import Field
from reportlint.rulebase import PairRule, RuleOptions
from reportlint_rules.years._pair import previous_name

SAME_LAYOUT_BOTH_FORMATS = (T4,)
"""Table 四 is the same in both formats; 二 and 三 are compared only within one format."""


class Y004Options(RuleOptions):
    """Options of Y004 (``[tool.reportlint.rules.Y004]``)."""

    min_nonzero_cells: int = Field(
        default=1,
        ge=1,
        description="Tables with fewer non-zero cells than this are not compared (all-zero tables never are).",
    )


class TableCopiedFromLastYear(PairRule[Y004Options]):
    """What it does:
        Compares tables 二, 三 and 四 with last year's, cell by cell: when every number
        of a table equals last year's number in the same row and column (and both
        tables have the same cells), the table is reported at its first line. Tables
        二 and 三 are compared only when both reports use the same format (2019 or
        2021); table 四 always. Tables without a non-zero cell are left alone: an agency
        without applications or appeals has the same zeros every year.

    Why it matters:
        A year's statistics are the year's own; a table equal to last year's, down to
        the last cell, was most likely copied from last year's report and not updated
        — the fault evaluators found in a 统计局 report that repeated its figures
        three years running.

    Example:
        A report whose table 三 has 12 new applications, 8 予以公开 and 4 不予公开,
        exactly as last year's.

    Fix:
        Fill the table from this year's records; if the numbers really are the same,
        say so in the text.
    """

    code = "Y004"
    name = "table-copied-from-last-year"
    summary = "表格数据与上年报告完全相同"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per table whose every number equals last year's."""
        same_format = current.template.version is not None and current.template.version == previous.template.version
        for kind in (T2, T3, T4):
            this_table, last_table = current.tables.get(kind), previous.tables.get(kind)
            if this_table is None or last_table is None:
                continue
            if kind not in SAME_LAYOUT_BOTH_FORMATS and not same_format:
                continue
            numbers = _numbers(this_table)
            nonzero = sum(1 for value in numbers.values() if value)
            if nonzero < self.options.min_nonzero_cells or numbers != _numbers(last_table):
                continue
            message = (
                f"表{kind}的{len(numbers)}个数字（其中非零{nonzero}个）与{previous_name(previous, previous_path)}"
                f"的表{kind}完全相同：请核对是否照抄了上年的数据"
            )
            yield self.at_line(current, message, this_table.line)


def _numbers(table: ReportTable) -> dict[tuple[str, str], float | str]:
    """Every mapped cell's number (blank and "-" as 0; text that is no number as text) by (row, column)."""
    return {
        (cell.row_key, cell.column_key): cell.number if cell.value.is_value else cell.value.text.strip()
        for cell in table.all_cells()
    }
