"""D002 report-year-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions
from reportlint_rules.dates._dates import body_year, find_period, narrative_years


class D002Options(RuleOptions):
    """Options of D002."""

    min_mentions: int = Field(
        default=2,
        ge=1,
        description="以另一个年份开头的叙述分句达到这一数量，才报告标题。",
    )


class ReportYearMismatch(Rule[D002Options]):
    """检查内容：
        统计第一至第四部分中以年份和主语开头的叙述分句（「2023年，我局…」「2022年，全区…」）。以某个不同于
        标题年份的年份开头的分句至少有 ``min-mentions`` 个、且多于以标题年份开头的分句时，报告标题：正文叙
        述的是另一个年份。统计期限与正文一致时，消息中一并写明统计期限。

    为何重要：
        标题、统计期限和正文必须是同一个报告年度（template-spec §3.6、§5）。正文叙述另一个年份，就是给旧报
        告换了一个新标题（E3：东莞市统计局连续三年照搬同一份报告）。

    示例：
        标题为「2023年政府信息公开工作年度报告」，而各部分通篇写的是「2022年，我局…」。

    修改方法：
        按报告年度撰写正文（或改正标题中的年份）。
    """

    code = "D002"
    name = "report-year-mismatch"
    summary = "标题年度与正文叙述的年度不一致"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding at the title when the body narrates another year."""
        other = body_year(report, self.options.min_mentions)
        year = report.title_year
        if other is None or report.title is None or year is None:
            return
        counts = narrative_years(report)
        message = (
            f"标题是{year}年度报告，但正文叙述的是{other}年的工作"
            f"（以「{other}年，」开头的叙述{counts[other]}处，以「{year}年，」开头的{counts[year]}处）"
        )
        period = find_period(report)
        if period is not None and period.start[0] == other:
            message += f"，统计期限「{period.text}」也是{other}年"
        title = report.title
        length = report.written_length(title.text, title.line, title.column)
        yield self.at_line(report, message, title.line, title.column, length=length)
