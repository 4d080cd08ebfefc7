"""T006 markup-residue: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.rulebase import Rule, prose

_RESIDUE = lazy_compile(
    r"<!--.{0,300}?-->"  # Word's conditional comments: <!--[if !supportLists]-->
    r"|</?(?:span|font|p|br|div|o:p|st1:[a-z]+|b|i|u|strong|em|table|tr|td)\b[^<>]{0,300}>"  # tags
    r"|&(?:nbsp|lt|gt|amp|quot|ensp|emsp|#\d{2,6}|#x[0-9a-fA-F]{2,5});"  # entities
    r"|\bmso-[a-z-]+:[^;\"]{0,40}"  # Word's inline styles
    r"|\bstyle=\"[^\"]{0,300}\"",
    re.IGNORECASE,
)
"""What a web page or a Word export leaves in pasted text: comments, tags, entities, styles."""


class MarkupResidue(Rule):
    """检查内容：
        报告正文中残留的排版代码：Word 的条件注释（``<!--[if
        !supportLists]-->``、``<!--[endif]-->``）、HTML 标签（``<span style=…>``、``<br
        />``、``<o:p>``）、写成文字的字符实体（``&nbsp;``、``&lt;``）以及 Word 的内联样式（``mso-…``）。每
        份报告一个问题，标在第一处，写明共有几处、分别在哪些行：粘贴进来的导出内容是一个问题。表格不读取
        （表格中是数字和标签）。

        默认启用，为警告：它在真实报告中找出了 SOURCES.md 所列的三行残留代码，此外没有其他发现。

    为何重要：
        发布的页面会把这些代码当作文字显示出来；这表明报告是从 Word 导出文件或网页粘贴而来、没有再通读过，
        读者和评议人员一眼就能看到。

    示例：
        「<!--[if !supportLists]-->（三）<!--[endif]-->突出抓好政府采购信息公开」
        （2021_pingtan-finance-bureau）。

    修改方法：
        删去这些代码，写成「（三）突出抓好政府采购信息公开」。
    """

    code = "T006"
    name = "markup-residue"
    summary = "正文中残留网页或Word排版代码"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per report, at the first piece of markup, naming the lines of the rest."""
        places = [(paragraph, match) for paragraph in prose(report) for match in _RESIDUE.finditer(paragraph.text)]
        if not places:
            return
        paragraph, first = places[0]
        message = f"正文中残留排版代码「{first.group()}」，应删除"
        if len(places) > 1:
            lines = "、".join(str(line) for line in dict.fromkeys(place[0].line for place in places))
            message += f"（全文共{len(places)}处，见第{lines}行）"
        yield self.at_match(report, message, paragraph, first)
