"""S011 table-without-data-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class TableWithoutDataRow(ProblemRule):
    """What it does:
        Reports table 四 (行政复议、行政诉讼情况) when it has its header but no row of
        at least five values, at the table's first line.

    Why it matters:
        Table 四 has exactly one data row of 15 figures (template-spec §3.5); without
        it the report says nothing about reviews and lawsuits, which 条例第五十条(三)
        requires.

    Example:
        表四 whose header is followed by "无" or by nothing.

    Fix:
        Add the row of 15 values (0 where none).
    """

    code = "S011"
    name = "table-without-data-row"
    summary = "表四没有数值行"
    problem_kind = "no-data-row"
