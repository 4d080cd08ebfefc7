"""S021 missing-statistics-period: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose

_PERIOD_RE = re.compile(
    r"统计(?:期限|时限|周期|区间|时间|期间|口径|范围)"
    r"|1\s*月\s*1\s*日[^。；]{0,12}12\s*月\s*31\s*日"
    r"|(?:全年|年度)数据|自然年度"
)
"""A sentence stating the period the figures cover: 统计期限自…1月1日起至…12月31日止."""


class MissingStatisticsPeriod(Rule):
    """What it does:
        Reports a report that never states the period its figures cover: no
        "统计期限/统计时限/统计周期…", no "1月1日…至…12月31日" and no "全年数据/自然年度"
        anywhere in its text. The finding is at the title (or line 1).

        On by default, as a warning: on the real reports it finds the two police
        reports that leave the period out and nothing else.

    Why it matters:
        The template's opening paragraph states the period of the statistics
        ("本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止"); without it a
        reader cannot tell whether the counts are for the calendar year or for a
        reporting year of the agency's own, and cannot compare them with other reports.

    Example:
        2019_pingtan-police and 2021_pingtan-police: the opening paragraph names the
        report's basis and its parts, but no period.

    Fix:
        Add the sentence to the opening paragraph: "本报告中所列数据的统计期限自2021年1月1日
        起至2021年12月31日止。"
    """

    code = "S021"
    name = "missing-statistics-period"
    summary = "报告未写明统计期限"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when no line of the report states the statistics period."""
        if not report.sections or any(_PERIOD_RE.search(paragraph.text) for paragraph in prose(report)):
            return
        line, column = (report.title.line, report.title.column) if report.title else (1, 1)
        yield self.at_line(report, "报告未写明数据的统计期限（如“统计期限自某年1月1日起至12月31日止”）", line, column)
