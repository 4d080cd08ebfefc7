"""S005 misplaced-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.numerals import numeral
from reportlint.model.sections import SECTION_TITLES
from reportlint.model.templates import TABLE_SECTION, TABLE_TITLES
from reportlint.rulebase import Rule


class MisplacedTable(Rule):
    """What it does:
        Reports table 二, 三 or 四 when it starts outside its own section (二 under
        二、主动公开政府信息情况, 三 under 三、…, 四 under 四、…), at the table's first
        line. A table whose section is missing altogether is left to S001.

    Why it matters:
        Each table belongs to its section in both formats (template-spec §2.2–§3.5); a
        table under the wrong heading usually means a heading was lost or moved, and
        readers look for the numbers in the wrong place.

    Example:
        表三 placed after the heading 四、政府信息公开行政复议、行政诉讼情况.

    Fix:
        Move the table under its section heading (or restore the lost heading).
    """

    code = "S005"
    name = "misplaced-table"
    summary = "统计表格不在所属章节中"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table that starts in another section or in the preamble."""
        for kind, number in TABLE_SECTION.items():
            table = report.tables.get(kind)
            if table is None or number not in report.sections:
                continue
            found = report.section_at(table.line)
            if found == number:
                continue
            where = (
                "报告开头（第一部分之前）"
                if found is None
                else f"第{numeral(found)}部分「{report.sections[found].heading.text}」中"
            )
            message = f"表{kind}「{TABLE_TITLES[kind]}」位于{where}，应放在第{kind}部分「{SECTION_TITLES[number]}」下"
            yield self.at_line(report, message, table.line, 1)
