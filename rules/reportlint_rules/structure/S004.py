"""S004 missing-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.problems import ProblemKind
from reportlint.model.templates import TABLE_SECTION, TABLE_TITLES
from reportlint.rulebase import Rule


class MissingTable(Rule):
    """What it does:
        Reports, at the section heading, a section 二, 三 or 四 when the report has no
        table 二 (主动公开政府信息情况), 三 (收到和处理政府信息公开申请情况) or 四
        (行政复议、行政诉讼情况) at all. A section that holds a table reportlint could not
        recognise is left to P005, a table whose labels are there but which could not be
        read to P004, and a missing section to S001.

    Why it matters:
        The three tables are the statistical core of the unified format (template-spec
        §2.3–§3.5); a report without them omits statutory content (条例第五十条, E4).

    Example:
        二、主动公开政府信息情况 followed only by a paragraph "本年度主动公开信息126条".

    Fix:
        Add the template's table under the section heading and fill every cell (0 where
        nothing happened).
    """

    code = "S004"
    name = "missing-table"
    summary = "缺少统计表格"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per section 二/三/四 without its table anywhere in the report."""
        unread = {problem.table for problem in report.problems if problem.kind is ProblemKind.UNREAD_TABLE}
        for kind, number in TABLE_SECTION.items():
            section = report.sections.get(number)
            if section is None or kind in report.tables or kind in unread or section.tables():
                continue
            message = f"第{kind}部分「{section.heading.text}」缺少表{kind}「{TABLE_TITLES[kind]}」"
            yield self.at_line(report, message, section.line, section.heading.column)
