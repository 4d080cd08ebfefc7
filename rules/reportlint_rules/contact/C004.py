"""C004 invalid-postcode: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._fields import POSTCODE, contact_fields
from reportlint_rules.contact.postcodes import province_for_postcode


class InvalidPostcode(Rule):
    """What it does:
        Checks every number written after 邮编 / 邮 编 / 邮政编码: it must have exactly six
        digits, and its first two digits must be a province's range of China Post
        (``postcodes.py``: 10 北京, 33–34 江西, 35–36 福建 …).

    Why it matters:
        A letter with a wrong postcode goes astray; a postcode with five or seven digits,
        or from no province at all, is a typing error.

    Example:
        "邮编：35040" (five digits) or "邮编：990400" (no province starts with 99).

    Fix:
        Write the six-digit postcode of the address, e.g. "邮编：350400".
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
