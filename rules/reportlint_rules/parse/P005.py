"""P005 unrecognised-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnrecognisedTable(ProblemRule):
    """检查内容：
        表格有两行以上，但按其标签判断既不是表二、表三，也不是表四时报告。

    为何重要：
        无法识别的表格，通常是这三张表之一而标签遭到破坏，其中的数字都得不到检查。

    示例：
        表头一行只有 `项目 | 数量` 的表格。

    修改方法：
        使用模板规定的标签（信息内容、申请人情况、行政复议……），使表格能够得到检查。
    """

    code = "P005"
    name = "unrecognised-table"
    summary = "无法识别的表格"
    needs_content = True
    problem_kind = "unrecognised-table"
