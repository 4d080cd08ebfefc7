"""Parsing: plain text → :class:`reportlint.syntax.Document`, with the Lark grammar.

The grammar (``grammar/reportlint_grammar/report.lark``) classifies whole lines and
groups them into headings, items, paragraphs and tables; a ``Transformer`` running
inside the LALR parser builds the typed nodes of :mod:`reportlint.syntax` as it goes.
The grammar accepts any sequence of lines, so a damaged report still yields a tree.
Should a grammar change ever make some input unparsable, the error is recorded at
its line (reported as P003) and parsing goes on: a safety net, not a code path that
real input reaches today.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer, UnexpectedInput

from reportlint.syntax import (
    Block,
    Cell,
    Document,
    Heading,
    Item,
    Line,
    Paragraph,
    Row,
    Table,
    TableLayout,
)
from reportlint.text import leading_space_count, strip_spaces

_PIPE_SEPARATOR_RE = re.compile(r"^[\s|:\-–—]+$")

# Lark logs (with a traceback) when it cannot write its parser cache, e.g. to a
# read-only temporary folder; parsing works regardless, so users never see it.
logging.getLogger("lark").addHandler(logging.NullHandler())


@lru_cache(maxsize=1)
def load_parser() -> Lark:
    """Build (or load from the private on-disk cache) the LALR parser once per process.

    The AST builder runs inside the parser (LALR's inline transformer), so no
    intermediate parse tree is built: about a third less work per report. The cache
    is never Lark's shared-temp-folder default, which unpickles whatever another
    user planted there (see :mod:`reportlint.parser_cache`).
    """
    from reportlint.parser_cache import parser_cache_file, seal

    cache = parser_cache_file()
    parser = Lark.open_from_package(
        "reportlint_grammar",
        "report.lark",
        parser="lalr",
        lexer="basic",
        maybe_placeholders=False,
        cache=cache or False,
        transformer=_SyntaxTreeBuilder(),
    )
    seal(cache)
    return parser


def _line(token: Token) -> Line:
    raw = token.value.rstrip("\n")
    return Line(strip_spaces(raw), token.line or 1, (token.column or 1) + leading_space_count(raw))


def _split_cells(token: Token, separator: str) -> list[Cell]:
    """Split a row line into cells, each with its own column."""
    raw = token.value.rstrip("\n")
    line = token.line or 1
    base = token.column or 1
    cells: list[Cell] = []
    offset = 0
    for part in raw.split(separator):
        text = strip_spaces(part)
        column = base + offset + (leading_space_count(part) if text else 0)
        cells.append(Cell(text, line, column, line))
        offset += len(part) + len(separator)
    return cells


class _SyntaxTreeBuilder(Transformer[Token, Any]):
    """Turn each grammar rule into the matching :mod:`reportlint.syntax` node."""

    def heading1(self, children: list[Token]) -> Heading:
        line = _line(children[0])
        return Heading(line.text, line.line, line.column, level=1)

    def heading2(self, children: list[Token]) -> Heading:
        line = _line(children[0])
        return Heading(line.text, line.line, line.column, level=2)

    def item(self, children: list[Token]) -> Item:
        line = _line(children[0])
        return Item(line.text, line.line, line.column)

    def paragraph(self, children: list[Token]) -> Paragraph:
        line = _line(children[0])
        return Paragraph(line.text, line.line, line.column)

    def continuation(self, children: list[Token]) -> Line:
        return _line(children[0])

    def cell(self, children: list[Any]) -> Cell:
        token: Token = children[0]
        raw = token.value.rstrip("\n")
        tab = raw.index("\t")
        text = strip_spaces(raw[tab + 1 :])
        column = (token.column or 1) + tab + 1
        if text:
            column += leading_space_count(raw[tab + 1 :])
        parts = [text] + [line.text for line in children[1:]]
        end_line = children[-1].line if len(children) > 1 else token.line
        first = len(text) if len(children) > 1 else None  # a wrapped cell ends its first line early
        return Cell("".join(parts), token.line or 1, column, end_line or 1, first)

    def cells(self, children: list[Any]) -> list[Cell]:
        return _append(children)

    def rows(self, children: list[Any]) -> list[Row]:
        return _append(children)

    def cell_row(self, children: list[list[Cell]]) -> Row:
        cells = children[0]
        return Row(tuple(cells), cells[0].line)

    def cell_table(self, children: list[list[Row]]) -> Table:
        return _table(TableLayout.CELL_PER_LINE, children[0])

    def tab_row(self, children: list[Token]) -> Row:
        cells = _split_cells(children[0], "\t")
        return Row(tuple(cells), cells[0].line)

    def caption_row(self, children: list[Token]) -> Row:
        line = _line(children[0])
        return Row((Cell(line.text, line.line, line.column, line.line),), line.line)

    def tab_table(self, children: list[Row]) -> Table:
        return _table(TableLayout.ROW_PER_LINE, children)

    def pipe_row(self, children: list[Token]) -> Row | None:
        cells = _split_cells(children[0], "|")
        # "| a | b |" splits into ["", "a", "b", ""]: drop the outer empties.
        if cells and not cells[0].text:
            cells = cells[1:]
        if cells and not cells[-1].text:
            cells = cells[:-1]
        if not cells or all(_PIPE_SEPARATOR_RE.match(cell.text or "-") for cell in cells):
            return None
        return Row(tuple(cells), cells[0].line)

    def pipe_table(self, children: list[Row | None]) -> Table:
        return _table(TableLayout.PIPE, [row for row in children if row is not None])

    def blocks(self, children: list[Any]) -> list[Block]:
        return _append(children)

    def start(self, children: list[list[Block]]) -> list[Block]:
        blocks = children[0] if children else []
        return [block for block in blocks if not (isinstance(block, Table) and not block.rows)]


def _append(children: list[Any]) -> list[Any]:
    """One step of a left-recursive list rule: ``[item]`` or ``list + [item]``."""
    if len(children) == 1:
        return [children[0]]
    items: list[Any] = children[0]
    items.append(children[1])
    return items


def _table(layout: TableLayout, rows: list[Row]) -> Table:
    if not rows:
        return Table(layout, (), 0, 0)
    last = rows[-1].cells[-1].end_line if rows[-1].cells else rows[-1].line
    return Table(layout, tuple(rows), rows[0].line, last)


def parse_text(text: str) -> Document:
    """Parse normalised report text (LF newlines, final LF) into a :class:`Document`."""
    errors: list[Line] = []

    def recover(error: UnexpectedInput) -> bool:
        errors.append(Line(str(getattr(error, "token", "") or "").strip(), error.line, error.column))
        return True

    blocks: list[Block] = load_parser().parse(text, on_error=recover)  # type: ignore[assignment]
    return Document(tuple(blocks), tuple(errors))
