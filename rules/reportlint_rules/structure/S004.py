"""S004 missing-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.problems import ProblemKind
from reportlint.model.templates import TABLE_SECTION, TABLE_TITLES
from reportlint.rulebase import Rule


class MissingTable(Rule):
    """检查内容：
        报告中根本没有表二（主动公开政府信息情况）、表三（收到和处理政府信息公开申请情况）或表四（行政复议、行政
        诉讼情况）时，在第二、三或四部分的章节标题处报告。章节中有 reportlint 无法识别的表格的，交由 P005 报告；
        标签存在但表格未能读取的，交由 P004 报告；缺少整个章节的，交由 S001 报告。

    为何重要：
        这三张表是统一格式的统计核心（template-spec §2.3—§3.5）；报告没有这些表格，就是遗漏了法定内容（条例第五
        十条，E4）。

    示例：
        二、主动公开政府信息情况之后只有一段文字“本年度主动公开信息126条”。

    修改方法：
        在章节标题下补上模板的表格，并填写每个单元格（没有发生的填 0）。
    """

    code = "S004"
    name = "missing-table"
    summary = "缺少统计表格"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per section 二/三/四 without its table anywhere in the report."""
        unread = {problem.table for problem in report.problems if problem.kind is ProblemKind.UNREAD_TABLE}
        for kind, number in TABLE_SECTION.items():
            section = report.sections.get(number)
            if section is None or kind in report.tables or kind in unread or section.tables():
                continue
            message = f"第{kind}部分「{section.heading.text}」缺少表{kind}「{TABLE_TITLES[kind]}」"
            yield self.at_line(report, message, section.line, section.heading.column)
