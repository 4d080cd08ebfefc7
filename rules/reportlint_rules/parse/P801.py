"""P801 stale-baseline-entry: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding, Severity
from reportlint.model import Report
from reportlint.rulebase import Rule


class StaleBaselineEntry(Rule):
    """What it does:
        With ``--baseline FILE``, reports each accepted finding recorded in the baseline
        that no longer occurs in a file checked in this run. The message repeats the
        old finding's code and message.

    Why it matters:
        A baseline that keeps entries for faults already fixed would silently accept
        them again if they came back; trimming it keeps it honest.

    Example:
        The baseline accepted an A001 on 表三「（七）总计」 of ``2020.txt``; the total
        was corrected, so the entry is stale.

    Fix:
        Rewrite the baseline with ``--write-baseline FILE``, or delete the entry.
    """

    code = EngineCode.STALE_BASELINE.value
    name = "stale-baseline-entry"
    summary = "基线中的问题已不再出现"
    severity = Severity.WARNING
    needs_content = False

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check per file: the baseline layer emits P801 (see reportlint.baseline)."""
        return iter(())
