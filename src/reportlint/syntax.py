"""The syntax tree of a report: typed nodes the Lark parser builds as it parses.

The nodes say only what the text *looks like* (a heading, a paragraph, a table of
cells); what it *means* (section 三, table 三, row （七）总计) is the model's job.
All positions are 1-based lines and character columns in the original file.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class TableLayout(StrEnum):
    """How the table was laid out in the text; the model does not depend on it."""

    CELL_PER_LINE = "cell-per-line"
    ROW_PER_LINE = "row-per-line"
    PIPE = "pipe"


@dataclass(frozen=True, slots=True)
class Line:
    """One line of text, stripped of surrounding spaces, with where its text starts."""

    text: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Heading(Line):
    """A numbered heading: level 1 is 一、… and level 2 is （一）…."""

    level: int


@dataclass(frozen=True, slots=True)
class Item(Line):
    """A numbered item: 1. / 1、 / 1．…"""


@dataclass(frozen=True, slots=True)
class Paragraph(Line):
    """Any other line of text."""


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell. ``text`` joins the cell's continuation lines; blank is ``""``."""

    text: str
    line: int
    column: int
    end_line: int
    first_line_length: int | None = None
    """Characters of ``text`` on the cell's first line, when it wraps onto more lines
    (``None``: all of it is on that line), so an end column stays on that line."""


@dataclass(frozen=True, slots=True)
class Row:
    """One table row, cells in reading order (merged cells leave empty leading cells)."""

    cells: tuple[Cell, ...]
    line: int


@dataclass(frozen=True, slots=True)
class Table:
    """Consecutive rows in one layout."""

    layout: TableLayout
    rows: tuple[Row, ...]
    line: int
    end_line: int


Block = Heading | Item | Paragraph | Table


@dataclass(frozen=True, slots=True)
class Document:
    """The blocks of a report in order, plus problems met while parsing."""

    blocks: tuple[Block, ...]
    syntax_errors: tuple[Line, ...] = ()
