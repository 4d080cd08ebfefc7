"""Tables 二, 三 and 四 of one report as HTML, laid out as the official template lays them out.

The rows and columns come from :mod:`reportlint.model.templates` (the template's
merged header cells and row groups included), and the values from the model's cells,
never from the report's text lines: a report whose cells are one per line, or whose
header was copied out of order, still shows in the template's grid. Cells behind an
arithmetic finding are marked with the finding's number, and the cell the finding is
about shows the expected value.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import field
from html import escape

from reportlint.model import CellRef, Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T2, T3, T4
from reportlint.records import record
from reportlint.text import format_number

T3_HEADER_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
T3_APPLICANTS, T3_LEGAL_PERSONS = "申请人情况", "法人或其他组织"
T2_ITEM_HEADER = "信息内容"


@record(frozen=True, slots=True)
class Mark:
    """One finding's claim on a cell: its number in the report, its severity, and what it expects there."""

    number: int
    severity: str
    expected: float | None = None


@record(slots=True)
class CellMarks:
    """Finding marks by (table, row, column), plus evidence cells the drawn tables do not have."""

    cells: dict[tuple[str, str, str], list[Mark]] = field(default_factory=dict)
    drawn: set[tuple[str, str, str]] = field(default_factory=set)

    def add(self, key: tuple[str, str, str], mark: Mark) -> None:
        """Mark the cell at *key*."""
        self.cells.setdefault(key, []).append(mark)


def attr(value: str) -> str:
    """Text made safe inside a double-quoted attribute (and as element text)."""
    return escape(value, quote=True)


def _cell(
    table: ReportTable | None, kind: str, row: str, column: str, marks: CellMarks, prefix: str, span: int = 1
) -> str:
    """One value cell, with its address in data attributes and any finding marks."""
    key = (kind, row, column)
    marks.drawn.add(key)
    ref: CellRef | None = table.cell(row, column) if table is not None else None
    found = marks.cells.get(key, [])
    classes = ["cell"]
    if ref is None:
        classes.append("absent")
    inner = attr(ref.value.text.strip()) if ref is not None else ""
    if found:
        worst = "error" if any(mark.severity == "error" for mark in found) else "warning"
        classes += ["ev", f"sev-{worst}"]
        badges = "".join(
            f'<a class="badge sev-{mark.severity}" href="#{prefix}-f{mark.number}" data-n="{mark.number}"></a>'
            for mark in found
        )
        expected = [mark.expected for mark in found if mark.expected is not None]
        if expected:
            classes.append("target")
            inner += f'<span class="expect">应为 {attr(format_number(expected[0]))}</span>'
        inner = badges + inner
        numbers = " ".join(str(mark.number) for mark in found)
        data_f = f' data-f="{numbers}"'
    else:
        data_f = ""
    title = "" if ref is not None else ' title="报告中没有这个单元格"'
    return (
        f'<td{_span(span)} class="{" ".join(classes)}" data-table="{attr(kind)}" data-row="{attr(row)}"'
        f' data-column="{attr(column)}"{data_f}{title}>{inner}</td>'
    )


def _unmatched(table: ReportTable) -> str:
    """Rows whose values could not be placed in the template's grid, listed under the table."""
    items = []
    for row in [*table.rows.values(), *table.extra_rows]:
        if row.cells or not row.values:
            continue
        values = "、".join(attr(ref.value.text.strip() or "（空）") for ref in row.values)
        items.append(f"<li>第 {row.line} 行「{attr(row.label or row.key or '')}」：{values}（无法对应到模板的列）</li>")
    return f'<ul class="unmatched">{"".join(items)}</ul>' if items else ""


def _t3_version(report: Report, table: ReportTable) -> str:
    """The template whose rows to draw: the detected one, else the one the rows found fit."""
    if report.template.version:
        return report.template.version
    return tpl.V2021 if any(key.startswith("（六）") and key != "（六）" for key in table.rows) else tpl.V2019


