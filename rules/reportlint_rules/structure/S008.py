"""S008 extra-table-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class ExtraTableRow(Rule):
    """What it does:
        Reports each row of values in table 二, 三 or 四 whose label matches no row of
        either template version (the model's ``extra_rows``), at the row's label. Rows
        of the other template version are S014/S015's finding, not this rule's.

    Why it matters:
        Supervisors list "在表格中增加行" among the common errors (template-spec §6 E9):
        an added row breaks the unified layout, and its numbers are outside every
        total the template defines.

    Example:
        A row 「其他主动公开文件」 added to 表二第二十条第（一）项 (武汉市生态环境局 2020).

    Fix:
        Delete the row; report such figures in the text of the section instead.
    """

    code = "S008"
    name = "extra-table-row"
    summary = "统计表中有模板以外的行"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per data row that matches no template row."""
        for table in report.tables.values():
            for row in table.extra_rows:
                label = row.label or "（无标签）"
                message = f"表{table.kind}中的「{label}」行不是模板规定的行（有 {len(row.values)} 个数值）"
                length = report.written_length(row.label, row.line, row.column)
                yield self.at_line(report, message, row.line, row.column, length=length)
