"""S023 overview-aspects-missing: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model.templates import V2021
from reportlint.rulebase import Rule, prose

ASPECTS = (
    ("主动公开", lazy_compile(r"主动公开")),
    ("依申请公开", lazy_compile(r"依申请")),
    ("政府信息管理", lazy_compile(r"信息管理|信息资源|保密审查|发布审核|公开属性|源头认定|动态调整|清理")),
    ("平台建设", lazy_compile(r"平台|网站|新媒体|公众号|门户|政务公开专区")),
    ("监督保障", lazy_compile(r"监督|保障|考核|培训|组织领导|责任追究")),
)
"""The five aspects section 一 of the 2021 format reports on, and words that show each."""


class OverviewAspectsMissing(Rule):
    """检查内容：
        对2021年版格式的报告，第一部分（总体情况）对格式所列五个方面中的一个或几个只字未提时报告。这五个方面是：
        主动公开，依申请公开，政府信息管理（信息管理、保密审查、发布审核、公开属性、清理……），平台建设（平台、网
        站、新媒体、公众号……），监督保障（监督、保障、考核、培训……）。在章节标题处报告一处，写明缺少的方
        面。2019年版格式的报告第一部分不限内容，不予检查。

        本规则为警告级别，默认启用：在真实报告中，它发现一份第一部分遗漏了一个方面的报告
        （2021_pingtan-police），没有其他报告。

    为何重要：
        国办公开办函〔2021〕30号规定了一、总体情况的提纲：（一）主动公开 （二）依申请公开 （三）政府信息管
        理 （四）平台建设 （五）监督保障（template-spec §3.2）；评估人员逐项检查，漏掉一项的，读起来就是该项工作
        没有做。

    示例：
        第一部分写了主动公开和依申请公开就结束了。

    修改方法：
        在相应的小标题下，为缺少的每个方面补写一段。
    """

    code = "S023"
    name = "overview-aspects-missing"
    summary = "2021年版报告「总体情况」未涵盖五个方面"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when section 一 of a 2021-format report misses some of its aspects."""
        section = report.sections.get(1)
        if section is None or report.template.version != V2021:
            return
        text = "\n".join(paragraph.text for paragraph in prose(report, sections=(1,)))
        missing = [name for name, pattern in ASPECTS if not pattern.search(text)]
        if not missing:
            return
        message = (
            "「一、总体情况」应分主动公开、依申请公开、政府信息管理、平台建设、监督保障五个方面说明，"
            f"未涉及：{'、'.join(missing)}"
        )
        yield self.at_line(report, message, section.line, section.heading.column)
