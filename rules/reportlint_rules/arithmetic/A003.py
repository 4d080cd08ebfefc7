"""A003 review-litigation-total-mismatch: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.templates import T4
from reportlint.rulebase import Rule
from reportlint_rules.arithmetic._identities import (
    Failure,
    describe,
    diagnose,
    operands,
    report_identities,
    with_identity,
)


class ReviewLitigationTotalMismatch(Rule):
    """What it does:
        Checks, for each of the three groups of table 四 (行政复议, 未经复议直接起诉,
        复议后起诉), that 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结 (template-spec
        T4-A; the 2021 schema of a public checker states "总计（应=前4项之和）"). A failure
        is reported at the group's 总计 cell with the value it should hold. Blank cells
        count as 0; a blank 总计 with non-zero parts is reported by A002 instead. Several
        totals left at 0 although their results are not are one fault (the totals were
        never filled in) and one finding, at the first, naming each group.

    Why it matters:
        Table 四 is the report's account of the 行政复议 and 行政诉讼 cases about information
        disclosure; a total that does not match its parts makes both numbers unreliable
        (template-spec §6, E2).

    Example:
        2023_huaian-hongze-district: 行政复议 结果维持 10, 结果纠正 1, 总计 0 (should be 11).

    Fix:
        Correct the total, or the result cells, so that the four results add up to it.
    """

    code = "A003"
    name = "review-litigation-total-mismatch"
    summary = "表四总计不等于各项结果之和"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per group whose 总计 is not the sum of its four results."""
        shared = report.derived(report_identities).get(T4)
        if shared is None:
            return
        identities, blanks = shared.identities, shared.blanks
        failures = [result for result in diagnose(identities, blanks, single_cell=False) if isinstance(result, Failure)]
        zeros = [failure for failure in failures if failure.found == 0]
        if len(zeros) > 1:
            # several totals left at 0 although their results are not: one fault, one finding
            parts = "；".join(describe(failure.identity, blanks) for failure in zeros)
            message = f"表四有{len(zeros)}组总计填为0，但其结果之和不为零：{parts}"
            first = zeros[0].identity
            all_identities = [failure.identity for failure in zeros]
            finding = self.at_cell(message, first.total, expected=zeros[0].expected, operands=operands(all_identities))
            yield with_identity(finding, *all_identities)
            failures = [failure for failure in failures if failure not in zeros]
        for result in failures:
            identity = result.identity
            message = f"表四{describe(identity, blanks)}"
            finding = self.at_cell(message, identity.total, expected=result.expected, operands=operands([identity]))
            yield with_identity(finding, identity)
