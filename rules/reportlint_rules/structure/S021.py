"""S021 missing-statistics-period: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose

_PERIOD_RE = lazy_compile(
    r"统计(?:期限|时限|周期|区间|时间|期间|口径|范围)"
    r"|1\s*月\s*1\s*日[^。；]{0,12}12\s*月\s*31\s*日"
    r"|(?:全年|年度)数据|自然年度"
)
"""A sentence stating the period the figures cover: 统计期限自…1月1日起至…12月31日止."""


class MissingStatisticsPeriod(Rule):
    """检查内容：
        报告全文都没有写明数据所涵盖的期限时报告：没有“统计期限/统计时限/统计周期…”，没有“1月1日…至…12月31日”，
        也没有“全年数据/自然年度”。问题标在标题处（或第 1 行）。

        本规则为警告级别，默认启用：在真实报告中，它恰好发现没有写明期限的两份公安报告，没有其他报告。

    为何重要：
        模板的开头一段写明统计期限（“本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止”）；没有这句
        话，读者无从判断数字是按自然年度统计，还是按机关自己的报告年度统计，也无法与其他报告比较。

    示例：
        2019_pingtan-police 和 2021_pingtan-police：开头一段写明了报告的依据和组成部分，但没有写统计期限。

    修改方法：
        在开头一段中加上这句话：“本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。”
    """

    code = "S021"
    name = "missing-statistics-period"
    summary = "报告未写明统计期限"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when no line of the report states the statistics period."""
        if not report.sections or any(_PERIOD_RE.search(paragraph.text) for paragraph in prose(report)):
            return
        line, column = (report.title.line, report.title.column) if report.title else (1, 1)
        yield self.at_line(report, "报告未写明数据的统计期限（如“统计期限自某年1月1日起至12月31日止”）", line, column)
