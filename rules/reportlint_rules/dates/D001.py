"""D001 period-outside-report-year: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.dates._dates import body_year, find_period


def _show(day: tuple[int, int, int]) -> str:
    return f"{day[0]}年{day[1]}月{day[2]}日"


class PeriodOutsideReportYear(Rule):
    """检查内容：
        查找关于统计期限的表述（「本报告所列数据的统计期限自2023年1月1日起至2023年12月31日止」「统计时限
        为…至…」，位于开头部分或第一部分），统计期限不是报告年度（标题中的年份）1月1日至12月31日的，予以报
        告。如果与众不同的是标题的年份——统计期限和正文写的都是另一个年份——则改由 D002 报告标题。

    为何重要：
        年度报告反映一个自然年度的情况（template-spec §2.6、§5；四川 DB51/T 2660—2019 §2.1）；统计期限写成
        其他年份，说明数据是上一年的，通常是因为文字照抄了上一年的报告。

    示例：
        2023 年度报告 examples/2023-water-bureau.txt 第 3 行写的是「统计期限自2022年1月1日起
        至2022年12月31日止」。

    修改方法：
        按报告年度写明「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」，并核对数据确属该年
        度。
    """

    code = "D001"
    name = "period-outside-report-year"
    summary = "统计期限与报告年度不符"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when the stated period is not the report year's calendar year."""
        year = report.title_year
        period = find_period(report)
        if year is None or period is None:
            return
        expected_start, expected_end = (year, 1, 1), (year, 12, 31)
        if period.start == expected_start and period.end == expected_end:
            return
        other = body_year(report)
        if other is not None and period.start[0] == other:
            return  # the title is the odd one out: D002
        message = (
            f"统计期限「{period.text}」与报告年度不符：本报告是{year}年度报告，"
            f"统计期限应为{_show(expected_start)}至{_show(expected_end)}"
        )
        yield self.at_line(report, message, period.line, period.column, length=len(period.text))
