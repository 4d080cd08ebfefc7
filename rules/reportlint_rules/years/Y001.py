"""Y001 carry-over-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import CellRef, Report
from reportlint.model.templates import T3, T3_CARRIED_IN, T3_CARRIED_OUT, T3_COLUMNS
from reportlint.rulebase import PairRule
from reportlint.text import format_number
from reportlint_rules.years._pair import both_tables, previous_name


class CarryOverMismatch(PairRule):
    """检查内容：
        将本年度表三「二、上年结转政府信息公开申请数量」一行与上年度的「四、结转下年度继续办理」一行逐列比对（六
        个申请人列和总计），即 template-spec Y-1。本年度的单元格与之不同的，逐一报告，消息中写明上年度的数字和文
        件。只有上年度的报告也在本次检查之列（同一机关、上一年度），或者用 --previous 给出时才运行。

    为何重要：
        结转到本年度的申请，恰恰就是上年度报告所说结转下年度的那些申请；评估人员将两份报告相互比对，不一致的予以
        扣分。不一致说明两份报告中有一份统计错了，或者有申请在两个年度之间遗漏了。

    示例：
        平潭综合实验区的2021年度报告结转到2022年的申请为 1 件（自然人），2022年度报告的上年结转一行在自然人和总
        计中都是 1：检查通过。如果写的是 0，Y001 就会报告2022年度的这个单元格，并引用2021年度报告中的 1。

    修改方法：
        上年结转的数字取自上年度已公开报告的「四、结转下年度继续办理」；上年度的数字有误的，在第三部分的正文中予
        以说明。
    """

    code = "Y001"
    name = "carry-over-mismatch"
    summary = "上年结转申请数与上年报告的结转下年度数不一致"

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per column whose carried-in count differs from last year's carried-out count."""
        tables = both_tables(current, previous, T3)
        if tables is None:
            return
        this_table, last_table = tables
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
