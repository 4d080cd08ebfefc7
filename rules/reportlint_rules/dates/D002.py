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
        description="Narrative clauses that must open with the other year before the title is reported.",
    )


class ReportYearMismatch(Rule[D002Options]):
    """What it does:
        Counts the narrative clauses of sections 一 to 四 that open with a year and a
        subject ("2023年，我局…", "2022年，全区…"). When another year than the title's
        opens at least ``min-mentions`` of them and more than the title's year does, the
        title is reported: the body reports on another year. The message adds the
        statistics period when it agrees with the body.

    Why it matters:
        The title, the statistics period and the body must name the same report year
        (template-spec §3.6, §5). A body narrating another year is an old report under a
        new title (E3: 东莞市统计局 copied its report three years running).

    Example:
        A report titled 「2023年政府信息公开工作年度报告」 whose sections say 「2022年，我局…」
        throughout.

    Fix:
        Write the body about the report year (or correct the title's year).
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
