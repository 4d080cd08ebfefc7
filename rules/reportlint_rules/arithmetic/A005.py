"""A005 published-total-below-new: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2
from reportlint.rulebase import Rule
from reportlint.text import format_number

_, NEW, TOTAL = tpl.T2_DOCUMENT_COLUMNS[tpl.V2019]


class PublishedTotalBelowNew(Rule):
    """检查内容：
        在 2019 年版格式表二的「第二十条第（一）项」中，检查规章和规范性文件的「对外公开总数量」（已公开且
        仍在公开的全部文件）是否不少于「本年新公开数量」（本年公开的文件）——template-spec P-1。在「对外公
        开总数量」格报告。

    为何重要：
        本年公开的文件是对外公开总量的一部分，总数反而更小，说明两个数之一有误，或者两列填反了。本规则是警
        告而不是错误：模板没有定义「对外公开总数量」，而且同一年内公开又废止的文件可能计入新公开数量而不计
        入总数。

    示例：
        规范性文件：本年新制作数量 5，本年新公开数量 5，对外公开总数量 3。

    修改方法：
        核对这两个数；「对外公开总数量」应计入年底时仍在公开的该类全部文件，包括本年公开的文件。
    """

    code = "A005"
    name = "published-total-below-new"
    summary = "对外公开总数量小于本年新公开数量"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per row of block （一） whose total is below its new publications."""
        table = report.tables.get(T2)
        if table is None:
            return
        for key in (tpl.T2_RULES, tpl.T2_NORMATIVE[tpl.V2019]):
            new, total = table.cell(key, NEW), table.cell(key, TOTAL)
            if new is None or total is None or new.value.number is None:
                continue
            if total.number < new.number:
                message = (
                    f"表二「{key}」行：对外公开总数量为{format_number(total.number)}，"
                    f"小于本年新公开数量{format_number(new.number)}（P-1）"
                )
                yield self.at_cell(message, total, expected=new.number, operands=[new])
