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
    """What it does:
        Finds the statement of the statistics period ("本报告所列数据的统计期限自2023年1月1日
        起至2023年12月31日止", "统计时限为…至…", in the preamble or section 一) and
        reports it when it does not run from 1月1日 to 12月31日 of the report year (the
        title's year). When the title's year is the odd one out — the period and the
        body both name another year — D002 reports the title instead.

    Why it matters:
        The report covers one calendar year (template-spec §2.6, §5; 四川 DB51/T 2660—2019
        §2.1); a period of another year says the figures are last year's, usually because
        the text was copied from the previous report.

    Example:
        examples/2023-water-bureau.txt line 3: 「统计期限自2022年1月1日起至2022年12月31日止」
        in the 2023 report.

    Fix:
        Write 「本报告中所列数据的统计期限自2023年1月1日起至2023年12月31日止」 with the
        report year, and check that the figures are that year's.
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
