"""C001 missing-contact: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule, prose
from reportlint_rules.contact._fields import ADDRESS, PHONE, contact_fields


class MissingContact(Rule):
    """What it does:
        Looks for a labelled address (地址：/联系地址：/通讯地址：…) or telephone number
        (电话/联系电话/咨询电话/传真/热线 followed by a number) anywhere in the report's
        prose, and reports the report when it has neither. An e-mail address or a web site
        alone does not count. The finding is placed on the last line of the opening
        paragraphs (before 一、总体情况), where reports usually put the contact sentence.

    Why it matters:
        The annual report is how the public learns whom to ask about disclosure; reports
        usually end their opening paragraph with "如对本报告有任何疑问，请与…联系（地址：…，
        邮编：…，电话：…）" (template-spec S22, S24). Neither format prints this as
        mandatory (template-spec §8.6), so this is a warning.

    Example:
        2021_pingtan-police: the opening paragraph ends with "特编制此报告：" and the report
        gives no address or telephone number anywhere.

    Fix:
        Add a contact sentence to the opening paragraph, e.g. "如对本报告有任何疑问，请与
        ××办公室联系（地址：××，邮编：××××××，电话：0××××-×××××××）".
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
