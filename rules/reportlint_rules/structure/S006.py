"""S006 missing-table-row: the rule class below holds its summary and documentation."""

from __future__ import annotations

from collections.abc import Iterator

from reportlint.diagnostics import Finding
from reportlint.model import Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, T3, RowSpec
from reportlint.model.versions import table_version
from reportlint.options import Field
from reportlint.rulebase import Rule, RuleOptions

_NORMATIVE = set(tpl.T2_NORMATIVE.values())


class S006Options(RuleOptions):
    """Options of S006."""

    max_findings_per_table: int = Field(
        default=6,
        ge=1,
        description="同一张表缺少的行多于此数时，在表格处合并报告一处，列出其中的前几行。",
    )


def expected_rows(report: Report, kind: str) -> tuple[RowSpec, ...]:
    """The template rows table *kind* should have, for the detected version.

    Each table follows its own layout when it differs from the report's (table 三's
    （六）其他处理 as one row or three; table 二's 2019 or 2021 blocks), so a table in
    the other version is reported once by S014/S015, not as missing rows here.
    """
    version = report.template.version
    table = report.tables[kind]
    if kind == T2:
        own = table_version(table) or version
        if own is None:
            return ()
        return tuple(row for block in tpl.T2_BLOCKS[own] for row in block.rows)
    return tpl.T3_ROWS[table_version(table) or version or tpl.V2021]


def _anchor(table: ReportTable, rows: tuple[RowSpec, ...], index: int) -> tuple[int, int]:
    """Where a missing row belongs: at the next row present, else at the table's end."""
    for spec in rows[index + 1 :]:
        present = table.rows.get(spec.key)
        if present is not None:
            return present.line, present.column
    return max(table.end_line, table.line), 1


class MissingTableRow(Rule[S006Options]):
    """检查内容：
        对照所识别的模板版本（2019年版：表二 8 行，表三 23 个数据行；2021年版：表二 6 行，表三 25 个数据行），列
        出表二或表三缺少的行，逐行写明行名，标在缺失行之后的那一行。表三的（六）其他处理各行按表格自身的布局判断
        （2019年版为一行，2021年版为三个子行；两者混用由 S014/S015 报告）。表四只有一个数据行，由 S011 检查。

    为何重要：
        统一表格的每一行都是法定的统计数字；漏掉一行就隐去了一个数字，并破坏勾稽关系（template-spec
        §2.4、§3.4，E6、E9）。

    示例：
        表三没有「（五）不予处理 4.无正当理由大量反复申请」这一行。

    修改方法：
        按模板的行名补回该行，并填写其单元格（没有的填 0）。
    """

    code = "S006"
    name = "missing-table-row"
    summary = "统计表缺少模板规定的行"

    def check(self, report: Report) -> Iterator[Finding]:
        """One finding per missing row, or one per table when very many are missing."""
        for kind in (T2, T3):
            table = report.tables.get(kind)
            if table is None or not table.rows:
                continue
            rows = expected_rows(report, kind)
            present = set(table.rows)
            if present & _NORMATIVE:
                present |= _NORMATIVE  # the model names this row after the report's version
            missing = [index for index, spec in enumerate(rows) if spec.key not in present]
            if len(missing) > self.options.max_findings_per_table:
                labels = "、".join(f"「{rows[index].label}」" for index in missing[:3])
                message = f"表{kind}缺少 {len(missing)} 行（应有 {len(rows)} 行），包括{labels}等"
                yield self.at_line(report, message, table.line, 1)
                continue
            version = report.template.version
            suffix = f"（{version}年版格式）" if version else ""
            for index in missing:
                line, column = _anchor(table, rows, index)
                yield self.at_line(report, f"表{kind}缺少「{rows[index].label}」行{suffix}", line, column)
