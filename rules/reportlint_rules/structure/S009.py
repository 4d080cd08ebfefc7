"""S009 wrong-value-count: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class WrongValueCount(ProblemRule):
    """What it does:
        Reports a row of table 二, 三 or 四 whose number of values differs from the
        number of columns of the detected template version (表三 7, 表四 15, 表二 per
        block 3, 1 or 2), naming the row, the count found and the count expected. Such a
        row's values cannot be placed in columns, so no other rule checks them.

    Why it matters:
        A missing value is usually a cell left blank or two cells merged when the table
        was copied; every figure after it is then in the wrong column (template-spec
        §2.4, §3.4, E11).

    Example:
        2019_pingtan-police 表三 row 「一、本年新收政府信息公开申请数量」 has 6 values
        instead of 7.

    Fix:
        Fill the empty cell (0 where nothing happened) so the row has one value per
        column.
    """

    code = "S009"
    name = "wrong-value-count"
    summary = "统计表某行的数值个数不对"
    problem_kind = "row-shape"
