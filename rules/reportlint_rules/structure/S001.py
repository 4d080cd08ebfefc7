"""S001 missing-section: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.sections import SECTION_TITLES
from reportlint.rulebase import Rule


class MissingSection(Rule):
    """检查内容：
        一、总体情况至六、其他需要报告的事项这六个章节中，报告里没有标题的，逐一报告。问题标在该章节应当开始的位
        置：紧随其后的现有章节的标题处，或者报告的末尾。

    为何重要：
        条例第五十条规定了年度报告应当包括的内容，两种正式格式（国办公开办函〔2019〕60号、〔2021〕30号）都固定为
        六个章节；评估中将缺少章节列为“遗漏法定内容”（template-spec §6，E4）。

    示例：
        报告在五、存在的主要问题及改进情况之后直接落款，没有六、其他需要报告的事项
        （2021_pingtan-finance-bureau）。

    修改方法：
        按模板标题补写该章节；没有需要报告的内容的，用一句话写明（如：本年度未收取信息处理费）。
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
