"""S007 missing-table-column: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint import syntax
from reportlint.diagnostics import Finding
from reportlint.model import Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, T3, T4
from reportlint.model.versions import table_version
from reportlint.rulebase import Rule
from reportlint.text import fold
from reportlint_rules.structure._labels import Match, match_label, strip_hints, t2_header_blocks

_T4_COUNTS = {
    **{group: 1 for group in (*tpl.T4_GROUPS, tpl.T4_LITIGATION)},
    **{result: len(tpl.T4_GROUPS) for result in tpl.T4_RESULTS},
}


def _has(cells: list[syntax.Cell], label: str) -> bool:
    return any(match_label(cell.text, label) is not Match.NONE for cell in cells)


class MissingTableColumn(Rule):
    """检查内容：
        对照所识别的模板版本的列，检查表二、表三和表四的表头单元格，写明每一个缺少表头的列：表二按第二十条第
        （X）项分块检查（如2019年版的本年新制作数量 / 本年新公开数量 / 对外公开总数量，2021年版的本年制发件数 /
        本年废止件数 / 现行有效件数），表三检查申请人情况的七列（自然人……其他、总计），表四检查行政复议 / 行政诉
        讼 / 未经复议直接起诉 / 复议后起诉各组，以及各出现三次的五项结果（结果维持……总计）。每张表报告一处，标在
        表格的第一行。只错一个字的表头单元格视为存在（由 S012 报告）。

    为何重要：
        漏掉一列，就漏掉了一个法定的统计数字，其后的每个数值都会错位，数字不再是模板所规定的含义（template-spec
        §2.3—§3.5，E9）。

    示例：
        表三的表头没有「科研机构」一列：每一行因此只有 6 个数值。

    修改方法：
        按模板的列名补回该列并填写（没有的填 0）。
    """

    code = "S007"
    name = "missing-table-column"
    summary = "统计表缺少模板规定的列"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per table whose header lacks template columns, naming them."""
        checks = ((T2, self._t2_missing), (T3, self._t3_missing), (T4, self._t4_missing))
        for kind, missing_of in checks:
            table = report.tables.get(kind)
            if table is None:
                continue
            missing = missing_of(report, table)
            if missing:
                message = f"表{kind}缺少列{'、'.join(missing)}"
                yield self.at_line(report, message, table.line, 1)

    @staticmethod
    def _t2_missing(report: Report, table: ReportTable) -> list[str]:
        version = table_version(table) or report.template.version
        if version is None:
            return []
        blocks = t2_header_blocks(table)
        missing: list[str] = []
        for block in tpl.T2_BLOCKS[version]:
            cells = blocks.get(block.item)
            if cells is None:
                if not any(row.key in table.rows for row in block.rows):
                    continue  # the whole block is gone: S006 names its rows
                cells = table.header_cells
            missing += [
                f"「{column}」（第二十条第{block.item}项）" for column in block.columns if not _has(cells, column)
            ]
        return missing

    @staticmethod
    def _t3_missing(report: Report, table: ReportTable) -> list[str]:
        return [f"「{column}」" for column in tpl.T3_COLUMNS if not _has(table.header_cells, column)]

    @staticmethod
    def _t4_missing(report: Report, table: ReportTable) -> list[str]:
        folded = [strip_hints(fold(cell.text)) for cell in table.header_cells]
        missing: list[str] = []
        for label, wanted in _T4_COUNTS.items():
            found = sum(text == label for text in folded)
            found += sum(match_label(cell.text, label) is Match.TYPO for cell in table.header_cells)
            if found < wanted:
                missing.append(f"「{label}」" if wanted == 1 else f"「{label}」（应有{wanted}列，只找到{found}列）")
        return missing
