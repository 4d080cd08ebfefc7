"""P003 unparsable-content: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnparsableContent(ProblemRule):
    """检查内容：
        报告文本中有语法无法归位的部分时报告，报告的其余部分照常检查。语法可以接受由任意行组成的文本，因此目前没
        有任何输入会触发本规则：它是一道安全网，防止今后修改语法后，意外的输入导致程序崩溃或被悄悄跳过。能够归位
        但无法*解释*的内容（不属于模板任何一张表的表格、数值个数不对的行）由 P005 和 S 类规则报告。

    为何重要：
        解析器无法归位的内容，就是没有任何规则检查过的内容。

    示例：
        如果修改语法后不再接受表格内以“|”开头的行，该行就会在此报告，报告的其余部分照常检查。

    修改方法：
        请将该输入报告给 reportlint 的维护者：这是语法的缺陷。
    """

    code = "P003"
    name = "unparsable-content"
    summary = "无法解析的内容"
    needs_content = True
    problem_kind = "syntax"
