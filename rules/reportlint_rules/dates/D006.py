"""D006 dated-before-period-end: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.dates._dates import publication_dates


class DatedBeforePeriodEnd(Rule):
    """What it does:
        Reports a publication or signing date (found as in D005) that is on or before
        12月31日 of the report year, i.e. before the year the report covers has ended.

    Why it matters:
        A report published before the end of its year cannot contain the whole year's
        figures (template-spec §5: the report year is the year before publication). Most
        often the date line kept last year's year, e.g. 「2023年1月20日」 under a 2023
        report that was signed in January 2024.

    Example:
        桐溪县水利局2023年政府信息公开工作年度报告 … 2023年1月20日.

    Fix:
        Correct the year of the date line (usually the year after the report year).
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
