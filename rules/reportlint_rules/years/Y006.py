"""Y006 item-count-discontinuous: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, V2019
from reportlint.rulebase import PairRule
from reportlint.text import format_number
from reportlint_rules.years._pair import previous_name

_COUNTED = tuple(block for block in tpl.T2_BLOCKS[V2019] if block.columns[:2] == ("上一年项目数量", "本年增/减"))
"""The 2019 format's blocks that count items at the start of the year and their change."""
BEFORE, CHANGE = _COUNTED[0].columns[:2]
ROWS = tuple(row.key for block in _COUNTED for row in block.rows)


class ItemCountDiscontinuous(PairRule):
    """What it does:
        For two reports in the 2019 format, checks for each row of table 二 that has
        上一年项目数量 and 本年增/减 (行政许可, 其他对外管理服务事项, 行政处罚, 行政强制,
        行政事业性收费) that this year's 上一年项目数量 = last year's 上一年项目数量 +
        last year's 本年增/减 (template-spec Y-3). Reported at this year's
        上一年项目数量 cell.

    Why it matters:
        上一年项目数量 is the number of items at the start of the year, which is the
        number at the start of last year changed by last year's 增/减. Evaluators compare
        consecutive reports. A warning: the 2019 format does not define the columns
        precisely, and agencies read them differently.

    Example:
        平潭综合实验区财政金融局 2019: 行政许可 上一年项目数量 3, 本年增/减 0; its 2020
        report gives 上一年项目数量 0 instead of 3.

    Fix:
        Carry last year's count forward (上一年项目数量 + 本年增/减), or explain the
        difference in the text.
    """

    code = "Y006"
    name = "item-count-discontinuous"
    summary = "上一年项目数量与上年报告的项目数量加增减不符（2019年版格式）"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per row whose count at the start of the year does not follow from last year's."""
        if current.template.version != V2019 or previous.template.version != V2019:
            return
        this_table, last_table = current.tables.get(T2), previous.tables.get(T2)
        if this_table is None or last_table is None:
            return
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
