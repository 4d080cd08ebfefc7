"""The syntax tree of a report: typed nodes the Lark parser builds as it parses.

The nodes say only what the text *looks like* (a heading, a paragraph, a table of
cells); what it *means* (section 三, table 三, row （七）总计) is the model's job.
All positions are 1-based lines and character columns in the original file.
"""

from __future__ import annotations

from dataclasses import field
from enum import StrEnum

from reportlint.records import record


class TableLayout(StrEnum):
    """How the table was laid out in the text; the model does not depend on it."""

    CELL_PER_LINE = "cell-per-line"
    ROW_PER_LINE = "row-per-line"
    PIPE = "pipe"
    SEPARATOR_LINES = "separator-lines"
    """A browser's copy: cells one per line, a TAB-only line between cells."""
    LINE_PER_CELL = "line-per-cell"
    """An office suite's "save as text": a line per cell and nothing else (rebuilt by the model)."""
    SPACE_ALIGNED = "space-aligned"
    """``pdftotext -layout``: cells side by side, apart by spaces (rebuilt by the model)."""
    SHEET = "sheet"
    """A whole spreadsheet copied: TAB rows on the sheet's grid (see :mod:`reportlint.sheet_copy`)."""


@record(frozen=True, slots=True)
class Line:
    """One line of text, stripped of surrounding spaces, with where its text starts."""

    text: str
    line: int
    column: int
    wraps: tuple[Wrap, ...] = field(default=(), kw_only=True)
    """For a paragraph wrapped over several lines (a PDF's text): where each further
    line's text starts in ``text``; empty for a line of its own."""

    @property
    def end_line(self) -> int:
        """The last line the text spans."""
        return self.wraps[-1].line if self.wraps else self.line

    def position(self, offset: int) -> tuple[int, int]:
        """The (line, column) of the character at *offset* in ``text``."""
        line, column, start = self.line, self.column, 0
        for wrap in self.wraps:
            if wrap.offset > offset:
                break
            line, column, start = wrap.line, wrap.column, wrap.offset
        return line, column + offset - start


@record(frozen=True, slots=True)
class Wrap:
    """One further line of a wrapped paragraph: from ``offset`` of the joined text on,
    the text is at (``line``, ``column``)."""

    offset: int
    line: int
    column: int


@record(frozen=True, slots=True)
class Heading(Line):
    """A numbered heading: level 1 is 一、… and level 2 is （一）…."""

    level: int


@record(frozen=True, slots=True)
class Item(Line):
    """A numbered item: 1. / 1、 / 1．…"""


@record(frozen=True, slots=True)
class Paragraph(Line):
    """Any other line of text."""


@record(frozen=True, slots=True)
class Cell:
    """One table cell. ``text`` joins the cell's continuation lines; blank is ``""``."""

    text: str
    line: int
    column: int
    end_line: int
    first_line_length: int | None = None
    """Characters of ``text`` on the cell's first line, when it wraps onto more lines
    (``None``: all of it is on that line), so an end column stays on that line."""


@record(frozen=True, slots=True)
class Row:
    """One table row, cells in reading order (merged cells leave empty leading cells)."""

    cells: tuple[Cell, ...]
    line: int


@record(frozen=True, slots=True)
class Table:
    """Consecutive rows in one layout."""

    layout: TableLayout
    rows: tuple[Row, ...]
    line: int
    end_line: int


Block = Heading | Item | Paragraph | Table


@record(frozen=True, slots=True)
class Document:
    """The blocks of a report in order, plus problems met while parsing."""

    blocks: tuple[Block, ...]
    syntax_errors: tuple[Line, ...] = ()
