"""Laying out a document as report text: paragraphs one per line, tables one row per line.

The HTML and PDF readers both find paragraphs and table cells in their documents;
this module turns them into the text the grammar parses, and records where each
line and cell came from. Tables become rows of TAB-separated cells (the grammar's
row-per-line layout). A merged cell is first placed on a full grid: a cell that
spans rows is repeated in every row it covers, so each row carries its labels
(「三、本年度办理结果」 on each row of table 三); a cell that spans columns is written
once, because repeating a number across columns would add values the template
does not have (table 二's 「本年新公开数量」 spans two grid columns in many reports).
"""

from __future__ import annotations

from collections.abc import Callable

from reportlint.lazyre import lazy_compile
from reportlint.readers.extracted import ExtractedText, Origin, OriginSpan
from reportlint.records import record

_TAB_OR_NEWLINE = lazy_compile(r"[\t\r\n\f\v]+")


def clean_cell(text: str) -> str:
    """A cell's or paragraph's text on one line: TABs and newlines become spaces, ends stripped."""
    return _TAB_OR_NEWLINE.sub(" ", text).strip(" \u00a0\u3000")


@record(frozen=True, slots=True)
class GridCell:
    """One cell of a document's table, where it starts and how far it spans."""

    row: int
    column: int
    text: str
    origin: Origin
    rowspan: int = 1
    colspan: int = 1


def grid_rows(cells: list[GridCell]) -> list[list[GridCell]]:
    """The table's rows with merged cells expanded (see the module docstring).

    *cells* give their own start (row, column) on the grid; a cell covering the same
    grid position as an earlier one is dropped (malformed spans happen in real pages).
    Each returned row lists its cells left to right: a row-spanning cell appears in
    every row it covers, a column-spanning cell once.
    """
    if not cells:
        return []
    height = max(cell.row + cell.rowspan for cell in cells)
    owner: dict[tuple[int, int], GridCell] = {}
    for cell in cells:
        for row in range(cell.row, cell.row + cell.rowspan):
            for column in range(cell.column, cell.column + cell.colspan):
                owner.setdefault((row, column), cell)
    width = max(column for _, column in owner) + 1
    rows: list[list[GridCell]] = []
    for row in range(height):
        out: list[GridCell] = []
        for column in range(width):
            here = owner.get((row, column))
            if here is not None and (not out or out[-1] is not here):
                out.append(here)
        rows.append(out)
    return rows


class TextBuilder:
    """Accumulates report lines and their origins, then becomes an :class:`ExtractedText`."""

    def __init__(self, kind: str) -> None:
        self.kind = kind
        self.lines: list[str] = []
        self.spans: list[OriginSpan] = []

    def paragraph(self, text: str, origin: Origin) -> None:
        """Add one paragraph as one line (empty paragraphs are skipped)."""
        text = clean_cell(text)
        if not text:
            return
        self.spans.append(OriginSpan(len(self.lines) + 1, 1, origin))
        self.lines.append(text)

    def paragraph_parts(self, parts: list[tuple[str, Origin]], join: Callable[[list[str]], str]) -> None:
        """Add one paragraph made of several pieces (wrapped lines), each with its origin.

        *join* joins the pieces' texts (with or without spaces); each piece's origin
        starts at the column where its text starts in the joined line.
        """
        texts = [clean_cell(text) for text, _ in parts]
        line_number = len(self.lines) + 1
        joined = ""
        spans: list[OriginSpan] = []
        for text, (_, origin) in zip(texts, parts, strict=True):
            if not text:
                continue
            longer = join([joined, text]) if joined else text
            spans.append(OriginSpan(line_number, len(longer) - len(text) + 1, origin))
            joined = longer
        if joined:
            self.spans += spans
            self.lines.append(joined)

    def table(self, rows: list[list[GridCell]]) -> None:
        """Add a table, one row per line, cells separated by TABs.

        A row needs two TABs, or text before its first TAB, to be read as a row (one
        leading TAB is a cell of the seed layout); short rows are written so.
        """
        for row in rows:
            cells = [(clean_cell(cell.text), cell.origin) for cell in row]
            if not any(text for text, _ in cells):
                continue
            if len(cells) < 3:
                cells = [(text, origin) for text, origin in cells if text]
            if len(cells) == 1:
                cells.append(("", cells[0][1]))
            line_number = len(self.lines) + 1
            column = 1
            for text, origin in cells:
                self.spans.append(OriginSpan(line_number, column, origin))
                column += len(text) + 1
            self.lines.append("\t".join(text for text, _ in cells))

    def build(self) -> ExtractedText:
        """The text and its origin spans."""
        text = "\n".join(self.lines) + "\n" if self.lines else ""
        return ExtractedText(text, tuple(self.spans), self.kind)