def draw_t3(report: Report, marks: CellMarks, prefix: str) -> str:
    """Table 三: three label columns with merged group cells, seven applicant columns."""
    table = report.tables[T3]
    specs = tpl.T3_ROWS[_t3_version(report, table)]
    legal = tpl.T3_APPLICANT_COLUMNS[1:]
    head = (
        f'<tr><th colspan="3" rowspan="3">{attr(T3_HEADER_NOTE)}</th>'
        f'<th colspan="{len(tpl.T3_COLUMNS)}">{T3_APPLICANTS}</th></tr>'
        f'<tr><th rowspan="2">{attr(tpl.T3_APPLICANT_COLUMNS[0])}</th>'
        f'<th colspan="{len(legal)}">{T3_LEGAL_PERSONS}</th><th rowspan="2">{attr(tpl.T3_TOTAL)}</th></tr>'
        "<tr>" + "".join(f"<th>{attr(name)}</th>" for name in legal) + "</tr>"
    )
    results = [spec for spec in specs if spec.key.startswith("（")]
    body = []
    for spec in specs:
        labels = []
        if not spec.key.startswith("（"):
            labels.append(f'<th class="label" colspan="3">{attr(spec.label)}</th>')
        else:
            if spec is results[0]:
                labels.append(f'<th class="label" rowspan="{len(results)}">{attr(tpl.T3_RESULTS_HEADING)}</th>')
            group, sub = spec.key[:3], spec.key[3:]
            if sub:
                members = [other for other in results if other.key[:3] == group and other.key[3:]]
                group_label, _, sub_label = spec.label.partition(" ")
                if spec is members[0]:
                    labels.append(f'<th class="label" rowspan="{len(members)}">{attr(group_label)}</th>')
                labels.append(f'<th class="label">{attr(sub_label)}</th>')
            else:
                labels.append(f'<th class="label" colspan="2">{attr(spec.label)}</th>')
        cells = "".join(_cell(table, T3, spec.key, column, marks, prefix) for column in tpl.T3_COLUMNS)
        body.append(f'<tr data-key="{attr(spec.key)}">{"".join(labels)}{cells}</tr>')
    return _table(prefix, "t3", f"表{T3}　{tpl.TABLE_TITLES[T3]}", head, body) + _unmatched(table)


def draw_t4(report: Report, marks: CellMarks, prefix: str) -> str:
    """Table 四: 行政复议 and 行政诉讼 (two groups) over five results each, one row of values."""
    table = report.tables[T4]
    results = len(tpl.T4_RESULTS)
    lit = len(tpl.T4_LITIGATION_GROUPS)
    head = (
        f'<tr><th colspan="{results}">{attr(tpl.T4_REVIEW)}</th>'
        f'<th colspan="{results * lit}">{attr(tpl.T4_LITIGATION)}</th></tr>'
        "<tr>"
        + "".join(f'<th rowspan="2">{attr(result)}</th>' for result in tpl.T4_RESULTS)
        + "".join(f'<th colspan="{results}">{attr(group)}</th>' for group in tpl.T4_LITIGATION_GROUPS)
        + "</tr><tr>"
        + "".join(f"<th>{attr(result)}</th>" for _ in tpl.T4_LITIGATION_GROUPS for result in tpl.T4_RESULTS)
        + "</tr>"
    )
    cells = "".join(_cell(table, T4, tpl.T4_ROW, column, marks, prefix) for column in tpl.T4_COLUMNS)
    body = [f'<tr data-key="{attr(tpl.T4_ROW)}">{cells}</tr>']
    return _table(prefix, "t4", f"表{T4}　{tpl.TABLE_TITLES[T4]}", head, body) + _unmatched(table)


def draw_t2(report: Report, marks: CellMarks, prefix: str) -> str:
    """Table 二: one block per 第二十条 item, each with its own columns; a short block's last cell spans."""
    table = report.tables[T2]
    blocks = tpl.T2_BLOCKS[report.template.version or tpl.V2021]
    width = max(len(block.columns) for block in blocks)
    body = []
    for block in blocks:
        body.append(f'<tr class="caption"><th colspan="{width + 1}">第二十条第{attr(block.item)}项</th></tr>')
        heads = list(_spread(block.columns, width))
        body.append(
            f"<tr><th>{T2_ITEM_HEADER}</th>"
            + "".join(f"<th{_span(span)}>{attr(column)}</th>" for column, span in heads)
            + "</tr>"
        )
        for spec in block.rows:
            cells = "".join(_cell(table, T2, spec.key, column, marks, prefix, span) for column, span in heads)
            body.append(f'<tr data-key="{attr(spec.key)}"><th class="label">{attr(spec.label)}</th>{cells}</tr>')
    return _table(prefix, "t2", f"表{T2}　{tpl.TABLE_TITLES[T2]}", "", body) + _unmatched(table)


def _spread(columns: tuple[str, ...], width: int) -> Iterator[tuple[str, int]]:
    """Each column with its span: the last one takes the columns a short block lacks."""
    for index, column in enumerate(columns):
        yield column, (width - len(columns) + 1 if index == len(columns) - 1 else 1)


def _span(span: int) -> str:
    return f' colspan="{span}"' if span > 1 else ""


def _table(prefix: str, kind: str, caption: str, head: str, body: list[str]) -> str:
    thead = f"<thead>{head}</thead>" if head else ""
    return (
        f'<table class="model {kind}" id="{prefix}-{kind}" data-kind="{kind}"><caption>{attr(caption)}</caption>'
        f"{thead}<tbody>{''.join(body)}</tbody></table>"
    )


def draw_tables(report: Report, marks: CellMarks, prefix: str) -> str:
    """Every table the report has, in template order (二, 三, 四)."""
    drawers = ((T2, draw_t2), (T3, draw_t3), (T4, draw_t4))
    return "".join(draw(report, marks, prefix) for kind, draw in drawers if kind in report.tables)
