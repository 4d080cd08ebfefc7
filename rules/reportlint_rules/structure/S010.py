"""S010 duplicate-table-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class DuplicateTableRow(ProblemRule):
    """检查内容：
        表二、表三或表四中某一行与同表中已出现过的模板行相同时，在第二次出现处报告。其他规则只检查第一次出现的那
        一行的数值。

    为何重要：
        一行出现两次，同一项统计就有两组数字；其中至少一组是错的，或者本属于另一行、只是行名写错了
        （template-spec §6 E9）。

    示例：
        表三中有两行「2.重复申请」，却没有「3.要求提供公开出版物」。

    修改方法：
        删除重复的行，或者把它的行名改正为原本应是的那一行。
    """

    code = "S010"
    name = "duplicate-table-row"
    summary = "统计表中有重复的行"
    problem_kind = "duplicate-row"
