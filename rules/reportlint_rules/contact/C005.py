"""C005 invalid-email: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._web import emails, malformed


class InvalidEmail(Rule):
    """检查内容：
        检查正文中的每个电子邮箱地址（“@”或“＠”前后的任何文字，以及 邮箱：/电子邮箱：/E-mail: 之后的内
        容）：应当由用户名、一个半角“@”和以点分隔的域名组成，域名以纯字母的后缀结尾
        （163.com、fj.gov.cn）。标明为邮箱但其中没有“@”的，也予以报告。

    为何重要：
        地址写错，邮件会被退回；按这个地址写信的读者得不到答复，而且可能察觉不到。

    示例：
        「电子邮箱：pzxxgkb@163com」（com 前没有点）、「邮箱：pzxxgkb163.com」（没有 @）、
        「pzxxgkb＠163.com」（全角 ＠）。

    修改方法：
        改正地址：「pzxxgkb@163.com」。
    """

    code = "C005"
    name = "invalid-email"
    summary = "电子邮箱地址格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per malformed e-mail address."""
        for paragraph, address in malformed(report, emails):
            message = f"电子邮箱「{address.text}」格式不正确：{address.problem}"
            yield self.at_span(report, message, paragraph, address.start, address.start + len(address.text))
