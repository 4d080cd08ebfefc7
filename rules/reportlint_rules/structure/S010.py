"""S010 duplicate-table-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class DuplicateTableRow(ProblemRule):
    """What it does:
        Reports a row of table 二, 三 or 四 that matches a template row already seen in
        the same table, at the second occurrence. Only the first occurrence's values
        are checked by the other rules.

    Why it matters:
        A row given twice has two sets of figures for one statistic; at least one of
        them is wrong or belongs to another row whose label was mistyped (template-spec
        §6 E9).

    Example:
        表三 with two rows 「2.重复申请」 and none 「3.要求提供公开出版物」.

    Fix:
        Delete the duplicate, or correct its label to the row it was meant to be.
    """

    code = "S010"
    name = "duplicate-table-row"
    summary = "统计表中有重复的行"
    problem_kind = "duplicate-row"
