"""Y006 item-count-discontinuous: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, V2019
from reportlint.rulebase import PairRule
from reportlint.text import format_number
from reportlint_rules.years._pair import both_tables, previous_name

_COUNTED = tuple(block for block in tpl.T2_BLOCKS[V2019] if block.columns[:2] == ("上一年项目数量", "本年增/减"))
"""The 2019 format's blocks that count items at the start of the year and their change."""
BEFORE, CHANGE = _COUNTED[0].columns[:2]
ROWS = tuple(row.key for block in _COUNTED for row in block.rows)


class ItemCountDiscontinuous(PairRule):
    """检查内容：
        两份报告都是2019年版格式的，对表二中有上一年项目数量和本年增/减的各行（行政许可、其他对外管理服务事项、
        行政处罚、行政强制、行政事业性收费），检查本年度的上一年项目数量是否等于上年度的上一年项目数量 + 上年度
        的本年增/减（template-spec Y-3）。不相等的，在本年度的上一年项目数量单元格处报告。

    为何重要：
        上一年项目数量是年初的项目数，也就是上年初的项目数加上上年度的增/减。评估人员会比对相邻年度的报告。本规
        则为警告级别：2019年版格式对这几列的定义并不精确，各机关的理解也不尽相同。

    示例：
        平潭综合实验区财政金融局 2019：行政许可的上一年项目数量为 3，本年增/减为 0；其2020年度报告的上一年项目数
        量却写作 0，而不是 3。

    修改方法：
        将上年度的数字结转过来（上一年项目数量 + 本年增/减），或者在正文中说明差异。
    """

    code = "Y006"
    name = "item-count-discontinuous"
    summary = "上一年项目数量与上年报告的项目数量加增减不符（2019年版格式）"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per row whose count at the start of the year does not follow from last year's."""
        tables = both_tables(current, previous, T2, V2019)
        if tables is None:
            return
        this_table, last_table = tables
        for row in ROWS:
            now = this_table.cell(row, BEFORE)
            last, change = last_table.cell(row, BEFORE), last_table.cell(row, CHANGE)
            if now is None or last is None or change is None or now.value.number is None:
                continue
            expected = last.number + change.number
            if now.number == expected:
                continue
            message = (
                f"表二「{row}」行：上一年项目数量为{format_number(now.number)}，但"
                f"{previous_name(previous, previous_path)}的上一年项目数量{format_number(last.number)}"
                f"加本年增/减{format_number(change.number)}为{format_number(expected)}"
            )
            yield self.at_cell(message, now, expected=expected, operands=[now])
