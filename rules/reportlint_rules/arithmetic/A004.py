"""A004 invalid-count: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.templates import T2_AMOUNT_COLUMNS, T2_SIGNED_COLUMNS
from reportlint.rulebase import Rule
from reportlint_rules.arithmetic._identities import cell_place


class InvalidCount(Rule):
    """检查内容：
        报告不可能是件数的数字：表三、表四任一单元格中的负数或小数，以及表二计数列（本年新制作数量、本年新
        公开数量、对外公开总数量、上一年项目数量、处理决定数量、采购项目数量、本年制发件数、本年废止件数、
        现行有效件数、本年处理决定数量）中的负数或小数——template-spec NN-1。表二的金额列（采购总金额、本年
        收费金额）可以有小数和单位，但不能为负数（NN-3）。「本年增/减」可以为负数（NN-2），不检查。件数前
        的“+”号或件数后的单位（件、笔）不在本规则报告。

    为何重要：
        申请、案件和文件都以整数计；“-1”或“2.5”是录入或转换错误，还会使表格的合计出错。

    示例：
        表三「（一）予以公开」行「自然人」列为“-2”；表二「规章」行「本年制发件数」为“1.5”。

    修改方法：
        把件数写成整数（没有的写 0）。
    """

    code = "A004"
    name = "invalid-count"
    summary = "件数不是非负整数"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per count cell holding a negative number or a fraction."""
        for table in report.tables.values():
            for ref in table.all_cells():
                number = ref.value.number
                if number is None or ref.column_key in T2_SIGNED_COLUMNS:
                    continue
                if ref.column_key in T2_AMOUNT_COLUMNS:
                    if number < 0:
                        yield self.at_cell(f"{cell_place(ref)}为「{ref.value.text.strip()}」：金额不能为负数", ref)
                elif number < 0 or not number.is_integer():
                    yield self.at_cell(f"{cell_place(ref)}为「{ref.value.text.strip()}」：件数应为0或正整数", ref)
