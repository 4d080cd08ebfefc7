"""T008 space-in-title: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule
from reportlint_rules.typography._chars import quote

_SPACE = lazy_compile(r"(?<=\S)[ \u3000\u00a0\t]+(?=\S)")


class SpaceInTitle(Rule):
    """检查内容：
        报告标题中两个字之间的空格（半角、全角或不换行空格），标在空格前的那个字处（下划线标出的是空格及其
        两侧各一个字）。标题前后的空格属于排版，不予理会。

        默认启用，为警告：它在真实报告中找出了唯一一个带多余空格的标题（2020_pingtan-finance-bureau），此
        外没有其他发现。

    为何重要：
        标题会按原样被引用——在机关的政府信息公开目录中、门户网站上和评议中；「2020年度 政府信息公开工作年
        度报告」与模板规定的标题不是同一个字符串，看上去也像是残留了换行。

    示例：
        「平潭综合实验区财政金融局2020年度 政府信息公开工作年度报告」（2020_pingtan-finance-bureau）。

    修改方法：
        删去空格。
    """

    code = "T008"
    name = "space-in-title"
    summary = "标题中有多余空格"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per run of spaces inside the title."""
        title = report.title
        if title is None:
            return
        for match in _SPACE.finditer(title.text):
            message = f"标题中有多余空格：「{quote(title.text, match.start(), match.end(), 6)}」，应删除"
            # underline the space with a character on each side: a span of spaces alone is invisible
            yield self.at_span(report, message, title, match.start() - 1, match.end() + 1)
