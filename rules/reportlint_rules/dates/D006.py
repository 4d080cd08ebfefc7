"""D006 dated-before-period-end: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.dates._dates import publication_dates


class DatedBeforePeriodEnd(Rule):
    """检查内容：
        发布或落款日期（查找方法同 D005）在报告年度 12月31日当天或之前，即报告所涵盖的年度尚未结束时，予以
        报告。

    为何重要：
        在年度结束前发布的报告不可能包含全年的数据（template-spec §5：报告年度是发布年份的上一年）。最常见
        的情况是日期行沿用了上一年的年份，例如 2024 年 1 月签发的 2023 年度报告落款写成「2023年1月20日」。

    示例：
        桐溪县水利局2023年政府信息公开工作年度报告 … 2023年1月20日。

    修改方法：
        改正日期行的年份（通常应为报告年度的次年）。
    """

    code = "D006"
    name = "dated-before-period-end"
    summary = "报告发布（落款）日期早于统计期结束"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per publication or signing date within or before the report year."""
        year = report.title_year
        if year is None:
            return
        for mention in publication_dates(report):
            value = mention.value
            if value is None or value.year > year:
                continue
            message = (
                f"报告日期「{mention.text}」早于统计期结束（{year}年12月31日）："
                f"{year}年度报告应在{year + 1}年发布，请核对日期的年份"
            )
            yield self.at_line(report, message, mention.line, mention.column, length=len(mention.text))
