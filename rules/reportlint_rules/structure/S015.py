"""S015 trial-format-deviation: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._versions import version_problems


class TrialFormatDeviation(Rule):
    """检查内容：
        仅对2019年度报告，表二或表三的标签属于2021年版格式或混用两个版本，而不是2019年试行格式（国办公开办函
        〔2019〕60号）时报告。判断标志与 S014 相同，但级别为警告。

    为何重要：
        对2019年度报告，统一格式是鼓励使用的，确有困难的机关可以只作参照（template-spec §2.1，S3），因此与格式不
        符值得一看，但不算错误。

    示例：
        2019年度报告的表三将「（六）其他处理」拆成了三行。

    修改方法：
        使用2019年试行格式的表格。
    """

    code = "S015"
    name = "trial-format-deviation"
    summary = "2019年度报告未按试行格式填写表格（提示）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table of a 2019 report that is not in the 2019 trial format."""
        if report.title_year != 2019:
            return
        for problem in version_problems(report):
            yield self.at_line(report, problem.message, problem.line, problem.column, length=problem.length)
