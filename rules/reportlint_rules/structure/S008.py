"""S008 extra-table-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class ExtraTableRow(Rule):
    """检查内容：
        表二、表三或表四中，行名与两个模板版本的任何一行都不符的数值行（模型中的 ``extra_rows``），在该行的行名
        处逐一报告。属于另一模板版本的行由 S014/S015 报告，不在本规则之列。

    为何重要：
        监督检查中把“在表格中增加行”列为常见错误（template-spec §6 E9）：增加的行破坏统一的格式，其数字也不在模
        板规定的任何合计之内。

    示例：
        在表二第二十条第（一）项中增加了一行「其他主动公开文件」（武汉市生态环境局 2020）。

    修改方法：
        删除该行；这类数字改在该章节的正文中说明。
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
