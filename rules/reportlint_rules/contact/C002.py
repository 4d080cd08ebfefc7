"""C002 missing-postcode: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import ADDRESS, POSTCODE, contact_fields


class MissingPostcode(Rule):
    """What it does:
        Reports the first labelled address (地址：/联系地址：/通讯地址：…) when the report
        gives no postcode (邮编/邮政编码 followed by a number) anywhere in its prose.

    Why it matters:
        An address is given so that readers can write to the agency (条例 lets applications
        be sent by letter); a letter needs the postcode. Reports that give an address
        give the postcode with it ("地址：…，邮编：…", template-spec S22, S24).

    Example:
        "请与××办公室联系（地址：××县人民路18号，电话：0796-6281357）" — no 邮编.

    Fix:
        Add the postcode next to the address: "地址：××县人民路18号，邮编：343718".
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
