"""S011 table-without-data-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class TableWithoutDataRow(ProblemRule):
    """检查内容：
        表四（行政复议、行政诉讼情况）有表头，但没有一行含有至少五个数值时，在表格的第一行报告。

    为何重要：
        表四恰好有一个数据行，共 15 个数字（template-spec §3.5）；没有这一行，报告对行政复议和行政诉讼情况只字未
        提，而这是条例第五十条(三)所要求的。

    示例：
        表四的表头之后写着“无”，或者什么也没有。

    修改方法：
        补上 15 个数值的一行（没有的填 0）。
    """

    code = "S011"
    name = "table-without-data-row"
    summary = "表四没有数值行"
    problem_kind = "no-data-row"
