"""D005 late-publication: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.dates._dates import publication_dates
from reportlint_rules.dates._deadline import DeadlineOptions, deadline


class LatePublication(Rule[DeadlineOptions]):
    """检查内容：
        取报告的发布或落款日期——开头附近的「发布日期：2020-01-31」一行，或末尾以日期结尾的短行
        （「2024年3月15日」「平潭综合实验区公安局2022年1月7日」）——晚于报告年度次年的法定期限时报告：政府
        部门（agency_kind 为 "department"）为 1月31日，人民政府为 3月31日。乡、镇、街道不在条例第四十九条
        的规定范围内（template-spec §8.4）；默认对它们适用较晚的 3月31日，即任何规则可能要求的最晚日期，设
        置 ``check-townships = false`` 则不检查。发布机关类别不明或标题未写年份的报告不检查。

    为何重要：
        条例第四十九条规定了公布期限（template-spec §5）；逾期发布是上级主管部门列出的首要问题（E1），2021
        年版格式也把「不按时发布」列为追责情形。

    示例：
        examples/2023-water-bureau.txt（桐溪县水利局，政府部门）末尾的日期是「2024年3月15日」，晚于
        2024年1月31日。

    修改方法：
        在期限内发布；如果日期行是笔误，予以改正。
    """

    code = "D005"
    name = "late-publication"
    summary = "报告发布（落款）日期晚于法定期限"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per publication or signing date after the deadline."""
        found = deadline(report, self.options)
        if found is None:
            return
        limit, basis = found
        for mention in publication_dates(report):
            value = mention.value
            if value is None or value <= limit:
                continue
            message = f"报告日期「{mention.text}」晚于发布期限{limit.year}年{limit.month}月{limit.day}日：{basis}"
            yield self.at_line(report, message, mention.line, mention.column, length=len(mention.text))
