"""P004 unread-table: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UnreadTable(ProblemRule):
    """检查内容：
        报告中出现了表二、表三或表四的模板标签，但该表本身未能读取时，在第一个标签处报告。这些标签可能单独成行，
        如「一、本年新收政府信息公开申请数量 3001 53 …」或「结果维持」，也可能在 reportlint 无法识别的表格中；判
        断的标准是：在 reportlint 读懂的表格之外，出现表二或表四至少两个不同的标签，或者表三至少三个不同的标签。
        消息写明是哪张表以及找到的标签。此时 S004（缺少表格）对该表不再报告，因为表格是存在的。

    为何重要：
        表格未能读取，其中的数字就都无法检查。没有这条提示，表格变成零散文本行的报告——从 PDF 转出的文本
        （``pdftotext -layout`` 用空格对齐单元格）、粘贴进正文的表格——会像表格无误一样通过检查。本规则为错误级
        别，因此这样的检查不会以 0 退出。

    示例：
        ``pdftotext -layout`` 的输出，其中表三写作 ``一、本年新收政府信息公开申请数量    3001    53    0 …``，单
        元格之间没有制表符（TAB）。

    修改方法：
        以 reportlint 能够读取的形式提供表格：直接检查 .docx/.html/.pdf 原件（需安装相应的读取器），或者从浏览
        器、Word 中复制（单元格之间以 TAB 分隔），或者使用每个单元格单独一行的纯文本格式。
    """

    code = "P004"
    name = "unread-table"
    summary = "模板表格未能读取"
    needs_content = True
    problem_kind = "unread-table"
