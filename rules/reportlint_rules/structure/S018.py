"""S018 missing-accountability-content: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.templates import V2021
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions, prose

_TOPIC_RE = lazy_compile(r"考核|评议|评估|测评|绩效|责任追究|追责|问责|满意度|社会评价")
_TOPICS = (
    ("工作考核", lazy_compile(r"考核|绩效")),
    ("社会评议", lazy_compile(r"评议|社会评价|满意度|测评|评估")),
    ("责任追究", lazy_compile(r"责任追究|追责|问责")),
)
"""The three results the 2021 template asks for under 监督保障, and words that report each."""


class S018Options(RuleOptions):
    """Options of S018."""

    each_result: bool = Field(
        default=False,
        description=(
            "对2021年版格式的报告，政府的报告涉及了三项结果中的一部分而不是全部时，也予以报告，并写明缺少的是"
            "哪几项。默认关闭：语料中七份政府报告有五份遗漏了一项，这虽属实，但不值得占用填报人员的时间；三项"
            "全部遗漏的两份总会报告。"
        ),
    )


class MissingAccountabilityContent(Rule[S018Options]):
    """检查内容：
        对人民政府（人民政府、乡镇、街道、管委会……；不含政府部门）的报告，报告中没有任何一行涉及工作考核、社会评
        议或责任追究（考核、评议、评估、测评、绩效、责任追究、追责、问责、满意度、社会评价均未出现）时，在第一部
        分的标题处报告。启用 ``each-result`` 时，对2021年版格式的报告（其模板要求在监督保障中写明全部三项结
        果），还报告三项中缺少的是哪一项（工作考核：考核、绩效；社会评议：评议、社会评价、满意度、测评、评估；责
        任追究：责任追究、追责、问责）。2019年版格式的报告只要提到其中任何一项，即不予报告。

        本规则为警告级别，默认启用：在真实报告中，它发现了对此只字未提的两份政府报告，不涉及任何部门的报
        告；``each-result`` 另外增加五处。

    为何重要：
        条例第五十条(四)要求各级人民政府报告工作考核、社会评议和责任追究结果情况（第四十六条建立了这些制
        度）；2021年版格式将其列在一、总体情况的监督保障之下（template-spec §3.1、§3.2、§5）。

    示例：
        乡镇报告的（五）监督保障只写了「注重抓好政务公开工作机制的落实」。

    修改方法：
        在监督保障中写明工作如何考核（考核）、社会评议的结果如何（社会评议），以及是否有人被追究责任（责任追究，
        如「未发生责任追究情况」）。
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
