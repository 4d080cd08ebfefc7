"""Tables 二, 三 and 四: from rows of cells to addressable, labelled values.

A table is recognised by its labels, never by its position. Each data row is
matched to a template row by keywords of its label (then by its numbering), and its
trailing value cells are mapped to the template's columns, so that every number is
addressable as ``(table, row key, column key)``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import field
from functools import lru_cache
from typing import TYPE_CHECKING

from reportlint import syntax
from reportlint.lazyre import lazy_compile
from reportlint.model import templates as tpl
from reportlint.model.numerals import numeral_alternatives
from reportlint.model.problems import ProblemKind
from reportlint.model.templates import T2, T3, T4
from reportlint.model.values import CellKind, CellValue, parse_value
from reportlint.records import record
from reportlint.text import fold

if TYPE_CHECKING:
    from reportlint.model.versions import Marker


@record(frozen=True, slots=True)
class CellRef:
    """One numeric cell of a table, with what it means and where it is.

    ``row_key`` and ``column_key`` address the cell in its table (the template's row
    and column keys); ``line`` and ``column_number`` are its position in the text.
    """

    table: str
    row_key: str
    column_key: str
    value: CellValue
    line: int
    column_number: int
    first_line_length: int | None = None
    """Characters of the cell's text on its first line when the cell wraps (see :class:`syntax.Cell`)."""

    @property
    def number(self) -> float:
        """The number used in arithmetic (blank and "-" count as 0)."""
        return self.value.as_count


@record(slots=True)
class DataRow:
    """A row with values. ``key`` is the template row it matched, or ``None``."""

    key: str | None
    label: str
    line: int
    column: int
    table: str
    """The table's kind (二/三/四), for the references in :attr:`values`."""
    read: tuple[tuple[syntax.Cell, CellValue], ...]
    """The row's value cells as read, in order."""
    cells: dict[str, CellRef] = field(default_factory=dict)
    """Values by column key; empty when the row's shape did not fit the template."""

    @property
    def values(self) -> tuple[CellRef, ...]:
        """Every value in order, addressed by its position (column key "1", "2" …).

        Made when asked (a row that fits the template is read through :attr:`cells`):
        references for every cell of every table are most of what building a model costs.
        """
        row_key = self.key or self.label
        return tuple(
            CellRef(self.table, row_key, str(index + 1), value, cell.line, cell.column, cell.first_line_length)
            for index, (cell, value) in enumerate(self.read)
        )


@record(frozen=True, slots=True)
class TableProblem:
    """Something in a table that could not be read as the template says.

    ``kind`` is ROW_SHAPE (wrong number of values), DUPLICATE_ROW or NO_DATA_ROW;
    the S rules report them.
    """

    kind: ProblemKind
    message: str
    line: int
    column: int


@record(slots=True)
class ReportTable:
    """One of the report's tables, interpreted."""

    kind: str
    line: int
    end_line: int
    rows: dict[str, DataRow] = field(default_factory=dict)
    extra_rows: list[DataRow] = field(default_factory=list)
    header_cells: list[syntax.Cell] = field(default_factory=list)
    problems: list[TableProblem] = field(default_factory=list)
    version_markers: list[Marker] | None = field(default=None, repr=False, compare=False)
    """The table's template-version markers once :func:`reportlint.model.versions.table_markers`
    has found them (the model and several S rules ask for them; the table is complete by then)."""

    def cell(self, row_key: str, column_key: str) -> CellRef | None:
        """The cell at (row key, column key), if the report has it."""
        data_row = self.rows.get(row_key)
        return data_row.cells.get(column_key) if data_row else None

    def number(self, row_key: str, column_key: str) -> float:
        """The cell's number for arithmetic; a missing cell counts as 0."""
        found = self.cell(row_key, column_key)
        return found.number if found else 0.0

    def all_cells(self) -> Iterator[CellRef]:
        """Every mapped cell, row by row."""
        for data_row in self.rows.values():
            yield from data_row.cells.values()


