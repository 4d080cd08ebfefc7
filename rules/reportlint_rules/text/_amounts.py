"""Amounts read from the tables, for the X rules: a row's total, a group of rows, a table-四 group.

A table-三 row counts by its 总计 cell; when that cell is blank (the Shanghai 2019 report
leaves the 总计 column blank in every result row) the six applicant cells are added
instead, and the message says so.
"""

from __future__ import annotations

from reportlint.model import CellKind, CellRef, Report, ReportTable
from reportlint.model import templates as tpl
from reportlint.model.templates import T3, T4, t3_row_name
from reportlint.records import record
from reportlint.text import format_number


@record(frozen=True, slots=True)
class Amount:
    """A number read from the tables, with the cells and the rows it adds up."""

    value: float
    cells: tuple[CellRef, ...]
    parts: tuple[tuple[str, float], ...]
    """(row key, value) of each row added; one entry for a single row."""
    from_applicants: bool = False
    """True when a blank 总计 cell was replaced by the sum of the applicant cells."""
    group: str | None = None
    """The result group ("（三）") when the rows are the whole group."""

    def describe(self, table: str = T3) -> str:
        """The amount for a message: 表三「（一）予以公开」272件＋「（二）部分公开」3件＝275件.

        How a blank 总计 cell was read is in :attr:`note`.
        """
        if self.group is not None:
            nonzero = "、".join(f"{t3_row_name(key)[3:]}{format_number(value)}件" for key, value in self.parts if value)
            text = f"表{table}「{t3_row_name(self.group)}」各行合计为{format_number(self.value)}件"
            if nonzero:
                text += f"（{nonzero}）"
        elif len(self.parts) == 1:
            key, value = self.parts[0]
            total = "为" if key == tpl.T3_TOTAL_ROW else "总计为"
            text = f"表{table}「{t3_row_name(key)}」{total}{format_number(value)}件"
        else:
            pieces = "＋".join(f"「{t3_row_name(key)}」{format_number(value)}件" for key, value in self.parts)
            text = f"表{table}{pieces}＝{format_number(self.value)}件"
        return text

    @property
    def note(self) -> str:
        """How the number was read, when that is not obvious from :meth:`describe`."""
        return "表中总计列为空，已按各申请人列相加" if self.from_applicants else ""


def t3_row(table: ReportTable, key: str) -> Amount | None:
    """The count of one table-三 row (its 总计 cell), or ``None`` if the row is unreadable."""
    row = table.rows.get(key)
    if row is None or not row.cells:
        return None
    total = row.cells.get(tpl.T3_TOTAL)
    if total is None:
        return None
    if total.value.number is not None:
        return Amount(total.number, (total,), ((key, total.number),))
    if total.value.kind not in (CellKind.BLANK, CellKind.NONE_MARK):
        return None
    applicants = [row.cells[c] for c in tpl.T3_APPLICANT_COLUMNS if c in row.cells]
    value = sum(cell.number for cell in applicants)
    filled = any(cell.value.number is not None for cell in applicants)
    return Amount(value, tuple(applicants) if filled else (total,), ((key, value),), filled)


def t3_rows(table: ReportTable, keys: tuple[str, ...], group: str | None = None) -> Amount | None:
    """The sum of several table-三 rows (the whole of *group*, if given), or ``None``."""
    amounts = [t3_row(table, key) for key in keys]
    if not amounts or any(amount is None for amount in amounts):
        return None
    found = [amount for amount in amounts if amount is not None]
    return Amount(
        value=sum(amount.value for amount in found),
        cells=tuple(cell for amount in found for cell in amount.cells),
        parts=tuple(part for amount in found for part in amount.parts),
        from_applicants=any(amount.from_applicants for amount in found),
        group=group,
    )


def group_keys(report: Report, table: ReportTable, group: str) -> tuple[str, ...]:
    """The rows of a result group: "（三）" → （三）1 … （三）8; "（六）" in 2019 → （六）."""
    version = report.template.version
    keys = tpl.t3_keys(version) if version in tpl.T3_ROWS else tuple(table.rows)
    return tuple(key for key in keys if key.startswith(group))


def t4_total(report: Report, groups: tuple[str, ...], result: str = tpl.T4_TOTAL) -> Amount | None:
    """Table 四's *result* column summed over *groups* ("行政复议", "未经复议直接起诉" …)."""
    table = report.tables.get(T4)
    if table is None:
        return None
    cells = [table.cell(tpl.T4_ROW, tpl.t4_column(group, result)) for group in groups]
    if any(cell is None for cell in cells):
        return None
    found = [cell for cell in cells if cell is not None]
    return Amount(
        value=sum(cell.number for cell in found),
        cells=tuple(found),
        parts=tuple((cell.column_key, cell.number) for cell in found),
    )


def describe_t4(amount: Amount) -> str:
    """A table-四 amount for a message: 表四「未经复议直接起诉/总计」1件＋「复议后起诉/总计」0件＝1件."""
    if len(amount.parts) == 1:
        column, value = amount.parts[0]
        return f"表四「{column}」为{format_number(value)}件"
    pieces = "＋".join(f"「{column}」{format_number(value)}件" for column, value in amount.parts)
    return f"表四{pieces}＝{format_number(amount.value)}件"
