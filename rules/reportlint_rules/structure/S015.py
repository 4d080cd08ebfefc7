"""S015 trial-format-deviation: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._versions import version_problems


class TrialFormatDeviation(Rule):
    """What it does:
        For 2019 reports only, reports table 二 or 三 when its labels belong to the 2021
        format, or mix both versions, instead of the 2019 trial format
        (国办公开办函〔2019〕60号). Same markers as S014, but a warning.

    Why it matters:
        For the 2019 reports the unified format was encouraged, and agencies with real
        difficulty could merely refer to it (template-spec §2.1, S3), so a deviation is
        worth a look but is not an error.

    Example:
        A 2019 report whose 表三 splits 「（六）其他处理」 into three rows.

    Fix:
        Use the 2019 trial format's tables.
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
