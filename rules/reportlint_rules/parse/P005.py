"""P005 unrecognised-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnrecognisedTable(ProblemRule):
    """What it does:
        Reports a table of two or more rows that is neither table 二, 三 nor 四 by its labels.

    Why it matters:
        An unrecognised table is usually one of the three with its labels damaged, and
        none of its numbers get checked.

    Example:
        A table whose header row reads only `项目 | 数量`.

    Fix:
        Use the template's labels (信息内容, 申请人情况, 行政复议 …) so the table can be checked.
    """

    code = "P005"
    name = "unrecognised-table"
    summary = "无法识别的表格"
    needs_content = True
    problem_kind = "unrecognised-table"
