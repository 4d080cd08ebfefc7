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
        description="非零单元格少于此数的表格不予比对（全为零的表格从不比对）。",
    )


class TableCopiedFromLastYear(PairRule[Y004Options]):
    """检查内容：
        将表二、表三和表四与上年度的逐个单元格比对：一张表的每个数字都与上年度同行同列的数字相等（且两张表的单元
        格相同）时，在表格的第一行报告。表二和表三只在两份报告使用同一格式（2019年版或2021年版）时比对；表四总是
        比对。没有非零单元格的表格不予报告：没有申请、复议或诉讼的机关，每年都是同样的零。

    为何重要：
        一个年度的统计数字是该年度自己的；一张表与上年度完全相同，连最后一个单元格都一样，极有可能是从上年度报告
        中复制而没有更新——评估人员就曾在一份统计局的报告中发现其数字连续三年重复。

    示例：
        某报告的表三有新收申请 12 件、予以公开 8 件、不予公开 4 件，与上年度完全相同。

    修改方法：
        根据本年度的记录填写表格；数字确实相同的，在正文中予以说明。
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
