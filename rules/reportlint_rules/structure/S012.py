"""S012 header-label-typo: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._labels import Match, closest_label, header_labels


class HeaderLabelTypo(Rule):
    """What it does:
        Compares every header cell of tables 二, 三 and 四 with the template's header
        labels of both versions (信息内容, 本年制发件数, 自然人, 结果维持 …) and reports
        a cell that differs from one of them by exactly one character (a wrong, missing
        or extra character; labels of four characters or more), naming the label it
        should be. Fill-in hints appended to a label are S013's finding, not a typo.

    Why it matters:
        Header labels are fixed by the unified format (template-spec §2.3–§3.5); a typo
        in them is published in every copy of the table and suggests the table was
        retyped rather than taken from the template.

    Example:
        「本年废纸件数」 for 「本年废止件数」 (2021_pingtan-police).

    Fix:
        Copy the label from the template.
    """

    code = "S012"
    name = "header-label-typo"
    summary = "表头文字与模板不一致（疑似错别字）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per header cell that is a near miss of a template label."""
        for table in report.tables.values():
            labels = header_labels(table.kind)
            for cell in table.header_cells:
                label, match = closest_label(cell.text, labels)
                if match is Match.TYPO:
                    message = f"表{table.kind}表头「{cell.text}」与模板不一致，应为「{label}」"
                    length = report.written_length(cell.text, cell.line, cell.column)
                    yield self.at_line(report, message, cell.line, cell.column, length=length)
