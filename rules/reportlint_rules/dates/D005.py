"""D005 late-publication: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.dates._dates import publication_dates
from reportlint_rules.dates._deadline import DeadlineOptions, deadline


class LatePublication(Rule[DeadlineOptions]):
    """What it does:
        Takes the report's publication or signing date — a "发布日期：2020-01-31" line near
        the top, or a short line at the end that ends with a date ("2024年3月15日",
        "平潭综合实验区公安局2022年1月7日") — and reports it when it is later than the
        deadline in the year after the report year: 1月31日 for a department
        (agency_kind "department"), 3月31日 for a people's government. Townships and
        sub-districts (乡、镇、街道) are not covered by 条例第四十九条 (template-spec §8.4);
        by default they get the later, 3月31日 date, the latest any rule could ask for, and
        ``check-townships = false`` leaves them unchecked. Reports whose agency kind is
        unknown, or whose title states no year, are not checked.

    Why it matters:
        条例第四十九条 fixes the dates (template-spec §5); late publication is the first
        error supervisors list (E1), and the 2021 format names 「不按时发布」 as grounds
        for accountability.

    Example:
        examples/2023-water-bureau.txt (桐溪县水利局, a department) ends with
        「2024年3月15日」, after 2024年1月31日.

    Fix:
        Publish by the deadline; if the date line is a typo, correct it.
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
