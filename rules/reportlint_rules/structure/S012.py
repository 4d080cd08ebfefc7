"""S012 header-label-typo: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.structure._labels import Match, closest_label, header_labels


class HeaderLabelTypo(Rule):
    """检查内容：
        将表二、表三和表四的每个表头单元格与两个版本模板的表头标签（信息内容、本年制发件数、自然人、结果维持……）
        比对，与其中某一个恰好相差一个字（错一字、少一字或多一字；仅限四个字以上的标签）的单元格予以报告，并写明
        应为哪个标签。标签后附加的填报说明由 S013 报告，不算错别字。

    为何重要：
        表头标签由统一格式固定（template-spec §2.3—§3.5）；其中的错别字会出现在每一份公开的表格里，也说明表格是
        重新录入的，而不是取自模板。

    示例：
        「本年废纸件数」应为「本年废止件数」（2021_pingtan-police）。

    修改方法：
        从模板中复制该标签。
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
