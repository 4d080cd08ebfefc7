"""A004 invalid-count: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report
from reportlint.model.templates import T2_AMOUNT_COLUMNS, T2_SIGNED_COLUMNS
from reportlint.rulebase import Rule
from reportlint_rules.arithmetic._identities import cell_place


class InvalidCount(Rule):
    """What it does:
        Reports a number that cannot be a count: a negative number or a fraction in any
        cell of tables 三 and 四, or in a count column of table 二 (本年新制作数量,
        本年新公开数量, 对外公开总数量, 上一年项目数量, 处理决定数量, 采购项目数量,
        本年制发件数, 本年废止件数, 现行有效件数, 本年处理决定数量) — template-spec NN-1.
        The amount columns of table 二 (采购总金额, 本年收费金额) may hold decimals and a
        unit but must not be negative (NN-3). 本年增/减 may be negative (NN-2) and is not
        checked. A "+" sign or a unit (件, 笔) on a count is not reported here.

    Why it matters:
        Applications, cases and documents are counted in whole numbers; "-1" or "2.5" is a
        typing or conversion error, and it also breaks the table's sums.

    Example:
        Table 三 row （一）予以公开, 自然人 "-2"; table 二 规章 本年制发件数 "1.5".

    Fix:
        Write the count as a whole number (0 when there is none).
    """

    code = "A004"
    name = "invalid-count"
    summary = "件数不是非负整数"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per count cell holding a negative number or a fraction."""
        for table in report.tables.values():
            for ref in table.all_cells():
                number = ref.value.number
                if number is None or ref.column_key in T2_SIGNED_COLUMNS:
                    continue
                if ref.column_key in T2_AMOUNT_COLUMNS:
                    if number < 0:
                        yield self.at_cell(f"{cell_place(ref)}为「{ref.value.text.strip()}」：金额不能为负数", ref)
                elif number < 0 or not number.is_integer():
                    yield self.at_cell(f"{cell_place(ref)}为「{ref.value.text.strip()}」：件数应为0或正整数", ref)
