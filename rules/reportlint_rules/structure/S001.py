"""S001 missing-section: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.sections import SECTION_TITLES
from reportlint.rulebase import Rule


class MissingSection(Rule):
    """What it does:
        Reports each of the six sections 一、总体情况 … 六、其他需要报告的事项 that has no
        heading in the report. The finding is placed where the section should start: at
        the heading of the next section present, or at the end of the report.

    Why it matters:
        条例第五十条 lists what an annual report must contain, and both official formats
        (国办公开办函〔2019〕60号, 〔2021〕30号) fix the six sections; evaluators report
        missing sections as "遗漏法定内容" (template-spec §6, E4).

    Example:
        A report that ends after 五、存在的主要问题及改进情况 with the signature, with no
        六、其他需要报告的事项 (2021_pingtan-finance-bureau).

    Fix:
        Add the section under its template heading; if there is nothing to report, say
        so in a sentence (e.g. 本年度未收取信息处理费).
    """

    code = "S001"
    name = "missing-section"
    summary = "缺少规定的章节"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per absent section, at the next section's heading or the report's end."""
        if not report.sections:
            yield self.at_line(report, "没有找到任何章节标题（一、总体情况 … 六、其他需要报告的事项）", 1)
            return
        last_line = len(report.lines) - 1 if report.lines and report.lines[-1] == "" else len(report.lines)
        for number, title in SECTION_TITLES.items():
            if number in report.sections:
                continue
            later = [report.sections[n] for n in report.sections if n > number]
            if later:
                following = min(later, key=lambda section: section.line)
                where, column = following.line, following.heading.column
            else:
                where, column = max(last_line, 1), 1
            yield self.at_line(report, f"缺少第{title[0]}部分「{title}」", where, column)
