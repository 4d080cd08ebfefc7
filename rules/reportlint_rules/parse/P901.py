"""P901 rule-crashed: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class RuleCrashed(Rule):
    """What it does:
        Reports that one rule failed on this file; the message names the rule. A rule
        fails when it raises any exception (``SystemExit`` and ``KeyboardInterrupt``
        included), yields something that is not a well-formed ``Finding``, or runs past
        its time budget (``rule-timeout``, 10 seconds per report by default). The other
        rules still run.

    Why it matters:
        A rule that fails must not hide the findings of the others, nor pass silently.

    Example:
        A third-party rule that indexes a table row the report lacks.

    Fix:
        Report it to the rule's author, naming the rule code in the message; `--ignore`
        the code meanwhile.
    """

    code = EngineCode.RULE_CRASHED.value
    name = "rule-crashed"
    summary = "规则运行出错"
    needs_content = False
    always_reported = True

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check here: the engine emits P901 itself (see reportlint.engine)."""
        return iter(())
