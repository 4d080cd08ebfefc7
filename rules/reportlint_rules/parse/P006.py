"""P006 file-too-large: the rule class below holds its summary and documentation."""

from __future__ import annotations

from reportlint.rulebase import ProblemRule


class FileTooLarge(ProblemRule):
    """检查内容：
        文件大于 16 MB 时报告，并且不读取该文件。

    为何重要：
        年度报告不会有这么大；这样的文件几乎肯定不是报告，读取它还会拖慢整个检查。

    示例：
        名为 `report.txt` 的 200 MB 数据库导出文件。

    修改方法：
        核实给出的文件是否正确。
    """

    code = "P006"
    name = "file-too-large"
    summary = "文件过大，未检查"
    needs_content = False
    always_reported = True
    problem_kind = "too-large"
