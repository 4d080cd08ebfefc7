"""A spreadsheet's copy: the whole sheet as a grid of TAB-separated rows.

What LibreOffice Calc (or any spreadsheet) puts on the clipboard when a sheet that
holds a report is selected whole and copied: one line per sheet row, each with the
same number of TABs, because every row is as wide as the used area. Prose sits in the
first column, so a paragraph is ``text`` followed by a run of TABs; a table keeps the
sheet's columns, so a cell merged over several columns leaves empty cells after it,
and columns that only serve to line up another table's cells are empty in every row
of this one.

Two steps give the grammar and the model what they already read, without moving any
character: :func:`unpad` removes the TABs after a line's only cell (so prose, headings
and captions are lines of their own again), and :func:`drop_empty_columns` removes
from each table block the grid columns that are empty in every one of its rows, and
from its data rows the empty cells in columns where no header label starts (a gap
beside a label merged over two columns, such as 自然人). A blank value cell stays,
since a header label starts in its column. The table's layout is then ``SHEET``, which
tells the model that an empty cell may still be a gap of the grid
(:func:`reportlint.model.tables.without_grid_gaps`).
"""

from __future__ import annotations

from reportlint.lazyre import lazy_compile
from reportlint.syntax import Row, Table, TableLayout

MIN_WIDTH = 4
"""A sheet is at least this many TABs wide, so that a short TAB-row table is no sheet."""

_PADDED_RE = lazy_compile(r"^[^\t]*\t+$")
_NUMBER_RE = lazy_compile(r"^\s*-?[0-9０-９][0-9０-９,，.．]*\s*(?:元|万元|%)?\s*$")
_HEADING_RE = lazy_compile(r"^\s*[一二三四五六七八九十]+[、，,．.]")


def sheet_width(text: str) -> int | None:
    """The number of TABs on every line when *text* is a whole-sheet copy, else ``None``.

    Every line but a final empty one must have the same number of TABs: hand-written
    text and the other copies never do, which keeps this from changing how they read.
    """
    width = text[: text.find("\n")].count("\t")
    if width < MIN_WIDTH:  # the usual case, decided by the first line alone
        return None
    lines = text.rstrip("\n").split("\n")
    if len(lines) < 2 or any(line.count("\t") != width for line in lines):
        return None
    return width


def unpad(text: str) -> str:
    """*text* with the TABs removed after each line's only (first) cell, or from a line of TABs only.

    A one-cell line right before a row of several cells stays as it is, a row of the
    table, unless it is a section heading: a block's header of one label
    (本年处理决定数量 under 第二十条第（六）项) belongs to its block.
    """
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines):
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if _PADDED_RE.match(line) and not (line.strip("\t") and not _HEADING_RE.match(line) and _cells(following) > 1):
            line = line.rstrip("\t")
        out.append(line)
    return "\n".join(out)


def _cells(line: str) -> int:
    return sum(1 for cell in line.split("\t") if cell.strip())


def drop_empty_columns(table: Table) -> Table:
    """*table* without the grid columns that are empty in every row of their block.

    A row's cells are the sheet's columns in order (leading empty cells included), so
    the same index is the same column in every row. A row whose only text is its first
    cell is a caption (a table-二 block such as 第二十条第（五）项) or a block's one-label
    header: it starts a block with columns of its own, so each block is thinned by itself.
    """
    blocks: list[list[Row]] = [[]]
    for row in table.rows:
        if sum(1 for cell in row.cells if cell.text) == 1 and row.cells[0].text and blocks[-1]:
            blocks.append([])
        blocks[-1].append(row)
    rows = tuple(thinned for block in blocks for thinned in _thin(block))
    return Table(TableLayout.SHEET, rows, table.line, table.end_line)


def _thin(rows: list[Row]) -> list[Row]:
    width = max(len(row.cells) for row in rows)
    kept = [index for index in range(width) if any(index < len(row.cells) and row.cells[index].text for row in rows)]
    first_data = next(
        (number for number, row in enumerate(rows) if any(_NUMBER_RE.match(c.text) for c in row.cells)), 0
    )
    leaves = _leaf_columns(rows[:first_data])
    thinned: list[Row] = []
    for number, row in enumerate(rows):
        columns = [index for index in kept if index < len(row.cells)]
        if number >= first_data and leaves:
            # A data row's empty cell in a column no header label starts in is a gap of the grid.
            columns = [index for index in columns if row.cells[index].text or index in leaves]
        thinned.append(Row(tuple(row.cells[index] for index in columns), row.line))
    return thinned


def _leaf_columns(header: list[Row]) -> set[int]:
    """The grid columns where a header label starts that no lower header row divides.

    A label spans the columns up to the next label of its row; when a lower header row
    has labels within that span (申请人情况 over 自然人 …, 行政诉讼 over 未经复议直接起诉 …)
    it is a group and its first column holds no value of its own.
    """
    starts = [[index for index, cell in enumerate(row.cells) if cell.text] for row in header]
    leaves: set[int] = set()
    for level, columns in enumerate(starts):
        for position, start in enumerate(columns):
            end = columns[position + 1] if position + 1 < len(columns) else None
            below = (c for lower in starts[level + 1 :] for c in lower)
            if not any(start <= c and (end is None or c < end) for c in below):
                leaves.add(start)
    return leaves
