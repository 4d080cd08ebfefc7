"""A005 published-total-below-new: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2
from reportlint.rulebase import Rule
from reportlint.text import format_number

_, NEW, TOTAL = tpl.T2_DOCUMENT_COLUMNS[tpl.V2019]


class PublishedTotalBelowNew(Rule):
    """What it does:
        In table 二 of the 2019 format, block 第二十条第（一）项, checks for 规章 and
        规范性文件 that 对外公开总数量 (everything published and still public) is at
        least 本年新公开数量 (published this year) — template-spec P-1. Reported at the
        对外公开总数量 cell.

    Why it matters:
        What was published this year is part of what is public in total, so a smaller
        total means one of the two numbers is wrong, or the columns were swapped. A
        warning, not an error: the template does not define 对外公开总数量, and a document
        published and repealed in the same year may count as new but not in the total.

    Example:
        规范性文件: 本年新制作数量 5, 本年新公开数量 5, 对外公开总数量 3.

    Fix:
        Check both numbers; 对外公开总数量 counts every document of the kind that is
        public at the end of the year, including this year's.
    """

    code = "A005"
    name = "published-total-below-new"
    summary = "对外公开总数量小于本年新公开数量"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per row of block （一） whose total is below its new publications."""
        table = report.tables.get(T2)
        if table is None:
            return
        for key in (tpl.T2_RULES, tpl.T2_NORMATIVE[tpl.V2019]):
            new, total = table.cell(key, NEW), table.cell(key, TOTAL)
            if new is None or total is None or new.value.number is None:
                continue
            if total.number < new.number:
                message = (
                    f"表二「{key}」行：对外公开总数量为{format_number(total.number)}，"
                    f"小于本年新公开数量{format_number(new.number)}（P-1）"
                )
                yield self.at_cell(message, total, expected=new.number, operands=[new])
