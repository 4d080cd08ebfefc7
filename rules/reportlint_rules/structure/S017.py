"""S017 missing-fee-statement: the rule class below holds its summary and documentation."""

from __future__ import annotations

import re
from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
from reportlint.rulebase import Rule

_FEE_RE = re.compile(r"处理费|收费|收取[^，。；]{0,12}费")


class MissingFeeStatement(Rule):
    """What it does:
        In a report in the 2021 format, reports section 六 (其他需要报告的事项) when its
        text does not mention the 信息处理费 at all (no 「处理费」, 「收费」 or
        「收取…费」), at the section heading. When 表三 （六）2 (applications dropped
        because the fee notice was not paid) is above 0, the message says so (F-1): fee
        notices were issued, so 六 has to report on fees. A missing section is S001's
        finding.

    Why it matters:
        The 2021 format's template annotates 六 with 「收取信息处理费情况在此处报告」
        (template-spec §3.2, S7), under 《政府信息公开信息处理费管理办法》
        (国办函〔2020〕109号); a section 六 that says only 「无」 hides whether fees were
        charged.

    Example:
        六、其他需要报告的事项
        无。

    Fix:
        State the fees, e.g. 「本年度未收取信息处理费。」 or the number of notices and
        the amount charged.
    """

    code = "S017"
    name = "missing-fee-statement"
    summary = "「其他需要报告的事项」未说明信息处理费收取情况"
    severity = Severity.WARNING

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding when a 2021-format section 六 never mentions fees."""
        section = report.sections.get(6)
        if section is None or report.template.version != tpl.V2021:
            return
        if any(_FEE_RE.search(line.text) for line in section.text_lines()):
            return
        message = f"第六部分「{section.heading.text}」没有说明信息处理费的收取情况"
        table = report.tables.get(T3)
        notices = table.cell(tpl.T3_UNPAID_FEE_ROW, tpl.T3_TOTAL) if table is not None else None
        if notices is not None and notices.number > 0:
            message += (
                f"；表三（六）2「申请人逾期未按收费通知要求缴纳费用」为 {notices.number:g} 件，说明发出过收费通知"
            )
        yield self.at_line(report, message, section.line, section.heading.column)
