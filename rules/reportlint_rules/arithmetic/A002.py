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
    """检查内容：
        表三或表四的总计格空白（或填写“-”“/”“无”），而它所合计的单元格不全为零时报告：表三各行的「总计」列
        （T3-B）、表三各列的「（七）总计」行（T3-C），以及表四各组的「总计」（T4-A）。消息写明该格应填的数
        （其分项之和）。对这一勾稽关系，A001 和 A003 不再报告；在其他勾稽关系中，空白的总计按其分项之和计
        算，因此一个空白格只报告一次。

    为何重要：
        总计空白，读者只能自己加总；评议人员把总计栏空白列为年度报告的常见问题之一（template-spec
        §6，E10：上海市人民政府办公厅 2019 年度报告只在一、二、（七）和四这几行填写了总计）。

    示例：
        2019_shanghai-municipal-office，表三「（一）予以公开」行：自然人 258，商业企业 12，法律服务机构
        1，其他 1，总计空白——应为 272。

    修改方法：
        填写总计，即它所合计的各单元格之和。
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
