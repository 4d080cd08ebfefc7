"""Y001 carry-over-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import CellRef, Report
from reportlint.model.templates import T3, T3_CARRIED_IN, T3_CARRIED_OUT, T3_COLUMNS
from reportlint.rulebase import PairRule
from reportlint.text import format_number
from reportlint_rules.years._pair import previous_name


class CarryOverMismatch(PairRule):
    """What it does:
        Compares this year's table 三 row 「二、上年结转政府信息公开申请数量」 with last
        year's row 「四、结转下年度继续办理」, column by column (the six applicant
        columns and 总计) — template-spec Y-1. Reported at each of this year's cells
        that differs, with last year's figure and file in the message. Runs only when
        last year's report is in the same run (same agency, previous year) or given
        with --previous.

    Why it matters:
        The applications carried into this year are exactly those last year's report
        said it carried forward; evaluators check the two reports against each other
        and deduct points when they differ. A difference means one of the two reports
        counted wrong, or applications were lost between the years.

    Example:
        平潭综合实验区's 2021 report carries 1 application (自然人) to 2022, and the 2022
        report's 上年结转 row shows 1 in 自然人 and 总计: it passes. Had it shown 0, Y001
        would report the 2022 cell and quote the 1 of the 2021 report.

    Fix:
        Take 上年结转 from last year's published 「四、结转下年度继续办理」; if last year's
        figure was wrong, say so in the text of section 三.
    """

    code = "Y001"
    name = "carry-over-mismatch"
    summary = "上年结转申请数与上年报告的结转下年度数不一致"

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per column whose carried-in count differs from last year's carried-out count."""
        this_table, last_table = current.tables.get(T3), previous.tables.get(T3)
        if this_table is None or last_table is None:
            return
        for column in T3_COLUMNS:
            carried_in = this_table.cell(T3_CARRIED_IN, column)
            carried_out = last_table.cell(T3_CARRIED_OUT, column)
            if carried_in is None or carried_out is None or not _comparable(carried_in, carried_out):
                continue
            if carried_in.number == carried_out.number:
                continue
            message = (
                f"表三「二、上年结转政府信息公开申请数量」{column}列为{format_number(carried_in.number)}，"
                f"但{previous_name(previous, previous_path)}「四、结转下年度继续办理」{column}列为"
                f"{format_number(carried_out.number)}：上年结转数应等于上年报告的结转下年度数"
            )
            yield self.at_cell(message, carried_in, expected=carried_out.number, operands=[carried_in])


def _comparable(*cells: CellRef) -> bool:
    """Cells that hold numbers (or blanks, counted as 0), not text that could not be read."""
    return all(cell.value.is_value for cell in cells)
