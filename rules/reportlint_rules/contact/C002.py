"""C002 missing-postcode: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import ADDRESS, POSTCODE, contact_fields


class MissingPostcode(Rule):
    """检查内容：
        报告正文中任何位置都没有邮政编码（「邮编」「邮政编码」后接数字）时，在第一个标明的地址（地址：/联
        系地址：/通讯地址：…）处报告。

    为何重要：
        写明地址，是为了让读者能够给机关寄信（条例允许以信函方式提出申请）；寄信需要邮政编码。写了地址的报
        告一般同时写明邮政编码（「地址：…，邮编：…」，template-spec S22、S24）。

    示例：
        「请与××办公室联系（地址：××县人民路18号，电话：0796-6281357）」——没有邮编。

    修改方法：
        在地址后加上邮政编码：「地址：××县人民路18号，邮编：343718」。
    """

    code = "C002"
    name = "missing-postcode"
    summary = "写了地址但没有邮政编码"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding at the first address when no postcode is given anywhere."""
        fields = contact_fields(report)
        if any(found.kind == POSTCODE for found in fields):
            return
        address = next((found for found in fields if found.kind == ADDRESS), None)
        if address is not None:
            yield self.at_line(
                report,
                f"写了地址「{address.value}」，但全文没有邮政编码（应写明“邮编：××××××”）",
                address.line,
                address.column,
            )
