"""P900 internal-error: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import EngineCode, Finding
from reportlint.model import Report
from reportlint.rulebase import Rule


class InternalError(Rule):
    """What it does:
        Reports that reportlint itself failed on this file (a bug in reportlint, not in
        the report). The other files of the run are still checked.

    Why it matters:
        A linter that crashes silently would pass a report it never checked.

    Example:
        Any file that triggers a bug in the model builder.

    Fix:
        Report the file to the reportlint maintainers; meanwhile check the report by hand.
    """

    code = EngineCode.INTERNAL_ERROR.value
    name = "internal-error"
    summary = "reportlint 内部错误"
    needs_content = False
    always_reported = True

    def check(self, report: Report) -> Iterator[Finding]:
        """Nothing to check here: the engine emits P900 itself (see reportlint.engine)."""
        return iter(())
