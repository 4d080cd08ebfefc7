"""C003 invalid-phone-number: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator
from itertools import islice

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import MAX_PER_LINE, fields_by_line
from reportlint_rules.contact._phones import checked_phones


class InvalidPhoneNumber(Rule):
    """检查内容：
        用 ``phonenumbers`` 库（Google libphonenumber 的数据）检查电话类标签（电话、联系电话、咨询电话、传
        真、电话/传真、热线 …）后面的每个号码：固定电话必须是现有的区号加上当地使用的位数（7 位或 8 位），
        手机号码必须是 11 位且在现有号段内，服务号码必须是有效的短号码（12345、12315）或 10 位的 400/800
        号码。列在带区号的号码之后、本身不带区号的号码（「0591-23165250、23165251」）沿用前者的区号；有效
        号码后面的分机号（「0591-23165250-8001」）视为有效。后接量词（个、次、件 …）的数字是数量而不是电话
        号码，略过不查。

    为何重要：
        错一位数字，联系方式就失去作用；读者无法就报告或自己的申请联系到机关。

    示例：
        「电话：0591-6256103」——福州（0591）的号码是 8 位，这个号码只有 7 位。

    修改方法：
        写明区号和完整号码，例如「0591-62561036」。
    """

    code = "C003"
    name = "invalid-phone-number"
    summary = "电话号码格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per number that phonenumbers does not accept."""
        for fields in fields_by_line(report):
            invalid = ((found, v) for found, v in checked_phones(fields) if not v.valid)
            for found, verdict in islice(invalid, MAX_PER_LINE):
                yield self.at_line(
                    report,
                    f"{found.label.replace(' ', '')}「{found.value}」有误：{verdict.problem}",
                    found.line,
                    found.column,
                    length=len(found.value),
                )
