"""The report grammar's lexer: Lark's basic lexer, with a cell-per-line row lexed as one token.

Most lines of a report are table cells of the seed layout, one cell a line. Fed to
the LALR parser one by one, each costs a token, a ``cell`` and a ``cells`` reduction
and their callbacks: most of the parse. :class:`LineLexer` classifies every line
exactly as Lark's basic lexer does (the same terminals, tried in the same order by
one regular expression), but gathers the lines of one such row — a ``CELL`` line,
the ``TEXT`` lines continuing it, further ``CELL``, ``SEP`` and ``SEP_END`` lines, and
the blank lines that end the row — into one ``CELL_ROW`` token that carries the row's
cells. The grammar's rules for those lines stay (``cell_row: cells _blank?``) and
give the same rows with Lark's own lexer; the grouping follows them line by line
(a ``TEXT`` line continues a cell only right after a ``CELL`` line or a continuation,
a blank run ends the row), and ``tests/test_parsing.py`` holds the two lexers to the
same trees on every shared report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from types import ModuleType
from typing import Any, cast

from reportlint.pattern_cache import LarkRe
from reportlint.report_parser import BasicLexer, LexerState, Token
from reportlint.syntax import Cell, Row
from reportlint.text import SPACE_CHARS

CELL_ROW = "CELL_ROW"
"""The declared terminal of a whole cell-per-line row; its ``value`` is the :class:`Row`."""

_BLANKS = frozenset(("_BLANK", "_GAP"))
_new_str = str.__new__


def _token(kind: str, value: Any, text: str, start: int, line: int, column: int, end: tuple[int, int, int]) -> Token:
    """A Lark token without ``Token.__new__``'s keyword handling (this runs for every line).

    *end* is (position, line, column) after the token, as Lark's line counter gives them.
    """
    token: Token = _new_str(Token, text)
    token.type = kind
    token.value = value
    token.start_pos = start
    token.line = line
    token.column = column
    token.end_pos, token.end_line, token.end_column = end
    return token


def cell_of_line(value: str, line: int, column: int) -> Cell:
    """The cell of one ``CELL`` line (*value* with its newline), at (*line*, *column*)."""
    tab = value.index("\t")
    after = value[tab + 1 : -1]  # the token ends with its "\n"
    text = after.strip(SPACE_CHARS)
    column += tab + 1
    if text:
        column += len(after) - len(after.lstrip(SPACE_CHARS))
    return Cell(text, line, column, line)


class LineLexer(BasicLexer):
    """Lark's basic lexer for the report grammar, a cell-per-line row as one ``CELL_ROW`` token."""

    __future_interface__ = 2
    """Called with Lark's lexer state (line counter and all), as its own lexers are."""

    _compiled: re.Pattern[str] | None = None

    def __init__(self, conf: Any, comparator: Any = None) -> None:
        super().__init__(conf, comparator)
        self.re = cast(ModuleType, LarkRe)  # Lark's scanner and this lexer's pattern compile through the pattern cache

    def lex(self, lexer_state: LexerState, parser_state: Any) -> Iterator[Token]:
        """The tokens from where *lexer_state* stands, the line counter kept as Lark keeps it
        (an error is Lark's own, raised at the first line no terminal matches)."""
        match = self._pattern().match
        if match is None:  # not a grammar of whole lines: Lark's own loop
            yield from super().lex(lexer_state, parser_state)
            return
        counter = lexer_state.line_ctr
        text, end = lexer_state.text.text, lexer_state.text.end
        pos, line, column, line_start = counter.char_pos, counter.line, counter.column, counter.line_start_pos
        found = match(text, pos, end) if pos < end else None
        while found is not None:
            kind = found.lastgroup
            if kind == "CELL":
                row, found, after, end_line = _row(found, match, end, line, column)
                value: Any = row
                piece = text[pos:after]
            else:
                piece = value = found.group()
                after = found.end()
                end_line = line + value.count("\n")
                found = match(text, after, end) if after < end else None
            newline = text.rfind("\n", pos, after)
            if newline >= 0:
                line_start = newline + 1
            column_after = after - line_start + 1
            token = _token(
                CELL_ROW if kind == "CELL" else kind, value, piece, pos, line, column, (after, end_line, column_after)
            )
            counter.char_pos, counter.line, counter.column = after, end_line, column_after
            counter.line_start_pos = line_start
            lexer_state.last_token = token
            yield token
            pos, line, column = after, end_line, column_after
        if pos < end:
            yield self.next_token(lexer_state, parser_state)  # raises Lark's UnexpectedCharacters

    def _pattern(self) -> Any:
        """The terminals as one alternation in priority order, as Lark's scanner builds it (or,
        when the scanner needs more — keyword callbacks, ignored terminals — one whose ``match`` is ``None``)."""
        if self._compiled is None:
            self.scanner  # noqa: B018 - builds the callbacks this checks
            if self.callback or self.ignore_types:
                return _NO_PATTERN
            joined = "|".join(f"(?P<{t.name}>{t.pattern.to_regexp()})" for t in self.terminals)
            self._compiled = self.re.compile(joined, self.g_regex_flags)
        return self._compiled


class _NoPattern:
    match = None


_NO_PATTERN = _NoPattern()

_Match = re.Match[str]


def _row(found: _Match | None, match: Any, end: int, line: int, column: int) -> tuple[Row, _Match | None, int, int]:
    """One row from its first ``CELL`` line: (the row, the match after it, where it ends, the line after it)."""
    assert found is not None
    text = found.string
    cells: list[Cell] = []
    current: Cell | None = None  # the last cell, while a TEXT line may still continue it
    parts: list[str] = []
    after = found.start()
    while found is not None:
        kind = found.lastgroup
        value = found.group()
        if kind == "CELL":
            if current is not None:
                cells.append(_continued(current, parts, line - 1) if parts else current)
            current, parts = cell_of_line(value, line, column), []
        elif kind == "TEXT" and current is not None:
            parts.append(value[:-1].strip(SPACE_CHARS))
        elif kind == "SEP" or kind == "SEP_END":
            if current is not None:
                cells.append(_continued(current, parts, line - 1) if parts else current)
                current = None
            cells.append(Cell("", line, column + value.index("\t") + 1, line))
        else:
            break
        line, column = line + 1, 1
        after = found.end()
        found = match(text, after, end) if after < end else None
    if current is not None:
        cells.append(_continued(current, parts, line - 1) if parts else current)
    if found is not None and found.lastgroup in _BLANKS:  # the blank lines that end the row
        line += found.group().count("\n")
        after = found.end()
        found = match(text, after, end) if after < end else None
    return Row(tuple(cells), cells[0].line), found, after, line


def _continued(cell: Cell, parts: list[str], end_line: int) -> Cell:
    """*cell* with the text of the ``TEXT`` lines that continue it (a wrapped cell ends its first line early)."""
    return Cell(cell.text + "".join(parts), cell.line, cell.column, end_line, len(cell.text))
