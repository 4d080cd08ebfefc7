"""Y002 documents-in-force-discontinuous: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding, Severity
from reportlint.model import Report
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, V2021
from reportlint.rulebase import PairRule
from reportlint.text import format_number
from reportlint_rules.years._pair import both_tables, previous_name

_DOCUMENTS = tpl.T2_BLOCKS[V2021][0]
"""Block （一） of the 2021 format: 规章 and 行政规范性文件, issued / abolished / in force."""
ISSUED, ABOLISHED, IN_FORCE = _DOCUMENTS.columns
ROWS = tuple(row.key for row in _DOCUMENTS.rows)


class DocumentsInForceDiscontinuous(PairRule):
    """检查内容：
        两份报告都是2021年版格式的，对表二中的规章和行政规范性文件，检查上年度的现行有效件数 + 本年度的本年制发
        件数 − 本年度的本年废止件数是否等于本年度的现行有效件数（template-spec Y-2）。不相等的，在本年度的现行有
        效件数单元格处报告，写明这三个数字和上年度的文件。

    为何重要：
        年末现行有效的文件，就是一年前现行有效的文件，加上本年制发的，减去本年废止的；评估人员会比对两份报告。本
        规则为警告而非错误：文件也可能未经废止而自然失效，修订也可能被计为制发，因此不一致需要说明，而不一定都是
        错误。

    示例：
        平潭综合实验区 2022：现行有效 698；2023：制发 77，废止 132，现行有效 470，但 698 + 77 − 132 = 643。

    修改方法：
        重新清点现行有效的文件，或者在第二部分的正文中说明还有哪些因素改变了件数（文件失效、开展旧文件清理）。
    """

    code = "Y002"
    name = "documents-in-force-discontinuous"
    summary = "现行有效件数与上年现行有效件数加本年制发、减本年废止不符"
    severity = Severity.WARNING

    def check_pair(self, current: Report, previous: Report, previous_path: str) -> Iterator[Finding]:
        """One finding per row of block （一） whose count in force does not follow from last year's."""
        tables = both_tables(current, previous, T2, V2021)
        if tables is None:
            return
        this_table, last_table = tables
        for row in ROWS:
            last = last_table.cell(row, IN_FORCE)
            issued, abolished, now = (this_table.cell(row, column) for column in (ISSUED, ABOLISHED, IN_FORCE))
            if last is None or issued is None or abolished is None or now is None:
                continue
            if not all(cell.value.is_value for cell in (last, issued, abolished, now)):
                continue
            expected = last.number + issued.number - abolished.number
            if now.number == expected:
                continue
            message = (
                f"表二「{row}」行：现行有效件数为{format_number(now.number)}，但"
                f"{previous_name(previous, previous_path)}的现行有效件数{format_number(last.number)}"
                f" + 本年制发{format_number(issued.number)} − 本年废止{format_number(abolished.number)}"
                f" = {format_number(expected)}；如有到期失效等其他变化，请在正文说明"
            )
            yield self.at_cell(message, now, expected=expected, operands=[issued, abolished, now])