# --- recognising a table ---------------------------------------------------------
_T3_MARKERS = ("本年新收", "申请人情况", "上年结转", "予以公开", "结转下年度")
_T4_MARKERS = ("结果维持", "复议后起诉", "未经复议直接起诉", "尚未审结")
_T2_MARKERS = ("第二十条", "信息内容", "规章", "行政许可", "行政处罚", "事业性收费")


def classify(table: syntax.Table) -> str | None:
    """Which table this is (二/三/四), judged by the labels it contains."""
    texts = [fold(cell.text) for row in table.rows for cell in row.cells if cell.text]
    joined = "|".join(texts)
    scores = {
        T3: sum(marker in joined for marker in _T3_MARKERS),
        T4: sum(marker in joined for marker in _T4_MARKERS),
        T2: sum(marker in joined for marker in _T2_MARKERS),
    }
    kind, score = max(scores.items(), key=lambda item: item[1])
    return kind if score >= 2 else None


# --- splitting a row into label and values ---------------------------------------
def split_row(row: syntax.Row) -> tuple[list[syntax.Cell], list[tuple[syntax.Cell, CellValue]]]:
    """Split a row into its non-empty label cells and its trailing value cells."""
    values: list[tuple[syntax.Cell, CellValue]] = []
    cells = list(row.cells)
    while cells:
        parsed = parse_value(cells[-1].text)
        if not parsed.is_value:
            break
        values.append((cells.pop(), parsed))
    values.reverse()
    labels = [cell for cell in cells if cell.text]
    return labels, values


def split_lost_rows(row: syntax.Row, width: int | None = None) -> list[syntax.Row]:
    """Split a row that holds several template rows, because the row breaks were lost.

    A browser's copy separates rows by blank lines only, so a row whose first cell is
    empty (a label cell merged down from the row above, which an office suite's HTML
    leaves out) cannot be told from more cells of the previous row. A label that
    follows numbers starts a new row; of the empty cells before it, the previous row
    keeps as many as make up its *width* values (all of them when *width* is unknown)
    and the new row starts with the rest.
    """
    cells = list(row.cells)
    pieces: list[list[syntax.Cell]] = [[]]
    for cell in cells:
        current = pieces[-1]
        value = parse_value(cell.text)
        if not value.is_value and any(parse_value(seen.text).number is not None for seen in current):
            empties: list[syntax.Cell] = []
            while current and not current[-1].text:
                empties.insert(0, current.pop())
            trailing = 0
            for seen in reversed(current):
                if not parse_value(seen.text).is_value:
                    break
                trailing += 1
            keep = len(empties) if width is None else max(0, min(len(empties), width - trailing))
            current.extend(empties[:keep])
            pieces.append(empties[keep:])
        pieces[-1].append(cell)
    if len(pieces) == 1:
        return [row]
    return [syntax.Row(tuple(piece), piece[0].line) for piece in pieces if piece]


def _pieces(row: syntax.Row, width: int | None, lost_breaks: bool) -> list[syntax.Row]:
    return split_lost_rows(row, width) if lost_breaks else [row]


def _has_number(values: list[tuple[syntax.Cell, CellValue]]) -> bool:
    return any(value.number is not None for _, value in values)


# --- table 三 ----------------------------------------------------------------------
_TOP_RE = lazy_compile(rf"^{numeral_alternatives(4)}[,.]")
_GROUP_RE = lazy_compile(rf"^\({numeral_alternatives(7)}\)")
_SUB_RE = lazy_compile(r"^(\d{1,2})[.,]")
_T3_COLUMN_HINTS = ("自然人", "商业企业", "申请人情况", "本列数据", "法人或其他组织")
_T3_COLUMN_HINT_RE = lazy_compile("|".join(map(re.escape, _T3_COLUMN_HINTS)))
"""Any of the hints: one search of a row's labels instead of five ``in`` tests per label."""


