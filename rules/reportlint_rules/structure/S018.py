"""S018 missing-accountability-content: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model.templates import V2021
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions, prose

_TOPIC_RE = re.compile(r"考核|评议|评估|测评|绩效|责任追究|追责|问责|满意度|社会评价")
_TOPICS = (
    ("工作考核", re.compile(r"考核|绩效")),
    ("社会评议", re.compile(r"评议|社会评价|满意度|测评|评估")),
    ("责任追究", re.compile(r"责任追究|追责|问责")),
)
"""The three results the 2021 template asks for under 监督保障, and words that report each."""


class S018Options(RuleOptions):
    """Options of S018."""

    each_result: bool = Field(
        default=False,
        description=(
            "In a 2021-format report, also report a government report that touches some of "
            "the three results but not all, naming the ones missing. Off by default: five of "
            "the seven government reports of the corpus omit one result, which is true but "
            "not worth a clerk's time; the two that omit all three are always reported."
        ),
    )


class MissingAccountabilityContent(Rule[S018Options]):
    """What it does:
        For the report of a people's government (人民政府, 乡镇, 街道, 管委会 …; not a
        department), reports when no line of the report touches 工作考核, 社会评议 or
        责任追究 at all (none of 考核, 评议, 评估, 测评, 绩效, 责任追究, 追责, 问责,
        满意度, 社会评价), at the heading of section 一. With ``each-result``, in a report
        in the 2021 format, whose template asks for all three results under 监督保障, it
        also reports which of the three is missing (工作考核: 考核, 绩效; 社会评议: 评议, 社会评价, 满意度, 测评,
        评估; 责任追究: 责任追究, 追责, 问责). A 2019-format report that mentions any one
        of them is left alone.

        A warning, on by default: on the real reports it finds the two governments that
        are silent on the topic, and no department; ``each-result`` adds five more.

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
        """One finding when a government report omits (some of) the Art. 50(4) results."""
        if report.agency_kind != "government":
            return
        text = "\n".join(paragraph.text for paragraph in prose(report))
        if not _TOPIC_RE.search(text):
            missing = [name for name, _ in _TOPICS]
            where = "全文未涉及"
        elif self.options.each_result and report.template.version == V2021:
            missing = [name for name, pattern in _TOPICS if not pattern.search(text)]
            where = "报告未说明" + "、".join(missing) + "结果"
        else:
            return
        if not missing:
            return
        section = report.sections.get(1)
        line, column = (section.line, section.heading.column) if section else (1, 1)
        message = "人民政府的年度报告应说明工作考核、社会评议和责任追究结果情况（条例第五十条第四项），" + where
        yield self.at_line(report, message, line, column)
