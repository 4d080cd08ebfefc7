"""P801 stale-baseline-entry: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule


class StaleBaselineEntry(Rule):
    """检查内容：
        使用 ``--baseline FILE`` 时，基线中记录的已接受问题在本次检查的文件中已不再出现的，逐条报告。消息重复原
        问题的代码和内容。

    为何重要：
        基线若保留已经改正的问题，这些问题再次出现时会被悄悄放过；及时清理，基线才能如实反映现状。

    示例：
        基线接受了 ``2020.txt`` 表三「（七）总计」处的一条 A001；总计已经改正，这一条目便已过时。

    修改方法：
        用 ``--write-baseline FILE`` 重新生成基线，或者删除该条目。
    """

    code = EngineCode.STALE_BASELINE.value
    name = "stale-baseline-entry"
    summary = "基线中的问题已不再出现"
    severity = Severity.WARNING
    needs_content = False

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check per file: the baseline layer emits P801 (see reportlint.baseline)."""
        return iter(())
