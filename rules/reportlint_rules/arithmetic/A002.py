"""A002 blank-total: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import CellKind, Report
from reportlint.rulebase import Rule
from reportlint.text import format_number
from reportlint_rules.arithmetic._identities import (
    BlankTotal,
    cell_place,
    operands,
    report_identities,
    row_name,
    with_identity,
)


class BlankTotalCell(Rule):
    """What it does:
        Reports a total cell of table 三 or 四 that is blank (or holds "-", "/", "无")
        although the cells it totals are not all zero: the 总计 column of a table-三 row
        (T3-B), the （七）总计 row of a table-三 column (T3-C) and the 总计 of each
        table-四 group (T4-A). The message gives the value the cell should hold (the sum
        of its parts). A001 and A003 then leave that identity alone, and in the other
        identities the blank total stands for the sum of its parts, so one blank cell is
        reported once.

    Why it matters:
        A blank 总计 leaves the reader to add up the row; evaluators list blank 总计 cells
        among the common defects of annual reports (template-spec §6, E10: the 2019 report
        of the 上海市人民政府办公厅 fills 总计 only in rows 一, 二, （七） and 四).

    Example:
        2019_shanghai-municipal-office, table 三 row （一）予以公开: 自然人 258, 商业企业 12,
        法律服务机构 1, 其他 1, 总计 blank — should be 272.

    Fix:
        Fill in the total: the sum of the cells it totals.
    """

    code = "A002"
    name = "blank-total"
    summary = "总计栏空白但分项不为零"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per run of blank totals of one kind: a blank 总计 column is one fault."""
        for shared in report.derived(report_identities).values():
            groups: dict[tuple[str, str], list[BlankTotal]] = {}
            for blank in shared.blanks.values():
                cell = blank.identity.total
                line_of_totals = cell.column_key if blank.identity.code == "T3-B" else cell.row_key
                groups.setdefault((blank.identity.code, line_of_totals), []).append(blank)
            for blanks in groups.values():
                yield self._finding(blanks)

    def _finding(self, blanks: list[BlankTotal]) -> Finding:
        """The finding for blank totals of one column (or row), at the first of them."""
        first = blanks[0]
        cell = first.identity.total
        identities = [blank.identity for blank in blanks]
        if len(blanks) == 1:
            shown = "空白" if cell.value.kind is CellKind.BLANK else f"填写为「{cell.value.text.strip()}」"
            implied = format_number(first.implied)
            message = f"{cell_place(cell)}{shown}，但其分项之和为{implied}，应填写{implied}"
        else:
            where = "、".join(f"{_name(blank)}应为{format_number(blank.implied)}" for blank in blanks)
            place = (
                f"「{cell.column_key}」列有{len(blanks)}行"
                if first.identity.code == "T3-B"
                else f"有{len(blanks)}个总计"
            )
            message = f"表{cell.table}{place}空白，但其分项之和不为零：{where}"
        finding = self.at_cell(message, cell, expected=first.implied, operands=operands(identities))
        return with_identity(finding, *identities)


def _name(blank: BlankTotal) -> str:
    """Where a blank total is, briefly: 「（一）予以公开」行, 「自然人」列, 「行政复议」."""
    cell = blank.identity.total
    if blank.identity.code == "T3-B":
        return f"「{row_name(cell.row_key)}」行"
    return blank.identity.scope
