"""S023 overview-aspects-missing: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model.templates import V2021
from reportlint.rulebase import Rule, prose

ASPECTS = (
    ("主动公开", re.compile(r"主动公开")),
    ("依申请公开", re.compile(r"依申请")),
    ("政府信息管理", re.compile(r"信息管理|信息资源|保密审查|发布审核|公开属性|源头认定|动态调整|清理")),
    ("平台建设", re.compile(r"平台|网站|新媒体|公众号|门户|政务公开专区")),
    ("监督保障", re.compile(r"监督|保障|考核|培训|组织领导|责任追究")),
)
"""The five aspects section 一 of the 2021 format reports on, and words that show each."""


class OverviewAspectsMissing(Rule):
    """What it does:
        In a report in the 2021 format, reports section 一 (总体情况) when it says nothing
        about one or more of the five aspects the format lists there: 主动公开,
        依申请公开, 政府信息管理 (信息管理, 保密审查, 发布审核, 公开属性, 清理 …), 平台建设
        (平台, 网站, 新媒体, 公众号 …) and 监督保障 (监督, 保障, 考核, 培训 …). One finding
        at the section heading, naming the aspects missing. A report in the 2019 format,
        whose section 一 is free, is not checked.

        On by default, as a warning: on the real reports it finds one section 一 that
        leaves out an aspect (2021_pingtan-police) and nothing else.

    Why it matters:
        国办公开办函〔2021〕30号 sets the outline of 一、总体情况 as （一）主动公开
        （二）依申请公开 （三）政府信息管理 （四）平台建设 （五）监督保障 (template-spec
        §3.2); evaluators check each of them, and a section that skips one reads as
        work not done.

    Example:
        A section 一 that reports 主动公开 and 依申请公开 and stops.

    Fix:
        Add a paragraph for each aspect missing, under its sub-heading.
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
