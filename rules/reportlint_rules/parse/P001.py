"""P001 empty-file: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class EmptyFile(ProblemRule):
    """检查内容：
        文件为空或只含空白字符时报告。

    为何重要：
        上传的文件为空，通常意味着导出失败；发布这样的文件，等于什么也没有公开。

    示例：
        0 字节的 `report.txt`。

    修改方法：
        重新导出报告，发布前检查文件内容。
    """

    code = "P001"
    name = "empty-file"
    summary = "文件为空或只有空白字符"
    needs_content = False
    always_reported = True
    problem_kind = "empty"