@lru_cache(maxsize=2048)
def _t3_key_by_keyword(folded: str) -> str | None:
    """The first table-三 row whose keywords *folded* holds: ~25 rows' keyword tests, so
    cached by the label (the same labels recur in every report)."""
    for spec in tpl.T3_ROW_SPECS.values():
        if any(keyword in folded for keyword in spec.keywords):
            return spec.key
    return None


def _t3_key(labels: list[str], group: str | None) -> tuple[str | None, str | None]:
    """Match folded label cells to a table-三 row key; returns (key, current group)."""
    for label in labels:
        match = _GROUP_RE.match(label)
        if match:
            group = f"（{match[1]}）"
    last = labels[-1] if labels else ""
    key = _t3_key_by_keyword(last)
    if key is None and last:
        sub = _SUB_RE.match(last)
        grp = _GROUP_RE.match(last)
        top = _TOP_RE.match(last)
        if sub and group:
            key = f"{group}{int(sub[1])}"
        elif grp:
            key = f"（{grp[1]}）"
        elif top:
            key = top[1]
    if key is None and len(labels) > 1:
        key = _t3_key_by_keyword("".join(labels))
    if key is not None and key.startswith("（") and len(key) > 3:
        group = key[:3]
    return (key if key in tpl.T3_ROW_SPECS else None), group


def build_t3(tables: list[syntax.Table]) -> ReportTable:
    """Interpret table 三: 23 (2019) or 25 (2021) rows of 7 values each."""
    result = _new_table(T3, tables)
    group: str | None = None
    width = len(tpl.T3_COLUMNS)
    for table in tables:
        lost_breaks = table.layout is syntax.TableLayout.SEPARATOR_LINES
        for row in (piece for whole in table.rows for piece in _pieces(whole, width, lost_breaks)):
            labels, values = split_row(row)
            folded = [fold(cell.text) for cell in labels]
            column_hint = _T3_COLUMN_HINT_RE.search("\0".join(folded)) is not None  # no hint holds a NUL
            if not _has_number(values) and (column_hint or len(values) < 5):
                # A header row (or a label row without numbers): it may still open a group.
                result.header_cells.extend(labels)
                if folded:
                    group = _t3_key(folded, group)[1] or group
                continue
            key, group = _t3_key(folded, group)
            _add_row(result, key, labels, values, row, tpl.T3_COLUMNS, _on_grid(table))
    return result


# --- table 四 ----------------------------------------------------------------------
def build_t4(tables: list[syntax.Table]) -> ReportTable:
    """Interpret table 四: one row of 15 values under three groups of five columns."""
    result = _new_table(T4, tables)
    best: tuple[syntax.Row, list[syntax.Cell], list[tuple[syntax.Cell, CellValue]], bool] | None = None
    for table in tables:
        for row in table.rows:
            labels, values = split_row(row)
            if len(values) >= 5 and _has_number(values):
                if best is None or len(values) > len(best[2]):
                    best = (row, labels, values, _on_grid(table))
            else:
                result.header_cells.extend(labels)
    if best is None:
        if tables:
            result.problems.append(TableProblem(ProblemKind.NO_DATA_ROW, "表四中没有找到数值行", tables[0].line, 1))
        return result
    row, labels, values, grid = best
    _add_row(result, tpl.T4_ROW, labels, values, row, tpl.T4_COLUMNS, grid)
    return result


# --- table 二 ----------------------------------------------------------------------
_T2_ROW_SPECS = {row.key: row for version in tpl.T2_BLOCKS.values() for block in version for row in block.rows}


@lru_cache(maxsize=2048)
def _t2_key(folded: str, version: str | None) -> str | None:
    """The table-二 row key of a folded label (cached like :func:`_t3_key_by_keyword`)."""
    if tpl.T2_NORMATIVE[tpl.V2019] in folded:
        return tpl.t2_normative_row(version)
    for spec in _T2_ROW_SPECS.values():
        if spec.keywords and any(keyword in folded for keyword in spec.keywords):
            return spec.key
    return None


