"""S017 missing-fee-statement: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.lazyre import lazy_compile
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T3
from reportlint.rulebase import Rule

_FEE_RE = lazy_compile(r"处理费|收费|收取[^，。；]{0,12}费")


class MissingFeeStatement(Rule):
    """检查内容：
        对2021年版格式的报告，第六部分（其他需要报告的事项）的正文完全没有提到信息处理费（没有「处理费」「收费」
        或「收取…费」）时，在章节标题处报告。表三（六）2（因未按收费通知要求缴纳费用而不再处理的申请）大于 0
        时，消息中予以说明（F-1）：既然发出过收费通知，第六部分就必须报告收费情况。缺少整个章节的，由 S001 报
        告。

    为何重要：
        根据《政府信息公开信息处理费管理办法》（国办函〔2020〕109号），2021年版格式的模板在第六部分注明「收取信
        息处理费情况在此处报告」（template-spec §3.2，S7）；第六部分只写「无」，就无从知道是否收取了费用。

    示例：
        六、其他需要报告的事项
        无。

    修改方法：
        写明收费情况，如「本年度未收取信息处理费。」，或者写明发出收费通知的件数和收取的金额。
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
