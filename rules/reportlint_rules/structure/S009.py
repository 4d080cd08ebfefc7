"""S009 wrong-value-count: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class WrongValueCount(ProblemRule):
    """检查内容：
        表二、表三或表四中某一行的数值个数与所识别的模板版本的列数不同时（表三 7 个，表四 15 个，表二按分块为
        3、1 或 2 个），予以报告，写明行名、实有个数和应有个数。这样的行无法将数值对应到各列，因此其他规则都不检
        查这些数值。

    为何重要：
        少一个数值，通常是有单元格空着，或者复制表格时两个单元格被合并；其后的每个数字都因此落在错误的列中
        （template-spec §2.4、§3.4，E11）。

    示例：
        2019_pingtan-police 表三的「一、本年新收政府信息公开申请数量」一行只有 6 个数值，而应为 7 个。

    修改方法：
        填写空着的单元格（没有发生的填 0），使该行每一列都有一个数值。
    """

    code = "S009"
    name = "wrong-value-count"
    summary = "统计表某行的数值个数不对"
    problem_kind = "row-shape"
