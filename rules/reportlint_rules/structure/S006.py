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
        description=(
            "More missing rows than this in one table are reported as one finding at the table, "
            "listing the first of them."
        ),
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
    """What it does:
        Lists the rows of the detected template version (2019: 表二 8 rows, 表三 23 data
        rows; 2021: 表二 6 rows, 表三 25 data rows) that table 二 or 三 lacks, naming
        each row, at the row that follows it. Table 三's （六）其他处理 rows are judged by
        the table's own layout (a single 2019 row or three 2021 sub-rows; the mix is
        S014/S015's finding). Table 四 has one data row, checked by S011.

    Why it matters:
        Every row of the unified tables is a statutory statistic; a dropped row hides a
        figure and breaks the 勾稽关系 (template-spec §2.4, §3.4, E6, E9).

    Example:
        表三 without the row 「（五）不予处理 4.无正当理由大量反复申请」.

    Fix:
        Restore the row with the template's label and fill its cells (0 where none).
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
