"""C005 invalid-email: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._web import emails, malformed


class InvalidEmail(Rule):
    """What it does:
        Checks every e-mail address in the prose (any text around an "@" or "＠", and any
        value after 邮箱： / 电子邮箱： / E-mail:): a user name, one half-width "@", and a
        domain of dot-separated names ending in a letters-only suffix (163.com,
        fj.gov.cn). A labelled value without "@" is reported too.

    Why it matters:
        A mistyped address bounces; readers who write to it get no answer and may not
        notice.

    Example:
        "电子邮箱：pzxxgkb@163com" (no dot before com), "邮箱：pzxxgkb163.com" (no @),
        "pzxxgkb＠163.com" (full-width ＠).

    Fix:
        Correct the address: "pzxxgkb@163.com".
    """

    code = "C005"
    name = "invalid-email"
    summary = "电子邮箱地址格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per malformed e-mail address."""
        for paragraph, address in malformed(report, emails):
            message = f"电子邮箱「{address.text}」格式不正确：{address.problem}"
            yield self.at_span(report, message, paragraph, address.start, address.start + len(address.text))
