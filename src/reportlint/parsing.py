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
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import Any

from lark import Lark, Token, Transformer, UnexpectedInput

from reportlint import sheet_copy
from reportlint.lazyre import lazy_compile
from reportlint.line_lexer import LineLexer, cell_of_line
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
    Wrap,
)
from reportlint.text import leading_space_count, strip_spaces

_PIPE_SEPARATOR_RE = lazy_compile(r"^[\s|:\-–—]+$")

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
    from reportlint.cache import seal
    from reportlint.parser_cache import parser_cache_file

    cache = parser_cache_file()
    parser = Lark.open_from_package(
        "reportlint_grammar",
        "report.lark",
        parser="lalr",
        maybe_placeholders=False,
        cache=cache or False,
        transformer=_SyntaxTreeBuilder(),
        lexer=LineLexer,
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
        # Only with Lark's own lexer: reportlint's hands whole rows over (see lexed_row).
        token: Token = children[0]
        first = cell_of_line(token.value, token.line or 1, token.column or 1)
        if len(children) == 1:
            return first
        joined = first.text + "".join(part.text for part in children[1:])
        # a wrapped cell ends its first line early
        return Cell(joined, first.line, first.column, children[-1].line or 1, len(first.text))

    def empty_cell(self, children: list[Token]) -> Cell:
        token = children[0]
        line = token.line or 1
        return Cell("", line, (token.column or 1) + token.value.index("\t") + 1, line)

    def sep_text(self, children: list[Any]) -> list[Line]:
        if isinstance(children[0], list):
            lines: list[Line] = children[0]
            lines.append(_line(children[-1]))
            return lines
        return [_line(children[0])]

    def sep_unit(self, children: list[Any]) -> list[Cell]:
        """The cells after one separator line: empty ones between its TABs, then its text."""
        token: Token = children[0]
        line = token.line or 1
        base = token.column or 1
        tabs = [index for index, char in enumerate(token.value) if char == "\t"]
        cells = [Cell("", line, base + tab + 1, line) for tab in tabs[:-1]]
        if len(children) > 1:
            lines: list[Line] = children[1]
            text = "".join(part.text for part in lines)
            cells.append(Cell(text, lines[0].line, lines[0].column, lines[-1].line))
        else:
            cells.append(Cell("", line, base + tabs[-1] + 1, line))
        return cells

    def sep_units(self, children: list[Any]) -> list[Cell]:
        if len(children) == 1:
            return list(children[0])
        cells: list[Cell] = children[0]
        cells.extend(children[1])
        return cells

    def sep_row(self, children: list[Any]) -> Row:
        first = _line(children[0])
        cells: list[Cell] = children[1]
        return Row((Cell(first.text, first.line, first.column, first.line), *cells), first.line)

    def cells(self, children: list[Any]) -> list[Cell]:
        return _append(children)

    def rows(self, children: list[Any]) -> list[Row]:
        return _append(children)

    def cell_row(self, children: list[list[Cell]]) -> Row:
        cells = children[0]
        return Row(tuple(cells), cells[0].line)

    def lexed_row(self, children: list[Any]) -> Row:
        """A row the lexer read whole (a ``CELL_ROW`` token's value), after any empty cells before it."""
        row: Row = children[-1].value
        if len(children) == 1:
            return row
        cells: list[Cell] = children[0]
        return Row((*cells, *row.cells), cells[0].line)

    def cell_table(self, children: list[list[Row]]) -> Table:
        return _table(TableLayout.CELL_PER_LINE, children[0])

    def tab_row(self, children: list[Token]) -> Row:
        cells = _split_cells(children[0], "\t")
        return Row(tuple(cells), cells[0].line)

    def empty_tab_row(self, children: list[Token]) -> Row:
        return self.tab_row(children)

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

    def start(self, children: list[list[Block | Row]]) -> list[Block]:
        blocks = _join_separator_rows(children[0] if children else [])
        return [block for block in blocks if not (isinstance(block, Table) and not block.rows)]


def _append(children: list[Any]) -> list[Any]:
    """One step of a left-recursive list rule: ``[item]`` or ``list + [item]``."""
    if len(children) == 1:
        return [children[0]]
    items: list[Any] = children[0]
    items.append(children[1])
    return items


def _join_separator_rows(blocks: list[Block | Row]) -> list[Block]:
    """Consecutive rows of the separator-line layout (blocks of their own) form one table.

    A row one blank line below the previous one continues its last cell (see
    :func:`_continues`). A table-二 caption (第二十条第（九）项, a one-cell row on a line of its own) right
    before such rows is the table's first row, as it is in the other layouts, and so
    is a short line between the caption and the rows (a header of one cell, such as
    「本年处理决定数量」 where 「信息内容」 is missing).
    """
    joined: list[Block] = []
    pending: list[Row] = []
    index = 0
    while index < len(blocks):
        block = blocks[index]
        if isinstance(block, Row):
            if pending and _continues(pending[-1], block):
                pending[-1] = _merge_rows(pending[-1], block)
            else:
                pending.append(block)
            index += 1
            continue
        if pending:
            joined.append(_table(TableLayout.SEPARATOR_LINES, pending))
            pending = []
        if isinstance(block, Table) and _is_caption(block):
            end = index + 1
            while end < len(blocks) and _is_header_line(blocks[end]):
                end += 1
            if end < len(blocks) and isinstance(blocks[end], Row):
                pending = list(block.rows)
                for header in blocks[index + 1 : end]:
                    assert isinstance(header, Paragraph)
                    pending.append(Row((Cell(header.text, header.line, header.column, header.line),), header.line))
                index = end
                continue
        joined.append(block)
        index += 1
    if pending:
        joined.append(_table(TableLayout.SEPARATOR_LINES, pending))
    return joined


def _continues(previous: Row, row: Row) -> bool:
    """True if *row* is only one blank line below *previous*: rows are a gap apart, so its
    first line is a further paragraph of the previous row's last cell (「本年新」 / 「制作数量」)."""
    last = previous.cells[-1]
    return bool(last.text) and row.line == last.end_line + 2


def _merge_rows(previous: Row, row: Row) -> Row:
    last, first = previous.cells[-1], row.cells[0]
    joined = Cell(last.text + first.text, last.line, last.column, first.end_line)
    return Row((*previous.cells[:-1], joined, *row.cells[1:]), previous.line)


_MAX_HEADER_LINE = 20
"""A one-cell header row between a table-二 caption and its rows is short."""


def _is_header_line(block: Block | Row) -> bool:
    return isinstance(block, Paragraph) and len(block.text) <= _MAX_HEADER_LINE


def _is_caption(block: Block | Row) -> bool:
    return (
        isinstance(block, Table)
        and block.layout is TableLayout.ROW_PER_LINE
        and all(len(row.cells) == 1 for row in block.rows)
    )


# -- wrapped paragraphs --------------------------------------------------------------
_PAGE_NUMBER_RE = lazy_compile(
    r"^(?:[-－—–]\s*\d{1,3}\s*[-－—–]|第\s*\d{1,3}\s*页(?:\s*[/，,]?\s*共\s*\d{1,3}\s*页)?|\d{1,3})$"
)
"""A page number line of a PDF's text: -3-, — 3 —, 第 3 页, 3."""


def join_wrapped_lines(blocks: list[Block], lines: list[str], paged: bool | None = None) -> list[Block]:
    """Join the lines of a paragraph that a PDF's text wrapped at its right margin.

    Text taken from a PDF (``pdftotext -layout``) keeps the typesetter's line breaks:
    a paragraph's first line is indented, the lines it wraps onto are not. So a line
    that starts at the margin, right after an indented line of text (or after the line
    it wrapped onto), continues that paragraph — also across a page break, where a
    page number line stands between. In text with page breaks (form feeds; *paged*,
    found in *lines* when not given) a paragraph may also start unindented, as a word
    processor's PDF often sets it, on a line that itself runs to the margin. Hand-made
    text (one paragraph a line, none indented) is left as it is. The joined block keeps
    where each line's text starts (:class:`reportlint.syntax.Wrap`), so findings still
    point into the right line.
    """
    joined: list[Block] = []
    open_index: int | None = None
    """Index in *joined* of the paragraph the next margin line would continue."""
    expected = 0
    """The line number a continuation must have (the line after the last one joined)."""
    last = 0
    """The last line of text joined so far: the one that must run to the margin."""
    margin: list[int] = []
    if paged is None:
        paged = any("\f" in line for line in lines)
    for block in blocks:
        if open_index is not None and isinstance(block, Paragraph) and _PAGE_NUMBER_RE.match(block.text):
            if not any(line.strip() for line in lines[expected - 1 : block.line - 1]):
                expected = _next_text_line(lines, block.line)
                joined.append(block)
                continue
        if open_index is not None and isinstance(block, Paragraph) and block.line == expected:
            if not _indented(block, lines) and _reaches_margin(lines, last, margin):
                target = joined[open_index]
                assert isinstance(target, (Paragraph, Heading, Item))
                joined[open_index] = _join(target, block)
                expected, last = block.line + 1, block.line
                continue
        if isinstance(block, (Paragraph, Heading, Item)) and (
            _indented(block, lines) or (paged and _reaches_margin(lines, block.line, margin))
        ):
            # A paragraph starts indented, or (a PDF's text without first-line indents)
            # on any line that runs to the margin.
            open_index, expected, last = len(joined), block.line + 1, block.line
        elif not (isinstance(block, Paragraph) and _PAGE_NUMBER_RE.match(block.text)):
            open_index = None
        else:
            expected = _next_text_line(lines, block.line)
        joined.append(block)
    return joined


def _width(text: str) -> int:
    """Display width: CJK characters take two columns, as in ``pdftotext -layout``."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


_TABLE_GAP_RE = lazy_compile(r"\S\s{2,}\S")
_MARGIN_SLACK = 3
"""Display columns a wrapped line may stop short of the margin (a punctuation mark kept off a line start)."""
_MIN_MARGIN = 30
_WRAPPED_SHARE = 0.5


def _reaches_margin(lines: list[str], number: int, margin: list[int]) -> bool:
    """True if line *number* (1-based) of text runs to the right margin, as a wrapped line does.

    The margin is the most common width of the document's plain lines (no column gaps),
    computed once per document into *margin*, if half of those lines are within a few
    columns of it (else the text was not wrapped by a typesetter); a line ending within
    three characters of it wrapped there, while a heading or a paragraph's last line
    stops short.
    """
    if not margin:
        widths = Counter(
            _width(line.rstrip())
            for line in lines
            if len(line.strip()) >= 10 and not _TABLE_GAP_RE.search(line.strip())
        )
        mode = widths.most_common(1)[0][0] if widths else 0
        near = sum(count for width, count in widths.items() if abs(width - mode) <= _MARGIN_SLACK)
        # Text wrapped by a typesetter has most of its lines at the margin; text with a
        # paragraph a line (an office suite's "save as text") has none, and no margin.
        wrapped = mode >= _MIN_MARGIN and near >= _WRAPPED_SHARE * sum(widths.values())
        margin.append(mode if wrapped else 1 << 30)
    raw = lines[number - 1].replace("\f", "") if 0 < number <= len(lines) else ""
    return _width(raw.rstrip()) >= margin[0] - 2 * _MARGIN_SLACK


def _indented(block: Line, lines: list[str]) -> bool:
    """True if the line's text starts after spaces (a form feed of a page break aside)."""
    raw = lines[block.line - 1] if 0 < block.line <= len(lines) else ""
    return bool(raw[: block.column - 1].replace("\f", ""))


def _next_text_line(lines: list[str], line: int) -> int:
    """The number of the first non-blank line after *line* (a page's first line)."""
    for number in range(line + 1, len(lines) + 1):
        if lines[number - 1].strip():
            return number
    return 0


def _join(target: Paragraph | Heading | Item, more: Paragraph) -> Paragraph | Heading | Item:
    from dataclasses import replace

    wrap = Wrap(len(target.text), more.line, more.column)
    return replace(target, text=target.text + more.text, wraps=(*target.wraps, wrap))


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

    sheet = sheet_copy.sheet_width(text) is not None
    if sheet:
        text = sheet_copy.unpad(text)
    blocks: list[Block] = load_parser().parse(text, on_error=recover)  # type: ignore[assignment]
    if sheet:
        blocks = [sheet_copy.drop_empty_columns(b) if isinstance(b, Table) and b.rows else b for b in blocks]
    return Document(tuple(join_wrapped_lines(blocks, text.split("\n"), "\f" in text)), tuple(errors))
