"""S018 missing-accountability-content: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose

_TOPIC_RE = re.compile(r"考核|评议|评估|测评|绩效|责任追究|追责|问责|满意度|社会评价")


class MissingAccountabilityContent(Rule):
    """What it does:
        For the report of a people's government (人民政府, 乡镇, 街道, 管委会 …; not a
        department), reports when no line of the report touches 工作考核, 社会评议 or
        责任追究 at all (none of 考核, 评议, 评估, 测评, 绩效, 责任追究, 追责, 问责,
        满意度, 社会评价), at the heading of section 一. A report that mentions any one of
        them is left alone, so the rule only finds reports that skip the topic entirely.

    Why it matters:
        条例第五十条(四) requires 各级人民政府 to report 工作考核、社会评议和责任追究结果情况
        (Art. 46 sets up those systems); the 2021 format places it under 监督保障 in
        一、总体情况 (template-spec §3.1, §3.2, §5).

    Example:
        A township report whose （五）监督保障 says only 「注重抓好政务公开工作机制的落实」.

    Fix:
        Under 监督保障, state how the work was assessed (考核), what the public
        evaluation found (社会评议) and whether anyone was held accountable (责任追究,
        e.g. 「未发生责任追究情况」).
    """

    code = "S018"
    name = "missing-accountability-content"
    summary = "人民政府的报告未涉及工作考核、社会评议和责任追究"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when a government report never touches the Art. 50(4) topics."""
        if report.agency_kind != "government":
            return
        if any(_TOPIC_RE.search(paragraph.text) for paragraph in prose(report)):
            return
        section = report.sections.get(1)
        line, column = (section.line, section.heading.column) if section else (1, 1)
        message = (
            f"{report.agency or '本机关'}是人民政府，报告应说明工作考核、社会评议和责任追究结果情况"
            "（条例第五十条第四项），全文未涉及"
        )
        yield self.at_line(report, message, line, column)
