"""C006 invalid-web-address: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.contact._web import malformed, web_addresses


class InvalidWebAddress(Rule):
    """检查内容：
        检查正文中的每个网址，即以协议名（http、https、ftp）或「www」开头的每一串网址字符：协议名后面必须
        是一个半角冒号和两个斜杠（「https://」），主机名必须是以点分隔、以纯字母后缀结尾的名称
        （「www.pingtan.gov.cn」）。属于电子邮箱地址一部分的，交由 C005 检查。

    为何重要：
        报告会写明电子版的发布位置；读者把格式错误的网址复制到浏览器中，打不开页面。

    示例：
        「网址：https//www.pingtan.gov.cn」（2024_pingtan-police）：https 后面缺少冒号。

    修改方法：
        按浏览器显示的样子写网址：「https://www.pingtan.gov.cn」。
    """

    code = "C006"
    name = "invalid-web-address"
    summary = "网址格式不正确"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per malformed web address."""
        for paragraph, address in malformed(report, web_addresses):
            fix = f"，应为「{address.suggestion}」" if address.suggestion else ""
            message = f"网址「{address.text}」格式不正确：{address.problem}{fix}"
            yield self.at_span(report, message, paragraph, address.start, address.start + len(address.text))