def build_t2(tables: list[syntax.Table], version: str | None) -> ReportTable:
    """Interpret table 二: blocks headed 第二十条第（X）项, each with its own columns."""
    result = _new_table(T2, tables)
    rows_by_key = tpl.t2_rows(version or tpl.T2_DEFAULT_VERSION)
    for table in tables:
        for row in table.rows:
            labels, values = split_row(row)
            folded = "".join(fold(cell.text) for cell in labels)
            key = _t2_key(folded, version)
            header = not values or tpl.T2_CAPTION_RE.search(folded) or folded.startswith("信息内容")
            if header or (key is None and not _has_number(values)):
                # A header row, possibly with empty trailing cells from a row-per-line copy.
                result.header_cells.extend(labels)
                continue
            columns: tuple[str, ...] = ()
            if key in rows_by_key:
                columns = rows_by_key[key][0].columns
            _add_row(result, key, labels, values, row, columns, _on_grid(table))
    return result


# --- shared ------------------------------------------------------------------------
def _on_grid(table: syntax.Table) -> bool:
    return table.layout is syntax.TableLayout.SHEET


def without_grid_gaps(values: list[tuple[syntax.Cell, CellValue]], width: int) -> list[tuple[syntax.Cell, CellValue]]:
    """A spreadsheet row's values without the empty cells that are gaps of the sheet's grid.

    :mod:`reportlint.sheet_copy` already leaves out the empty cells in columns where no
    header label starts, but LibreOffice Calc places a table's cells by their widths and
    does not always put a header label in the column of the values under it (table 四 of
    a wide HTML table), so a row can still hold empty cells that are no values. When the
    row has more values than the template has columns and leaving out its empty cells
    gives exactly that many, those empty cells were gaps; otherwise the row keeps them,
    and its shape is reported as it is.
    """
    filled = [item for item in values if item[1].kind is not CellKind.BLANK]
    return filled if len(values) > width == len(filled) else values


def _new_table(kind: str, tables: list[syntax.Table]) -> ReportTable:
    line = tables[0].line if tables else 0
    end_line = tables[-1].end_line if tables else 0
    return ReportTable(kind, line, end_line)


def _add_row(
    result: ReportTable,
    key: str | None,
    labels: list[syntax.Cell],
    values: list[tuple[syntax.Cell, CellValue]],
    row: syntax.Row,
    columns: tuple[str, ...],
    grid: bool = False,
) -> None:
    """Record one data row, mapping its values to *columns* when the count fits.

    *grid*: the row is on a spreadsheet's grid, where an empty cell may be a gap.
    """
    if grid and columns:
        values = without_grid_gaps(values, len(columns))
    while columns and len(values) > len(columns) and values[0][1].kind is CellKind.BLANK:
        values = values[1:]  # an empty placeholder cell left by a merged label column
    label = "".join(cell.text for cell in labels)
    anchor = labels[-1] if labels else row.cells[0]
    data_row = DataRow(key, label, anchor.line, anchor.column, result.kind, tuple(values))
    if key is None:
        result.extra_rows.append(data_row)
        return
    if key in result.rows:
        result.problems.append(
            TableProblem(
                ProblemKind.DUPLICATE_ROW, f"表{result.kind}中「{label}」行重复出现", anchor.line, anchor.column
            )
        )
        return
    result.rows[key] = data_row
    if columns and len(values) == len(columns):
        data_row.cells = {
            column: CellRef(result.kind, key, column, value, cell.line, cell.column, cell.first_line_length)
            for column, (cell, value) in zip(columns, values, strict=True)
        }
    elif columns:
        result.problems.append(
            TableProblem(
                ProblemKind.ROW_SHAPE,
                f"表{result.kind}「{label or key}」行有 {len(values)} 个数值，应为 {len(columns)} 个，"
                "无法确定各数值所在的列",
                anchor.line,
                anchor.column,
            )
        )
