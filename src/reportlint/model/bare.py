"""Tables whose cells are lines of their own, with nothing between cells or rows.

LibreOffice's "save as text" writes a table as one line per cell (an empty cell is an
empty line) and nothing else: no TAB, no row break. The grammar cannot tell such a cell
from a paragraph, so the model rebuilds the table from what it knows about reports: a
line that is only a number (or a none-mark such as 「-」) is a value cell; the values
that follow each other form a row, labelled by the line right above them; the short
lines around them (「信息内容」, 「自然人」, 「（三）不予公开」) are one-cell rows the tables
treat as headers or group labels. A section heading, a long paragraph or any other
block ends such a table.
"""

from __future__ import annotations

from reportlint import syntax
from reportlint.model import templates as tpl
from reportlint.model.sections import section_number
from reportlint.model.values import parse_value
from reportlint.text import fold

_HEADERS = frozenset(
    fold(column).replace(" ", "") for version in tpl.T2_BLOCKS.values() for block in version for column in block.columns
)
"""Table 二's column headers: a cell of two paragraphs (「本年新」 / 「制作数量」) is two lines."""

_MIN_RUNS = 3
"""Fewer runs of value lines than this are numbers in prose, not a table."""
_MAX_LABEL = 60
"""A longer line is prose, not a cell."""
_T3_WIDTH = 7
"""The widest labelled row (table 三); a longer run is table 四's one unlabelled row."""
_WIDTHS = (_T3_WIDTH, 15)
"""The values of a table-三 row and of table 四's row."""


def _is_value(block: syntax.Block) -> bool:
    if not isinstance(block, syntax.Paragraph) or block.wraps:
        return False
    value = parse_value(block.text)
    return (value.is_value and value.number is not None) or value.kind == "none-mark"


def _is_label(block: syntax.Block) -> bool:
    if isinstance(block, syntax.Table):
        return all(len(row.cells) == 1 for row in block.rows)  # a table-二 caption
    return len(block.text) <= _MAX_LABEL and section_number(block) is None


def _one_cell_rows(block: syntax.Block) -> list[syntax.Row]:
    if isinstance(block, syntax.Table):
        return list(block.rows)
    return [syntax.Row((syntax.Cell(block.text, block.line, block.column, block.line),), block.line)]


def join_bare_cells(blocks: tuple[syntax.Block, ...], lines: list[str]) -> tuple[syntax.Block, ...]:
    """*blocks* with each table of one-line cells turned into a :class:`syntax.Table`."""
    values = [_is_value(block) for block in blocks]
    runs = sum(1 for index, flag in enumerate(values) if flag and (index == 0 or not values[index - 1]))
    if runs < _MIN_RUNS:
        return blocks
    result: list[syntax.Block] = []
    index = 0
    while index < len(blocks):
        if not values[index]:
            result.append(blocks[index])
            index += 1
            continue
        # A run of value lines: the table reaches back over the label lines before it.
        start = len(result)
        while start > 0 and _is_label(result[start - 1]) and not _is_table_of_rows(result[start - 1]):
            start -= 1
        rows: list[syntax.Row] = []
        for label in result[start:]:
            rows.extend(_one_cell_rows(label))
        del result[start:]
        kept, resume = len(rows), index
        while index < len(blocks) and (values[index] or _is_label(blocks[index])):
            if not values[index]:
                rows.extend(_label_rows(blocks, index, lines))
                index += 1
                continue
            end = index
            while end < len(blocks) and values[end]:
                end += 1
            rows = _value_row(rows, blocks[index:end], blocks[end] if end < len(blocks) else None, lines)
            kept, resume = len(rows), end
            index = end
        # Label lines after the last values are the text after the table.
        rows, index = rows[:kept], resume
        rows = _join_split_headers(rows)
        if rows:
            last = rows[-1].cells[-1]
            result.append(syntax.Table(syntax.TableLayout.LINE_PER_CELL, tuple(rows), rows[0].line, last.end_line))
    return tuple(result)


def _label_rows(blocks: tuple[syntax.Block, ...], index: int, lines: list[str]) -> list[syntax.Row]:
    """The rows of one label line inside a table: a row of empty cells when seven or more
    empty lines follow it (a table-三 row left blank), else a one-cell row."""
    block = blocks[index]
    rows = _one_cell_rows(block)
    if isinstance(block, syntax.Table) or index + 1 >= len(blocks):
        return rows
    blanks = range(block.line + 1, blocks[index + 1].line)
    if len(blanks) < _T3_WIDTH or not all(not lines[blank - 1].strip() for blank in blanks):
        return rows
    empties = [syntax.Cell("", blank, 1, blank) for blank in blanks[:_T3_WIDTH]]
    return [syntax.Row((rows[0].cells[0], *empties), block.line)]


def _join_split_headers(rows: list[syntax.Row]) -> list[syntax.Row]:
    """Join two one-cell rows whose texts together are a table-二 column header."""
    joined: list[syntax.Row] = []
    for row in rows:
        if joined and len(row.cells) == 1 and len(joined[-1].cells) == 1:
            above, cell = joined[-1].cells[0], row.cells[0]
            if fold(above.text + cell.text).replace(" ", "") in _HEADERS:
                merged = syntax.Cell(above.text + cell.text, above.line, above.column, cell.end_line)
                joined[-1] = syntax.Row((merged,), above.line)
                continue
        joined.append(row)
    return joined


def _is_table_of_rows(block: syntax.Block) -> bool:
    return isinstance(block, syntax.Table) and not all(len(row.cells) == 1 for row in block.rows)


def _value_row(
    rows: list[syntax.Row], run: tuple[syntax.Block, ...], following: syntax.Block | None, lines: list[str]
) -> list[syntax.Row]:
    """Add the row of one run of value lines to *rows*, with the label line above it."""
    cells: list[syntax.Cell] = []
    previous: syntax.Block | None = None
    for block in run:
        assert isinstance(block, syntax.Paragraph)
        if previous is not None:
            for blank in range(previous.line + 1, block.line):
                cells.append(syntax.Cell("", blank, 1, blank))  # an empty line is an empty cell
        cells.append(syntax.Cell(block.text, block.line, block.column, block.line))
        previous = block
    if previous is not None:
        end = following.line if following is not None else len(lines) + 1
        blanks = range(previous.line + 1, end)
        # Empty lines after the last value are the row's trailing empty cells when there
        # are enough of them to make up a template row (seven values in table 三, fifteen
        # in table 四); those left over are the next row's merged label cells, which
        # LibreOffice writes as empty lines too.
        width = next((width for width in _WIDTHS if len(cells) <= width), None)
        if width is not None and len(cells) + len(blanks) >= width:
            cells += [syntax.Cell("", blank, 1, blank) for blank in blanks[: width - len(cells)]]
    label_row = rows[-1] if rows and len(rows[-1].cells) == 1 and len(cells) <= _T3_WIDTH else None
    if label_row is not None and run[0].line - label_row.cells[0].end_line <= 1 + _T3_WIDTH:
        rows = rows[:-1]
        cells = [label_row.cells[0], *cells]
    return [*rows, syntax.Row(tuple(cells), cells[0].line)]
