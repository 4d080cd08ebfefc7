"""C001 missing-contact: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint_rules.contact._fields import ADDRESS, PHONE, contact_fields


class MissingContact(Rule):
    """检查内容：
        在报告正文中任何位置查找标明的地址（地址：/联系地址：/通讯地址：…）或电话号码（「电话」「联系电
        话」「咨询电话」「传真」「热线」后接号码），两者都没有时报告。只有电子邮箱或网站的不算。问题标在开
        头几段（一、总体情况之前）的最后一行，报告通常在那里写联系方式。

    为何重要：
        公众通过年度报告了解政府信息公开事宜应向谁咨询；报告通常在开头一段的末尾写明「如对本报告有任何疑
        问，请与…联系（地址：…，邮编：…，电话：…）」（template-spec S22、S24）。两版格式都没有把这一内容列
        为必备项（template-spec §8.6），因此本规则是警告。

    示例：
        2021_pingtan-police：开头一段以「特编制此报告：」结束，全文没有任何地址或电话号码。

    修改方法：
        在开头一段加上联系方式，例如「如对本报告有任何疑问，请与××办公室联系（地址：××，邮编：××××××，电
        话：0××××-×××××××）」。
    """

    code = "C001"
    name = "missing-contact"
    summary = "没有写明咨询联系方式（地址或电话）"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when no address and no phone number is found."""
        if not report.text.strip():
            return
        if any(found.kind in (ADDRESS, PHONE) for found in contact_fields(report)):
            return
        preamble = list(prose(report, sections=(None,)))
        where = preamble[-1] if preamble else None
        line, column = (where.line, where.column) if where else (1, 1)
        yield self.at_line(
            report,
            "报告没有写明咨询联系方式：找不到地址或电话号码"
            "（通常写在开头一段，如“如对本报告有任何疑问，请与…联系（地址：…，邮编：…，电话：…）”）",
            line,
            column,
        )
