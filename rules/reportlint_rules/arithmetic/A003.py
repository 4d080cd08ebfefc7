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
    """检查内容：
        逐一核对表四的三组（行政复议、未经复议直接起诉、复议后起诉）是否满足：总计 = 结果维持 + 结果纠正 +
        其他结果 + 尚未审结（template-spec T4-A；一个公开的检查工具的 2021 年版数据结构也写明“总计
        （应=前4项之和）”）。不相符的，在该组的「总计」格报告，并写明应填的数。空白格按 0 计；总计空白而分
        项不为零的，改由 A002 报告。多组总计都填为 0 而其结果不为零的，属于同一个问题（总计根本没有填
        写），只在第一组报告一次，并列出各组。

    为何重要：
        表四是报告对涉及政府信息公开的行政复议、行政诉讼案件的交代；总计与分项不符，两个数都不可信
        （template-spec §6，E2）。

    示例：
        2023_huaian-hongze-district：行政复议结果维持 10，结果纠正 1，总计 0（应为 11）。

    修改方法：
        改正总计或各项结果，使四项结果之和等于总计。
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
