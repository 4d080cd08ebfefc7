"""C004 invalid-postcode: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import POSTCODE, contact_fields
from reportlint_rules.contact.postcodes import province_for_postcode


class InvalidPostcode(Rule):
    """检查内容：
        检查「邮编」「邮 编」「邮政编码」后面的每个数字：必须恰好是六位，且前两位必须属于中国邮政某个省份
        的号段（``postcodes.py``：10 北京，33–34 江西，35–36 福建 …）。

    为何重要：
        邮政编码写错，信件就会寄错；五位或七位的邮政编码，或者不属于任何省份的邮政编码，是录入错误。

    示例：
        「邮编：35040」（五位）或「邮编：990400」（没有哪个省份以 99 开头）。

    修改方法：
        写明地址所在地的六位邮政编码，例如「邮编：350400」。
    """

    code = "C004"
    name = "invalid-postcode"
    summary = "邮政编码格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per malformed postcode."""
        for found in contact_fields(report):
            if found.kind != POSTCODE:
                continue
            digits = found.digits
            if len(digits) != 6:
                message = f"邮政编码「{found.value}」应为6位数字，这里是{len(digits)}位"
            elif province_for_postcode(digits) is None:
                message = f"邮政编码「{found.value}」不存在：没有哪个省份的邮编以“{digits[:2]}”开头"
            else:
                continue
            yield self.at_line(report, message, found.line, found.column, length=len(found.value))
