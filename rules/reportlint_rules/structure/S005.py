"""S005 misplaced-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.numerals import numeral
from reportlint.model.sections import SECTION_TITLES
from reportlint.model.templates import TABLE_SECTION, TABLE_TITLES
from reportlint.rulebase import Rule


class MisplacedTable(Rule):
    """检查内容：
        表二、表三或表四不在所属章节中开始时（表二应在二、主动公开政府信息情况之下，表三在三、……之下，表四在
        四、……之下），在表格的第一行报告。所属章节整个缺失的，交由 S001 报告。

    为何重要：
        在两种格式中，每张表格都属于各自的章节（template-spec §2.2—§3.5）；表格出现在错误的标题下，通常说明有标
        题丢失或被移动，读者也会到错误的位置查找数字。

    示例：
        表三被放在标题四、政府信息公开行政复议、行政诉讼情况之后。

    修改方法：
        将表格移到所属章节的标题之下（或者补回丢失的标题）。
    """

    code = "S005"
    name = "misplaced-table"
    summary = "统计表格不在所属章节中"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table that starts in another section or in the preamble."""
        for kind, number in TABLE_SECTION.items():
            table = report.tables.get(kind)
            if table is None or number not in report.sections:
                continue
            found = report.section_at(table.line)
            if found == number:
                continue
            where = (
                "报告开头（第一部分之前）"
                if found is None
                else f"第{numeral(found)}部分「{report.sections[found].heading.text}」中"
            )
            message = f"表{kind}「{TABLE_TITLES[kind]}」位于{where}，应放在第{kind}部分「{SECTION_TITLES[number]}」下"
            yield self.at_line(report, message, table.line, 1)
