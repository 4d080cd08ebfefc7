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
    """What it does:
        Checks the header cells of tables 二, 三 and 四 against the columns of the
        detected template version and names every column whose header is missing: per
        第二十条第（X）项 block in table 二 (e.g. 本年新制作数量 / 本年新公开数量 /
        对外公开总数量 in 2019, 本年制发件数 / 本年废止件数 / 现行有效件数 in 2021), the
        seven applicant columns of table 三 (自然人 … 其他, 总计), and in table 四 the
        groups 行政复议 / 行政诉讼 / 未经复议直接起诉 / 复议后起诉 and the five results
        (结果维持 … 总计) three times each. One finding per table, at its first line.
        Header cells with a one-character typo count as present (S012 reports them).

    Why it matters:
        A dropped column drops a statutory figure and shifts every value after it, so
        the numbers no longer mean what the template says (template-spec §2.3–§3.5, E9).

    Example:
        表三 whose header has no 「科研机构」 column: every row then has 6 values.

    Fix:
        Restore the column with the template's label and fill it (0 where none).
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
