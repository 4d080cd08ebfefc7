"""S014 template-version-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._versions import version_problems


class TemplateVersionMismatch(Rule):
    """检查内容：
        对2020年度及以后的报告，表二或表三的标签属于与报告年度要求不同的模板版本时报告：2020年度报告使用2019年试
        行格式（国办公开办函〔2019〕60号），2021年度起的报告使用2021年版格式（〔2021〕30号）。判断依据为
        template-spec §3.6 所列的标志（表二的列和行；表三（六）其他处理是一行还是三行）。混用两个版本的表格也予
        以报告。每张表报告一处，标在第一个版本不符的标签处。报告没有年度的，以整份报告所识别的版本为准。

    为何重要：
        报告必须使用现行的统一格式（条例第五十条；2021年度起为〔2021〕30号，template-spec §3.1）；沿用旧版布局的
        表格，填报了模板已不再要求的数字，又遗漏了模板要求的数字（如（六）2 中的信息处理费通知）。

    示例：
        2023_huaian-hongze-district：表二为2021年版格式，而表三却是2019年版的单行「（六）其他处理」。

    修改方法：
        从报告年度对应的格式中复制表格，并把数字转填过去。
    """

    code = "S014"
    name = "template-version-mismatch"
    summary = "表格格式版本与报告年度不符"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table in another version than the year's (years ≥ 2020 or unknown)."""
        year = report.title_year
        if year is not None and year < 2020:
            return
        for problem in version_problems(report):
            yield self.at_line(report, problem.message, problem.line, problem.column, length=problem.length)
