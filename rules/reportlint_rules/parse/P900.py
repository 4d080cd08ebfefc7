"""P900 internal-error: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class InternalError(Rule):
    """检查内容：
        reportlint 自身在处理本文件时出错（是 reportlint 的缺陷，不是报告的问题）时报告。本次检查的其他文件照常
        检查。

    为何重要：
        检查工具如果静默崩溃，就会让从未检查过的报告通过。

    示例：
        任何触发模型构建程序缺陷的文件。

    修改方法：
        将该文件报告给 reportlint 的维护者；在此期间请人工检查报告。
    """

    code = EngineCode.INTERNAL_ERROR.value
    name = "internal-error"
    summary = "reportlint 内部错误"
    needs_content = False
    always_reported = True

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check here: the engine emits P900 itself (see reportlint.engine)."""
        return iter(())
