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
    """What it does:
        Checks every number written after a phone label (电话, 联系电话, 咨询电话, 传真,
        电话/传真, 热线 …) with the ``phonenumbers`` library (Google's libphonenumber
        data): a fixed line must be an existing area code followed by the number of
        digits used there (7 or 8), a mobile number must have 11 digits in an existing
        range, a service number must be a valid short number (12345, 12315) or a 10-digit
        400/800 number. A number without an area code in a list after one that has it
        ("0591-23165250、23165251") borrows that code, and an extension after a valid
        number ("0591-23165250-8001") is accepted. Numbers followed by a counting
        word (个, 次, 件 …) are counts, not phone numbers, and are skipped.

    Why it matters:
        A wrong digit makes the contact line useless; readers cannot reach the agency
        about the report or about their applications.

    Example:
        "电话：0591-6256103" — 福州 (0591) numbers have 8 digits, this one has 7.

    Fix:
        Write the area code and the complete number, e.g. "0591-62561036".
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
