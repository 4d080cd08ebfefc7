"""P901 rule-crashed: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class RuleCrashed(Rule):
    """检查内容：
        某条规则在处理本文件时出错时报告，消息写明是哪条规则。规则出错是指：抛出任何异常（包括 ``SystemExit`` 和
        ``KeyboardInterrupt``），产生的结果不是格式正确的 ``Finding``，或者超出运行时限（``rule-timeout``，默认
        每份报告 10 秒）。其他规则照常运行。

    为何重要：
        一条规则出错，既不能掩盖其他规则发现的问题，也不能悄无声息地放过。

    示例：
        第三方规则读取了报告中并不存在的表格行。

    修改方法：
        报告给规则的作者，写明消息中的规则代码；在此期间用 `--ignore` 停用该代码。
    """

    code = EngineCode.RULE_CRASHED.value
    name = "rule-crashed"
    summary = "规则运行出错"
    needs_content = False
    always_reported = True

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check here: the engine emits P901 itself (see reportlint.engine)."""
        return iter(())
