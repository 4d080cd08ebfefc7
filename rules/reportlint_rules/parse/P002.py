"""P002 undecodable-file: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class UndecodableFile(ProblemRule):
    """检查内容：
        文件既不是 UTF-8（带或不带 BOM）、带 BOM 的 UTF-16，也不是 GB18030/GBK 编码的文本，或者含有二进制数据时
        报告。

    为何重要：
        这样的文件无法检查其中任何内容；编码错误的文件在读者那里也会显示为乱码。

    示例：
        以 `.txt` 为文件名保存的 Word `.doc` 文件。

    修改方法：
        将报告另存为 UTF-8（或 GB18030）编码的纯文本。
    """

    code = "P002"
    name = "undecodable-file"
    summary = "文件不是可识别编码的文本"
    needs_content = False
    always_reported = True
    problem_kind = "undecodable"
