"""S002 section-out-of-order: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import combinations, pairwise

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.numerals import numeral
from reportlint.model.sections import SECTION_TITLES
from reportlint.rulebase import Rule


def misplaced(order: list[int]) -> list[int]:
    """Positions in *order* outside the longest run kept in ascending order.

    Of several equally long runs, the one that keeps the earliest headings wins, so
    the heading that comes "too late" is the one reported.
    """
    for size in range(len(order), 0, -1):
        for kept in combinations(range(len(order)), size):
            if all(order[a] < order[b] for a, b in pairwise(kept)):
                return [index for index in range(len(order)) if index not in kept]
    return []


class SectionOutOfOrder(Rule):
    """检查内容：
        章节标题不符合模板一、总体情况……六、其他需要报告的事项的顺序时，在错位章节的标题处报告。有多种可能的顺序
        时，报告在正文中位置靠后的那个标题。

    为何重要：
        两种正式格式（国办公开办函〔2019〕60号、〔2021〕30号）都固定了六个章节的顺序；读者和评估人员逐章比对各份
        报告（template-spec §2.2、§3.2，E6）。

    示例：
        三、收到和处理政府信息公开申请情况被放在四、政府信息公开行政复议、行政诉讼情况之后。

    修改方法：
        将该章节连同其正文和表格移回原位。
    """

    code = "S002"
    name = "section-out-of-order"
    summary = "章节顺序不对"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per section heading outside the ascending order."""
        order = report.section_order
        for index in misplaced(order):
            number = order[index]
            section = report.sections[number]
            if index > 0:
                where = f"它出现在第{numeral(order[index - 1])}部分之后"
            else:
                where = f"它出现在第{numeral(order[1])}部分之前"
            message = f"第{numeral(number)}部分「{section.heading.text}」的位置不对：{where}，应排在{_place(number)}"
            heading = section.heading
            yield self.at_line(report, message, heading.line, heading.column, length=len(heading.text))


def _place(number: int) -> str:
    """Where section *number* belongs, in words."""
    if number == 1:
        return "最前面（第二部分之前）"
    if number == len(SECTION_TITLES):
        return "最后（第五部分之后）"
    return f"第{numeral(number - 1)}部分与第{numeral(number + 1)}部分之间"
